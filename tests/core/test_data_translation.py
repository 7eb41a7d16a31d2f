"""Data files in German: the overlay rules, and each file's loader with a language."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

from matwork.core.assessment_norms import load_norms, localized_norms
from matwork.core.assessment_protocol import load_protocol, localized_protocol
from matwork.core.data_translation import (
    TranslationDataError,
    localized_data,
    overlay,
    translation_resource,
)
from matwork.core.guidance import guidance, localized_guidance
from matwork.core.programme_builder import localized_recipes, recipes
from matwork.core.red_flags import evaluate, load_red_flags, localized_red_flags

ENGLISH: dict[str, Any] = {
    "format": 1,
    "notice": "Stop on pain.",
    "lines": ["One", "Two"],
    "group": [{"id": "a", "name": "First", "count": 3}, {"id": "b", "name": "Second"}],
    "table": {"means": "It means", "value": 4.5},
}


def test_overlay_lays_texts_over_the_english_and_keeps_everything_else() -> None:
    german = {
        "notice": "Hör auf bei Schmerzen.",
        "lines": ["Eins", "Zwei"],
        "group": [{"id": "a", "name": "Erste"}, {"id": "b"}],
        "table": {"means": "Es bedeutet"},
    }
    merged = overlay(ENGLISH, german)
    assert merged == {
        "format": 1,
        "notice": "Hör auf bei Schmerzen.",
        "lines": ["Eins", "Zwei"],
        "group": [{"id": "a", "name": "Erste", "count": 3}, {"id": "b", "name": "Second"}],
        "table": {"means": "Es bedeutet", "value": 4.5},
    }
    assert ENGLISH["notice"] == "Stop on pain."  # the English is not changed


@pytest.mark.parametrize(
    ("german", "message"),
    [
        ({"format": 2}, "format: only texts are translated, found 2"),
        ({"table": {"value": "viel"}}, "table.value: only texts are translated"),
        ({"notise": "x"}, "notise: the English file has no such key"),
        ({"lines": ["Eins"]}, "lines: 1 items, the English has 2"),
        ({"group": [{"id": "b"}, {"id": "a"}]}, "group[0].id: 'b' is not the English 'a'"),
        ({"notice": "  "}, "notice: empty text"),
        ({"table": "Tabelle"}, "table: only texts are translated"),
    ],
)
def test_overlay_refuses_anything_but_texts_in_their_place(
    german: dict[str, Any], message: str
) -> None:
    with pytest.raises(TranslationDataError, match=message.replace("[", r"\[")):
        overlay(ENGLISH, german)


def test_a_translation_file_is_named_after_its_english_file() -> None:
    assert translation_resource("guidance.toml", "de") == "guidance.de.toml"
    assert translation_resource("red_flags.toml", "de") == "red_flags.de.toml"


def test_localized_data_is_the_english_for_en_and_refuses_other_languages() -> None:
    assert localized_data("guidance.toml", "en")["stretch-hold"]["min"] == 10
    with pytest.raises(ValueError, match="unsupported language 'fr'"):
        localized_data("guidance.toml", "fr")


def _numbers(value: Any) -> Any:
    """Everything in a decoded struct but its texts: to compare two languages."""
    if isinstance(value, dict):
        return {key: _numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_numbers(item) for item in value]
    return None if isinstance(value, str) else value


def test_guidance_in_german_has_german_texts_and_the_same_numbers() -> None:
    english, german = guidance(), localized_guidance("de")
    assert localized_guidance("en") is english
    assert german["stretch-hold"].means.startswith("Halte jede statische Dehnung")
    assert german["stretch-hold"].source == english["stretch-hold"].source
    assert _numbers(msgspec.to_builtins(dict(german))) == _numbers(
        msgspec.to_builtins(dict(english))
    )


def test_red_flags_in_german_ask_the_same_questions_and_block_the_same_way() -> None:
    english, german = load_red_flags(), localized_red_flags("de")
    assert localized_red_flags("en") is english
    assert [q.id for _, q in german.questions()] == [q.id for _, q in english.questions()]
    assert [g.urgency for g in german.group] == [g.urgency for g in english.group]
    assert [q.source for _, q in german.questions()] == [q.source for _, q in english.questions()]
    check = evaluate({"saddle-numbness": True}, german)
    assert check.blocks_training
    assert check.most_urgent is not None
    assert check.most_urgent.name.startswith("Nerven-Notfall")
    assert check.lines[-2] == german.paused_text
    assert check.lines[-1] == german.notice
    assert "keine Diagnose" in german.notice
    clear = evaluate({q.id: False for _, q in german.questions()}, german)
    assert clear.lines == [german.clear_text, german.notice]


def test_the_protocol_in_german_keeps_the_order_ceilings_and_units() -> None:
    english, german = load_protocol(), localized_protocol("de")
    assert german.order == english.order
    for (test_id, step), (_, original) in zip(german.steps(), english.steps(), strict=True):
        assert (step.kind, step.unit, step.ceiling, step.rest_after) == (
            original.kind,
            original.unit,
            original.ceiling,
            original.rest_after,
        ), test_id
        assert len(step.instructions) == len(original.instructions)
        assert step.name != original.name
    assert german.test["extensor-hold"].name.endswith("(Biering-Sørensen-Test)")


def test_the_norms_in_german_keep_every_number_and_source() -> None:
    english, german = load_norms(), localized_norms("de")
    assert german.sources == english.sources
    assert _numbers(msgspec.to_builtins(german)) == _numbers(msgspec.to_builtins(english))
    assert german.ratio.flexion_extension.source == english.ratio.flexion_extension.source
    assert german.ratio.flexion_extension.goal_below == 1.0
    assert german.cutoff.fingertip_floor.means.startswith("Die Vorbeuge ist eingeschränkt")
    assert german.mdc["thomas"].none is not None


def test_the_emphases_in_german_add_the_same_exercises() -> None:
    english, german = recipes(), localized_recipes("de")
    assert {key: recipe.use for key, recipe in german.items()} == {
        key: recipe.use for key, recipe in english.items()
    }
    assert german["hip-flexor-length-left"].title == "Länge der Hüftbeuger, links"
