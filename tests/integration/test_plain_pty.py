"""Plain mode on a real pseudo-terminal: a whole session by keys, then a kill and a resume.

Each step waits for the line it answers, so the test follows the program rather than
timing it. Single keys (space, n, b, Enter) go in without Enter and must act at once;
the terminal must be back in its normal mode however the program ends.
"""

from __future__ import annotations

import os
import re
import signal
import sys
from pathlib import Path

import pytest

from matwork.app.config import load_config
from matwork.store.writer import HistoryStore

from helpers.pty_play import PtyPlayer

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]

ROUTINE = """
name = "Pty check"

[defaults]
prepare = 20
rest = 8
countdown = 0

[[block]]
[[block.exercise]]
id = "bridge"
work = 40

[[block.exercise]]
id = "curl"
reps = 8

[catalog.bridge]
name = "Glute bridge"
category = "strength"

[catalog.curl]
name = "Curl up"
category = "pilates"
"""
"""At --speed 4: a 5 s get-ready, a 10 s bridge, a 2 s rest, then an open set of curl-ups."""

OPTIONS = ("--no-sound", "--speed", "4", "--log")


@pytest.fixture
def setup(tmp_path: Path, isolated_dirs: dict[str, Path]) -> tuple[Path, dict[str, str]]:
    routine = tmp_path / "pty-check.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    env = dict(os.environ)  # matwork's folders: the test's, set by the autouse fixture
    env["TERM"] = "xterm"
    return routine, env


def sessions() -> list[object]:
    from helpers.store import log_path

    with HistoryStore(log_path()) as store:
        return [store.get_session(record.uuid) for record in store.recent_sessions()]


def test_a_whole_session_by_keys_then_a_kill_and_a_resume(
    setup: tuple[Path, dict[str, str]], isolated_dirs: dict[str, Path]
) -> None:
    routine, env = setup
    first = PtyPlayer(routine, env, *OPTIONS)
    try:
        first.expect("Before you start")
        first.expect("Press Enter to accept and go on")
        first.send("\r")
        first.expect("Any back pain right now?")
        first.send("2\r")
        first.expect("Keys: space pause")
        first.expect("Prepare 20 s, first: Glute bridge")
        first.send(" ")
        first.expect("Paused. Space goes on.")
        first.send(" ")
        first.expect("Going on.")
        first.expect("Work: Glute bridge, 40 s")
        first.send("b")  # restart the bridge, well into it
        first.expect("Back.")
        first.expect("Work: Glute bridge, 40 s")
        first.send("n")
        first.expect("Skipped.")
        first.expect("Rest 8 s, next: Curl up")
        first.expect("Work: Curl up, 8 reps, open set: press Enter when done")
        first.send("\r")
        first.expect("Reps done (Enter: 8): ")
        first.send("5\r")
        first.expect("Session complete: ")
        logged = first.expect("How hard was it?")
        assert (
            "Logged as stopped early (less than half the planned work or sets was done)" in logged
        )
        first.send("6\r")
        first.expect("Any back pain now?")
        first.send("1\r")
        first.expect("A note for the log")
        first.send("felt fine\r")
        first.expect("Saved.")
        assert first.wait() == 0
        assert first.cooked()
    finally:
        first.close()
    assert "Traceback" not in first.output
    assert load_config(isolated_dirs["config"] / "config.toml").session.safety_acknowledged
    (detail,) = sessions()
    record = detail.session  # type: ignore[attr-defined]
    assert (record.pain_before, record.rpe, record.pain_after, record.notes) == (
        2,
        6,
        1,
        "felt fine",
    )
    # The bridge skipped after a restart, the curl-ups done: half the sets, little time.
    sets = [(s.exercise_name, s.skipped, s.reps_done) for s in detail.sets]  # type: ignore[attr-defined]
    assert sets == [("Glute bridge", True, None), ("Curl up", False, 5)]
    assert record.status == "stopped"

    second = PtyPlayer(routine, env, *OPTIONS)
    try:
        second.expect("Any back pain right now?")  # no notice again, nothing to resume
        second.send("\r")
        second.expect("Work: Glute bridge, 40 s")
        second.expect("Rest 8 s, next: Curl up")  # the bridge ended: in the log
        second.kill(signal.SIGKILL)
        second.wait()
    finally:
        second.close()

    third = PtyPlayer(routine, env, *OPTIONS)
    try:
        offer = third.expect("Resume? y/n, Enter: yes: ")
        assert "An interrupted session of Pty check from today at " in offer
        # get-ready and bridge, 1:00, and the rest's first moment if a position was written
        assert re.search(r"1 set done, 1:0[0-2] active, stopped at segment 3\.", offer), offer
        third.send("y\r")
        third.expect("Resuming at segment 3: 1 set done")
        third.expect("Any back pain right now?")
        third.send("\r")
        third.expect("Work: Curl up, 8 reps, open set: press Enter when done")
        third.send("\r")
        third.expect("Reps done (Enter: 8): ")
        third.send("\r")
        logged = third.expect("How hard was it?")
        assert "Logged as completed: 2 of 2 sets done" in logged
        third.send("\x03")  # Ctrl-C at a question: out, the terminal as it was
        assert third.wait() == 130
        assert third.cooked()
    finally:
        third.close()
    resumed = [d for d in sessions() if d.session.uuid != record.uuid]  # type: ignore[attr-defined]
    assert len(resumed) == 1  # the resume went on in the killed session's row
    again = resumed[0]
    assert again.session.status == "completed"  # type: ignore[attr-defined]
    names = [(s.exercise_name, s.reps_done) for s in again.sets]  # type: ignore[attr-defined]
    assert names == [("Glute bridge", None), ("Curl up", 8)]


def test_sigterm_and_ctrl_c_put_the_terminal_back(setup: tuple[Path, dict[str, str]]) -> None:
    routine, env = setup
    config = Path(os.environ["MATWORK_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(
        "[session]\nsafety_acknowledged = true\npain_question = false\n", encoding="utf-8"
    )
    for keys, code in (("\x03", 130), (None, -signal.SIGTERM)):
        player = PtyPlayer(routine, env, *OPTIONS)
        try:
            player.expect("Work: Glute bridge, 40 s")
            assert not player.cooked()  # single keys while it runs
            if keys is None:
                player.kill(signal.SIGTERM)
            else:
                player.send(keys)
            assert player.wait() == code
            assert player.cooked()
        finally:
            player.close()
        assert "Traceback" not in player.output
    statuses = sorted(d.session.status for d in sessions())  # type: ignore[attr-defined]
    assert statuses == ["interrupted", "stopped"]  # SIGTERM reads as a crash: resumable
