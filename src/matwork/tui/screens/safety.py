"""The safety notice shown at the first start, and on demand from the command palette."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

SAFETY_TITLE = "Before you start"

SAFETY_TEXT = """\
matwork is a timer and a library of exercises. It does not replace medical \
advice, a diagnosis or treatment.

• If you have back pain, see a doctor or physiotherapist before you start, and \
ask which movements suit you.

• Stop at once on sharp, shooting or radiating pain (pain that travels into a \
buttock, leg or arm). Effort and a gentle stretch are fine; pain is not.

• Numbness or tingling in the groin or legs, leg weakness, or loss of bladder or \
bowel control: stop and get urgent medical care.

• Move slowly, in a small pain-free range, and keep breathing."""


class SafetyScreen(Screen[bool]):
    """The safety notice; dismisses with True when acknowledged, False to quit."""

    BINDINGS = [
        Binding("escape", "quit_notice", "Quit", id="safety_quit", show=False),
    ]

    AUTO_FOCUS = "#acknowledge"

    def __init__(self, *, first_run: bool = True) -> None:
        super().__init__(id="safety")
        self.first_run = first_run
        self.set_class(first_run, "-first-run")

    def compose(self) -> ComposeResult:
        """The notice in a box, with its two buttons."""
        with VerticalScroll(id="safety-box"):
            yield Static(SAFETY_TITLE, id="safety-title")
            yield Static(SAFETY_TEXT, id="safety-text", markup=False)
            with Horizontal(id="safety-buttons"):
                yield Button("I understand", id="acknowledge", variant="primary")
                yield Button("Quit" if self.first_run else "Close", id="decline")

    @on(Button.Pressed, "#acknowledge")
    def _acknowledge(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#decline")
    def _decline(self) -> None:
        self.dismiss(False)

    def action_quit_notice(self) -> None:
        """Leave without acknowledging (quits at the first start)."""
        self.dismiss(False)
