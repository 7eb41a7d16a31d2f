"""``matwork assess --plain`` and ``play --plain`` with test sets, in a real process with piped input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.plain_script import red_flag_answers
from helpers.play import play_env

HOLDS = """\
#:schema ../schema/routine.schema.json
name = "Two tests"
[defaults]
prepare = 1
rest = 1
[[block]]
[[block.exercise]]
id = "extensor-hold"
test = "hold"
ceiling = 30
[[block.exercise]]
id = "knee-angle"
test = "measure"
unit = "degrees"
[catalog.knee-angle]
name = "Knee angle"
category = "mobility"
"""


def _run(
    args: list[str], lines: list[str], dirs: dict[str, Path]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "matwork", *args],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        env=play_env(dirs),
        check=False,
    )


@pytest.mark.slow
def test_a_plain_assessment_in_a_real_process_stores_its_results(
    isolated_dirs: dict[str, Path],
) -> None:
    answers = [*red_flag_answers(), "f", "k", "1", "", "", "", "", ""]
    answers += ["n", "y", "n", "n", "12", "0", "0", "2", "n"]
    done = _run(
        ["assess", "--plain", "--no-sound", "--speed", "1000", "--log"], answers, isolated_dirs
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "Stored in the log as assessment 1." in done.stdout
    assert "Result: Fingertip-to-floor distance: 12 cm" in done.stdout
    latest = _run(["assess", "--json"], [], isolated_dirs)
    data = json.loads(latest.stdout)
    assert data["stored"]["source"] == "run"
    assert data["results"]["sex"] == "female"
    assert data["results"]["extensor-setup"] == "heels-hooked"
    assert data["results"]["results"]["thomas"] == {"left": True, "right": False}
    assert "extensor-band" in [finding["id"] for finding in data["findings"]]


@pytest.mark.slow
def test_an_open_red_flag_in_a_real_process_exits_1_before_the_tests(
    isolated_dirs: dict[str, Path],
) -> None:
    answers = red_flag_answers(frozenset({"progressive-weakness"}))
    done = _run(["assess", "--plain", "--no-sound"], answers, isolated_dirs)
    assert done.returncode == 1
    assert "Get medical care now" in done.stdout
    assert "Hold:" not in done.stdout
    recheck = _run(["assess", "--red-flags", "--plain"], red_flag_answers(), isolated_dirs)
    assert recheck.returncode == 0
    assert "No warning sign ticked" in recheck.stdout


@pytest.mark.slow
def test_play_plain_plays_test_sets_from_any_routine(
    isolated_dirs: dict[str, Path], tmp_path: Path
) -> None:
    routine = tmp_path / "two.toml"
    routine.write_text(HOLDS, encoding="utf-8")
    done = _run(["play", "--plain", "--no-sound", "--speed", "100", "--log", str(routine)],
                ["", "400", "95"], isolated_dirs)  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Hold: Back extensor hold (Biering-Sørensen)" in out
    assert "it ends by itself at 30 s" in out
    assert "enter a number from -180 to 180 degrees" in out  # 400 is asked again
    assert "Result: Knee angle: 95 degrees" in out
    assert "Session complete" in out
    assert "extensor-band" not in out  # findings are printed as titles, ids are for --json
    assert "Back extensor endurance (Biering-Sørensen)" in out
    assert "Stored in the log as assessment 1." in out
