"""A one-line progress bar that repaints only when told (no timer of its own)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widget import Widget

EIGHTHS = " ▏▎▍▌▋▊▉"
"""Partial cells, by eighths of a cell filled."""
LINE = "━"
"""A cell of a progress line."""
HALF_LINE = "╸"
"""Half a cell of a progress line (its left half)."""


def bar_cells(fraction: float, width: int) -> str:
    """A bar ``width`` cells wide filled to ``fraction`` (0-1), in eighths of a cell."""
    fraction = min(1.0, max(0.0, fraction))
    eighths = round(fraction * width * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full
    if part and full < width:
        text += EIGHTHS[part]
    return text


def line_cells(fraction: float, width: int) -> str:
    """A thin line ``width`` cells wide filled to ``fraction`` (0-1), in halves of a cell."""
    halves = round(min(1.0, max(0.0, fraction)) * width * 2)
    full, half = divmod(halves, 2)
    return LINE * full + (HALF_LINE if half and full < width else "")


class ProgressLine(Widget):
    """How far through something: an optional label, then the bar.

    Unlike Textual's ProgressBar it runs no interval: a paused session costs nothing.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "progress-line--label",
        "progress-line--done",
        "progress-line--todo",
    }

    DEFAULT_CSS = """
    ProgressLine {
        height: 1;
        width: 1fr;
    }
    ProgressLine > .progress-line--label { color: $text-muted; }
    ProgressLine > .progress-line--done { color: $primary; }
    ProgressLine > .progress-line--todo { color: $foreground 15%; }
    """

    def __init__(
        self, label: str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label
        self._progress = 0.0

    @property
    def progress(self) -> float:
        """The fraction shown, 0 to 1."""
        return self._progress

    def show(self, progress: float) -> None:
        """Show ``progress`` (0-1); repaints only when a cell would change."""
        progress = min(1.0, max(0.0, progress))
        width = self._bar_width()
        if round(progress * width * 2) != round(self._progress * width * 2):
            self.refresh()
        self._progress = progress

    def _bar_width(self) -> int:
        return max(1, self.size.width - (len(self.label) + 1 if self.label else 0))

    def render(self) -> Text:
        """The label and the bar."""
        text = Text(no_wrap=True, overflow="crop")
        if self.label:
            text.append(self.label + " ", self.get_component_rich_style("progress-line--label"))
        width = self._bar_width()
        done = line_cells(self._progress, width)
        text.append(done, self.get_component_rich_style("progress-line--done"))
        todo = self.get_component_rich_style("progress-line--todo")
        text.append(LINE * (width - len(done)), todo)
        return text
