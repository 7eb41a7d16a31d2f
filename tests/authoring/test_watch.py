"""``plan --watch``: each reload of a real file, and the watch loop driven by a fake sleep."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from matwork.cli.planview import WatchFrame, reload_plan, watch_plan

VALID = """\
name = "Watch me"
[defaults]
prepare = 10
[[block]]
[[block.exercise]]
id = "cat-cow"
work = 60
"""
LONGER = VALID.replace("work = 60", "work = 90")
TYPO = VALID.replace("work = 60", "wrok = 60")  # the typo is on line 7, column 1
BAD_ID = VALID.replace('id = "cat-cow"', 'id = "cat-cwo"')  # line 6

# A second a write, so a change is seen however coarse the file system's clock is.
_BASE_MTIME_NS = 1_700_000_000 * 10**9


def write(path: Path, text: str, tick: int) -> None:
    """Write ``text`` and give the file a modification time of its own."""
    path.write_text(text, encoding="utf-8")
    mtime = _BASE_MTIME_NS + tick * 10**9
    os.utime(path, ns=(mtime, mtime))


def recording_console() -> Console:
    return Console(record=True, width=400, file=io.StringIO(), color_system=None)


def shown(frame: WatchFrame) -> str:
    """The frame as the text a terminal would show."""
    console = recording_console()
    console.print(frame.renderable)
    return console.export_text()


@pytest.fixture
def routine(tmp_path: Path) -> Path:
    path = tmp_path / "watched.toml"
    write(path, VALID, 0)
    return path


# --- reload_plan ----------------------------------------------------------------------


def test_valid_file_renders_the_plan_and_its_total(routine: Path) -> None:
    frame = reload_plan(routine)
    text = shown(frame)
    assert frame.ok
    assert "Watch me" in text
    assert "Cat-cow" in text
    assert "Total 1:10" in text  # prepare 10 + work 60


def test_error_shows_path_line_col_message_then_the_fix_shows_the_plan(routine: Path) -> None:
    assert reload_plan(routine).ok

    write(routine, TYPO, 1)
    frame = reload_plan(routine)
    text = shown(frame)
    assert not frame.ok
    assert f"{routine}: not valid" in text
    assert f"{routine}:7:1: unknown key 'wrok' (did you mean 'work'?)" in text
    assert "Total" not in text

    write(routine, LONGER, 2)
    frame = reload_plan(routine)
    assert frame.ok
    assert "Total 1:40" in shown(frame)


def test_unknown_id_points_at_its_line(routine: Path) -> None:
    write(routine, BAD_ID, 1)
    text = shown(reload_plan(routine))
    assert f"{routine}:6:" in text
    assert "cat-cwo" in text
    assert "cat-cow" in text  # the suggestion


@pytest.mark.parametrize(
    "cut",
    [
        VALID.index("[[block.exercise]]") + len("[[block.exer"),  # inside a table header
        VALID.index('id = "cat-cow"') + len('id = "cat-'),  # inside a string
        VALID.index("[[block.exercise]]"),  # a block with no exercise yet
        VALID.index("work = 60") + len("work ="),  # a key with no value
        0,  # an empty file, just truncated
    ],
    ids=["mid-header", "mid-string", "no-exercise", "no-value", "empty"],
)
def test_half_written_file_gives_an_error_frame_not_an_exception(routine: Path, cut: int) -> None:
    write(routine, VALID[:cut], 1)
    frame = reload_plan(routine)
    text = shown(frame)
    assert not frame.ok
    assert f"{routine}: not valid" in text
    assert f"{routine}:" in text.splitlines()[1]  # an error line with its place follows


def test_half_written_utf8_character_is_an_error_frame(routine: Path) -> None:
    data = 'name = "Rücken"\n'.encode()
    routine.write_bytes(data[: data.index("ü".encode()) + 1])  # half of a two-byte character
    frame = reload_plan(routine)
    assert not frame.ok
    assert "not UTF-8" in shown(frame)


def test_deleted_file_gives_the_waiting_frame(routine: Path) -> None:
    routine.unlink()
    frame = reload_plan(routine)
    assert not frame.ok
    assert shown(frame).startswith(f"{routine}: waiting for the file to appear")


def test_renamed_file_waits_then_comes_back(routine: Path, tmp_path: Path) -> None:
    moved = routine.rename(tmp_path / "moved.toml")
    frame = reload_plan(routine)
    assert not frame.ok
    assert "waiting for the file to appear" in shown(frame)

    moved.rename(routine)
    frame = reload_plan(routine)
    assert frame.ok
    assert "Total 1:10" in shown(frame)


def test_folder_in_place_of_the_file_is_an_error_frame(routine: Path) -> None:
    routine.unlink()
    routine.mkdir()
    frame = reload_plan(routine)
    assert not frame.ok
    assert f"{routine}:0: is a folder" in shown(frame)


# --- watch_plan -----------------------------------------------------------------------


def run_watch(path: Path, steps: list[Callable[[], object]]) -> tuple[str, list[float]]:
    """Run ``watch_plan`` with a sleep that does one step per call, then presses Ctrl-C."""
    console = recording_console()
    pending = list(steps)
    slept: list[float] = []

    def fake_sleep(seconds: float) -> None:
        slept.append(seconds)
        if not pending:
            raise KeyboardInterrupt
        pending.pop(0)()

    watch_plan(path, interval=0.25, console=console, sleep=fake_sleep)
    return console.export_text(), slept


def test_watch_redraws_on_each_change_and_stops_cleanly_on_ctrl_c(routine: Path) -> None:
    text, slept = run_watch(
        routine,
        [
            lambda: write(routine, TYPO, 1),
            lambda: None,  # nothing changed: no redraw
            lambda: write(routine, LONGER, 2),
            routine.unlink,
            lambda: write(routine, VALID, 3),
        ],
    )
    assert slept == [0.25] * 6
    footer = f"watching {routine} — Ctrl-C to stop"
    assert text.count(footer) == 5  # the first draw and four changes, not the idle turn

    frames = text.split(footer)
    assert "Total 1:10" in frames[0]
    assert f"{routine}:7:1: unknown key 'wrok'" in frames[1]
    assert "Total 1:40" in frames[2]
    assert "waiting for the file to appear" in frames[3]
    assert "Total 1:10" in frames[4]
    assert frames[5].strip() == "stopped watching"


def test_watch_starts_waiting_when_the_file_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "not-yet.toml"
    text, _ = run_watch(path, [lambda: None, lambda: write(path, VALID, 1)])
    frames = text.split(f"watching {path} — Ctrl-C to stop")
    assert len(frames) == 3
    assert "waiting for the file to appear" in frames[0]
    assert "Total 1:10" in frames[1]
    assert frames[2].strip() == "stopped watching"


def test_watch_sees_a_file_replaced_by_one_of_the_same_size_and_time(
    routine: Path, tmp_path: Path
) -> None:
    # `mv other.toml watched.toml` or an editor's save-by-rename: a new file whose size
    # and modification time can equal the old one's.
    other = tmp_path / "other.toml"
    same_size = VALID.replace("work = 60", "work = 45")
    assert len(same_size) == len(VALID)
    write(other, same_size, 0)

    text, _ = run_watch(routine, [lambda: other.replace(routine)])
    frames = text.split(f"watching {routine} — Ctrl-C to stop")
    assert "Total 1:10" in frames[0]
    assert len(frames) == 3, "the replaced file was not redrawn"
    assert "Total 0:55" in frames[1]


def test_watch_ctrl_c_on_the_first_draw_still_stops_cleanly(
    routine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(path: Path) -> WatchFrame:
        raise KeyboardInterrupt

    monkeypatch.setattr("matwork.cli.planview.reload_plan", interrupted)
    text, slept = run_watch(routine, [])
    assert slept == []
    assert text.strip() == "stopped watching"
