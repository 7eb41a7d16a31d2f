"""The top line of the player: routine, block, round, sound state, and session time left."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from matwork.core.timefmt import clock
from matwork.core.timeline import Segment
from matwork.i18n import tui_


def where_text(routine: str, segment: Segment | None) -> str:
    """Where the session is: "Core basics · Main · round 2/5" (rounds only when > 1)."""
    parts = [routine]
    if segment is not None:
        parts.append(segment.block_name or tui_("Block {number}").format(number=segment.block + 1))
        if segment.rounds > 1:
            rounds = tui_("round {round}/{rounds}")
            parts.append(rounds.format(round=segment.round, rounds=segment.rounds))
    return " · ".join(parts)


def left_text(seconds: float, estimated: bool = False) -> str:
    """Time left as "12:34 left", with "~" when open sets make it an estimate."""
    return tui_("{time} left").format(time=f"{'~' * estimated}{clock(seconds)}")


class SessionHeader(Horizontal):
    """Where the session is (left), what sounds (middle), how long is left (right)."""

    DEFAULT_CSS = """
    SessionHeader {
        height: 1;
        width: 1fr;
    }
    SessionHeader > #header-where { width: 1fr; }
    SessionHeader > #header-sound { width: auto; margin-right: 2; }
    SessionHeader > #header-left { width: auto; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.texts: dict[str, str] = {}
        """The text of each part, by id: header-where, header-sound, header-left."""

    def compose(self) -> ComposeResult:
        """The three parts."""
        yield Static("", id="header-where", markup=False)
        yield Static("", id="header-sound", markup=False)
        yield Static("", id="header-left", markup=False)

    def _set(self, part: str, text: str) -> None:
        old = self.texts.get(part)
        if old != text:
            self.texts[part] = text
            relayout = old is None or cell_len(old) != cell_len(text)
            self.query_one(f"#{part}", Static).update(text, layout=relayout)

    def show(self, where: str, sound: str, left: str) -> None:
        """Show the three parts; repaints only what changed."""
        self._set("header-where", where)
        self._set("header-sound", sound)
        self._set("header-left", left)
