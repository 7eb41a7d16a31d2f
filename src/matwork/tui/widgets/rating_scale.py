"""The 0-10 answer widget of the questions around a session and of the summary."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from matwork.i18n import lazy_tui_
from matwork.tui.widgets.bindings_text import lazy_binding

CELL_WIDTH = 4
"""Cells each value of a RatingScale takes (" 10 " fits)."""


class RatingScale(Widget, can_focus=True):
    """A 0-10 rating: digits pick (1 then 0 makes 10), arrows move, backspace clears.

    Digits stay in the scale that has focus: "5" then "2" answers 2 (the second digit
    replaces the first; only "1" then "0" combine). Going on to another question is the
    user's move: Enter (``Submitted``) or Tab. Carries the CSS class ``-unset`` while no
    value is chosen.
    """

    DEFAULT_CSS = """
    RatingScale {
        width: 44;
        height: 1;
    }
    RatingScale {
        background: $boost;
        color: $text-muted;
    }

    RatingScale:focus {
        background: $accent 20%;
        color: $text;
    }

    RatingScale > .rating-scale--selected {
        background: $accent;
        color: $text;
        text-style: bold;
    }

    RatingScale > .rating-scale--value {
        color: $text-muted;
    }

    """

    COMPONENT_CLASSES = {"rating-scale--selected", "rating-scale--value"}

    BINDINGS = [
        lazy_binding("left", "move(-1)", lazy_tui_("Less"), id="rating_less", show=False),
        lazy_binding("right", "move(1)", lazy_tui_("More"), id="rating_more", show=False),
        lazy_binding(
            "backspace,delete", "clear", lazy_tui_("Clear"), id="rating_clear", show=False
        ),
        lazy_binding("enter", "submit", lazy_tui_("Answer"), id="rating_submit", show=False),
    ]

    value: reactive[int | None] = reactive(None, init=False)

    class Changed(Message):
        """The chosen value changed. Handled by ``on_rating_scale_changed``."""

        def __init__(self, scale: RatingScale, value: int | None) -> None:
            super().__init__()
            self.scale = scale
            self.value = value
            """0-10, or None when cleared."""

        @property
        def control(self) -> RatingScale:
            """The scale that changed."""
            return self.scale

    class Submitted(Message):
        """Enter was pressed on the scale. Handled by ``on_rating_scale_submitted``."""

        def __init__(self, scale: RatingScale, value: int | None) -> None:
            super().__init__()
            self.scale = scale
            self.value = value
            """0-10, or None when nothing was chosen."""

        @property
        def control(self) -> RatingScale:
            """The scale that was submitted."""
            return self.scale

    def __init__(
        self, value: int | None = None, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._after_one = False
        self.set_reactive(RatingScale.value, value)
        self.set_class(value is None, "-unset")

    def watch_value(self, value: int | None) -> None:
        """Show the new value and tell the screen."""
        self.set_class(value is None, "-unset")
        self.post_message(self.Changed(self, value))

    def render(self) -> Text:
        """The eleven values in a row, the chosen one highlighted."""
        chosen = self.get_component_rich_style("rating-scale--selected")
        plain = self.get_component_rich_style("rating-scale--value")
        text = Text(no_wrap=True)
        for number in range(11):
            text.append(f"{number:^{CELL_WIDTH}}", chosen if number == self.value else plain)
        return text

    def on_key(self, event: events.Key) -> None:
        """A digit picks its value; "1" then "0" picks 10."""
        character = event.character
        if character is None or not character.isdigit() or len(character) != 1:
            self._after_one = False
            return
        event.stop()
        digit = int(character)
        if digit == 0 and self._after_one:
            self.value = 10
            self._after_one = False
            return
        self.value = digit
        self._after_one = digit == 1

    def on_click(self, event: events.Click) -> None:
        """Clicking a number picks it."""
        number = event.x // CELL_WIDTH
        if 0 <= number <= 10:
            self.value = number
        self._after_one = False

    def action_move(self, step: int) -> None:
        """Move the choice by ``step`` (from the middle when nothing is chosen)."""
        self._after_one = False
        start = 5 - step if self.value is None else self.value
        self.value = min(10, max(0, start + step))

    def action_clear(self) -> None:
        """Take the answer back."""
        self._after_one = False
        self.value = None

    def action_submit(self) -> None:
        """Confirm the current value."""
        self._after_one = False
        self.post_message(self.Submitted(self, self.value))
