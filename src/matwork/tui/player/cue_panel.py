"""How to do the exercise: its instructions, its cautions, and the coaching cue of the moment.

What shows depends on the moment (``HowTo``): getting into position (get ready, rest)
shows the first instruction lines and the cautions of the coming exercise; a work set
shows only the rotating coaching cue, and ``i`` adds the whole how-to and the cautions.
"""

from __future__ import annotations

import enum
import math

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from matwork.core.exercise import Exercise
from matwork.i18n import tui_

CUE_SECONDS = 8.0
"""Seconds of a set each coaching cue stays on screen before the next."""

BRIEF_LINES = 2
"""Instruction lines shown while getting into position (the rest with ``i`` in work)."""


class HowTo(enum.StrEnum):
    """How much of the how-to a moment shows."""

    NONE = "none"
    """Nothing (a switch, the end, a hidden how-to)."""
    BRIEF = "brief"
    """Getting into position: the first instruction lines and the cautions."""
    CUE = "cue"
    """A work set: the coaching cue only."""
    FULL = "full"
    """A work set with ``i``: every instruction, the cautions, and the cue."""


def instruction_text(exercise: Exercise | None, lines: int | None = None) -> str:
    """The catalog's instructions as numbered lines (the first ``lines``), then the note."""
    if exercise is None:
        return ""
    shown = exercise.entry.instructions[:lines]
    text = [f"{number}. {line}" for number, line in enumerate(shown, 1)]
    if exercise.note:
        text.append(tui_("Note: {note}").format(note=exercise.note))
    return "\n".join(text)


def caution_text(exercise: Exercise | None) -> str:
    """The catalog's cautions, one line each: "Caution: ..."."""
    if exercise is None:
        return ""
    caution = tui_("Caution: {caution}")
    return "\n".join(caution.format(caution=line) for line in exercise.entry.cautions)


def rotating_cue(exercise: Exercise | None, elapsed: float) -> str:
    """The coaching cue for ``elapsed`` seconds into a set: each stays CUE_SECONDS."""
    if exercise is None or not exercise.cues:
        return ""
    index = math.floor(max(0.0, elapsed) / CUE_SECONDS) % len(exercise.cues)
    return f"» {exercise.cues[index]}"


def howto_texts(exercise: Exercise | None, elapsed: float, how: HowTo) -> dict[str, str]:
    """The text of each part (instructions, cautions, coaching-cue) for a moment."""
    if how is HowTo.NONE or exercise is None:
        return {"instructions": "", "cautions": "", "coaching-cue": ""}
    return {
        "instructions": instruction_text(exercise, BRIEF_LINES if how is HowTo.BRIEF else None)
        if how is not HowTo.CUE
        else "",
        "cautions": caution_text(exercise) if how is not HowTo.CUE else "",
        "coaching-cue": rotating_cue(exercise, elapsed) if how is not HowTo.BRIEF else "",
    }


class CuePanel(Vertical):
    """Instructions, cautions and the cue of the moment; ``-empty`` when all are empty."""

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
        self.texts: dict[str, str] = {}
        """The text of each part shown, by id."""

    def compose(self) -> ComposeResult:
        """The instructions, the cautions, the rotating cue."""
        yield Static("", id="instructions", markup=False)
        yield Static("", id="cautions", markup=False)
        yield Static("", id="coaching-cue", markup=False)

    @property
    def instructions(self) -> str:
        """The instructions shown."""
        return self.texts.get("instructions", "")

    @property
    def cue(self) -> str:
        """The coaching cue shown."""
        return self.texts.get("coaching-cue", "")

    def show(self, exercise: Exercise | None, elapsed: float, how: HowTo = HowTo.FULL) -> None:
        """Show ``how`` much of ``exercise``'s how-to, ``elapsed`` seconds into the set."""
        texts = howto_texts(exercise, elapsed, how)
        for part, text in texts.items():
            if self.texts.get(part) != text:
                self.texts[part] = text
                widget = self.query_one(f"#{part}", Static)
                widget.update(text)
                widget.set_class(not text, "-empty")
        self.set_class(not any(texts.values()), "-empty")
