"""The invalid-routine corpus: every file fails with one problem at the place expected.

tests/corpus/invalid/*.toml holds one broken routine per file; tests/corpus/expected.json
gives, per file name, the 1-based line (and column, when it is meaningful) of the first
problem, or line 0 for a file that cannot be read as text at all, and a lowercase
fragment its message and hint must contain. A file without an
expectation, or an expectation without a file, fails the suite, so the table cannot go
stale. Files too big to commit (over 1 MiB, 50 MB) are written at test time.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from matwork.core.model import MAX_FILE_BYTES
from matwork.core.routine import RoutineError, load_routine, parse_routine

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
INVALID = CORPUS / "invalid"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (CORPUS / "expected.json").read_text(encoding="utf-8")
)
FILES = sorted(INVALID.glob("*.toml"))

KNOWN_BUGS: dict[str, str] = {}
"""Files whose expectation the loader does not meet yet: each a strict xfail."""

PROBLEM_LINE = re.compile(
    r"^(?P<path>.+?\.toml):(?:(?P<line>[1-9]\d*):(?P<col>\d+)|0): (?P<message>\S.*)$"
)
SUMMARY_LINE = re.compile(
    r"^(?P<files>\d+) files? checked: (?P<valid>\d+) valid"
    r"(?:, (?P<invalid>\d+) invalid \((?P<errors>\d+) errors?\))?$"
)

MINIMAL = """\
name = "Big"

[catalog.a]
name = "Exercise A"
category = "mobility"

[[block]]
[[block.exercise]]
id = "a"
work = 30
"""


def _problems(file: Path) -> tuple[Any, ...]:
    try:
        load_routine(file)
    except RoutineError as error:
        return error.problems
    pytest.fail(f"{file.name} loaded without error")


def _corpus_params() -> list[Any]:
    params = []
    for file in FILES:
        marks = []
        if file.name in KNOWN_BUGS:
            # raises=AssertionError: a crash or a file that loads is a real failure.
            marks.append(
                pytest.mark.xfail(strict=True, raises=AssertionError, reason=KNOWN_BUGS[file.name])
            )
        params.append(pytest.param(file, id=file.stem, marks=marks))
    return params


def _matwork() -> list[str]:
    script = Path(sys.executable).with_name("matwork")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "matwork"]


def _check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*_matwork(), "check", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )


def _assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout
    assert "Traceback" not in result.stderr


# --- the table itself -------------------------------------------------------------


def test_corpus_is_big_enough() -> None:
    assert len(FILES) >= 45


def test_every_expectation_has_a_file() -> None:
    names = {file.name for file in FILES}
    assert sorted(set(EXPECTED) - names) == []


def test_every_known_bug_names_a_corpus_file() -> None:
    assert sorted(set(KNOWN_BUGS) - set(EXPECTED)) == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_expectation_is_well_formed(name: str) -> None:
    expected = EXPECTED[name]
    assert set(expected) <= {"line", "col", "fragment"}
    assert isinstance(expected["line"], int)
    assert isinstance(expected.get("col", 1), int)
    if expected["line"] == 0:  # the file as a whole
        assert expected.get("col") == 0
    else:
        assert expected["line"] >= 1
        assert expected.get("col", 1) >= 1
    fragment = expected["fragment"]
    assert isinstance(fragment, str)
    assert fragment
    assert fragment == fragment.lower()


def test_sibling_sound_is_not_a_wav() -> None:
    sound = INVALID / "sounds" / "not-a-wav.wav"
    assert sound.is_file()
    assert not sound.read_bytes().startswith(b"RIFF")


# --- each file --------------------------------------------------------------------


@pytest.mark.parametrize("file", _corpus_params())
def test_invalid_file_fails_where_expected(file: Path) -> None:
    expected = EXPECTED.get(file.name)
    assert expected is not None, f"{file.name} has no entry in tests/corpus/expected.json"
    problem = _problems(file)[0]
    line = expected["line"]
    col = expected.get("col", problem.col)
    assert problem.path == str(file)
    assert (problem.line, problem.col) == (line, col), problem
    assert expected["fragment"] in f"{problem.message} {problem.hint}".lower(), problem
    where = f"{line}:{col}" if line else "0"
    assert str(problem).startswith(f"{file}:{where}: ")


@pytest.mark.parametrize("file", FILES, ids=lambda file: file.stem)
def test_invalid_file_has_exactly_one_problem(file: Path) -> None:
    problems = _problems(file)
    assert len(problems) == 1, "\n".join(str(problem) for problem in problems)


@pytest.mark.parametrize("file", FILES, ids=lambda file: file.stem)
def test_problem_is_one_readable_line(file: Path) -> None:
    for problem in _problems(file):
        assert problem.message
        assert problem.message[0] != " "
        assert "\n" not in str(problem)
        assert "Object contains" not in problem.message
        assert "`" not in problem.message


# --- size limits, generated at test time ------------------------------------------


def _padded(size: int) -> bytes:
    """A valid routine padded with a comment to exactly ``size`` bytes."""
    head = MINIMAL.encode()
    padding = size - len(head) - len(b"#\n")
    assert padding >= 0
    return head + b"#" + b"x" * padding + b"\n"


def test_file_of_exactly_one_mib_loads(tmp_path: Path) -> None:
    file = tmp_path / "exactly.toml"
    file.write_bytes(_padded(MAX_FILE_BYTES))
    assert file.stat().st_size == MAX_FILE_BYTES
    assert load_routine(file).name == "Big"


def test_file_over_one_mib_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "over.toml"
    file.write_bytes(_padded(MAX_FILE_BYTES + 1))
    with pytest.raises(RoutineError) as caught:
        load_routine(file)
    problem = caught.value.problems[0]
    assert (problem.line, problem.col) == (1, 1)
    assert "1 mib" in problem.message.lower()


def test_text_over_one_mib_is_refused_by_parse_routine() -> None:
    text = _padded(MAX_FILE_BYTES + 1).decode()
    with pytest.raises(RoutineError, match="1 MiB"):
        parse_routine(text, "over.toml")


def test_check_refuses_huge_files_cleanly_and_keeps_good_ones(tmp_path: Path) -> None:
    (tmp_path / "good.toml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "over.toml").write_bytes(_padded(MAX_FILE_BYTES + 1))
    with (tmp_path / "huge.toml").open("wb") as handle:
        handle.write(MINIMAL.encode())
        handle.truncate(50 * 1024 * 1024)
    result = _check(str(tmp_path))
    _assert_no_traceback(result)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "3 files checked: 1 valid, 2 invalid (2 errors)"
    assert sorted(lines[:-1]) == [
        f"{tmp_path / 'huge.toml'}:1:1: file is 50.0 MiB, more than the limit of 1 MiB",
        f"{tmp_path / 'over.toml'}:1:1: file is 1.0 MiB, more than the limit of 1 MiB",
    ]


# --- matwork check on the whole folder --------------------------------------------


def test_check_folder_reports_every_problem_one_a_line() -> None:
    relative = INVALID.relative_to(ROOT)
    result = _check(str(relative))
    _assert_no_traceback(result)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    summary = SUMMARY_LINE.match(lines[-1])
    assert summary, lines[-1]
    expected_lines = {
        str(relative / file.name): [
            str(dataclasses.replace(problem, path=str(relative / file.name)))
            for problem in _problems(file)
        ]
        for file in FILES
    }
    total = sum(len(texts) for texts in expected_lines.values())
    assert summary.group("files") == str(len(FILES))
    assert summary.group("valid") == "0"
    assert summary.group("invalid") == str(len(FILES))
    assert summary.group("errors") == str(total)
    printed: dict[str, list[str]] = {}
    for line in lines[:-1]:
        match = PROBLEM_LINE.match(line)
        assert match, line
        printed.setdefault(match.group("path"), []).append(line)
    # Every file, every problem, in file order, each as `path:line:col: message (hint)`.
    assert printed == expected_lines


def test_check_folder_json_marks_every_file_invalid() -> None:
    result = _check("--json", str(INVALID.relative_to(ROOT)))
    _assert_no_traceback(result)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert sorted(Path(item["path"]).name for item in report) == [file.name for file in FILES]
    for item in report:
        assert item["ok"] is False, item
        assert item["errors"], item
        first = item["errors"][0]
        problem = _problems(INVALID / Path(item["path"]).name)[0]
        assert (first["line"], first["col"], first["message"], first["hint"]) == (
            problem.line,
            problem.col,
            problem.message,
            problem.hint,
        )
