"""Trunk balance of a timeline: seconds of work on the flexion side against the extension side.

A back-friendly routine does not train the abs for ten minutes and the back extensors
for one. The sides are the vocabularies' ``TRUNK_FLEXION_SIDE`` and
``TRUNK_EXTENSION_SIDE``; every work segment counts its planned duration (both sides
of a sided exercise count, open sets count their estimate).
"""

from __future__ import annotations

from dataclasses import dataclass

from matwork.core.timeline import Timeline
from matwork.core.vocab import TRUNK_EXTENSION_SIDE, TRUNK_FLEXION_SIDE

LOPSIDED_RATIO = 2.0
"""One side with more than this many times the other's seconds is lopsided."""


@dataclass(frozen=True)
class TrunkBalance:
    """Seconds of work loading the front of the trunk against the back."""

    flexion: float
    extension: float

    @property
    def total(self) -> float:
        """Seconds of trunk work on either side."""
        return self.flexion + self.extension

    @property
    def flexion_share(self) -> float | None:
        """The flexion side's share of the trunk work, 0 to 1, or None without trunk work."""
        if self.total <= 0:
            return None
        return self.flexion / self.total

    @property
    def lopsided(self) -> bool:
        """True when one side has more than ``LOPSIDED_RATIO`` times the other's seconds."""
        if self.total <= 0:
            return False
        low, high = sorted((self.flexion, self.extension))
        return high > LOPSIDED_RATIO * low


def trunk_balance(timeline: Timeline) -> TrunkBalance:
    """Sum the work segments of a timeline by trunk side, using each exercise's pattern."""
    flexion = 0.0
    extension = 0.0
    for segment in timeline.work_segments():
        pattern = segment.exercise.entry.pattern
        if pattern in TRUNK_FLEXION_SIDE:
            flexion += segment.duration
        elif pattern in TRUNK_EXTENSION_SIDE:
            extension += segment.duration
    return TrunkBalance(flexion=flexion, extension=extension)
