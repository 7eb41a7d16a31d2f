"""A box to tick beside words that wrap: a Checkbox keeps its label on one line.

Styled in assess.tcss (``TickRow``), which every screen that shows one loads.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Checkbox, Static


class TickRow(Horizontal):
    """A box to tick (``#<box_id>``) and its words, wrapped; a click on them ticks too."""

    def __init__(self, box_id: str, words: str, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.box_id = box_id
        self.words = words

    def compose(self) -> ComposeResult:
        """The box and the words (never markup: they come from a data file)."""
        yield Checkbox("", id=self.box_id)
        yield Static(self.words, markup=False, classes="tick-words")

    def on_click(self, event: events.Click) -> None:
        """A click on the words ticks (or unticks) the box (the box ticks itself)."""
        box = self.query_one(Checkbox)
        if event.widget is not box:
            box.toggle()
        box.focus()
