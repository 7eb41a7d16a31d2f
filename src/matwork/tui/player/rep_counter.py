"""The rep counter: which rep of how many, and the tempo phase under way."""

from __future__ import annotations

import math

from textual.widgets import Static

from matwork.core.breath import Phase
from matwork.i18n import LazyString, lazy_tui_, tui_

REP_PHASE_WORDS: dict[str, LazyString] = {
    "lower": lazy_tui_("lower"),
    "pause": lazy_tui_("pause"),
    "lift": lazy_tui_("lift"),
}
"""The shown word for each of the default tempo phases (a catalog's own words show as written)."""


def rep_text(phase: Phase | None, reps: int | None, t: float) -> str:
    """The rep, then the tempo phase and its second of how many: "rep 4/12 · lift 2/3"."""
    if phase is None:
        return ""
    rep = phase.cycle + 1
    if reps:
        count = tui_("rep {rep}/{reps}").format(rep=rep, reps=reps)
    else:
        count = tui_("rep {rep}").format(rep=rep)
    second = min(math.ceil(phase.duration - 1e-9), math.floor(t - phase.start + 1e-9) + 1)
    word = str(REP_PHASE_WORDS.get(phase.name, phase.name))
    return f"{count} · {word} {max(1, second)}/{phase.duration:g}"


class RepCounter(Static):
    """The rep under way in a set with a tempo; empty otherwise."""

    DEFAULT_CSS = """
    RepCounter {
        height: 1;
        width: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self.text = ""
        """The text shown."""

    def show(self, phase: Phase | None, reps: int | None, t: float) -> None:
        """Show the rep phase at ``t`` seconds into the set; repaints on change."""
        text = rep_text(phase, reps, t)
        if text != self.text:
            self.text = text
            self.update(text)
