"""Each error kind names the right line (and column) and gives a useful hint."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from matwork.core import RoutineError, load_routine, parse_routine

from helpers.routines import CATALOG


def error_of(text: str, path: str = "r.toml") -> RoutineError:
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, path)
    return caught.value


def test_toml_syntax_error_keeps_tomllibs_line_and_column() -> None:
    error = error_of('name = "x"\n\nrest = \n')
    assert (error.line, error.col) == (3, 8)
    assert error.message.startswith("TOML syntax:")


def test_duplicate_key_is_a_syntax_error_with_a_hint() -> None:
    error = error_of('name = "x"\nname = "y"\n')
    assert error.line == 2
    assert "defined twice" in error.hint


@pytest.mark.parametrize(
    ("text", "line", "hint"),
    [
        ('nme = "x"\n', 1, "'name'"),
        ('name = "x"\n[defaults]\nwrk = 3\n', 3, "'work'"),
        ('name = "x"\n[[block]]\nround = 2\n', 3, "'rounds'"),
        ('name = "x"\n[[block]]\n[[block.exercise]]\nid = "a"\nrests = 3\n', 5, "'rest'"),
        ('name = "x"\n[breathing.slow]\ninhale = 4\nexale = 4\n', 4, "'exhale'"),
        (
            'name = "x"\n[catalog.z]\nname = "Z"\ncategory = "mobility"\nmuscle = []\n',
            5,
            "'muscles'",
        ),
    ],
)
def test_unknown_keys_at_every_level_suggest_the_closest(text: str, line: int, hint: str) -> None:
    error = error_of(text + '[[block]]\n[[block.exercise]]\nid = "a"\n' + CATALOG)
    assert error.line == line
    assert "unknown key" in error.message
    assert hint in error.hint


def test_every_unknown_key_is_reported_in_file_order() -> None:
    text = 'name = "x"\nfoo = 1\n[[block]]\nbar = 2\n[[block.exercise]]\nid = "a"\n' + CATALOG
    error = error_of(text)
    assert [(p.line, p.message) for p in error.problems] == [
        (2, "unknown key 'foo'"),
        (4, "unknown key 'bar'"),
    ]


def test_inline_table_key_points_at_its_column() -> None:
    text = (
        'name = "x"\n[[block]]\n[[block.exercise]]\nid = "a"\nbreath = { inhale = 4, exhail = 4 }\n'
    )
    error = error_of(text + CATALOG)
    assert (error.line, error.col) == (5, 24)
    assert "'exhale'" in error.hint


def test_unknown_exercise_id_suggests_a_catalog_id() -> None:
    error = error_of(
        'name = "x"\n[[block]]\n[[block.exercise]]\nid = "cc"\n'
        + CATALOG.replace("[catalog.c]", "[catalog.cc-x]")
    )
    assert error.line == 4
    assert "unknown exercise id 'cc'" in error.message


def test_wrong_type_says_expected_and_found() -> None:
    text = 'name = "x"\n[[block]]\nrounds = "two"\n[[block.exercise]]\nid = "a"\n' + CATALOG
    error = error_of(text)
    assert error.line == 3
    assert error.message == 'rounds: expected a whole number, found "two"'


SEVERAL_TYPE_ERRORS = """\
name = 3
[defaults]
work = "x"
[[block]]
rounds = "two"
[[block.exercise]]
id = "glute-bridge"
work = "long"
breath = { inhale = "a", exhale = 4 }
[[block.exercise]]
work = 20
[catalog.mine]
name = "Mine"
category = "strength"
work =  -1
sided = "yes"
"""
"""Seven type errors in five tables, one of them inside an inline table."""


def test_every_type_error_is_reported_at_its_value() -> None:
    error = error_of(SEVERAL_TYPE_ERRORS)
    assert [(problem.line, problem.col, problem.message) for problem in error.problems] == [
        (15, 9, "work: expected a number greater than 0, found -1"),
        (16, 9, 'sided: expected true or false, found "yes"'),
    ]  # the catalog is checked first: its tables stop the load


def test_every_type_error_of_the_routine_is_reported_at_its_value() -> None:
    text = SEVERAL_TYPE_ERRORS.split("[catalog.mine]")[0]
    error = error_of(text)
    assert [(problem.line, problem.col, problem.message) for problem in error.problems] == [
        (1, 8, "name: expected text in quotes, found 3"),
        (3, 8, 'work: expected a number, found "x"'),
        (5, 10, 'rounds: expected a whole number, found "two"'),
        (8, 8, 'work: expected a number, found "long"'),
        (9, 21, 'inhale: expected a number, found "a"'),
        (10, 1, "missing required key 'id' in 'exercise'"),
    ]


@pytest.mark.parametrize(
    ("key", "value", "fragment"),
    [
        ("rounds", "101", "at most 100"),
        ("rounds", "0", "at least 1"),
    ],
)
def test_block_limits(key: str, value: str, fragment: str) -> None:
    text = f'name = "x"\n[[block]]\n{key} = {value}\n[[block.exercise]]\nid = "a"\n' + CATALOG
    error = error_of(text)
    assert error.line == 3
    assert fragment in error.message


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("sets = 101", "at most 100"),
        ("reps = 1001", "at most 1000"),
        ("work = 3601", "at most 3600"),
        ("work = 0", "greater than 0"),
        ("work = -5", "greater than 0"),
        ("rest = -1", "at least 0"),
        ('sides = "left"', "unknown sides value"),
        ('tempo = "fast"\nreps = 3', "tempo must look like"),
        ("reps = 601\ntempo = [3, 3]", "more than the limit of 3600"),
        ('breath = "tempo"', "needs a tempo"),
        ('breath = "calmm"', "did you mean 'calm'"),
        ("tempo = [1, 1]", "tempo needs reps"),
        ("reps = 3\nwork = 10", "not both"),
    ],
)
def test_exercise_errors_point_at_the_exercise(line: str, fragment: str) -> None:
    text = f'name = "x"\n[[block]]\n[[block.exercise]]\nid = "a"\n{line}\n' + CATALOG
    error = error_of(text)
    assert 5 <= error.line <= 6
    assert fragment in f"{error.message} ({error.hint})"


def test_zero_is_allowed_where_it_means_none() -> None:
    text = (
        'name = "x"\n[defaults]\nprepare = 0\nrest = 0\nswitch = 0\nround_rest = 0\n'
        'block_rest = 0\ncountdown = 0\n[[block]]\n[[block.exercise]]\nid = "a"\n' + CATALOG
    )
    assert parse_routine(text, "r.toml").defaults.countdown == 0


def test_session_over_six_hours_points_at_the_rounds_that_cross_it() -> None:
    text = (
        'name = "x"\n[[block]]\n[[block.exercise]]\nid = "a"\n'
        '[[block]]\nrounds = 100\n[[block.exercise]]\nid = "a"\nwork = 300\n' + CATALOG
    )
    error = error_of(text)
    assert error.line == 6
    assert "more than the limit of 6" in error.message


def test_too_many_segments_found_without_building_them() -> None:
    text = (
        'name = "x"\n[defaults]\nrest = 1\n[[block]]\nrounds = 100\n'
        '[[block.exercise]]\nid = "a"\nsets = 100\nwork = 1\n' + CATALOG
    )
    error = error_of(text)
    assert error.line == 5
    assert "more than 10,000 segments" in error.message


def test_sound_paths_are_confined_to_the_routine_folder(tmp_path: Path) -> None:
    with wave.open(str(tmp_path / "ok.wav"), "wb") as ok:  # a stub no longer passes
        ok.setnchannels(1)
        ok.setsampwidth(2)
        ok.setframerate(44100)
        ok.writeframes(b"\x00\x10" * 100)
    (tmp_path / "bad.wav").write_bytes(b"not a wav at all")
    base = 'name = "x"\n[[block]]\n[[block.exercise]]\nid = "a"\n' + CATALOG + "[sounds]\n"
    file = tmp_path / "r.toml"
    parse_routine(base + 'finish = "ok.wav"\nrest = "none"\n', file)
    for value, fragment in [
        ('"../x.wav"', "leaves the routine's folder"),
        ('"/etc/passwd"', "leaves the routine's folder"),
        ('"bad.wav"', "not a WAV"),
        ('"missing.wav"', "cannot read"),
    ]:
        with pytest.raises(RoutineError) as caught:
            parse_routine(base + f"finish = {value}\n", file)
        assert fragment in caught.value.message
        assert caught.value.line == base.count("\n") + 1


def test_unknown_sound_cue_suggests_one() -> None:
    text = (
        'name = "x"\n[sounds]\nfinsh = "none"\n[[block]]\n[[block.exercise]]\nid = "a"\n' + CATALOG
    )
    error = error_of(text)
    assert (error.line, error.hint) == (3, "did you mean 'finish'?")


def test_vocabulary_in_own_catalog_entries() -> None:
    text = (
        'name = "x"\n[catalog.z]\nname = "Z"\ncategory = "stretching"\npattern = "hinj"\n'
        'muscles = ["glutes-max"]\nlines = ["spiral-line"]\n[[block]]\n[[block.exercise]]\nid = "z"\n'
    )
    error = error_of(text)
    assert [p.line for p in error.problems] == [4, 5, 6, 7]
    assert "'hinge'" in error.problems[1].hint
    assert "'glute-max'" in error.problems[2].hint


def test_missing_name_and_missing_blocks() -> None:
    assert (
        "missing required key 'name'"
        in error_of('[[block]]\n[[block.exercise]]\nid = "a"\n').message
    )
    assert "block" in error_of('name = "x"\n').message


def test_error_attributes_and_text(tmp_path: Path) -> None:
    file = tmp_path / "r.toml"
    file.write_text('name = "x"\n[[block]]\n[[block.exercise]]\nid = "a"\nwrok = 3\n' + CATALOG)
    with pytest.raises(RoutineError) as caught:
        load_routine(file)
    error = caught.value
    assert (error.path, error.line, error.col) == (str(file), 5, 1)
    assert str(error) == f"{file}:5:1: unknown key 'wrok' (did you mean 'work'?)"


@pytest.mark.parametrize(
    ("content", "line", "fragment"),
    [
        (b"", 1, "empty"),
        (b"# only a comment\n", 1, "empty"),
        (b'name = "x"\n\nnote = "\xff"\n', 3, "not utf-8"),
        (b"\x00\x01\x02binary", 1, "binary"),
    ],
)
def test_bad_bytes_give_a_positioned_error(
    tmp_path: Path, content: bytes, line: int, fragment: str
) -> None:
    file = tmp_path / "r.toml"
    file.write_bytes(content)
    with pytest.raises(RoutineError) as caught:
        load_routine(file)
    assert caught.value.line == line
    assert fragment in caught.value.message.lower()


def test_files_over_one_mebibyte_are_refused_before_reading(tmp_path: Path) -> None:
    file = tmp_path / "big.toml"
    file.write_bytes(b"#" * (1024 * 1024 + 1))
    with pytest.raises(RoutineError, match="limit of 1 MiB"):
        load_routine(file)
    with pytest.raises(RoutineError, match="limit of 1 MiB"):
        parse_routine("#" * (1024 * 1024 + 1), "x.toml")


def test_folders_and_missing_files(tmp_path: Path) -> None:
    folder = tmp_path / "x.toml"
    folder.mkdir()
    with pytest.raises(RoutineError, match="is a folder"):
        load_routine(folder)
    with pytest.raises(RoutineError, match="cannot read"):
        load_routine(tmp_path / "missing.toml")


def _structs(info: object, seen: set[type]) -> list[object]:
    """Every struct type reachable from a msgspec type info."""
    from msgspec import inspect

    found: list[object] = []
    if isinstance(info, inspect.StructType):
        if info.cls in seen:
            return found
        seen.add(info.cls)
        found.append(info)
        for field in info.fields:
            found += _structs(field.type, seen)
    elif isinstance(info, inspect.Metadata):
        found += _structs(info.type, seen)
    elif isinstance(info, inspect.UnionType):
        for member in info.types:
            found += _structs(member, seen)
    elif isinstance(info, (inspect.ListType, inspect.SetType, inspect.FrozenSetType)):
        found += _structs(info.item_type, seen)
    elif isinstance(info, inspect.DictType):
        found += _structs(info.value_type, seen)
    return found


def test_every_routine_struct_forbids_unknown_keys() -> None:
    """The check skips its unknown-key walk for a file that converts; that is sound only
    while every table of the model refuses keys it does not know."""
    from msgspec import inspect

    from matwork.core.model import Routine

    structs = _structs(inspect.type_info(Routine), set())
    assert len(structs) >= 6
    lenient = [s.cls.__name__ for s in structs if not s.forbid_unknown_fields]  # type: ignore[attr-defined]
    assert lenient == []


def test_a_routine_that_converts_needs_no_type_info(monkeypatch: pytest.MonkeyPatch) -> None:
    from matwork.core import structure

    built: list[type] = []
    monkeypatch.setattr(structure, "_type_info", lambda model: built.append(model))
    parse_routine(
        'name = "x"\n[[block]]\n[[block.exercise]]\nid = "glute-bridge"\nwork = 20\n', "r.toml"
    )
    assert built == []
    monkeypatch.undo()  # a file that does not convert still gets the walk, and its words
    assert (
        "unknown key 'wrok'"
        in error_of(
            'name = "x"\n[[block]]\n[[block.exercise]]\nid = "glute-bridge"\nwrok = 20\n'
        ).message
    )
