"""Closing the terminal under ``matwork play --plain``: SIGHUP from the kernel, nothing lost.

The player runs on a real pseudo-terminal that is its controlling terminal; closing
the terminal's side (a window closed, an ssh link dropped) makes the kernel send it
SIGHUP. matwork installs no handler, so this must look exactly like a crash: the
session reads ``interrupted`` and resumable, and every set whose end was shown is in
the log (test_play_crash.py sends SIGHUP itself at random moments too).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from matwork.store.writer import HistoryStore

from helpers.play import (
    PipeLines,
    content_hash,
    integrity,
    load_timeline,
    matwork_play,
    play_env,
    progress,
)

HANGUP_ROUTINE = """
name = "Hangup drill"

[defaults]
prepare = 0
countdown = 0

[[block]]
rounds = 10

[[block.exercise]]
id = "a"
work = 2
rest = 2
sets = 100

[catalog.a]
name = "Drill"
category = "strength"
"""


def test_closing_the_terminal_reads_as_interrupted_and_loses_nothing(tmp_path: Path) -> None:
    routine = tmp_path / "hangup-drill.toml"
    routine.write_text(HANGUP_ROUTINE)
    timeline = load_timeline(routine)
    dirs = {name: tmp_path / name for name in ("config", "data", "cache")}
    dirs["config"].mkdir()  # on a terminal: no safety notice, no pain question to answer
    (dirs["config"] / "config.toml").write_text(
        "[session]\nsafety_acknowledged = true\npain_question = false\n"
    )
    master, slave = os.openpty()
    take_terminal = (
        "import fcntl, os, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
        "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])"
    )
    command = matwork_play(routine, "--speed", "1000", "--no-sound")
    process = subprocess.Popen(
        [sys.executable, "-c", take_terminal, *command[1:]],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=play_env(dirs),
        start_new_session=True,
    )
    os.close(slave)
    out = PipeLines(master)
    try:
        while sum(line.startswith("Rest ") for line in out.lines) < 30:
            line = out.readline(timeout=30)
            assert line is not None, out.lines[-3:]
            out.lines[-1] = line.rstrip("\r")
    finally:
        os.close(master)
    assert process.wait(timeout=30) == -signal.SIGHUP
    shown = [segment.index for segment in progress(timeline, out.lines).ended]
    assert len(shown) >= 29

    database = dirs["data"] / "history.sqlite3"
    assert integrity(database) == "ok"
    with HistoryStore(database) as store:
        (session,) = store.recent_sessions()
        detail = store.get_session(session.uuid)
        resumable = store.find_resumable(content_hash=content_hash(routine))
    stored = [result.segment for result in detail.sets]
    assert detail.session.status == "interrupted"
    assert set(shown) <= set(stored)
    assert resumable is not None
    assert resumable.uuid == session.uuid
    # It resumes at the first segment not finished: right after the last stored set, or,
    # when the rest after it had already run out, at the next work set.
    skipped = timeline.segments[stored[-1] + 1 : resumable.resume_segment]
    assert resumable.resume_segment > stored[-1]
    assert all(segment.kind != "work" for segment in skipped), skipped
