"""``matwork play --plain`` on a real pseudo-terminal: keys in, lines out, the tty checked.

The child is a session leader with the pty's slave as its controlling terminal, so
Ctrl-C typed into the master reaches it as SIGINT, as in a real terminal. The parent
keeps the slave open, so it can read the terminal's mode after the child has gone.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import sys
import termios
import time
from pathlib import Path

WAIT = 30.0
"""Seconds to wait for any one line (generous: the machine may be busy)."""


class PtyPlayer:
    """One ``matwork play --plain`` process on a pty."""

    def __init__(self, routine: Path, env: dict[str, str], *options: str) -> None:
        self.master, self.slave = os.openpty()
        self.output = ""
        self._read_to = 0
        command = [sys.executable, "-m", "matwork", "play", "--plain", *options, str(routine)]
        self.pid = os.fork()
        if self.pid == 0:  # the child: a new session on the slave, then matwork
            try:
                os.setsid()
                fcntl.ioctl(self.slave, termios.TIOCSCTTY, 0)
                for target in (0, 1, 2):
                    os.dup2(self.slave, target)
                os.close(self.master)
                os.execve(sys.executable, command, env)
            finally:
                os._exit(127)
        self.status: int | None = None

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:
            return False
        self.output += chunk.decode(errors="replace").replace("\r\n", "\n")
        return bool(chunk)

    def expect(self, text: str, timeout: float = WAIT) -> str:
        """Wait until ``text`` shows after what was expected before; the output up to it."""
        deadline = time.monotonic() + timeout
        while text not in self.output[self._read_to :]:
            if time.monotonic() > deadline or self.exited():
                self._read(0.2)
                if text in self.output[self._read_to :]:
                    break
                raise AssertionError(f"{text!r} did not come in {timeout} s:\n{self.output}")
            self._read(0.1)
        end = self.output.index(text, self._read_to) + len(text)
        seen, self._read_to = self.output[self._read_to : end], end
        return seen

    def send(self, keys: str) -> None:
        """Type ``keys`` (``\\r`` is Enter, ``\\x03`` Ctrl-C)."""
        os.write(self.master, keys.encode())

    def exited(self) -> bool:
        """Whether the child has ended (its status kept)."""
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.status = status
        return self.status is not None

    def wait(self, timeout: float = WAIT) -> int:
        """Wait for the child to end; its exit code (minus the signal that killed it)."""
        deadline = time.monotonic() + timeout
        while not self.exited():
            if time.monotonic() > deadline:
                self.kill()
                raise AssertionError(f"matwork did not exit:\n{self.output}")
            self._read(0.05)
        while self._read(0.05):
            pass
        assert self.status is not None
        return os.waitstatus_to_exitcode(self.status)

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Send ``sig`` to the child."""
        if not self.exited():
            os.kill(self.pid, sig)

    def cooked(self) -> bool:
        """Whether the terminal is back in its normal mode: lines and echo."""
        flags = termios.tcgetattr(self.slave)[3]
        return bool(flags & termios.ICANON) and bool(flags & termios.ECHO)

    def close(self) -> None:
        """Make sure the child is gone and close both ends."""
        self.kill()
        self.wait()
        os.close(self.master)
        os.close(self.slave)
