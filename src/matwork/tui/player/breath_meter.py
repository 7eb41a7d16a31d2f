"""The breath prompt: a meter that fills on the inhale, holds, and empties on the exhale."""

from __future__ import annotations

import math
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from matwork.core.breath import Phase
from matwork.i18n import LazyString, lazy_tui_, tui_
from matwork.tui.widgets.progress_line import EIGHTHS, bar_cells

PHASE_WORDS: dict[str, LazyString] = {
    "inhale": lazy_tui_("Inhale"),
    "hold": lazy_tui_("Hold"),
    "exhale": lazy_tui_("Exhale"),
    "hold_out": lazy_tui_("Hold out"),
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

    It animates at up to 8 frames a second, so a frame is drawn through Textual's line
    API (``render_line``): a strip of a few segments, in styles looked up once per
    restyle, instead of a ``Text`` turned into content and back into strips (which,
    with the component styles looked up afresh after every refresh, was most of a
    frame's cost). ``render`` gives the same line as a ``Text``.
    """

    ALLOW_SELECT = False
    """Nothing to copy in a moving bar (and its segments carry no selection offsets)."""

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
        self._styles: tuple[Style, Style, Style, Style, Style] | None = None
        """The widget's, the word's, the fill's, the empty cells' and the seconds' styles."""

    def show(self, phase: Phase | None, t: float) -> None:
        """Show ``phase`` at ``t`` seconds (same origin as the phase); repaints on change."""
        self.phase, self.t = phase, t
        for name in PHASE_WORDS:
            self.set_class(phase is not None and phase.name == name, f"-{name}")
        drawn = self._key()
        if drawn != self._drawn:
            self._drawn = drawn
            self.refresh()

    def next_change(self) -> float | None:
        """When (same origin as the phase) the line shown next changes; None without a phase.

        The seconds left change at whole seconds before the phase's end, the phase at its
        end, and the bar, while it fills or empties, at the next eighth of a cell: a hold
        changes once a second, a slow inhale on a narrow bar less often than the frames.
        """
        phase = self.phase
        if phase is None:
            return None
        t = self.t
        left = phase_seconds_left(phase, t)
        change = phase.end - (left - 1) if left > 1 else phase.end
        if phase.name in ("inhale", "exhale") and phase.duration > 0:
            steps = self._bar_width() * 8
            done = phase.progress(t) * steps  # eighths of the way through the phase
            # round(fill * steps) changes where the progress crosses the next half step
            crossing = math.floor(done + 0.5) + 0.5
            change = min(change, phase.start + phase.duration * crossing / steps)
        return max(t, change)

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

    def notify_style_update(self) -> None:
        """Restyled (a phase, pause, the theme): look the styles up again."""
        self._styles = None
        super().notify_style_update()

    def _parts(self) -> list[tuple[str, Style]]:
        """The line's pieces and their component styles; none without a phase."""
        phase = self.phase
        if phase is None:
            return []
        if self._styles is None:
            self._styles = (
                self.visual_style.rich_style,
                self.get_component_rich_style("breath-meter--word"),
                self.get_component_rich_style("breath-meter--fill"),
                self.get_component_rich_style("breath-meter--empty"),
                self.get_component_rich_style("breath-meter--seconds"),
            )
        _, word_style, fill, empty, seconds_style = self._styles
        word = str(PHASE_WORDS.get(phase.name, phase.name))
        width = self._bar_width()
        filled = bar_cells(lung_fill(phase, self.t), width)
        whole = filled.rstrip(EIGHTHS)
        parts = [(f"{word:<{LABEL_WIDTH}}", word_style), (whole, fill)]
        if len(filled) > len(whole):  # a part-filled cell: the rest of it shows as empty
            parts.append((filled[-1], fill + Style(bgcolor=empty.color)))
        parts.append(("█" * (width - len(filled)), empty))
        seconds = tui_("{seconds} s").format(seconds=phase_seconds_left(phase, self.t))
        parts.append((f"{seconds:>{SECONDS_WIDTH}}", seconds_style))
        return parts

    def render(self) -> Text:
        """The phase word, the meter, and the seconds left in the phase."""
        text = Text(no_wrap=True, overflow="crop")
        for piece, style in self._parts():
            text.append(piece, style)
        return text

    def render_line(self, y: int) -> Strip:
        """The meter's one line, as ``render`` draws it, cropped to the widget's width."""
        width = self.size.width
        parts = self._parts()
        if y != 0 or not parts or self._styles is None:
            return Strip.blank(width, self.visual_style.rich_style)
        base = self._styles[0]
        strip = Strip([Segment(piece, base + style) for piece, style in parts if piece])
        return strip.crop_extend(0, width, base)
