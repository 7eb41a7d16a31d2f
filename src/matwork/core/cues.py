"""Cues: what the player announces, and the small interface that plays them."""

from __future__ import annotations

from typing import Protocol

import msgspec

CUE_KINDS: tuple[str, ...] = (
    "prepare",
    "start",
    "switch",
    "rest",
    "countdown",
    "final",
    "halfway",
    "inhale",
    "hold",
    "exhale",
    "hold_out",
    "rep",
    "finish",
)
"""Every cue kind, in no particular order.

``start`` opens a work segment, ``prepare``/``switch``/``rest`` open the segment of
that kind, ``countdown`` ticks in the last seconds of work and rest, ``final`` is the
last of those ticks, ``halfway`` marks the middle of a work segment, the breath kinds
mark breathing phase changes, ``rep`` marks each rep phase of a tempo, and ``finish``
ends the session.
"""

CUE_PRIORITY: dict[str, int] = {
    "finish": 100,
    "start": 90,
    "prepare": 90,
    "switch": 90,
    "rest": 90,
    "final": 80,
    "countdown": 80,
    "halfway": 60,
    "inhale": 40,
    "exhale": 40,
    "hold": 40,
    "hold_out": 40,
    "rep": 20,
}
"""When two cues overlap, the higher number wins: countdown and start over breath,
breath over rep ticks."""


class Cue(msgspec.Struct, frozen=True):
    """One announcement at an instant of session time."""

    kind: str
    """One of CUE_KINDS."""
    at: float
    """Session seconds at which it falls due."""
    segment: int
    """Index of the timeline segment it belongs to."""
    text: str = ""
    """What a voice would say, e.g. "Glute bridge, twelve reps", "3", "Inhale"."""
    count: int = 0
    """The number carried by countdown ticks (3, 2, 1) and rep cues (the rep number)."""

    @property
    def priority(self) -> int:
        """How much this cue matters when it overlaps another."""
        return CUE_PRIORITY.get(self.kind, 0)


class CueSink(Protocol):
    """Something that makes cues heard: a sound backend, a voice, a recorder in tests."""

    def play(self, cue: Cue) -> None:
        """Announce ``cue`` now, without blocking."""


class SilentSink:
    """A cue sink that plays nothing."""

    def play(self, cue: Cue) -> None:
        """Ignore the cue."""


class RecordingSink:
    """A cue sink that remembers every cue it was given, for tests."""

    def __init__(self) -> None:
        self.cues: list[Cue] = []

    def play(self, cue: Cue) -> None:
        """Remember the cue."""
        self.cues.append(cue)
