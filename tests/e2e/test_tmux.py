"""`matwork play` for real, in a detached tmux pane: keys in, screen out, session in the log.

The waits poll ``capture-pane`` until the expected text shows, with a generous bound:
they wait for the program to get somewhere, they do not time it.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        shutil.which("tmux") is None,
        reason="tmux is not installed: this test drives the real program in a tmux pane",
    ),
]

ROUTINE = """
name = "Tmux check"

[defaults]
prepare = 10
rest = 20

[[block]]
name = "Main"
rounds = 3

[[block.exercise]]
id = "bridge"
work = 120
breath = "calm"

[[block.exercise]]
id = "birddog"
work = 60

[catalog.bridge]
name = "Glute bridge"
category = "strength"

[catalog.birddog]
name = "Bird dog"
category = "pilates"
"""
"""11 minutes: at --speed 20, 34 s of real time, a bridge set 6 s, long enough to act in."""

WAIT = 30.0
"""Seconds to wait for any one thing to show on screen."""


class Pane:
    """A tmux server of our own with one detached session."""

    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"matwork-e2e-{uuid.uuid4().hex[:8]}"
        self.env = env

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            check=True,
            env=self.env,
        )
        return done.stdout

    def start(self, command: list[str]) -> None:
        self.tmux("-f", os.devnull, "new-session", "-d", "-s", "play", "-x", "100", "-y", "30")
        self.tmux("set-option", "-t", "play", "remain-on-exit", "on")
        self.tmux("respawn-pane", "-k", "-t", "play", shlex.join(command))

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "play")

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "play", *keys)

    def dead(self) -> bool:
        return self.tmux("display-message", "-p", "-t", "play", "#{pane_dead}").strip() == "1"

    def wait_for(self, text: str, *, gone: bool = False) -> str:
        """Poll the screen until ``text`` shows (or, with ``gone``, no longer shows)."""
        deadline = time.monotonic() + WAIT
        screen = self.screen()
        while (text in screen) == gone:
            if time.monotonic() > deadline:
                verb = "leave" if gone else "show"
                pytest.fail(f"{text!r} did not {verb} the screen in {WAIT} s:\n{screen}")
            time.sleep(0.1)
            screen = self.screen()
        return screen

    def wait_until_dead(self) -> None:
        deadline = time.monotonic() + WAIT
        while not self.dead():
            if time.monotonic() > deadline:
                pytest.fail(f"matwork did not exit:\n{self.screen()}")
            time.sleep(0.1)

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)


@pytest.fixture
def pane(isolated_dirs: dict[str, Path]) -> Iterator[Pane]:
    """A tmux pane whose matwork keeps its config and data in tmp_path."""
    config = isolated_dirs["config"]
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(
        "[session]\nsafety_acknowledged = true\npain_question = false\n", encoding="utf-8"
    )
    env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
    pane = Pane(env)
    try:
        yield pane
    finally:
        pane.kill()


def matwork(*args: str) -> list[str]:
    return [sys.executable, "-m", "matwork", *args]


def test_play_pause_skip_stop_and_the_log(pane: Pane, tmp_path: Path) -> None:
    routine = tmp_path / "tmux-check.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    pane.start(matwork("play", str(routine), "--speed", "20", "--no-sound", "--log"))

    pane.wait_for("Glute bridge")
    pane.wait_for("WORK")  # the 10 s prepare is half a second at 20x
    assert "Tmux check · Main · round 1/3" in pane.screen()

    pane.send("Space")
    paused = pane.wait_for("PAUSED")
    time.sleep(0.5)  # 10 s of session time at 20x, were it running
    assert pane.screen() == paused  # nothing moves while paused

    pane.send("Space")
    pane.wait_for("PAUSED", gone=True)

    pane.send("n")
    pane.wait_for("Next: Bird dog")  # the bridge skipped: resting before the bird dog

    pane.send("q")
    pane.wait_for("Stop the session?")
    pane.send("y")
    pane.wait_for("stopped early")  # the summary
    pane.send("Escape")
    pane.wait_until_dead()

    log = subprocess.run(
        matwork("log", "--json"), capture_output=True, text=True, check=True, env=pane.env
    )
    (session,) = json.loads(log.stdout)
    assert session["routine_name"] == "Tmux check"
    assert session["status"] == "stopped"
    assert (session["sets_done"], session["sets_skipped"]) == (0, 1)
