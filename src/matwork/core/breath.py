"""Breathing patterns and rep tempos on the clock: which phase is running at time t.

Both are cycles of phases with fixed seconds: a breath is inhale, hold, exhale,
hold_out; a rep is lower, pause, lift, pause. Phases of 0 s are left out. Phase
instants are computed as ``cycle * cycle_seconds + offset`` (never accumulated), so
the instant a phase starts and the phase found at that instant always agree.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from matwork.core.model import BreathPattern

BREATH_PHASES: tuple[str, ...] = ("inhale", "hold", "exhale", "hold_out")
"""The breathing phases, in the order they run."""

TEMPO_PHASE_NAMES: tuple[str, ...] = ("lower", "pause", "lift", "pause")
"""The tempo phases, in the order they run."""

TEMPO_BREATH: tuple[str, ...] = ("inhale", "hold", "exhale", "hold_out")
"""What the breath does in each tempo phase when the breath follows the tempo."""


@dataclass(frozen=True)
class Phase:
    """One phase of a breath or a rep, placed in time from the cycle's origin."""

    name: str
    """"inhale", "hold", "exhale", "hold_out", or "lower", "pause", "lift"."""
    start: float
    """Seconds from the origin at which this phase starts."""
    duration: float
    cycle: int
    """0-based number of the breath or rep this phase belongs to."""
    slot: int
    """Position of the phase in its cycle, 0 to 3 (the tempo's two pauses differ here)."""

    @property
    def end(self) -> float:
        """Seconds from the origin at which this phase ends."""
        return self.start + self.duration

    def progress(self, t: float) -> float:
        """How far through this phase ``t`` is, from 0 to 1."""
        return min(1.0, max(0.0, (t - self.start) / self.duration))


@dataclass(frozen=True)
class Cycle:
    """A repeating cycle of named phases; phases of 0 s are left out."""

    names: tuple[str, ...]
    seconds: tuple[float, ...]

    @property
    def length(self) -> float:
        """Seconds of one full cycle."""
        return math.fsum(self.seconds)

    def _offsets(self) -> list[tuple[int, float]]:
        """(slot, offset in the cycle) of every phase longer than 0 s."""
        offsets: list[tuple[int, float]] = []
        offset = 0.0
        for slot, seconds in enumerate(self.seconds):
            if seconds > 0:
                offsets.append((slot, offset))
            offset += seconds
        return offsets

    def _phase(self, cycle: int, slot: int, offset: float) -> Phase:
        start = cycle * self.length + offset
        return Phase(self.names[slot], start, self.seconds[slot], cycle, slot)

    def phase_at(self, t: float) -> Phase:
        """The phase running at ``t`` seconds from the origin (t >= 0)."""
        length = self.length
        cycle = max(0, math.floor(t / length))
        if cycle > 0 and cycle * length > t:
            cycle -= 1
        if (cycle + 1) * length <= t:
            cycle += 1
        offsets = self._offsets()
        slot, offset = offsets[0]
        for candidate, candidate_offset in offsets:
            if cycle * length + candidate_offset <= t:
                slot, offset = candidate, candidate_offset
        return self._phase(cycle, slot, offset)

    def phases(self, until: float, near: float = 0.0) -> Iterator[Phase]:
        """Every phase starting before ``until``, in order.

        ``near`` skips whole cycles that end before it (a phase running at ``near`` is kept).
        """
        offsets = self._offsets()
        cycle = max(0, math.floor(near / self.length) - 1)
        while True:
            for slot, offset in offsets:
                phase = self._phase(cycle, slot, offset)
                if phase.start >= until:
                    return
                yield phase
            cycle += 1


def breath_cycle(pattern: BreathPattern) -> Cycle:
    """The cycle of a breathing pattern."""
    seconds = (pattern.inhale, pattern.hold, pattern.exhale, pattern.hold_out)
    return Cycle(BREATH_PHASES, tuple(float(s) for s in seconds))


def tempo_cycle(tempo: Sequence[float]) -> Cycle:
    """The cycle of one rep at a tempo of (lower, pause, lift, pause) seconds."""
    return Cycle(TEMPO_PHASE_NAMES, tuple(float(s) for s in tempo))


def breath_phase(pattern: BreathPattern, t: float) -> Phase:
    """The breathing phase at ``t`` seconds after the pattern began."""
    return breath_cycle(pattern).phase_at(t)


def tempo_phase(tempo: Sequence[float], t: float) -> Phase:
    """The rep phase at ``t`` seconds after the first rep began; ``cycle`` is the rep - 1."""
    return tempo_cycle(tempo).phase_at(t)


def breath_of_tempo(phase: Phase) -> Phase:
    """The breath that goes with a rep phase: inhale lowering, exhale lifting, hold on pauses."""
    return Phase(TEMPO_BREATH[phase.slot], phase.start, phase.duration, phase.cycle, phase.slot)
