"""What the progression engine reads from the log: sessions, their sets, check-ins.

Small value types, filled by the store (``core/programme_log.py``) or by hand in
tests; the engine (``core/progression.py``) takes them as they are.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from matwork.core.kinds import SessionStatus, Side

HOLD_TOLERANCE = 0.5
"""Seconds a timed set may fall short of its plan and still count as done in full."""

DoseKey = tuple[str, Side | None]
"""A rule's exercise id and the side (None for an unsided use)."""


class Compared(enum.StrEnum):
    """The morning check-in's answer: the back now against before the last session."""

    BETTER = "better"
    SAME = "same"
    WORSE = "worse"


@dataclass(frozen=True)
class LoggedSet:
    """One work set as the log holds it."""

    exercise_id: str
    side: Side | None
    reps_planned: int | None
    reps_done: int | None
    planned_seconds: float
    actual_seconds: float
    skipped: bool = False
    pain_flag: bool = False

    @property
    def in_full(self) -> bool:
        """Done at its prescribed dose: every planned rep, or the whole hold."""
        if self.skipped:
            return False
        if self.reps_planned is not None:
            return self.reps_done is not None and self.reps_done >= self.reps_planned
        return self.actual_seconds >= self.planned_seconds - HOLD_TOLERANCE


@dataclass(frozen=True)
class LoggedSession:
    """One session played against the programme, as the log holds it."""

    day: date
    status: SessionStatus
    rpe: int | None
    pain_before: int | None
    pain_after: int | None
    sets: tuple[LoggedSet, ...]
    planned_sets: Mapping[DoseKey, int] = field(default_factory=dict)
    """How many work sets of each rule exercise (and side) the session planned."""
    played_as: Mapping[str, str] = field(default_factory=dict)
    """Exercise id to the rule it was played for; empty: a rule's id or its variations."""


@dataclass(frozen=True)
class CheckIn:
    """A morning check-in: pain now (0-10) and the back against before the last session."""

    day: date
    pain: int
    compared: Compared
