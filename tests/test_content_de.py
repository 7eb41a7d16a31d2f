"""The German content is complete: every English text of the shipped content has German.

Covered: every catalog entry (name, aliases, instructions, cautions, phase words), every
shipped routine and programme (name, description and each other text), and the data
files (red flags, assessment tests, norms, guidance, emphases). A German text is never
the English one, unless it is a proper name or a symbol in ALLOWED_SAME. Lists of
instructions and cautions keep their length, and the safety words of the English
(sharp, shooting or radiating pain; at once; numbness; dizziness...) have their German
counterparts, so no caution is softened or dropped in translation.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from matwork.core.names import name_key
from matwork.core.programme import load_programme, programme_notices
from matwork.core.routine import check_routine_file, read_source
from matwork.core.translation import programme_texts, routine_texts

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "matwork" / "data"
ROUTINE_PATHS = sorted((ROOT / "routines").glob("*.toml"))
PROGRAMME_PATHS = sorted((ROOT / "programmes").glob("*.toml"))

ALLOWED_SAME = frozenset({"Pilates", "s", "RPE 0-10"})
"""German texts that may read as the English: proper names and symbols."""

SAFETY_WORDS: tuple[tuple[str, str], ...] = (
    (r"sharp, shooting or radiating pain", r"stechenden, einschießenden oder ausstrahlenden"),
    (r"check with a doctor or physio first", r"lass dich vorher ärztlich oder physiotherapeutisch"),
    (r"sharp", r"stechend"),
    (r"radiating", r"ausstrahlend"),
    (r"at once", r"sofort"),
    (r"chest pain", r"schmerzen in der brust"),
    (r"dizz", r"schwindl|schwindel"),
    (r"light-headed", r"schwindlig"),
    (r"tingl", r"kribbel"),
    (r"\bnumb(?!er)", r"taub"),
    (r"emergency", r"notaufnahme|notruf|notfall"),
    (r"urgent", r"dringend|sofort|jetzt"),
)
"""English safety words (as a regular expression) and what the German must then say."""


def _toml(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _same_allowed(english: str, german: str) -> bool:
    return german.casefold() != english.casefold() or german in ALLOWED_SAME


def _safety_gaps(english: str, german: str) -> list[str]:
    return [
        needed
        for word, needed in SAFETY_WORDS
        if re.search(word, english, re.IGNORECASE) and not re.search(needed, german, re.IGNORECASE)
    ]


PAIRS: list[tuple[str, str, str]] = []
"""(where, English, German) of every text checked, for the safety-word test."""


def _pair(where: str, english: str, german: Any) -> list[str]:
    """Problems of one translated text; records the pair."""
    if not isinstance(german, str) or not german.strip():
        return [f"{where}: no German for {english!r}"]
    PAIRS.append((where, english, german))
    if not _same_allowed(english, german):
        return [f"{where}: the German is the English: {english!r}"]
    return []


def _texts(where: str, english: list[str], german: Any) -> list[str]:
    if not isinstance(german, list) or len(german) != len(english):
        return [f"{where}: {len(english)} English lines, German {german!r}"]
    return [
        problem
        for index, (text, translated) in enumerate(zip(english, german, strict=True))
        for problem in _pair(f"{where}[{index}]", text, translated)
    ]


# --- the catalog ----------------------------------------------------------------------

CATALOG_EN = _toml(DATA / "catalog.toml")
CATALOG_DE = _toml(DATA / "catalog.de.toml")


def test_the_german_catalog_has_exactly_the_english_ids() -> None:
    assert list(CATALOG_DE) == list(CATALOG_EN)
    assert len(CATALOG_DE) == 63


@pytest.mark.parametrize("exercise_id", list(CATALOG_EN))
def test_every_catalog_entry_has_german_for_every_text(exercise_id: str) -> None:
    assert _entry_problems(exercise_id) == []


def _entry_problems(exercise_id: str) -> list[str]:
    english, german = CATALOG_EN[exercise_id], CATALOG_DE.get(exercise_id, {})
    assert set(german) <= {"name", "aliases", "instructions", "cautions", "phases"}
    problems = _pair(f"{exercise_id}.name", english["name"], german.get("name"))
    for field in ("instructions", "cautions"):
        problems += _texts(f"{exercise_id}.{field}", english[field], german.get(field))
    words = {key: value for key, value in english.get("phases", {}).items() if key != "starts"}
    german_words = german.get("phases", {})
    if set(german_words) != set(words):
        problems.append(
            f"{exercise_id}.phases: German {sorted(german_words)}, English {sorted(words)}"
        )
    for key, word in words.items():
        problems += _pair(f"{exercise_id}.phases.{key}", word, german_words.get(key))
    aliases = german.get("aliases", [])
    if not aliases:
        problems.append(f"{exercise_id}: no German alias")
    english_names = {name_key(name) for name in (exercise_id, english["name"], *english["aliases"])}
    problems += [
        f"{exercise_id}: alias {alias!r} is an English name"
        for alias in aliases
        if name_key(alias) in english_names
    ]
    return problems


# --- routines and programmes ------------------------------------------------------------


def _file_problems(
    where: str, english_name: str, description: str, texts: list[str], raw: dict[str, Any]
) -> list[str]:
    german = raw.get("translations", {}).get("de")
    if german is None:
        return [f"{where}: no [translations.de]"]
    problems = _pair(f"{where}: name", english_name, german.get("name"))
    if description:
        problems += _pair(f"{where}: description", description, german.get("description"))
    table = german.get("text", {})
    for text in texts:
        problems += _pair(f"{where}: text", text, table.get(text))
    return problems


@pytest.mark.parametrize("path", ROUTINE_PATHS, ids=lambda path: path.stem)
def test_every_shipped_routine_has_german_for_every_text(path: Path) -> None:
    assert _routine_problems(path) == []


def _routine_problems(path: Path) -> list[str]:
    checked = check_routine_file(path)
    routine = checked.routine
    problems = _file_problems(
        path.stem, routine.name, routine.description, routine_texts(routine), _toml(path)
    )
    problems += [str(notice) for notice in checked.notices if "English text" in notice.message]
    return problems


def test_every_shipped_routine_is_covered() -> None:
    assert len(ROUTINE_PATHS) >= 16


@pytest.mark.parametrize("path", PROGRAMME_PATHS, ids=lambda path: path.stem)
def test_every_shipped_programme_has_german_for_every_text(path: Path) -> None:
    assert _programme_problems(path) == []


def _programme_problems(path: Path) -> list[str]:
    programme = load_programme(path)
    problems = _file_problems(
        path.stem, programme.name, programme.description, programme_texts(programme), _toml(path)
    )
    problems += [str(notice) for notice in programme_notices(programme, read_source(path), path)]
    return problems


# --- the data files -------------------------------------------------------------------

DATA_FILES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "red_flags.toml": (
        frozenset({"notice", "clear_text", "paused_text", "name", "whom", "why", "text"}),
        frozenset({"guideline"}),
    ),
    "assessment_tests.toml": (
        frozenset(
            {
                "protocol_note",
                "name",
                "measures",
                "equipment",
                "instructions",
                "cautions",
                "ends_when",
                "variant",
                "questions",
                "answer_rule",
                "picture",
                "scale",
            }
        ),
        frozenset(),
    ),
    "assessment_norms.toml": (
        frozenset(
            {
                "name",
                "rule",
                "means",
                "does_not_mean",
                "female_text",
                "low_below_how",
                "how",
                "none",
            }
        ),
        frozenset({"sources"}),
    ),
    "guidance.toml": (frozenset({"means", "does_not_mean", "unit"}), frozenset()),
    "emphases.toml": (frozenset({"title", "why"}), frozenset({"use", "rule"})),
}
"""Per data file: the keys whose English text needs German, and the tables left as they
are (provenance: the guideline's and the papers' own data, cited in their language)."""


def _walk(
    english: Any, german: Any, fields: frozenset[str], skip: frozenset[str], where: str
) -> Iterator[str]:
    if isinstance(english, dict):
        german = german if isinstance(german, dict) else {}
        for key, value in english.items():
            if key in skip:
                continue
            place = f"{where}.{key}" if where else key
            if key in fields and isinstance(value, str):
                yield from _pair(place, value, german.get(key))
            elif (
                key in fields and isinstance(value, list) and all(isinstance(v, str) for v in value)
            ):
                yield from _texts(place, value, german.get(key))
            else:
                yield from _walk(value, german.get(key), fields, skip, place)
    elif isinstance(english, list):
        german = german if isinstance(german, list) else []
        for index, item in enumerate(english):
            other = german[index] if index < len(german) else None
            yield from _walk(item, other, fields, skip, f"{where}[{index}]")


@pytest.mark.parametrize("resource", list(DATA_FILES))
def test_every_data_file_text_has_german(resource: str) -> None:
    assert _data_problems(resource) == []


def _data_problems(resource: str) -> list[str]:
    fields, skip = DATA_FILES[resource]
    english = _toml(DATA / resource)
    german = _toml(DATA / resource.replace(".toml", ".de.toml"))
    return list(_walk(english, german, fields, skip, ""))


def test_the_data_checks_see_the_texts_they_should() -> None:
    for resource, (fields, skip) in DATA_FILES.items():
        found = list(_walk(_toml(DATA / resource), {}, fields, skip, ""))
        assert len(found) >= 8, resource  # every text reported missing against nothing


# --- safety words ---------------------------------------------------------------------


def test_every_safety_word_of_the_english_is_in_the_german() -> None:
    PAIRS.clear()
    for exercise_id in CATALOG_EN:
        _entry_problems(exercise_id)
    for path in ROUTINE_PATHS:
        _routine_problems(path)
    for path in PROGRAMME_PATHS:
        _programme_problems(path)
    for resource in DATA_FILES:
        _data_problems(resource)
    assert len(PAIRS) > 1000
    gaps = [
        f"{where}: {english!r} -> {german!r} lacks {missing}"
        for where, english, german in PAIRS
        for missing in _safety_gaps(english, german)
    ]
    assert gaps == []


def test_the_safety_word_check_can_fail() -> None:
    assert _safety_gaps("Stop on sharp, shooting or radiating pain.", "Hör auf bei Schmerzen.") == [
        "stechenden, einschießenden oder ausstrahlenden",
        "stechend",
        "ausstrahlend",
    ]
    assert (
        _safety_gaps("Stop at once on chest pain.", "Hör sofort auf bei Schmerzen in der Brust.")
        == []
    )


def test_the_catalog_and_routine_checks_can_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(CATALOG_DE, "cat-cow", {"name": "Cat-cow", "aliases": ["cat camel"]})
    problems = _entry_problems("cat-cow")
    assert "cat-cow.name: the German is the English: 'Cat-cow'" in problems
    assert any(problem.startswith("cat-cow.instructions: 4 English lines") for problem in problems)
    assert "cat-cow: alias 'cat camel' is an English name" in problems
    english = _file_problems("r", "Name", "Text.", ["Mobilise"], {"translations": {"de": {}}})
    assert english == [
        "r: name: no German for 'Name'",
        "r: description: no German for 'Text.'",
        "r: text: no German for 'Mobilise'",
    ]
