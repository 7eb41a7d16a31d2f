"""A filter chip: a label with a value that cycles on a key or a click."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from matwork.tui.widgets.words import no_filter_label


class FilterChip(Widget):
    """Shows ``label: value``; the first choice means "no filter".

    A chip with a filter set carries the CSS class ``-active``.
    """

    DEFAULT_CSS = """
    FilterChip {
        width: auto;
        height: 1;
        padding: 0 1;
        margin-right: 1;
    }
    """

    class Changed(Message):
        """The chip's value changed. Handled by ``on_filter_chip_changed``."""

        def __init__(self, chip: FilterChip, value: str | None) -> None:
            super().__init__()
            self.chip = chip
            self.value = value
            """The chosen value, or None for "no filter"."""

        @property
        def control(self) -> FilterChip:
            """The chip that changed."""
            return self.chip

    index: reactive[int] = reactive(0)

    def __init__(
        self,
        label: str,
        choices: Sequence[str],
        *,
        id: str | None = None,
        shown: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(id=id)
        self.label = label
        self._choices: list[str] = list(choices) or ["all"]
        self._shown = shown
        """How a choice is shown (its words in the language shown); else "all"/"any"
        translated and the other choices as they are."""

    @property
    def choices(self) -> list[str]:
        """The values the chip cycles through; the first means "no filter"."""
        return list(self._choices)

    @property
    def value(self) -> str | None:
        """The chosen value, or None when the chip does not filter."""
        return self._choices[self.index] if self.index else None

    def cycle(self, step: int = 1) -> None:
        """Move to the next (or previous) choice."""
        self.index = (self.index + step) % len(self._choices)

    def set_choices(self, choices: Sequence[str]) -> None:
        """Replace the choices, keeping the current value when it is still offered."""
        current = self.value
        self._choices = list(choices) or ["all"]
        self.index = self._choices.index(current) if current in self._choices else 0
        self.refresh(layout=True)

    def watch_index(self, old: int, new: int) -> None:
        """Mark the chip active when it filters; tell the screen."""
        self.set_class(new != 0, "-active")
        self.refresh(layout=True)
        if old != new:
            self.post_message(self.Changed(self, self.value))

    def render(self) -> Content:
        """``label: value``."""
        value = self._choices[self.index]
        if self._shown is not None:
            shown = self._shown(value)
        else:
            shown = no_filter_label(value) if self.index == 0 else value
        return Content.from_markup("$label: [b]$value[/b]", label=self.label, value=shown)

    def on_click(self, event: events.Click) -> None:
        """Cycle forward (backward with shift)."""
        self.cycle(-1 if event.shift else 1)
