"""The exercise's instructions, and its coaching cues shown one at a time in turn."""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from matwork.core.exercise import Exercise

CUE_SECONDS = 8.0
"""Seconds of a set each coaching cue stays on screen before the next."""


def instruction_text(exercise: Exercise | None) -> str:
    """The catalog's instructions as numbered lines, then the routine's note."""
    if exercise is None:
        return ""
    lines = [f"{number}. {line}" for number, line in enumerate(exercise.entry.instructions, 1)]
    if exercise.note:
        lines.append(f"Note: {exercise.note}")
    return "\n".join(lines)


def rotating_cue(exercise: Exercise | None, elapsed: float) -> str:
    """The coaching cue for ``elapsed`` seconds into a set: each stays CUE_SECONDS."""
    if exercise is None or not exercise.cues:
        return ""
    index = math.floor(max(0.0, elapsed) / CUE_SECONDS) % len(exercise.cues)
    return f"» {exercise.cues[index]}"


class CuePanel(Vertical):
    """How to do the exercise: instructions (``i`` hides them) and the cue of the moment.

    Carries ``-empty`` when the exercise has neither.
    """

    DEFAULT_CSS = """
    CuePanel {
        height: auto;
        width: 1fr;
    }
    CuePanel > Static {
        width: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.instructions = ""
        """The instructions shown."""
        self.cue = ""
        """The coaching cue shown."""

    def compose(self) -> ComposeResult:
        """The instructions over the rotating cue."""
        yield Static("", id="instructions", markup=False)
        yield Static("", id="coaching-cue", markup=False)

    def show(self, exercise: Exercise | None, elapsed: float) -> None:
        """Show ``exercise``'s instructions and its cue ``elapsed`` seconds into the set."""
        instructions = instruction_text(exercise)
        cue = rotating_cue(exercise, elapsed)
        if instructions != self.instructions:
            self.instructions = instructions
            self.query_one("#instructions", Static).update(instructions)
        if cue != self.cue:
            self.cue = cue
            self.query_one("#coaching-cue", Static).update(cue)
        self.set_class(not (instructions or cue), "-empty")
        self.query_one("#instructions", Static).set_class(not instructions, "-empty")
        self.query_one("#coaching-cue", Static).set_class(not cue, "-empty")
