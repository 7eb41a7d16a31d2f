"""Breaks per workday and the share taken: pure functions over break-log rows."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, tzinfo
from typing import NamedTuple

import msgspec

from matwork.core.breaks import BreakOutcome


class BreakEventRow(NamedTuple):
    """The fields of one break-log row that counting uses."""

    reminder_uuid: str
    at: float
    """Seconds since the epoch (UTC)."""
    outcome: BreakOutcome


class BreakDay(msgspec.Struct, frozen=True):
    """The reminders of one local calendar day and what became of them."""

    day: str
    """ISO local date of the reminders (the day each was first shown)."""
    reminders: int
    """Reminders shown."""
    taken: int
    """Reminders whose break was started."""
    completed: int
    """Reminders whose routine was played to the end."""
    skipped: int
    snoozed: int
    """Reminders snoozed at least once."""

    @property
    def share_taken(self) -> float | None:
        """Taken / shown, or None on a day without reminders."""
        return self.taken / self.reminders if self.reminders else None


class BreakTotals(msgspec.Struct, frozen=True):
    """Breaks over a span of days: per workday and in all."""

    days: list[BreakDay]
    reminders: int
    taken: int
    completed: int

    @property
    def share_taken(self) -> float | None:
        """Taken / shown over the whole span, or None without reminders."""
        return self.taken / self.reminders if self.reminders else None


def break_days(rows: Iterable[BreakEventRow], tz: tzinfo | None) -> BreakTotals:
    """Group the rows by reminder, then each reminder by the local day it was shown.

    A reminder counts once per outcome however many rows it has (a reminder snoozed
    twice is one snoozed reminder). Rows of a reminder whose ``shown`` row is missing
    count on the day of their earliest row. ``tz`` None means the system's local zone.
    """
    first_seen: dict[str, float] = {}
    outcomes: dict[str, set[BreakOutcome]] = {}
    for row in rows:
        first_seen[row.reminder_uuid] = min(row.at, first_seen.get(row.reminder_uuid, row.at))
        outcomes.setdefault(row.reminder_uuid, set()).add(BreakOutcome(row.outcome))
    per_day: dict[str, list[set[BreakOutcome]]] = {}
    for reminder, at in first_seen.items():
        day = datetime.fromtimestamp(at, tz).date().isoformat()
        per_day.setdefault(day, []).append(outcomes[reminder])
    days = [
        BreakDay(
            day=day,
            reminders=len(sets),
            taken=sum(BreakOutcome.STARTED in found for found in sets),
            completed=sum(BreakOutcome.COMPLETED in found for found in sets),
            skipped=sum(BreakOutcome.SKIPPED in found for found in sets),
            snoozed=sum(BreakOutcome.SNOOZED in found for found in sets),
        )
        for day, sets in sorted(per_day.items())
    ]
    return BreakTotals(
        days=days,
        reminders=sum(day.reminders for day in days),
        taken=sum(day.taken for day in days),
        completed=sum(day.completed for day in days),
    )
