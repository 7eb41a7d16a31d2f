"""The quick-exit driver reads keys as Textual's does, and its input thread ends on exit.

The app under test waits an hour for the terminal between two looks at the exit flag
(``key_wait_seconds``): only the wake pipe can end its input thread in time, on quit
and on suspend (the editor opened from the library), after which keys arrive again.
"""

from __future__ import annotations

import contextlib
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

APP = r"""
import sys
from textual.app import App
log = open(sys.argv[1], "a", buffering=1)
from matwork.tui.driver import QuickExitDriver
QuickExitDriver.key_wait_seconds = 3600.0

class Keys(App[None]):
    def on_mount(self):
        print("ready", file=log)
    def on_key(self, event):
        print("key", event.key, file=log)
        if event.key == "s":
            with self.suspend():
                print("suspended", file=log)
            print("resumed", file=log)
        if event.key == "q":
            self.exit()

app = Keys(driver_class=QuickExitDriver)
app.run()
driver_thread = [t for t in __import__("threading").enumerate() if t.name == "textual-input"]
print("input thread left:", len(driver_thread), file=log)
"""


def wait_for(log: Path, word: str, terminal: int, limit: float = 30.0) -> str:
    """Drain the terminal until ``word`` is in the log (a time limit, not a measurement)."""
    end = time.monotonic() + limit
    while word not in (text := log.read_text() if log.exists() else ""):
        if time.monotonic() > end:
            raise AssertionError(f"no {word!r} in {text!r}")
        ready, _, _ = select.select([terminal], [], [], 0.05)
        if ready:
            with contextlib.suppress(OSError):
                os.read(terminal, 65536)
    return text


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_keys_arrive_and_the_app_quits_with_its_input_thread_gone(tmp_path: Path) -> None:
    master, slave = pty.openpty()
    log = tmp_path / "log"
    process = subprocess.Popen(
        [sys.executable, "-c", APP, str(log)],
        stdin=slave, stdout=slave, stderr=slave, close_fds=True,
        env={**os.environ, "TERM": "xterm-256color"},
    )  # fmt: skip
    os.close(slave)
    try:
        wait_for(log, "ready", master)
        os.write(master, b"a")
        wait_for(log, "key a", master)
        os.write(master, b"s")
        wait_for(log, "resumed", master)
        os.write(master, b"b")
        wait_for(log, "key b", master)
        os.write(master, b"q")
        text = wait_for(log, "input thread left", master)
        assert "key q" in text
        assert "input thread left: 0" in text
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
