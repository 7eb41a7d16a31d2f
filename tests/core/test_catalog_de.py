"""The German catalog: its loader, German names in `id = ...` and in search, name folding."""

from __future__ import annotations

import pytest

from matwork.core import parse_routine
from matwork.core.aliases import canonical_id, id_hint, name_index
from matwork.core.catalog import (
    builtin_catalog,
    catalog_translations,
    localized_catalog,
    parse_catalog_translation,
    translated_names,
)
from matwork.core.model import DEFAULT_PHASE_WORDS
from matwork.core.names import name_key, search_form
from matwork.core.search import find_exercises

CATALOG = builtin_catalog()
GERMAN = localized_catalog("de")


def test_the_localized_catalog_has_every_entry_with_its_german_texts() -> None:
    assert list(GERMAN) == list(CATALOG)
    bridge = GERMAN["glute-bridge"]
    assert bridge.name == "Schulterbrücke"
    assert bridge.instructions[0].startswith("Leg dich auf den Rücken")
    assert len(bridge.instructions) == len(CATALOG["glute-bridge"].instructions)
    assert bridge.cautions[0].startswith("Hör auf bei stechenden, einschießenden")
    # everything that is not a text is the English entry's
    english = CATALOG["glute-bridge"]
    assert (bridge.reps, bridge.tempo, bridge.muscles) == (
        english.reps,
        english.tempo,
        english.muscles,
    )
    assert bridge.phases.starts == english.phases.starts == "lift"


def test_german_aliases_come_first_then_the_english_names() -> None:
    aliases = GERMAN["glute-bridge"].aliases
    assert aliases[:2] == ["Brücke", "Beckenheben"]
    assert {"bridge", "hip bridge", "hip raise"} <= set(aliases)
    # the English name is the id's own spelling here, so it is no alias of its own
    assert "Push-up (incline option)" in GERMAN["push-up"].aliases
    keys = [name_key(alias) for alias in aliases]
    assert len(keys) == len(set(keys))
    assert name_key("Schulterbrücke") not in keys


def test_phase_words_are_german_where_given_and_the_german_defaults_elsewhere() -> None:
    bridge = GERMAN["glute-bridge"].phases
    assert (bridge.lower, bridge.bottom, bridge.lift, bridge.top) == (
        "senken",
        "ablegen",
        "heben",
        "halten",
    )
    roll_up = GERMAN["roll-up"].phases
    assert (roll_up.lift, roll_up.top, roll_up.lower) == (
        "aufrollen",
        "aufrecht sitzen",
        "zurückrollen",
    )
    assert GERMAN["toe-taps"].phases.words() == DEFAULT_PHASE_WORDS["de"]
    assert CATALOG["toe-taps"].phases.words() == DEFAULT_PHASE_WORDS["en"]


def test_english_is_the_builtin_catalog_and_other_languages_are_refused() -> None:
    assert localized_catalog("en") is CATALOG
    with pytest.raises(ValueError, match="no translations into 'fr'"):
        localized_catalog("fr")


def test_a_translation_naming_an_id_the_catalog_lacks_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown ids: no-such-move"):
        parse_catalog_translation('[no-such-move]\nname = "Keine"\n')


@pytest.mark.parametrize(
    ("typed", "exercise_id"),
    [
        ("Brücke", "glute-bridge"),
        ("Bruecke", "glute-bridge"),
        ("brücke", "glute-bridge"),
        ("Beckenheben", "glute-bridge"),
        ("Schulterbrücke", "glute-bridge"),
        ("Vierfüßlerstand", "bird-dog"),
        ("Vierfuesslerstand", "bird-dog"),
        ("Katze-Kuh", "cat-cow"),
        ("Katze Kuh", "cat-cow"),
        ("Hüftbeuger-Dehnung", "hip-flexor-stretch"),
        ("Planke", "front-plank"),
        ("Unterarmstütz", "front-plank"),
        ("Seitstütz", "side-plank"),
        ("Stellung des Kindes", "childs-pose"),
        ("Kniebeuge", "bodyweight-squat"),
        ("Kreuzheben", "deadlift"),
        ("Toter Käfer", "dead-bug"),
    ],
)
def test_german_names_resolve_as_ids(typed: str, exercise_id: str) -> None:
    assert canonical_id(typed, CATALOG) == exercise_id
    routine = parse_routine(
        f'name = "R"\n[[block]]\n[[block.exercise]]\nid = "{typed}"\n', "r.toml"
    )
    assert routine.block[0].exercise[0].id == typed


def test_a_german_name_never_repeats_another_entrys_name_in_any_language() -> None:
    owner: dict[str, str] = {}
    for exercise_id, entry in CATALOG.items():
        for name in (exercise_id, entry.name, *entry.aliases):
            owner.setdefault(name_key(name), exercise_id)
    clashes = [
        (exercise_id, name, owner[name_key(name)])
        for exercise_id, names in translated_names().items()
        for name in names
        if owner.setdefault(name_key(name), exercise_id) != exercise_id
    ]
    assert clashes == []


def test_a_routines_own_entry_still_wins_over_a_german_name() -> None:
    text = (
        'name = "R"\n[catalog.mine]\nname = "Mine"\ncategory = "strength"\naliases = ["Brücke"]\n'
        '[[block]]\n[[block.exercise]]\nid = "Brücke"\n'
    )
    routine = parse_routine(text, "r.toml")
    catalog = {**CATALOG, **routine.catalog}
    assert canonical_id("Brücke", catalog) == "mine"
    assert name_index(catalog)[name_key("Beckenheben")] == "glute-bridge"


def test_a_misspelt_german_name_gets_a_did_you_mean() -> None:
    assert id_hint("Vierfüsslerstnd", CATALOG).startswith("did you mean 'bird-dog'")


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Brücke", "glute-bridge"),
        ("schulterbruecke", "glute-bridge"),
        ("Vierfüßlerstand", "bird-dog"),
        ("katze", "cat-cow"),
        ("Hüftbeuger-Dehnung", "hip-flexor-stretch"),
        ("Planke", "front-plank"),
        ("Seitstütz", "side-plank"),
    ],
)
def test_catalog_search_finds_german_names_in_the_english_catalog(query: str, first: str) -> None:
    assert find_exercises(CATALOG, query)[0] == first


def test_catalog_search_finds_both_languages_in_the_german_catalog() -> None:
    assert find_exercises(GERMAN, "bridge")[0] == "glute-bridge"
    assert find_exercises(GERMAN, "Brücke")[0] == "glute-bridge"
    assert find_exercises(GERMAN, "") == sorted(
        GERMAN, key=lambda key: (GERMAN[key].name.casefold(), key)
    )


def test_german_umlauts_and_sharp_s_fold_to_their_two_letter_spelling() -> None:
    assert name_key("Vierfüßlerstand") == name_key("VIERFUESSLERSTAND") == "vierfuesslerstand"
    assert name_key("Brücke") == name_key("Bruecke")
    assert name_key("Brücke") == name_key("Bru\u0308cke")  # a decomposed ü
    assert search_form("Übung für Rücken") == "uebung fuer ruecken"
    assert name_key("Child's Pose") == "childs-pose"


def test_the_german_names_of_an_entry_are_its_name_and_aliases() -> None:
    names = translated_names()
    assert names["cat-cow"][0] == "Katze-Kuh"
    assert set(names) == set(catalog_translations("de"))
