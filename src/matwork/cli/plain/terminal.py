"""The plain player's keyboard: single keypresses on a terminal, lines for the questions.

On a terminal, ``Terminal`` puts stdin in cbreak mode (keys arrive one by one, without
Enter and without echo; Ctrl-C still interrupts) for as long as it is entered, and puts
it back on every way out: a normal end, an exception, Ctrl-C, and SIGTERM or SIGHUP,
whose handler restores the terminal and then dies of the same signal, so a killed
session still reads as interrupted (resumable). Questions read one line in the
terminal's normal mode, with echo. ``LineReader`` is the fallback when the terminal
cannot be switched: each line read is an Enter press.
"""

from __future__ import annotations

import contextlib
import os
import queue
import select
import signal
import sys
import termios
import threading
import tty
from collections.abc import Callable
from types import FrameType, TracebackType
from typing import IO, Any

WaitInput = Callable[[float | None], str | None]
"""Waits up to a timeout (None: for ever) for a key: "enter", "eof", "left", "right",
"escape" or the character typed; None on timeout."""

Ask = Callable[[str], str | None]
"""Asks a question (the prompt) and returns the line typed, or None at end of input."""

RESTORE_ON = (signal.SIGTERM, signal.SIGHUP)
"""Signals after which the terminal is put back before the process dies of them."""

_ESCAPES = {"\x1b[C": "right", "\x1b[D": "left", "\x1bOC": "right", "\x1bOD": "left"}


def key_tokens(text: str) -> list[str]:
    """Split what a read returned into keys: arrows and Escape by name, Enter as "enter"."""
    keys: list[str] = []
    index = 0
    while index < len(text):
        if text[index] == "\x1b":
            sequence = text[index : index + 3]
            if sequence in _ESCAPES:
                keys.append(_ESCAPES[sequence])
                index += 3
                continue
            if sequence.startswith(("\x1b[", "\x1bO")) and len(sequence) == 3:
                index += 3  # another key with an escape sequence: ignored
                continue
            keys.append("escape")
        elif text[index] in "\r\n":
            keys.append("enter")
        elif text[index].isprintable():
            keys.append(text[index])
        index += 1
    return keys


class Terminal:
    """stdin as a keyboard of single keys while entered; see the module docstring."""

    def __init__(self, fd: int, out: Callable[[str], None]) -> None:
        self.fd = fd
        self._out = out
        self._saved: list[Any] | None = None
        self._handlers: dict[int, Any] = {}
        self._pending: list[str] = []

    @staticmethod
    def usable(stream: IO[str] | None) -> bool:
        """Whether ``stream`` is a terminal whose mode can be read (and so switched)."""
        if stream is None or not stream.isatty():
            return False
        try:
            termios.tcgetattr(stream.fileno())
        except (termios.error, OSError, ValueError):
            return False
        return True

    def __enter__(self) -> Terminal:
        self._saved = termios.tcgetattr(self.fd)
        for signum in RESTORE_ON:
            self._handlers[signum] = signal.signal(signum, self._on_signal)
        self._cbreak()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.restore()
        for signum, handler in self._handlers.items():
            signal.signal(signum, handler)
        self._handlers.clear()

    def _cbreak(self) -> None:
        tty.setcbreak(self.fd, termios.TCSANOW)

    def restore(self) -> None:
        """Put the terminal back as it was found."""
        if self._saved is not None:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        """Restore the terminal, then die of the signal as if no handler were installed."""
        with contextlib.suppress(termios.error, OSError):  # a hangup: the terminal is gone
            self.restore()
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    def __call__(self, timeout: float | None) -> str | None:
        """The next key, waiting up to ``timeout`` seconds (None: for ever)."""
        while not self._pending:
            ready, _, _ = select.select([self.fd], [], [], timeout)
            if not ready:
                return None
            data = os.read(self.fd, 64)
            if not data:
                return "eof"
            self._pending.extend(key_tokens(data.decode(errors="replace")))
            if not self._pending and timeout is not None:
                return None  # only keys we ignore: let the caller look at the clock
        return self._pending.pop(0)

    def ask(self, prompt: str) -> str | None:
        """Print ``prompt`` and read one line, echoed (None at end of input)."""
        self._pending.clear()
        termios.tcflush(self.fd, termios.TCIFLUSH)  # keys typed ahead do not answer
        if self._saved is not None:
            termios.tcsetattr(self.fd, termios.TCSANOW, self._saved)
        try:
            self._out(prompt)
            data = os.read(self.fd, 4096)
        finally:
            if self._saved is not None:
                self._cbreak()
        return None if not data else data.decode(errors="replace").strip()


class LineReader:
    """Reads lines from a stream in a background thread; each line is an Enter press."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._events: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, name="matwork-stdin", daemon=True).start()

    def _read(self) -> None:
        for _line in iter(self._stream.readline, ""):
            self._events.put("enter")
        self._events.put("eof")

    def __call__(self, timeout: float | None) -> str | None:
        """Wait up to ``timeout`` seconds (None: for ever) for "enter" or "eof"."""
        try:
            return self._events.get(timeout=timeout)
        except queue.Empty:
            return None


def stdin_is_terminal() -> bool:
    """Whether stdin is a terminal (questions are asked, keys are read)."""
    return sys.stdin is not None and sys.stdin.isatty()
