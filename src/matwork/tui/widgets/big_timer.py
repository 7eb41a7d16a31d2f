"""The big countdown: Textual's Digits, counting down a segment or up an open set."""

from __future__ import annotations

import math

from textual.widgets import Digits

from matwork.core.timefmt import clock


def timer_text(seconds: float, counting_up: bool = False) -> str:
    """What the digits show: seconds left rounded up, or seconds done rounded down."""
    if counting_up:
        return clock(math.floor(max(0.0, seconds) + 1e-9))
    return clock(seconds)


class BigTimer(Digits):
    """Large digits of the time left (or, in an open set, the time done)."""

    DEFAULT_CSS = """
    BigTimer {
        width: 1fr;
        text-align: center;
    }
    """

    def show(self, seconds: float, counting_up: bool = False) -> None:
        """Show ``seconds``; repaints only when the text changes."""
        text = timer_text(seconds, counting_up)
        if text != self.value:
            self.update(text)
