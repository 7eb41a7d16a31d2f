"""The bottom screen of ``matwork history``: it gives way to the library when uncovered.

Built under the History screen at the start, the library costs about as much again as
the History screen itself (its widgets, its scan of the routine folders); a user who
came for the history may never go back to it. ``LibraryLater`` is an empty screen
that, once it has been covered and comes to the top again, switches the app to the
mode ``LIBRARY_MODE``, whose base screen ``build`` returns. (Textual cannot
``switch_screen`` away from a default screen: it has no result callback to pop.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.screen import Screen

LIBRARY_MODE = "library"
"""The app's mode whose base screen is the library, once ``LibraryLater`` gave way."""


class LibraryLater(Screen[None]):
    """An empty bottom screen that gives way to ``build()`` when it is uncovered."""

    def __init__(self, build: Callable[[], Screen[Any]]) -> None:
        super().__init__()
        self._build = build
        self._covered = False

    def on_screen_suspend(self, _: events.ScreenSuspend) -> None:
        """A screen went on top: the next resume is the user coming back."""
        self._covered = True

    def on_screen_resume(self, _: events.ScreenResume) -> None:
        """Uncovered after being covered: become the library."""
        if self._covered and self.app.screen is self:
            self.app.add_mode(LIBRARY_MODE, self._build)
            self.app.switch_mode(LIBRARY_MODE)
