"""Breathing patterns and rep tempos on the clock: which phase is running at time t.

Both are cycles of phases with fixed seconds: a breath is inhale, hold, exhale,
hold_out; a rep is lower, pause, lift, pause, or, for an exercise whose rep starts
with the lift (``RepPhases.starts``), lift, pause, lower, pause, each named by the
exercise's own words. Phases of 0 s are left out. Phase
instants are computed as ``cycle * cycle_seconds + offset`` (never accumulated), so
the instant a phase starts and the phase found at that instant always agree.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from matwork.core.model import DEFAULT_REP_PHASES, BreathPattern, RepPhases

BREATH_PHASES: tuple[str, ...] = ("inhale", "hold", "exhale", "hold_out")
"""The breathing phases, in the order they run."""

TEMPO_PHASE_NAMES: tuple[str, ...] = DEFAULT_REP_PHASES.words()
"""The default words of the tempo phases, in tempo order: lower, pause, lift, pause."""

LIFT_FIRST: tuple[int, ...] = (2, 3, 0, 1)
"""The order the tempo's phases play in when a rep starts with the lift."""

TEMPO_BREATH: tuple[str, ...] = ("inhale", "hold", "exhale", "hold_out")
"""What the breath does in each tempo phase when the breath follows the tempo."""


@dataclass(frozen=True)
class Phase:
    """One phase of a breath or a rep, placed in time from the cycle's origin."""

    name: str
    """"inhale", "hold", "exhale", "hold_out", or a rep phase's word ("lower", "lift"...)."""
    start: float
    """Seconds from the origin at which this phase starts."""
    duration: float
    cycle: int
    """0-based number of the breath or rep this phase belongs to."""
    slot: int
    """Which of the cycle's numbers the phase is, 0 to 3 (the tempo's two pauses differ
    here); a rep's slot 0 is always the lowering, whatever order the rep plays in."""

    @property
    def end(self) -> float:
        """Seconds from the origin at which this phase ends."""
        return self.start + self.duration

    def progress(self, t: float) -> float:
        """How far through this phase ``t`` is, from 0 to 1."""
        return min(1.0, max(0.0, (t - self.start) / self.duration))


@dataclass(frozen=True)
class Cycle:
    """A repeating cycle of named phases; phases of 0 s are left out.

    ``order`` is the order the slots play in (by default as listed).
    """

    names: tuple[str, ...]
    seconds: tuple[float, ...]
    order: tuple[int, ...] | None = None

    @property
    def length(self) -> float:
        """Seconds of one full cycle."""
        return math.fsum(self.seconds)

    def _offsets(self) -> list[tuple[int, float]]:
        """(slot, offset in the cycle) of every phase longer than 0 s."""
        offsets: list[tuple[int, float]] = []
        offset = 0.0
        for slot in self.order if self.order is not None else range(len(self.seconds)):
            seconds = self.seconds[slot]
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


def tempo_cycle(tempo: Sequence[float], phases: RepPhases = DEFAULT_REP_PHASES) -> Cycle:
    """The cycle of one rep at a tempo of (lower, pause, lift, pause) seconds.

    ``phases`` names the phases and says whether the rep starts with the lift.
    """
    order = LIFT_FIRST if phases.starts == "lift" else None
    return Cycle(phases.words(), tuple(float(s) for s in tempo), order)


def breath_phase(pattern: BreathPattern, t: float) -> Phase:
    """The breathing phase at ``t`` seconds after the pattern began."""
    return breath_cycle(pattern).phase_at(t)


def tempo_phase(tempo: Sequence[float], t: float, phases: RepPhases = DEFAULT_REP_PHASES) -> Phase:
    """The rep phase at ``t`` seconds after the first rep began; ``cycle`` is the rep - 1."""
    return tempo_cycle(tempo, phases).phase_at(t)


def breath_of_tempo(phase: Phase) -> Phase:
    """The breath that goes with a rep phase: inhale lowering, exhale lifting, hold on pauses."""
    return Phase(TEMPO_BREATH[phase.slot], phase.start, phase.duration, phase.cycle, phase.slot)
