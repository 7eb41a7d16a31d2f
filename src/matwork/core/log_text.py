"""How the log's values read as text: one wording for ``matwork log``/``show`` and the screens.

Pure functions of plain values (no store types), so the CLI's tables, the History
screen and the summary all print a session's pain, reps, completion and times alike.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from datetime import datetime, tzinfo

from matwork.core.kinds import SessionStatus, Side
from matwork.i18n import LazyString, lazy_

MISSING = "-"
"""What a cell shows for a value that was never given."""

UNKNOWN = "?"
"""What a cell shows for a value that is there but cannot be read."""

STATUS_WORDS: dict[SessionStatus, LazyString] = {
    SessionStatus.COMPLETED: lazy_("completed"),
    SessionStatus.STOPPED: lazy_("stopped early"),
    SessionStatus.INTERRUPTED: lazy_("interrupted"),
    SessionStatus.RUNNING: lazy_("still running"),
}
"""How a sentence names a session's status."""

STATUS_CELLS: dict[SessionStatus, LazyString] = {
    SessionStatus.COMPLETED: lazy_("completed"),
    SessionStatus.STOPPED: lazy_("stopped"),
    SessionStatus.INTERRUPTED: lazy_("interrupted"),
    SessionStatus.RUNNING: lazy_("running"),
}
"""How a table cell names a session's status (the log's own word, in English)."""


def readable(text: str, unreadable: Collection[str], *fields: str) -> str:
    """``text``, or "?" when one of ``fields`` is among the ``unreadable`` ones of a row."""
    return UNKNOWN if any(field in unreadable for field in fields) else text


def rating_text(value: int | None) -> str:
    """A 0-10 answer (RPE, pain), or "-" when not given."""
    return MISSING if value is None else str(value)


def pain_text(before: int | None, after: int | None) -> str:
    """Pain before→after, "?" for a missing side, "-" when neither was given."""
    if before is None and after is None:
        return MISSING
    return f"{UNKNOWN if before is None else before}→{UNKNOWN if after is None else after}"


def completion_percent(active_seconds: float, planned_seconds: float) -> int | None:
    """Active time as a percentage of the planned time (at most 100), or None."""
    if not (math.isfinite(active_seconds) and math.isfinite(planned_seconds)):
        return None
    if planned_seconds <= 0:
        return None
    return round(max(0.0, min(100.0, 100 * (active_seconds / planned_seconds))))


def percent_text(percent: int | None) -> str:
    """``87%``, or "-" when there is nothing to compare with."""
    return MISSING if percent is None else f"{percent}%"


def sets_text(done: int, skipped: int) -> str:
    """Sets done out of sets recorded (the rest were skipped): ``3/5``."""
    return f"{done}/{done + skipped}"


def reps_text(done: int | None, planned: int | None) -> str:
    """Reps done out of planned (``6/8``), done alone, or "-" for a timed set."""
    if done is None and planned is None:
        return MISSING
    shown = UNKNOWN if done is None else str(done)
    return shown if planned is None else f"{shown}/{planned}"


def side_text(side: Side | None) -> str:
    """The side of a set, or nothing for an unsided exercise."""
    return "" if side is None else side.value


def local_time_text(timestamp: float | None, tz: tzinfo | None = None) -> str:
    """A log time in the local zone (or ``tz``) as ``2026-12-01 07:30``, "-" when absent."""
    if timestamp is None:
        return MISSING
    return _moment_text(timestamp, tz, "%Y-%m-%d %H:%M")


def started_text(timestamp: float, tz: tzinfo | None) -> str:
    """A session start as the History table shows it: weekday, date and time."""
    return _moment_text(timestamp, tz, "%a %Y-%m-%d %H:%M")


def _moment_text(timestamp: float, tz: tzinfo | None, pattern: str) -> str:
    """A time as ``pattern``, or "?" for one no calendar can show (NaN, year 10^9...)."""
    try:
        return datetime.fromtimestamp(timestamp, tz).strftime(pattern)
    except (OverflowError, OSError, ValueError, TypeError):
        return UNKNOWN
