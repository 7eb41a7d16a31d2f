"""A busy log loses nothing: ``matwork play --plain`` while another process holds the lock.

Another process (a sqlite3 shell in a transaction, an import, a second matwork) takes
the log's write lock with ``BEGIN IMMEDIATE`` and keeps it for 8 s, longer than the
busy timeout (5 s). The session must go on on the clock (lines keep coming while the
lock is held), say once on stderr that its records wait, say again when they are
saved, and end with every set in the log, in order, the session completed.
"""

from __future__ import annotations

import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from matwork.store.schema import BUSY_TIMEOUT_MS
from matwork.store.writer import HistoryStore

from helpers.play import PipeLines, integrity, load_timeline, matwork_play, play_env, progress

HOLD_SECONDS = 8.0

BUSY_ROUTINE = """
name = "Busy drill"

[defaults]
prepare = 0
countdown = 0

[[block]]
[[block.exercise]]
id = "a"
work = 2
rest = 2
sets = 40

[catalog.a]
name = "Drill"
category = "strength"
"""
"""40 sets of 2 s with 2 s rests: 160 s of session, 16 s of wall time at --speed 10."""


@pytest.mark.slow
def test_a_lock_held_longer_than_the_busy_timeout_loses_no_set(tmp_path: Path) -> None:
    assert HOLD_SECONDS > BUSY_TIMEOUT_MS / 1000
    routine = tmp_path / "busy-drill.toml"
    routine.write_text(BUSY_ROUTINE)
    timeline = load_timeline(routine)
    works = [segment.index for segment in timeline.segments if segment.kind == "work"]
    dirs = {name: tmp_path / name for name in ("config", "data", "cache")}
    dirs["config"].mkdir()  # acknowledged: stderr holds only what the log says
    (dirs["config"] / "config.toml").write_text("[session]\nsafety_acknowledged = true\n")
    database = dirs["data"] / "history.sqlite3"
    process = subprocess.Popen(
        matwork_play(routine, "--speed", "10", "--no-sound"),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=play_env(dirs),
        bufsize=0,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    out = PipeLines(process.stdout.fileno())
    try:
        while not any(line.startswith("Rest ") for line in out.lines):  # one set has ended
            assert out.readline() is not None, out.lines
        other = sqlite3.connect(database, timeout=5.0, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        held_from = len(out.lines)
        deadline = time.monotonic() + HOLD_SECONDS
        while (left := deadline - time.monotonic()) > 0:
            out.readline(timeout=left)
        printed_while_held = out.lines[held_from:]
        other.execute("ROLLBACK")
        other.close()
        lines = out.rest()
        errors = process.stderr.read().decode()
        assert process.wait(timeout=60) == 0, errors
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    assert "Traceback" not in errors, errors
    # The player never waited for the database: at 4 s of wall time per 10 sets, the
    # 8 s with the lock held saw sets end one after the other.
    assert sum(line.startswith("Rest ") for line in printed_while_held) >= 10, printed_while_held
    assert any(line.startswith("Session complete") for line in lines[-3:]), lines[-3:]
    shown = progress(timeline, lines)
    assert [segment.index for segment in shown.ended] == works

    # Told once while it lasted, and once when it was over; never "not logged".
    notices = [line for line in errors.splitlines() if line.strip()]
    assert [line.split(":")[0] for line in notices] == ["session log busy", "session log"], errors
    assert "not logged" not in errors

    assert integrity(database) == "ok"
    with HistoryStore(database) as store:
        (session,) = store.recent_sessions()
        detail = store.get_session(session.uuid)
    assert detail.session.status == "completed"
    assert [result.segment for result in detail.sets] == works
    assert all(not result.skipped for result in detail.sets)
    assert detail.session.active_seconds == pytest.approx(timeline.total_seconds, abs=1.0)
