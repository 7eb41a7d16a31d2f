"""What comes next, with its dosage: shown during rest and prepare."""

from __future__ import annotations

from textual.widgets import Static

from matwork.core.timeline import Segment
from matwork.i18n import tui_, tui_ngettext


def seconds_label(seconds: float) -> str:
    """A duration for a label: "40 s", "1 min 30 s"."""
    whole = round(seconds)
    if whole < 90:
        return tui_("{seconds} s").format(seconds=whole)
    minutes, rest = divmod(whole, 60)
    if rest:
        return tui_("{minutes} min {seconds} s").format(minutes=minutes, seconds=rest)
    return tui_("{minutes} min").format(minutes=minutes)


def side_text(segment: Segment) -> str:
    """The side in words: "left side", "right side", "alternating sides" or ""."""
    if segment.side == "alternate":
        return tui_("alternating sides")
    if segment.side == "left":
        return tui_("left side")
    if segment.side == "right":
        return tui_("right side")
    return ""


def dosage_text(segment: Segment) -> str:
    """What a work segment asks for: "12 reps", "40 s", "~8 reps, open set"."""
    exercise = segment.exercise
    if exercise.test is not None:
        return exercise.test.dosage()  # "hold, up to 240 s", "measure in cm"
    if exercise.reps is None:
        return seconds_label(segment.duration)
    count = exercise.reps
    reps = tui_ngettext("{count} rep", "{count} reps", count).format(count=count)
    return tui_("{reps}, open set").format(reps=reps) if segment.open else reps


def work_details(segment: Segment) -> list[str]:
    """The facts of a work set: side, dosage, set x/y, load."""
    exercise = segment.exercise
    parts = [side_text(segment), dosage_text(segment)]
    if exercise.sets > 1:
        parts.append(tui_("set {set}/{sets}").format(set=segment.set, sets=exercise.sets))
    if exercise.load:
        parts.append(exercise.load)
    return [part for part in parts if part]


def next_text(segment: Segment | None) -> str:
    """The next set in a line: "Next: Side plank · left side · 20 s · set 1/2" (or "")."""
    if segment is None:
        return ""
    name = tui_("Next: {name}").format(name=segment.exercise.name)
    return " · ".join([name, *work_details(segment)])


class NextUp(Static):
    """The next work set and its dosage."""

    DEFAULT_CSS = """
    NextUp {
        height: auto;
        width: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self.text = ""
        """The text shown."""

    def show(self, segment: Segment | None) -> None:
        """Show ``segment`` as what comes next (None: nothing)."""
        text = next_text(segment)
        if text != self.text:
            self.text = text
            self.update(text)
