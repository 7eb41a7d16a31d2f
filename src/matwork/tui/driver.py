"""The terminal driver: Textual's Linux driver, with an input thread a pipe can wake.

Textual's input thread waits for the terminal in 0.1 s slices and looks at its exit
flag between two of them, then waits one slice more for late keys; ``disable_input``
joins it. Quitting therefore waited 0.1-0.2 s after the app had finished, most of the
0.3 s the exit may take (docs/performance.md).

``QuickExitDriver`` keeps Textual's driver for everything but the reading: its thread
waits on the terminal and on a pipe, and ``disable_input`` writes to the pipe before
Textual's own ``disable_input`` (which sets the flag and joins) runs, so the thread
ends within a read. Keys are parsed by Textual's own parser, as before. Suspending
the app (the editor opened from the library) stops and restarts it like Textual's.
"""

from __future__ import annotations

import codecs
import os
import select
from collections.abc import Iterable

from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

READ_BYTES = 4096
"""The most bytes read from the terminal at once."""


class QuickExitDriver(LinuxDriver):
    """``LinuxDriver`` whose input thread ends as soon as input is disabled."""

    key_wait_seconds: float = 0.1
    """The longest wait for the terminal before the parser's timers (a lone Escape) run."""

    _wake: tuple[int, int] | None = None
    """The pipe the input thread also waits on: (read end, write end)."""

    def start_application_mode(self) -> None:
        """A fresh wake pipe, then Textual's start, which starts the input thread."""
        self._wake = os.pipe()
        super().start_application_mode()  # type: ignore[no-untyped-call]

    def disable_input(self) -> None:
        """Wake the input thread, then let Textual stop it (flag, join), then close the pipe."""
        wake, self._wake = self._wake, None
        if wake is None:
            super().disable_input()
            return
        try:
            os.write(wake[1], b"\0")
            super().disable_input()
        finally:
            os.close(wake[0])
            os.close(wake[1])

    def run_input_thread(self) -> None:
        """Parse the terminal's input into events until the pipe or the flag says stop."""
        wake = self._wake
        if wake is None:  # started without start_application_mode: Textual's own loop
            super().run_input_thread()
            return
        terminal, woken = self.fileno, wake[0]
        parser = XTermParser(self._debug)
        decoder = codecs.getincrementaldecoder("utf-8")()
        stopping = False
        while not stopping:
            ready, _, _ = select.select([terminal, woken], [], [], self.key_wait_seconds)
            stopping = woken in ready or self.exit_event.is_set()
            if terminal in ready:
                text = decoder.decode(os.read(terminal, READ_BYTES), final=stopping)
                self._dispatch(parser.feed(text))
            self._dispatch(parser.tick())

    def _dispatch(self, events: Iterable[Message]) -> None:
        """Hand the parsed events to the app, as Textual's loop does."""
        for event in events:
            self.process_message(event)
