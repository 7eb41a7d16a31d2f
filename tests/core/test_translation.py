"""Translations inside routine and programme files: checking, applying, writing them."""

from __future__ import annotations

import pytest

from matwork.core import compile_timeline, parse_routine
from matwork.core.kinds import SegmentKind
from matwork.core.programme import parse_programme, programme_notices
from matwork.core.routine import RoutineError, check_routine_text
from matwork.core.translation import (
    localized_routine,
    programme_texts,
    routine_texts,
    translated,
    translated_programme,
)
from matwork.core.writer import routine_to_toml

ROUTINE = """\
name = "Morning back"
description = "Ten minutes."

[catalog.wall-press]
name = "Wall press"
category = "strength"
instructions = ["Hands on the wall", "Press"]
cautions = ["Stop on pain"]
reps = 4
tempo = "1-0-1-0"

[[block]]
name = "Mobilise"
note = "Small ranges."

[[block.exercise]]
id = "cat-cow"
cues = ["Move slowly", "Breathe"]

[[block.exercise]]
id = "Brücke"
reps = 2
tempo = "1-0-1-1"
cues = "Press through your heels"
note = "Feet flat."

[[block.exercise]]
id = "wall-press"
name = "Press at the wall"

[translations.de]
name = "Rücken am Morgen"

[translations.de.text]
"Mobilise" = "Mobilisieren"
"Move slowly" = "Langsam bewegen"
"Press through your heels" = "Über die Fersen drücken"
"Wall press" = "Wanddrücken"
"Hands on the wall" = "Hände an die Wand"
"Press at the wall" = "An der Wand drücken"
"""


def _place(text: str, needle: str) -> tuple[int, int]:
    """The 1-based line and column where ``needle`` starts in ``text``."""
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def test_translated_puts_each_text_in_german_and_keeps_english_where_none() -> None:
    german = translated(parse_routine(ROUTINE, "r.toml"), "de")
    assert german.name == "Rücken am Morgen"
    assert german.description == "Ten minutes."  # no German description: English
    block = german.block[0]
    assert (block.name, block.note) == ("Mobilisieren", "Small ranges.")
    assert block.exercise[0].cues == ["Langsam bewegen", "Breathe"]
    assert block.exercise[1].cues == "Über die Fersen drücken"
    assert block.exercise[2].name == "An der Wand drücken"
    own = german.catalog["wall-press"]
    assert own.name == "Wanddrücken"
    assert own.instructions == ["Hände an die Wand", "Press"]
    assert own.cautions == ["Stop on pain"]
    # phase words the file never wrote follow the language
    assert own.phases.words() == ("senken", "Pause", "heben", "Pause")


def test_english_is_the_routine_itself_and_an_unknown_language_is_refused() -> None:
    routine = parse_routine(ROUTINE, "r.toml")
    assert translated(routine, "en") is routine
    with pytest.raises(ValueError, match="unsupported language 'fr'"):
        translated(routine, "fr")


def test_a_routine_without_translations_stays_english_in_german() -> None:
    text = 'name = "Plain"\n\n[[block]]\nname = "One"\n[[block.exercise]]\nid = "cat-cow"\n'
    german = translated(parse_routine(text, "r.toml"), "de")
    assert (german.name, german.block[0].name) == ("Plain", "One")


def test_localized_routine_shows_builtin_exercises_in_german_on_the_timeline() -> None:
    routine = parse_routine(ROUTINE, "r.toml")
    timeline = compile_timeline(localized_routine(routine, "de"))
    works = [seg for seg in timeline.segments if seg.kind is SegmentKind.WORK]
    assert [seg.exercise.name for seg in works] == [
        "Katze-Kuh",
        "Schulterbrücke",
        "An der Wand drücken",
    ]
    bridge = next(seg.exercise for seg in works if seg.exercise.id == "glute-bridge")
    assert bridge.entry.instructions[0].startswith("Leg dich auf den Rücken")
    assert bridge.entry.phases.top == "halten"
    assert bridge.entry.phases.lower == "senken"  # the German default
    # the English timeline is untouched
    english = compile_timeline(routine)
    assert english.total_seconds == timeline.total_seconds
    first = next(seg for seg in english.segments if seg.kind is SegmentKind.WORK)
    assert first.exercise.name == "Cat-cow"


def test_a_routines_own_entry_with_a_builtin_id_is_not_replaced() -> None:
    text = (
        'name = "R"\n[catalog.cat-cow]\nname = "My cat-cow"\ncategory = "mobility"\n'
        '[[block]]\n[[block.exercise]]\nid = "cat-cow"\n'
    )
    german = localized_routine(parse_routine(text, "r.toml"), "de")
    assert german.catalog["cat-cow"].name == "My cat-cow"


def test_routine_texts_lists_each_english_text_once() -> None:
    texts = routine_texts(parse_routine(ROUTINE, "r.toml"))
    assert texts[:3] == ["Wall press", "Hands on the wall", "Press"]
    assert {"Mobilise", "Feet flat.", "Press at the wall", "pause"} <= set(texts)
    assert "Morning back" not in texts  # the name has its own key
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize(
    ("addition", "needle", "message", "hint"),
    [
        (
            '\n[translations.fr]\nname = "Dos"\n',
            "[translations.fr]",
            "unsupported language 'fr'",
            "one of: de",
        ),
        (
            '\n[translations.DE]\nname = "X"\n',
            "[translations.DE]",
            "unsupported language 'DE'",
            "did you mean 'de'?",
        ),
        (
            '\n[translations.en]\nname = "X"\n',
            "[translations.en]",
            "'en' is the language the file is written in",
            "translations are for: de",
        ),
    ],
)
def test_a_translation_into_an_unsupported_language_is_an_error_with_its_place(
    addition: str, needle: str, message: str, hint: str
) -> None:
    text = ROUTINE + addition
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, "r.toml")
    assert (caught.value.line, caught.value.col) == _place(text, needle)
    assert caught.value.message == message
    assert caught.value.hint == hint


def test_an_unknown_key_in_a_translation_is_an_error_with_did_you_mean() -> None:
    text = ROUTINE.replace('name = "Rücken am Morgen"', 'nmae = "Rücken am Morgen"')
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, "r.toml")
    assert (caught.value.line, caught.value.col) == _place(text, "nmae")
    assert caught.value.message == "unknown key 'nmae'"
    assert caught.value.hint == "did you mean 'name'?"


@pytest.mark.parametrize(
    ("new", "needle", "message"),
    [
        ('"Move slowly" = ""', '"Move slowly" =', "'Move slowly': the translation is empty"),
        ('"Move slowly" = 3', '"Move slowly" =', "'Move slowly': expected text in quotes, found 3"),
        ('name = ""\n"Mobilise" = "x"', 'name = ""', "name: the translation is empty"),
    ],
)
def test_an_empty_or_non_text_translation_is_an_error(new: str, needle: str, message: str) -> None:
    old = (
        'name = "Rücken am Morgen"'
        if new.startswith("name")
        else '"Move slowly" = "Langsam bewegen"'
    )
    text = ROUTINE.replace(old, new.split("\n")[0])
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, "r.toml")
    assert (caught.value.line, caught.value.col) == _place(text, needle)
    assert caught.value.message == message


def test_a_translation_of_a_text_the_file_lacks_is_a_note_and_the_routine_loads() -> None:
    text = ROUTINE.replace('"Move slowly" = ', '"Move slowy" = ')
    checked = check_routine_text(text, "r.toml")
    notes = [notice for notice in checked.notices if "English text" in notice.message]
    assert len(notes) == 1
    assert (notes[0].line, notes[0].col) == _place(text, '"Move slowy"')
    assert notes[0].message == "no English text of this file reads 'Move slowy'"
    assert notes[0].hint == "did you mean 'Move slowly'?"
    assert translated(checked.routine, "de").block[0].exercise[0].cues == ["Move slowly", "Breathe"]


def test_the_writer_keeps_translations_as_tables_and_they_read_back() -> None:
    routine = parse_routine(ROUTINE, "r.toml")
    text = routine_to_toml(routine)
    assert "\n[translations.de]\nname = " in text
    assert '\n[translations.de.text]\nMobilise = "Mobilisieren"\n' in text
    assert text.index("[translations.de]") > text.rindex("[[block.exercise]]")
    assert parse_routine(text, "r.toml") == routine


PROGRAMME = """\
programme = 1
name = "Six weeks"
description = "For backs."

[[phase]]
name = "Stabilise"
weeks = 2
note = "Slowly."

[[phase.session]]
key = "main"
name = "Strength"
kind = "strength"
routine = "back-basics"

[[extra]]
name = "Keep the big three"
sessions = ["main"]

[[extra.exercise]]
id = "bird-dog"
cues = ["Reach long"]

[translations.de]
name = "Sechs Wochen"
description = "Für den Rücken."

[translations.de.text]
"Stabilise" = "Stabilisieren"
"Strength" = "Kraft"
"Reach long" = "Lang strecken"
"""


def test_translated_programme_puts_its_texts_in_german() -> None:
    programme = parse_programme(PROGRAMME, "p.toml")
    german = translated_programme(programme, "de")
    assert (german.name, german.description) == ("Sechs Wochen", "Für den Rücken.")
    assert (german.phase[0].name, german.phase[0].note) == ("Stabilisieren", "Slowly.")
    assert german.phase[0].session[0].name == "Kraft"
    assert german.extra[0].name == "Keep the big three"
    assert german.extra[0].exercise[0].cues == ["Lang strecken"]
    assert german.phase[0].session[0].routine == "back-basics"
    assert translated_programme(programme, "en") is programme
    assert programme_texts(programme) == [
        "Stabilise",
        "Slowly.",
        "Strength",
        "Keep the big three",
        "Reach long",
    ]


def test_a_programme_checks_its_languages_and_notes_stale_texts() -> None:
    text = PROGRAMME + '\n[translations.it]\nname = "Sei settimane"\n'
    with pytest.raises(RoutineError) as caught:
        parse_programme(text, "p.toml")
    assert caught.value.message == "unsupported language 'it'"
    assert (caught.value.line, caught.value.col) == _place(text, "[translations.it]")
    stale = PROGRAMME.replace('"Strength" = ', '"Strenght" = ')
    notes = programme_notices(parse_programme(stale, "p.toml"), stale, "p.toml")
    assert [(n.line, n.hint) for n in notes] == [
        (_place(stale, '"Strenght"')[0], "did you mean 'Strength'?")
    ]
