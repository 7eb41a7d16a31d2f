"""The invalid-programme corpus: each file fails with one problem at the place expected.

tests/corpus/programmes/invalid/*.toml holds one broken programme per file, and
expected.json gives the 1-based line and column of its problem and a lowercase
fragment of its message and hint. The first files are wrong in the file itself (the
core finds them); the last need the library (a routine that does not exist, a rule
for an exercise no session plays). A file without an expectation fails the suite.
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
from click.testing import CliRunner

from matwork.app.programmes import check_programme, is_programme_file, routine_library
from matwork.cli import main

from helpers.paths import test_paths

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus" / "programmes"
INVALID = CORPUS / "invalid"
EXPECTED: dict[str, dict[str, Any]] = json.loads((CORPUS / "expected.json").read_text("utf-8"))
FILES = sorted(INVALID.glob("*.toml"))
PROBLEM_LINE = re.compile(r"^(?P<path>.+?\.toml):(?P<line>\d+):(?P<col>\d+): (?P<message>\S.*)$")


def _problems(file: Path) -> tuple[Any, ...]:
    entry = check_programme(file, routine_library(test_paths()))
    assert entry.error is not None, f"{file.name} has no problem"
    return entry.error.problems


def test_corpus_is_big_enough_and_every_expectation_has_a_file() -> None:
    assert len(FILES) >= 40
    assert sorted(set(EXPECTED) ^ {file.name for file in FILES}) == []


@pytest.mark.parametrize("file", FILES, ids=lambda file: file.stem)
def test_invalid_programme_fails_where_expected(file: Path) -> None:
    expected = EXPECTED[file.name]
    problems = _problems(file)
    assert len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    assert (problem.line, problem.col) == (expected["line"], expected["col"]), problem
    assert expected["fragment"] in f"{problem.message} {problem.hint}".lower(), problem
    assert str(problem).startswith(f"{file}:{expected['line']}:{expected['col']}: ")
    assert "`" not in problem.message
    assert "\n" not in str(problem)


@pytest.mark.parametrize("file", FILES, ids=lambda file: file.stem)
def test_matwork_check_knows_each_corpus_file_is_a_programme(file: Path) -> None:
    assert is_programme_file(file)


def test_check_reports_programmes_and_routines_side_by_side(tmp_path: Path) -> None:
    good = ROOT / "programmes" / "desk-worker.toml"
    bad = INVALID / "unknown-kind.toml"
    routine = ROOT / "routines" / "back-basics.toml"
    result = CliRunner().invoke(main, ["check", str(good), str(bad), str(routine)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines == [
        f"{bad}:13:8: unknown session kind 'strenght' (did you mean 'strength'?)",
        "3 files checked: 2 valid, 1 invalid (1 error)",
    ]
    report = json.loads(CliRunner().invoke(main, ["check", "--json", str(good), str(bad)]).output)
    assert [(item["ok"], len(item["errors"])) for item in report] == [(True, 0), (False, 1)]
    assert report[1]["errors"][0] == {
        "line": 13,
        "col": 8,
        "message": "unknown session kind 'strenght'",
        "hint": "did you mean 'strength'?",
    }


def _matwork() -> list[str]:
    script = Path(sys.executable).with_name("matwork")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "matwork"]


@pytest.mark.slow
def test_check_on_the_corpus_folder_prints_every_problem_and_no_traceback() -> None:
    relative = INVALID.relative_to(ROOT)
    result = subprocess.run(
        [*_matwork(), "check", str(relative)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert (
        lines[-1]
        == f"{len(FILES)} files checked: 0 valid, {len(FILES)} invalid ({len(FILES)} errors)"
    )
    expected = sorted(
        str(dataclasses.replace(_problems(file)[0], path=str(relative / file.name)))
        for file in FILES
    )
    assert sorted(lines[:-1]) == expected
    assert all(PROBLEM_LINE.match(line) for line in lines[:-1])


def test_shipped_programmes_check_clean() -> None:
    result = CliRunner().invoke(main, ["check", str(ROOT / "programmes")])
    assert (result.exit_code, result.output) == (0, "3 files checked: 3 valid\n")


def test_sessions_may_name_a_template_or_a_routine_beside_the_programme(tmp_path: Path) -> None:
    (tmp_path / "routines").mkdir()
    (tmp_path / "routines" / "mine.toml").write_text(
        (ROOT / "routines" / "back-basics.toml").read_text().replace("../schema", "../../schema")
    )
    programme = tmp_path / "plan.toml"
    programme.write_text(
        'programme = 1\nname = "Mine"\n'
        "[progression.glute-bridge]\nreps = { from = 8, to = 12 }\n"
        '[[phase]]\nname = "A"\nweeks = 1\n'
        '[[phase.session]]\nkey = "main"\nkind = "strength"\nroutine = "routines/mine.toml"\nper_week = 2\n'
        '[[phase.session]]\nkey = "desk"\nkind = "desk"\ntemplate = "desk"\nper_week = 5\n'
    )
    entry = check_programme(programme, routine_library(test_paths()))
    assert entry.ok, entry.error
    result = CliRunner().invoke(main, ["check", str(programme)])
    assert (result.exit_code, result.output) == (0, "1 file checked: 1 valid\n")
