"""The quick entry that ends an open set: how many reps were done, the planned number ready.

``RepsQuestion(planned)`` -> ``int | None``: Enter keeps the planned number (or what
was typed over it; up and down change it by one); Escape goes back to the set (None).
The player pauses while it is open, so the set ends where Enter was pressed.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from matwork.i18n import lazy_tui_, tui_
from matwork.tui.widgets.bindings_text import lazy_binding

MAX_REPS = 999
"""The largest number the entry takes."""


class RepsQuestion(ModalScreen[int | None]):
    """Asks how many reps an open set got; dismisses with the number, None to go on."""

    CSS_PATH = "questions.tcss"

    BINDINGS = [
        lazy_binding("escape", "back_to_set", lazy_tui_("Back to the set"), id="reps_back"),
        lazy_binding("up", "step(1)", lazy_tui_("One more"), id="reps_more", show=False),
        lazy_binding("down", "step(-1)", lazy_tui_("One fewer"), id="reps_fewer", show=False),
    ]

    AUTO_FOCUS = "#reps-done"

    def __init__(self, planned: int | None, name: str = "") -> None:
        super().__init__(classes="question")
        self.planned = planned
        self.exercise = name

    def compose(self) -> ComposeResult:
        """The question, the number (selected, so typing replaces it), the keys."""
        with Vertical(classes="question-box"):
            if self.exercise:
                title = tui_("Reps done: {name}").format(name=self.exercise)
            else:
                title = tui_("Reps done")
            yield Static(title, classes="question-title", markup=False)
            yield Input(
                "" if self.planned is None else str(self.planned),
                placeholder=tui_("reps"),
                type="integer",
                max_length=3,
                id="reps-done",
            )
            yield Static(
                tui_("Enter: done · type or ↑/↓ to change · Esc: back to the set"),
                classes="question-hint",
            )

    def _value(self) -> int | None:
        text = self.query_one(Input).value.strip()
        if not text.lstrip("-").isdigit():
            return None
        return max(0, min(MAX_REPS, int(text)))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        value = self._value()
        if value is None:
            self.notify(tui_("Type the number of reps done"), timeout=3)
            return
        self.dismiss(value)

    def action_step(self, change: int) -> None:
        """One rep more or fewer."""
        value = self._value()
        base = value if value is not None else (self.planned or 0)
        entry = self.query_one(Input)
        entry.value = str(max(0, min(MAX_REPS, base + change)))
        entry.cursor_position = len(entry.value)

    def action_back_to_set(self) -> None:
        """The set is not done yet: back to it."""
        self.dismiss(None)
