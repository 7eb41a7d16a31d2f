"""Training statistics over session-log rows: pure functions, no database, no clock.

Days and weeks are local calendar days of a session's start. Every function that needs
them takes ``tz``: a ``tzinfo`` (for example ``zoneinfo.ZoneInfo("Europe/Berlin")``),
or ``None`` for the system's local time zone (daylight saving included). Weeks are
ISO 8601 weeks (Monday first; 2026-12-31 is in 2026-W53).

A session *counts* (for streaks and weekly totals) when it was completed or stopped
with some active time. Minutes per category and pattern are the actual seconds of the
work sets, skipped sets included for the part that was done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta, tzinfo
from itertools import pairwise
from typing import NamedTuple

import msgspec

from matwork.core.kinds import SessionStatus
from matwork.core.vocab import TRUNK_EXTENSION_SIDE, TRUNK_FLEXION_SIDE

COUNTED_STATUSES: frozenset[SessionStatus] = frozenset(
    {SessionStatus.COMPLETED, SessionStatus.STOPPED}
)
"""Session statuses that count toward streaks and weekly totals."""


class SessionRow(NamedTuple):
    """The fields of one session that statistics use."""

    started_at: float
    """Start, seconds since the epoch (UTC)."""
    status: SessionStatus
    active_seconds: float
    pain_before: int | None
    pain_after: int | None


class SetRow(NamedTuple):
    """The fields of one work set that statistics use."""

    session_started_at: float
    """Start of the set's session, seconds since the epoch (UTC)."""
    category: str
    pattern: str
    actual_seconds: float
    skipped: bool


class WeekTotal(msgspec.Struct, frozen=True):
    """Counted sessions and their active minutes in one ISO week."""

    week: str
    """ISO week label, e.g. ``2026-W53``."""
    sessions: int
    minutes: float


class Streaks(msgspec.Struct, frozen=True):
    """Runs of consecutive training days."""

    current: int
    """Days in the run that ends today, or yesterday if nothing is logged today yet."""
    longest: int
    last_day: str | None
    """ISO date of the last training day, or None if there is none."""


class PainPair(msgspec.Struct, frozen=True):
    """Pain before and after one session (0-10)."""

    day: str
    """ISO local date of the session."""
    before: int
    after: int
    change: int
    """after - before: negative means the session eased the pain."""


class WeeklyPain(msgspec.Struct, frozen=True):
    """Mean pain before and after the sessions of one ISO week."""

    week: str
    mean_before: float | None
    mean_after: float | None
    sessions: int
    """Sessions that week with at least one pain rating."""


class PainTrend(msgspec.Struct, frozen=True):
    """Pain ratings per session pair and per week, oldest first."""

    pairs: list[PainPair]
    weekly: list[WeeklyPain]


class TrunkBalance(msgspec.Struct, frozen=True):
    """Minutes on the front (flexion side) versus the back (extension side) of the trunk."""

    flexion_minutes: float
    extension_minutes: float
    ratio: float | None
    """flexion / extension minutes, or None when there is no extension work."""


class StatsSummary(msgspec.Struct, frozen=True):
    """Everything ``matwork stats`` shows, over the last ``weeks`` ISO weeks."""

    weeks: int
    since: str
    """ISO date of the Monday that opens the window."""
    today: str
    sessions: int
    """Counted sessions in the window."""
    minutes: float
    """Active minutes of the counted sessions in the window."""
    weekly: list[WeekTotal]
    streaks: Streaks
    minutes_by_category: dict[str, float]
    minutes_by_pattern: dict[str, float]
    pain: PainTrend
    trunk_balance: TrunkBalance


def local_date(timestamp: float, tz: tzinfo | None) -> date:
    """The calendar date of ``timestamp`` in ``tz`` (None: the system's local zone)."""
    return datetime.fromtimestamp(timestamp, tz).date()


def local_midnight(day: date, tz: tzinfo | None) -> float:
    """The epoch seconds at which ``day`` begins in ``tz`` (None: the system's local zone)."""
    return datetime(day.year, day.month, day.day, tzinfo=tz).timestamp()


def iso_week_label(day: date) -> str:
    """The ISO week of ``day`` as ``YYYY-Www``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_monday(day: date) -> date:
    """The Monday of the ISO week that contains ``day``."""
    return day - timedelta(days=day.weekday())


def window_start_day(today: date, weeks: int) -> date:
    """The Monday that opens a window of ``weeks`` ISO weeks ending with today's week."""
    if weeks < 1:
        raise ValueError(f"weeks must be at least 1, not {weeks}")
    return week_monday(today) - timedelta(weeks=weeks - 1)


def counts(row: SessionRow) -> bool:
    """Whether a session counts toward streaks and totals."""
    return row.status in COUNTED_STATUSES and row.active_seconds > 0


def _minutes(seconds: float) -> float:
    return round(seconds / 60.0, 2)


def weekly_totals(
    sessions: Iterable[SessionRow], *, tz: tzinfo | None, first_day: date, last_day: date
) -> list[WeekTotal]:
    """Counted sessions and minutes for every ISO week from ``first_day`` to ``last_day``."""
    sessions_per_week: dict[str, int] = {}
    seconds_per_week: dict[str, float] = {}
    for row in sessions:
        if not counts(row):
            continue
        day = local_date(row.started_at, tz)
        if first_day <= day <= last_day:
            label = iso_week_label(day)
            sessions_per_week[label] = sessions_per_week.get(label, 0) + 1
            seconds_per_week[label] = seconds_per_week.get(label, 0.0) + row.active_seconds
    totals: list[WeekTotal] = []
    monday = week_monday(first_day)
    while monday <= last_day:
        label = iso_week_label(monday)
        totals.append(
            WeekTotal(
                week=label,
                sessions=sessions_per_week.get(label, 0),
                minutes=_minutes(seconds_per_week.get(label, 0.0)),
            )
        )
        monday += timedelta(weeks=1)
    return totals


def local_days(timestamps: Iterable[float], tz: tzinfo | None) -> list[date]:
    """The distinct local dates of ``timestamps``, in order.

    Converts one timestamp per day: later ones before that day's end are skipped.
    """
    days: list[date] = []
    day_end = float("-inf")
    for timestamp in sorted(timestamps):
        if timestamp < day_end:
            continue
        day = local_date(timestamp, tz)
        days.append(day)
        day_end = local_midnight(day + timedelta(days=1), tz)
    return days


def streak_of_days(days: Sequence[date], *, today: date) -> Streaks:
    """Current and longest runs of consecutive dates in sorted, distinct ``days``."""
    past = [day for day in days if day <= today]
    if not past:
        return Streaks(current=0, longest=0, last_day=None)
    longest = run = 1
    for previous, day in pairwise(past):
        run = run + 1 if (day - previous).days == 1 else 1
        longest = max(longest, run)
    current = run if (today - past[-1]).days <= 1 else 0
    return Streaks(current=current, longest=longest, last_day=past[-1].isoformat())


def streaks(sessions: Iterable[SessionRow], *, tz: tzinfo | None, today: date) -> Streaks:
    """Current and longest runs of consecutive local days with a counted session."""
    starts = (row.started_at for row in sessions if counts(row))
    return streak_of_days(local_days(starts, tz), today=today)


def _minutes_by(sets: Iterable[SetRow], key: Callable[[SetRow], str]) -> dict[str, float]:
    seconds: dict[str, float] = {}
    for row in sets:
        name = key(row)
        seconds[name] = seconds.get(name, 0.0) + row.actual_seconds
    ordered = sorted(seconds.items(), key=lambda item: (-item[1], item[0]))
    return {name: _minutes(total) for name, total in ordered}


def minutes_by_category(sets: Iterable[SetRow]) -> dict[str, float]:
    """Minutes of work per exercise category, most first."""
    return _minutes_by(sets, lambda row: row.category)


def minutes_by_pattern(sets: Iterable[SetRow]) -> dict[str, float]:
    """Minutes of work per movement pattern, most first."""
    return _minutes_by(sets, lambda row: row.pattern)


def _mean(values: Sequence[int]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def pain_trend(sessions: Iterable[SessionRow], *, tz: tzinfo | None) -> PainTrend:
    """Pain before/after pairs per session and weekly means, oldest first."""
    ordered = sorted(sessions, key=lambda row: row.started_at)
    pairs: list[PainPair] = []
    before_per_week: dict[str, list[int]] = {}
    after_per_week: dict[str, list[int]] = {}
    rated_per_week: dict[str, int] = {}
    for row in ordered:
        if row.pain_before is None and row.pain_after is None:
            continue
        day = local_date(row.started_at, tz)
        label = iso_week_label(day)
        rated_per_week[label] = rated_per_week.get(label, 0) + 1
        if row.pain_before is not None:
            before_per_week.setdefault(label, []).append(row.pain_before)
        if row.pain_after is not None:
            after_per_week.setdefault(label, []).append(row.pain_after)
        if row.pain_before is not None and row.pain_after is not None:
            pairs.append(
                PainPair(
                    day=day.isoformat(),
                    before=row.pain_before,
                    after=row.pain_after,
                    change=row.pain_after - row.pain_before,
                )
            )
    weekly = [
        WeeklyPain(
            week=label,
            mean_before=_mean(before_per_week.get(label, [])),
            mean_after=_mean(after_per_week.get(label, [])),
            sessions=rated,
        )
        for label, rated in rated_per_week.items()
    ]
    return PainTrend(pairs=pairs, weekly=weekly)


def trunk_balance(sets: Iterable[SetRow]) -> TrunkBalance:
    """Minutes on the trunk's flexion side versus its extension side (see vocab)."""
    flexion = extension = 0.0
    for row in sets:
        if row.pattern in TRUNK_FLEXION_SIDE:
            flexion += row.actual_seconds
        elif row.pattern in TRUNK_EXTENSION_SIDE:
            extension += row.actual_seconds
    ratio = round(flexion / extension, 2) if extension > 0 else None
    return TrunkBalance(
        flexion_minutes=_minutes(flexion), extension_minutes=_minutes(extension), ratio=ratio
    )


def summarize(
    sessions: Sequence[SessionRow],
    sets: Iterable[SetRow],
    *,
    weeks: int,
    tz: tzinfo | None,
    now: float,
    training_starts: Iterable[float] | None = None,
) -> StatsSummary:
    """All statistics for the last ``weeks`` ISO weeks up to ``now`` (epoch seconds).

    ``sessions`` and ``sets`` may be the whole log or only the window; rows from before
    the window are ignored. Streaks look at the whole log: the start times of every
    counted session in ``training_starts``, or else the counted ones of ``sessions``.
    """
    today = local_date(now, tz)
    first_day = window_start_day(today, weeks)
    window_start = local_midnight(first_day, tz)
    in_window = [row for row in sessions if row.started_at >= window_start]
    window_sets = [row for row in sets if row.session_started_at >= window_start]
    counted = [row for row in in_window if counts(row)]
    return StatsSummary(
        weeks=weeks,
        since=first_day.isoformat(),
        today=today.isoformat(),
        sessions=len(counted),
        minutes=_minutes(sum(row.active_seconds for row in counted)),
        weekly=weekly_totals(in_window, tz=tz, first_day=first_day, last_day=today),
        streaks=(
            streaks(sessions, tz=tz, today=today)
            if training_starts is None
            else streak_of_days(local_days(training_starts, tz), today=today)
        ),
        minutes_by_category=minutes_by_category(window_sets),
        minutes_by_pattern=minutes_by_pattern(window_sets),
        pain=pain_trend(in_window, tz=tz),
        trunk_balance=trunk_balance(window_sets),
    )
