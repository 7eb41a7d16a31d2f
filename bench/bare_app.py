"""The baseline for the player's start-up: a bare Textual app that exits after its first frame.

One Static, nothing else; ``on_mount`` asks to exit once the first frame is drawn.
``player_bench.py`` times it, as a fresh process, next to the player screen of
``matwork play``, and compares their wall time from launch to exit and their peak RSS.

    .venv/bin/python bench/bare_app.py              # in the terminal
    .venv/bin/python bench/bare_app.py --headless   # as the bench runs it (80x24)
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Static


class BareApp(App[None]):
    """One Static; exits after the first refresh."""

    def compose(self) -> ComposeResult:
        yield Static("bare Textual app: first frame, then exit")

    def on_mount(self) -> None:
        self.call_after_refresh(self.exit)


if __name__ == "__main__":
    BareApp().run(headless="--headless" in sys.argv[1:], size=(80, 24))
