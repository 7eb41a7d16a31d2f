"""A yes/no question as a typed modal: ``push_screen(ConfirmScreen(...), callback)``."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from matwork.i18n import lazy_tui_, tui_
from matwork.tui.widgets.bindings_text import lazy_binding


class ConfirmScreen(ModalScreen[bool]):
    """Asks a question; dismisses with True for yes, False for no or escape.

    Use it with a callback, or ``await app.push_screen_wait(...)`` from a worker.
    """

    BINDINGS = [
        lazy_binding("y", "answer(True)", lazy_tui_("Yes"), id="confirm_yes", show=False),
        lazy_binding("n,escape", "answer(False)", lazy_tui_("No"), id="confirm_no", show=False),
    ]

    AUTO_FOCUS = "#no"

    def __init__(self, question: str, *, yes: str = "", no: str = "") -> None:
        super().__init__(classes="confirm")
        self.question = question
        self.yes = yes or tui_("Yes")
        """The yes button's label ("Yes" when not given)."""
        self.no = no or tui_("No")
        """The no button's label ("No" when not given)."""

    def compose(self) -> ComposeResult:
        """The question over two buttons."""
        with Vertical(id="confirm-box"):
            yield Static(self.question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(self.yes, id="yes", variant="warning")
                yield Button(self.no, id="no", variant="primary")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        """Answer yes (True) or no (False)."""
        self.dismiss(answer)
