"""A file that cannot be read as text says so the same way in check, list, play and the library.

The form is ``path:0: reason``: line 0 stands for the file as a whole. Every command
runs in a child process with a timeout, because a FIFO must never block any of them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from matwork.app.library import load_entry
from matwork.tui.library.lists import broken_prompt
from matwork.tui.library.preview import RoutinePreview

from helpers.routines import CATALOG

GOOD = 'name = "Good"\n[[block]]\n[[block.exercise]]\nid = "a"\n' + CATALOG


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _loop(path: Path) -> None:
    path.symlink_to(path)


def _utf16(path: Path) -> None:
    path.write_bytes(GOOD.encode("utf-16"))


def _dangling(path: Path) -> None:
    path.symlink_to(path.with_name("nowhere.toml"))


KINDS: dict[str, tuple[Callable[[Path], None], str]] = {
    "fifo": (_fifo, "is a named pipe (FIFO), not a routine file"),
    "loop": (
        _loop,
        "cannot read: a loop of symbolic links (a link points back along its own chain)",
    ),
    "utf-16": (_utf16, "is UTF-16 text, not UTF-8 (save the file as UTF-8)"),
    "dangling": (_dangling, "cannot read: a symbolic link to a missing file"),
}


def matwork(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "matwork", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result


@pytest.fixture
def bad(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    make, words = KINDS[request.param]
    folder = tmp_path / "routines"
    folder.mkdir()
    (folder / "good.toml").write_text(GOOD)
    path = folder / "bad.toml"
    make(path)
    return path, f"{path}:0: {words}"


@pytest.mark.slow
@pytest.mark.parametrize("bad", sorted(KINDS), indirect=True)
def test_check_list_and_play_say_it_the_same_way(
    bad: tuple[Path, str], isolated_dirs: dict[str, Path]
) -> None:
    path, expected = bad
    check = matwork("check", str(path.parent))
    assert check.returncode == 1
    assert check.stdout.splitlines() == [expected, "2 files checked: 1 valid, 1 invalid (1 error)"]

    play = matwork("play", "--plain", "--no-sound", str(path))
    assert (play.returncode, play.stderr) == (1, expected + "\n")

    isolated_dirs["config"].mkdir(parents=True)
    config = isolated_dirs["config"] / "config.toml"
    config.write_text(f'[library]\nfolders = ["{path.parent}"]\n')
    listed = matwork("list", "--json")
    assert listed.returncode == 0, listed.stderr
    errors = {item["path"]: item["error"] for item in json.loads(listed.stdout)}
    assert errors[str(path)] == expected
    table = matwork("list")
    assert expected in table.stdout.replace("\n", "")


@pytest.mark.parametrize("bad", ["loop", "utf-16", "dangling"], indirect=True)
def test_the_library_shows_the_reason_without_a_line_number(bad: tuple[Path, str]) -> None:
    path, expected = bad
    entry = load_entry(path)
    reason = expected.removeprefix(f"{path}:0: ").split(" (")[0]
    assert broken_prompt(entry).plain == f"bad.toml\n{reason}"
    problems = RoutinePreview._problems(entry).plain
    assert problems.startswith(f"the file: {reason}")
    assert "line 0" not in problems


@pytest.mark.parametrize("bad", sorted(KINDS), indirect=True)
def test_the_library_scan_lists_the_file_as_broken(bad: tuple[Path, str]) -> None:
    from matwork.app.library import RoutineSource
    from matwork.tui.library.scan import Found

    path, _ = bad
    found = Found([RoutineSource("user", path.parent)])
    assert sorted(found.stamps) == [path, path.parent / "good.toml"]
