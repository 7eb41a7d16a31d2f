"""What comes next, with its dosage: shown during rest and prepare."""

from __future__ import annotations

from textual.widgets import Static

from matwork.core.timeline import Segment


def seconds_label(seconds: float) -> str:
    """A duration for a label: "40 s", "1 min 30 s"."""
    whole = round(seconds)
    if whole < 90:
        return f"{whole} s"
    minutes, rest = divmod(whole, 60)
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def side_text(segment: Segment) -> str:
    """The side in words: "left side", "right side", "alternating sides" or ""."""
    if segment.side == "alternate":
        return "alternating sides"
    return f"{segment.side} side" if segment.side else ""


def dosage_text(segment: Segment) -> str:
    """What a work segment asks for: "12 reps", "40 s", "~8 reps, open set"."""
    exercise = segment.exercise
    if exercise.reps is None:
        return seconds_label(segment.duration)
    reps = f"{exercise.reps} rep{'s' * (exercise.reps != 1)}"
    return f"{reps}, open set" if segment.open else reps


def work_details(segment: Segment) -> list[str]:
    """The facts of a work set: side, dosage, set x/y, load."""
    exercise = segment.exercise
    parts = [side_text(segment), dosage_text(segment)]
    if exercise.sets > 1:
        parts.append(f"set {segment.set}/{exercise.sets}")
    if exercise.load:
        parts.append(exercise.load)
    return [part for part in parts if part]


def next_text(segment: Segment | None) -> str:
    """The next set in a line: "Next: Side plank · left side · 20 s · set 1/2" (or "")."""
    if segment is None:
        return ""
    return " · ".join([f"Next: {segment.exercise.name}", *work_details(segment)])


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
