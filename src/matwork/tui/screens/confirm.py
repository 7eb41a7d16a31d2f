"""A yes/no question as a typed modal: ``push_screen(ConfirmScreen(...), callback)``."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    """Asks a question; dismisses with True for yes, False for no or escape.

    Use it with a callback, or ``await app.push_screen_wait(...)`` from a worker.
    """

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm_yes", show=False),
        Binding("n,escape", "answer(False)", "No", id="confirm_no", show=False),
    ]

    AUTO_FOCUS = "#no"

    def __init__(self, question: str, *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__(classes="confirm")
        self.question = question
        self.yes = yes
        self.no = no

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
