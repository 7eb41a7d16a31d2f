"""Active time across a kill -9 and a resume, with the real program.

A ``matwork play --plain`` process is killed with SIGKILL right after its third set has
ended (the line opening the rest after it was printed). The log must then hold the
active time up to that set's end (not "Active 0:00"), and a run with ``--resume`` must
go on in the same row, ending with an active time that is exactly the sets' actual
time plus the rests spent (not "Active 0:11 but Work time 2:19").
"""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pytest

from matwork.store.writer import HistoryStore

from helpers.play import PipeLines, matwork_play, play_env, run_to_end

pytestmark = pytest.mark.slow

ROUTINE = """
name = "Kill drill"

[defaults]
prepare = 0
countdown = 0
rest = 10

[[block]]
[[block.exercise]]
id = "a"
work = 20
sets = 6

[catalog.a]
name = "Hold"
category = "strength"
"""
"""Six sets of 20 s with 10 s rests (170 s); at --speed 20 a set lasts 1 s of wall time."""

SPEED = "20"


def test_active_time_survives_a_kill_after_three_sets_and_adds_up_after_resume(
    tmp_path: Path, isolated_dirs: dict[str, Path]
) -> None:
    routine = tmp_path / "kill-drill.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    env = play_env(isolated_dirs)
    process = subprocess.Popen(
        matwork_play(routine, "--speed", SPEED, "--no-sound"),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        bufsize=0,
    )
    assert process.stdout is not None
    out = PipeLines(process.stdout.fileno())
    rests = 0
    while rests < 3:
        line = out.readline()
        assert line is not None, out.lines
        rests += line.startswith("Rest ")
    process.send_signal(signal.SIGKILL)  # the third set has ended: its rest has begun
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    database = isolated_dirs["data"] / "history.sqlite3"
    with HistoryStore(database) as store:
        (killed,) = store.recent_sessions()
        assert killed.status == "interrupted"
        assert killed.sets_done == 3
        # Three sets and the two rests between them, at least; at most a position
        # written in the rest under way when the kill came.
        assert 3 * 20 + 2 * 10 <= killed.active_seconds <= 3 * 20 + 3 * 10
        assert killed.active_seconds - killed.resume_offset == pytest.approx(80.0, abs=0.01)

    done = run_to_end(matwork_play(routine, "--speed", SPEED, "--no-sound", "--resume"), env)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Resuming at segment 6: 3 sets done, 1:2")  # 1:20 to 1:30
    assert lines[2] == "Rest 10 s, next: Hold"  # the rest under way at the kill, from the top

    with HistoryStore(database) as store:
        (resumed,) = store.recent_sessions()
        detail = store.get_session(resumed.uuid)
    assert resumed.uuid == killed.uuid
    assert resumed.status == "completed"
    assert [result.segment for result in detail.sets] == [0, 2, 4, 6, 8, 10]
    work = sum(result.actual_seconds for result in detail.sets)
    assert work == pytest.approx(6 * 20.0)
    assert resumed.active_seconds == pytest.approx(work + 5 * 10.0)
