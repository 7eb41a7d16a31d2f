"""The breath prompt: a meter that fills on the inhale, holds, and empties on the exhale."""

from __future__ import annotations

import math
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from matwork.core.breath import Phase
from matwork.tui.widgets.progress_line import EIGHTHS, bar_cells

PHASE_WORDS: dict[str, str] = {
    "inhale": "Inhale",
    "hold": "Hold",
    "exhale": "Exhale",
    "hold_out": "Hold out",
}
"""The word shown for each breathing phase."""
LABEL_WIDTH = 9
"""Cells for the phase word."""
SECONDS_WIDTH = 5
"""Cells for the seconds left in the phase."""


def lung_fill(phase: Phase, t: float) -> float:
    """How full the lungs are at ``t``: rising on inhale, full on hold, falling on exhale."""
    progress = phase.progress(t)
    if phase.name == "inhale":
        return progress
    if phase.name == "exhale":
        return 1.0 - progress
    return 1.0 if phase.name == "hold" else 0.0


def phase_seconds_left(phase: Phase, t: float) -> int:
    """Whole seconds left in the phase, rounded up (never 0 while it runs)."""
    return max(1, math.ceil(phase.end - t - 1e-9))


class BreathMeter(Widget):
    """The breathing phase under way: its word, a meter of the lungs, seconds left.

    Carries ``-inhale``, ``-hold``, ``-exhale`` or ``-hold_out`` for styling.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "breath-meter--word",
        "breath-meter--fill",
        "breath-meter--empty",
        "breath-meter--seconds",
    }

    DEFAULT_CSS = """
    BreathMeter {
        height: 1;
        width: 1fr;
    }
    BreathMeter > .breath-meter--word { text-style: bold; }
    BreathMeter > .breath-meter--fill { color: $accent; }
    BreathMeter > .breath-meter--empty { color: $foreground 12%; }
    BreathMeter > .breath-meter--seconds { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.phase: Phase | None = None
        """The phase shown, with ``t``; None shows nothing."""
        self.t = 0.0
        self._drawn: tuple[object, ...] = ()

    def show(self, phase: Phase | None, t: float) -> None:
        """Show ``phase`` at ``t`` seconds (same origin as the phase); repaints on change."""
        self.phase, self.t = phase, t
        for name in PHASE_WORDS:
            self.set_class(phase is not None and phase.name == name, f"-{name}")
        drawn = self._key()
        if drawn != self._drawn:
            self._drawn = drawn
            self.refresh()

    def _bar_width(self) -> int:
        return max(4, self.size.width - LABEL_WIDTH - SECONDS_WIDTH)

    def _key(self) -> tuple[object, ...]:
        phase = self.phase
        if phase is None:
            return ()
        eighths = round(lung_fill(phase, self.t) * self._bar_width() * 8)
        return (phase.name, phase.start, eighths, phase_seconds_left(phase, self.t))

    @property
    def text(self) -> str:
        """The meter as plain text (for tests and screen readers)."""
        return self.render().plain

    def render(self) -> Text:
        """The phase word, the meter, and the seconds left in the phase."""
        text = Text(no_wrap=True, overflow="crop")
        phase = self.phase
        if phase is None:
            return text
        word = PHASE_WORDS.get(phase.name, phase.name)
        text.append(f"{word:<{LABEL_WIDTH}}", self.get_component_rich_style("breath-meter--word"))
        width = self._bar_width()
        filled = bar_cells(lung_fill(phase, self.t), width)
        fill = self.get_component_rich_style("breath-meter--fill")
        empty = self.get_component_rich_style("breath-meter--empty")
        whole = filled.rstrip(EIGHTHS)
        text.append(whole, fill)
        if len(filled) > len(whole):  # a part-filled cell: the rest of it shows as empty
            text.append(filled[-1], fill + Style(bgcolor=empty.color))
        text.append("█" * (width - len(filled)), empty)
        seconds = f"{phase_seconds_left(phase, self.t)} s"
        seconds_style = self.get_component_rich_style("breath-meter--seconds")
        text.append(f"{seconds:>{SECONDS_WIDTH}}", seconds_style)
        return text
