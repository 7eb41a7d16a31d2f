"""Cues: what the player announces, and the small interface that plays them."""

from __future__ import annotations

import enum
from typing import Protocol

import msgspec


class CueKind(enum.StrEnum):
    """What a cue announces.

    ``start`` opens a work segment, ``prepare``/``switch``/``rest`` open the segment of
    that kind, ``countdown`` ticks in the last seconds of work and rest, ``final`` is
    the last of those ticks, ``halfway`` marks the middle of a work segment, the breath
    kinds mark breathing phase changes, ``rep`` marks each rep phase of a tempo, and
    ``finish`` ends the session.
    """

    PREPARE = "prepare"
    START = "start"
    SWITCH = "switch"
    REST = "rest"
    COUNTDOWN = "countdown"
    FINAL = "final"
    HALFWAY = "halfway"
    INHALE = "inhale"
    HOLD = "hold"
    EXHALE = "exhale"
    HOLD_OUT = "hold_out"
    REP = "rep"
    FINISH = "finish"


CUE_KINDS: tuple[CueKind, ...] = tuple(CueKind)
"""Every cue kind."""

CUE_PRIORITY: dict[CueKind, int] = {
    CueKind.FINISH: 100,
    CueKind.START: 90,
    CueKind.PREPARE: 90,
    CueKind.SWITCH: 90,
    CueKind.REST: 90,
    CueKind.FINAL: 80,
    CueKind.COUNTDOWN: 80,
    CueKind.HALFWAY: 60,
    CueKind.INHALE: 40,
    CueKind.EXHALE: 40,
    CueKind.HOLD: 40,
    CueKind.HOLD_OUT: 40,
    CueKind.REP: 20,
}
"""When two cues overlap, the higher number wins: countdown and start over breath,
breath over rep ticks."""


class Cue(msgspec.Struct, frozen=True):
    """One announcement at an instant of session time."""

    kind: CueKind
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
