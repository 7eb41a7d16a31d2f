"""The safety notice shown at the first start, and on demand from the command palette."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from matwork.app.safety_notice import SAFETY_TEXT, SAFETY_TITLE
from matwork.i18n import lazy_tui_, tui_
from matwork.tui.widgets.bindings_text import lazy_binding

__all__ = ["SAFETY_TEXT", "SAFETY_TITLE", "SafetyScreen"]


class SafetyScreen(Screen[bool]):
    """The safety notice; dismisses with True when acknowledged, False to quit."""

    BINDINGS = [
        lazy_binding("escape", "quit_notice", lazy_tui_("Quit"), id="safety_quit", show=False),
    ]

    AUTO_FOCUS = "#acknowledge"

    def __init__(self, *, first_run: bool = True) -> None:
        super().__init__(id="safety")
        self.first_run = first_run
        self.set_class(first_run, "-first-run")

    def compose(self) -> ComposeResult:
        """The notice in a box, with its two buttons."""
        with VerticalScroll(id="safety-box"):
            yield Static(str(SAFETY_TITLE), id="safety-title")
            yield Static(str(SAFETY_TEXT), id="safety-text", markup=False)
            with Horizontal(id="safety-buttons"):
                yield Button(tui_("I understand"), id="acknowledge", variant="primary")
                yield Button(tui_("Quit") if self.first_run else tui_("Close"), id="decline")

    @on(Button.Pressed, "#acknowledge")
    def _acknowledge(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#decline")
    def _decline(self) -> None:
        self.dismiss(False)

    def action_quit_notice(self) -> None:
        """Leave without acknowledging (quits at the first start)."""
        self.dismiss(False)
