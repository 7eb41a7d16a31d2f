"""The writer: any valid routine written as TOML reads back equal; saves are atomic."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matwork.core import vocab
from matwork.core.catalog import builtin_catalog
from matwork.core.model import (
    BUILTIN_BREATHING,
    Block,
    BreathPattern,
    CatalogEntry,
    Defaults,
    ExerciseUse,
    Routine,
)
from matwork.core.routine import load_routine, parse_routine
from matwork.core.writer import (
    breath_text,
    data_to_toml,
    routine_data,
    routine_to_toml,
    save_routine,
)
from matwork.shipped import shipped_dir

SHIPPED = sorted(shipped_dir("routines").glob("*.toml"))

# -- strategies over the model --------------------------------------------------------
# Sizes are kept so that every generated routine is within the format's limits
# (a segment <= 1 h, the session <= 6 h): at most 2 blocks x 3 rounds x 3 exercises
# x 3 sets, each set at most 2 x 120 s of work, a 30 s switch and a 60 s rest.

# Text holds no control characters (Cc): check refuses them. Long texts may hold tabs
# and line breaks.
TEXT = st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=24)
LONG_TEXT = st.text(
    st.characters(exclude_categories=["Cs", "Cc"], include_characters="\t\n"), max_size=24
)
NAME = TEXT.filter(bool)
KEY = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True) | st.sampled_from(
    ["with space", "dotted.key", "ünïcode", 'say "hi"', "UPPER_case"]
)
SECONDS = st.integers(1, 120).map(float) | st.floats(
    0.1, 120, allow_nan=False, allow_infinity=False
)
GAP = st.just(0.0) | st.integers(1, 60).map(float) | st.floats(0.1, 60)
PHASE = st.integers(1, 10).map(float) | st.floats(0.1, 10)
HOLD = st.just(0.0) | PHASE
BREATH_PATTERN = st.builds(BreathPattern, inhale=PHASE, hold=HOLD, exhale=PHASE, hold_out=HOLD)


@st.composite
def tempo_text(draw: st.DrawFn) -> str:
    """A tempo string of 2 to 4 parts, whole or decimal, adding up to more than 0."""
    parts = draw(
        st.lists(
            st.sampled_from(["0", "1", "2", "3", "1.5", "0.5"]), min_size=2, max_size=4
        ).filter(lambda parts: sum(map(float, parts)) > 0)
    )
    separator = draw(st.sampled_from(["-", " - "]))
    return separator.join(parts)


TEMPO = tempo_text() | st.lists(
    st.sampled_from([0.0, 1.0, 2.0, 3.0, 0.5, 2.5]), min_size=2, max_size=4
).filter(lambda parts: sum(parts) > 0)


def dosage(tempo_ok: bool = True) -> st.SearchStrategy[dict[str, object]]:
    """Every dosage form: none, timed work, reps with tempo, open reps."""
    forms = [
        st.just({}),
        st.builds(dict, work=SECONDS),
        st.builds(dict, reps=st.integers(1, 40)),
    ]
    if tempo_ok:
        forms.append(st.builds(dict, reps=st.integers(1, 10), tempo=TEMPO))
    return st.one_of(forms)


def breath(names: list[str], *, tempo: bool) -> st.SearchStrategy[str | BreathPattern]:
    """A breath value: a known pattern name, an inline pattern, "none" or "tempo"."""
    words = [*names, "none", *(["tempo"] if tempo else [])]
    return st.sampled_from(words) | BREATH_PATTERN


@st.composite
def catalog_entry(draw: st.DrawFn, breath_names: list[str]) -> CatalogEntry:
    """A routine's own catalog entry, with any default dosage and breath."""
    muscles = st.lists(st.sampled_from(vocab.MUSCLES), max_size=3)
    return CatalogEntry(
        name=draw(NAME),
        category=draw(st.sampled_from(vocab.CATEGORIES)),
        pattern=draw(st.sampled_from(vocab.PATTERNS)),
        muscles=draw(muscles),
        secondary=draw(muscles),
        lines=draw(st.lists(st.sampled_from(vocab.LINES), max_size=2)),
        sided=draw(st.booleans()),
        instructions=draw(st.lists(LONG_TEXT, max_size=3)),
        cautions=draw(st.lists(LONG_TEXT, max_size=2)),
        breath=draw(st.none() | breath(breath_names, tempo=True)),
        **draw(dosage()),
    )


@st.composite
def exercise_use(draw: st.DrawFn, ids: list[str], breath_names: list[str]) -> ExerciseUse:
    """An exercise use with any dosage form and every optional key sometimes set."""
    dose = draw(dosage())
    has_tempo = "tempo" in dose
    return ExerciseUse(
        id=draw(st.sampled_from(ids)),
        name=draw(st.none() | NAME),
        sets=draw(st.integers(1, 3)),
        sides=draw(st.sampled_from([None, "both", "alternate"])),
        rest=draw(st.none() | GAP),
        prepare=draw(st.none() | GAP),
        switch=draw(st.none() | GAP.filter(lambda seconds: seconds <= 30)),
        breath=draw(st.none() | breath(breath_names, tempo=has_tempo)),
        cues=draw(st.none() | TEXT | st.lists(TEXT, max_size=3)),
        load=draw(st.none() | TEXT),
        halfway=draw(st.booleans()),
        note=draw(st.none() | LONG_TEXT),
        **dose,
    )


@st.composite
def routines(draw: st.DrawFn) -> Routine:
    """A valid routine: own breathing patterns and catalog entries, 1-2 blocks."""
    breathing = draw(st.dictionaries(KEY, BREATH_PATTERN, max_size=2))
    breath_names = sorted({*BUILTIN_BREATHING, *breathing})
    catalog = draw(
        st.dictionaries(
            KEY | st.sampled_from(sorted(builtin_catalog())[:5]),
            catalog_entry(breath_names),
            max_size=2,
        )
    )
    ids = sorted({*builtin_catalog(), *catalog})
    defaults = Defaults(
        prepare=draw(GAP),
        work=draw(SECONDS),
        rest=draw(GAP),
        switch=draw(GAP.filter(lambda seconds: seconds <= 30)),
        round_rest=draw(GAP),
        block_rest=draw(GAP),
        countdown=draw(st.integers(0, 10)),
        breath=draw(breath(breath_names, tempo=True)),
    )
    blocks = draw(
        st.lists(
            st.builds(
                Block,
                name=TEXT,
                rounds=st.integers(1, 3),
                round_rest=st.none() | GAP,
                rest_after=st.none() | GAP,
                note=st.none() | LONG_TEXT,
                exercise=st.lists(exercise_use(ids, breath_names), min_size=1, max_size=3),
            ),
            min_size=1,
            max_size=2,
        )
    )
    return Routine(
        name=draw(NAME),
        description=draw(LONG_TEXT),
        tags=draw(st.lists(TEXT, max_size=3)),
        level=draw(st.none() | st.sampled_from(vocab.LEVELS)),
        author=draw(st.none() | TEXT),
        defaults=defaults,
        breathing=breathing,
        catalog=catalog,
        sounds=draw(st.dictionaries(st.sampled_from(vocab.SOUND_CUES), st.just("none"))),
        block=blocks,
    )


# -- round trips ----------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(routine=routines())
def test_any_valid_routine_reads_back_equal(routine: Routine) -> None:
    text = routine_to_toml(routine, schema="../schema/routine.schema.json")
    assert text.startswith("#:schema ../schema/routine.schema.json\n")
    assert parse_routine(text, "routine.toml") == routine
    # Writing what was read gives the same text: the layout is stable.
    assert routine_to_toml(parse_routine(text, "routine.toml")) == routine_to_toml(routine)


@pytest.mark.parametrize("path", SHIPPED, ids=[path.name for path in SHIPPED])
def test_every_shipped_routine_keeps_its_meaning(path: Path) -> None:
    routine = load_routine(path)
    assert parse_routine(routine_to_toml(routine), path) == routine


def test_shipped_routines_are_found() -> None:
    assert len(SHIPPED) >= 10


# -- layout ---------------------------------------------------------------------------


def test_minimal_output_leaves_out_defaults() -> None:
    routine = Routine(name="Short", block=[Block(exercise=[ExerciseUse(id="glute-bridge")])])
    assert routine_to_toml(routine) == (
        'format = 1\nname = "Short"\n\n[[block]]\n\n[[block.exercise]]\nid = "glute-bridge"\n'
    )


def test_keys_follow_the_format_page_and_breath_is_inline() -> None:
    routine = Routine(
        name="Order",
        description="d",
        tags=["a", "b"],
        level="beginner",
        author="me",
        defaults=Defaults(work=40, breath=BreathPattern(inhale=4, exhale=6)),
        breathing={"slow": BreathPattern(inhale=5, hold=1.5, exhale=7)},
        catalog={"wall-angel": CatalogEntry(name="Wall angel", category="mobility")},
        sounds={"finish": "none"},
        block=[
            Block(
                name="Main",
                rounds=2,
                exercise=[ExerciseUse(id="wall-angel", reps=8, tempo=[2, 0, 2], breath="slow")],
            )
        ],
    )
    assert routine_to_toml(routine) == (
        "format = 1\n"
        'name = "Order"\n'
        'description = "d"\n'
        'tags = ["a", "b"]\n'
        'level = "beginner"\n'
        'author = "me"\n'
        "\n[defaults]\n"
        "work = 40\n"
        "breath = { inhale = 4, exhale = 6 }\n"
        "\n[breathing.slow]\n"
        "inhale = 5\nhold = 1.5\nexhale = 7\n"
        "\n[catalog.wall-angel]\n"
        'name = "Wall angel"\ncategory = "mobility"\n'
        '\n[sounds]\nfinish = "none"\n'
        '\n[[block]]\nname = "Main"\nrounds = 2\n'
        '\n[[block.exercise]]\nid = "wall-angel"\nreps = 8\ntempo = [2, 0, 2]\nbreath = "slow"\n'
    )


def test_long_lists_take_a_line_per_item() -> None:
    cues = [f"cue number {number} with some words" for number in range(4)]
    routine = Routine(
        name="Cues", block=[Block(exercise=[ExerciseUse(id="glute-bridge", cues=cues)])]
    )
    text = routine_to_toml(routine)
    assert 'cues = [\n    "cue number 0 with some words",\n' in text
    assert parse_routine(text, "r.toml") == routine


def test_odd_keys_are_quoted() -> None:
    routine = Routine(
        name="Keys",
        breathing={"my calm.v2": BreathPattern(inhale=4, exhale=6)},
        block=[Block(exercise=[ExerciseUse(id="glute-bridge", breath="my calm.v2")])],
    )
    text = routine_to_toml(routine)
    assert '[breathing."my calm.v2"]' in text
    assert parse_routine(text, "r.toml") == routine


def test_data_with_wrong_types_is_still_laid_out_for_the_checker() -> None:
    data = {
        "name": "Bad",
        "defaults": {"work": "forty"},
        "block": [{"exercise": [{"id": "glute-bridge", "sets": 0}]}],
    }
    text = data_to_toml(data)
    assert 'work = "forty"' in text
    assert '[[block.exercise]]\nid = "glute-bridge"\nsets = 0\n' in text


def test_routine_data_is_minimal_and_ordered() -> None:
    routine = Routine(name="X", tags=[], block=[Block(exercise=[ExerciseUse(id="a", sets=1)])])
    assert routine_data(routine) == {
        "format": 1,
        "name": "X",
        "block": [{"exercise": [{"id": "a"}]}],
    }


def test_breath_text() -> None:
    assert breath_text(BreathPattern(inhale=4, exhale=6)) == "4-0-6-0"
    assert breath_text(BreathPattern(inhale=5.5, hold=1, exhale=5.5, hold_out=2)) == "5.5-1-5.5-2"


# -- saving ---------------------------------------------------------------------------

SMALL = Routine(name="Saved", block=[Block(exercise=[ExerciseUse(id="glute-bridge", work=30)])])


def test_save_writes_a_loadable_file_and_makes_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "new" / "folder" / "saved.toml"
    save_routine(SMALL, target, schema="/abs/routine.schema.json")
    assert load_routine(target) == SMALL
    assert target.read_text(encoding="utf-8").splitlines()[0] == (
        "#:schema /abs/routine.schema.json"
    )
    assert os.listdir(target.parent) == ["saved.toml"]


def test_save_never_replaces_a_file_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "saved.toml"
    target.write_text("# mine\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        save_routine(SMALL, target)
    assert target.read_text(encoding="utf-8") == "# mine\n"
    assert os.listdir(tmp_path) == ["saved.toml"]
    save_routine(SMALL, target, overwrite=True)
    assert load_routine(target) == SMALL
    assert os.listdir(tmp_path) == ["saved.toml"]
