"""The big countdown: Textual's Digits, counting down a segment or up an open set."""

from __future__ import annotations

import math

from textual.app import RenderResult
from textual.message import Message
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

    class Drawn(Message):
        """The timer was drawn after ``tell_when_drawn``: that frame is on the screen."""

    def __init__(self, value: str = "", *, id: str | None = None) -> None:
        super().__init__(value, id=id)
        self._tell_when_drawn = False

    def tell_when_drawn(self) -> None:
        """Post ``Drawn`` once, after the next time the timer is drawn."""
        self._tell_when_drawn = True
        self.refresh()

    def render(self) -> RenderResult:
        """The digits; the first drawing after ``tell_when_drawn`` posts ``Drawn``."""
        if self._tell_when_drawn:  # handled after this frame is written: messages queue
            self._tell_when_drawn = False
            self.post_message(self.Drawn())
        return super().render()

    def show(self, seconds: float, counting_up: bool = False) -> None:
        """Show ``seconds``; repaints only when the text changes."""
        text = timer_text(seconds, counting_up)
        if text != self.value:
            self.update(text)
