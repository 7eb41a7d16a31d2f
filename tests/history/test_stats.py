"""Statistics on a hand-made log with known answers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matwork.core.stats import (
    SessionRow,
    SetRow,
    counts,
    iso_week_label,
    local_date,
    local_days,
    minutes_by_category,
    minutes_by_pattern,
    pain_trend,
    streaks,
    summarize,
    trunk_balance,
    weekly_totals,
    window_start_day,
)

BERLIN = ZoneInfo("Europe/Berlin")


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> float:
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN).timestamp()


def row(
    started: float,
    seconds: float,
    status: str = "completed",
    before: int | None = None,
    after: int | None = None,
) -> SessionRow:
    return SessionRow(started, status, seconds, before, after)


LOG = [
    row(at(2026, 11, 29, 8), 1800, before=5, after=3),
    row(at(2026, 11, 30, 8), 1200, before=4, after=4),
    row(at(2026, 12, 1, 8), 600, "stopped", before=6),
    row(at(2026, 12, 10, 8), 900, "interrupted"),
    row(at(2026, 12, 11, 8), 0),
    # 00:30 in Berlin is still the previous day (Dec 28) in UTC.
    row(at(2026, 12, 29, 0, 30), 600),
    row(at(2026, 12, 30, 8), 900, before=3, after=1),
    row(at(2026, 12, 31, 8), 900, after=2),
    row(at(2027, 1, 1, 8), 900),
    row(at(2027, 1, 2, 8), 900),
    row(at(2027, 1, 2, 18), 300),
]

SETS = [
    SetRow(at(2026, 12, 30, 8), "pilates", "anti-extension", 120.0, False),
    SetRow(at(2026, 12, 30, 8), "pilates", "trunk-flexion", 60.0, False),
    SetRow(at(2026, 12, 30, 8), "strength", "hinge", 300.0, False),
    SetRow(at(2026, 12, 31, 8), "mobility", "trunk-extension", 90.0, False),
    SetRow(at(2026, 12, 31, 8), "pilates", "anti-flexion", 30.0, False),
    SetRow(at(2026, 12, 31, 8), "fascia", "stretch", 45.0, True),
]


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2026, 12, 31), "2026-W53"),
        (date(2027, 1, 3), "2026-W53"),
        (date(2027, 1, 4), "2027-W01"),
        (date(2024, 12, 30), "2025-W01"),
        (date(2026, 1, 1), "2026-W01"),
    ],
)
def test_iso_week_labels(day: date, label: str) -> None:
    assert iso_week_label(day) == label


def test_streak_across_month_and_year_ends() -> None:
    result = streaks(LOG, tz=BERLIN, today=date(2027, 1, 2))
    assert (result.current, result.longest, result.last_day) == (5, 5, "2027-01-02")
    # Nothing logged yet today: yesterday's streak is still current.
    assert streaks(LOG, tz=BERLIN, today=date(2027, 1, 3)).current == 5
    assert streaks(LOG, tz=BERLIN, today=date(2027, 1, 4)).current == 0


def test_the_month_end_streak_alone() -> None:
    result = streaks(LOG[:5], tz=BERLIN, today=date(2026, 12, 1))
    assert (result.current, result.longest) == (3, 3)


def test_the_time_zone_decides_the_day() -> None:
    assert local_date(at(2026, 12, 29, 0, 30), BERLIN) == date(2026, 12, 29)
    assert local_date(at(2026, 12, 29, 0, 30), UTC) == date(2026, 12, 28)
    in_utc = streaks(LOG, tz=UTC, today=date(2027, 1, 2))
    assert (in_utc.current, in_utc.longest) == (4, 4)


def test_no_counted_session_means_no_streak() -> None:
    result = streaks([row(at(2026, 12, 10, 8), 900, "interrupted")], tz=BERLIN, today=date.today())
    assert (result.current, result.longest, result.last_day) == (0, 0, None)


def test_weekly_totals_include_empty_weeks() -> None:
    totals = weekly_totals(LOG, tz=BERLIN, first_day=date(2026, 11, 23), last_day=date(2027, 1, 2))
    assert [(week.week, week.sessions, week.minutes) for week in totals] == [
        ("2026-W48", 1, 30.0),
        ("2026-W49", 2, 30.0),
        ("2026-W50", 0, 0.0),
        ("2026-W51", 0, 0.0),
        ("2026-W52", 0, 0.0),
        ("2026-W53", 6, 75.0),
    ]


def test_minutes_per_category_and_pattern() -> None:
    assert minutes_by_category(SETS) == {
        "strength": 5.0,
        "pilates": 3.5,
        "mobility": 1.5,
        "fascia": 0.75,
    }
    assert minutes_by_pattern(SETS) == {
        "hinge": 5.0,
        "anti-extension": 2.0,
        "trunk-extension": 1.5,
        "trunk-flexion": 1.0,
        "stretch": 0.75,
        "anti-flexion": 0.5,
    }


def test_trunk_balance() -> None:
    balance = trunk_balance(SETS)
    assert (balance.flexion_minutes, balance.extension_minutes, balance.ratio) == (3.0, 2.0, 1.5)
    assert trunk_balance(SETS[:2]).ratio is None


def test_pain_trend_pairs_and_weekly_means() -> None:
    trend = pain_trend(reversed(LOG), tz=BERLIN)
    assert [(p.day, p.before, p.after, p.change) for p in trend.pairs] == [
        ("2026-11-29", 5, 3, -2),
        ("2026-11-30", 4, 4, 0),
        ("2026-12-30", 3, 1, -2),
    ]
    assert [(w.week, w.mean_before, w.mean_after, w.sessions) for w in trend.weekly] == [
        ("2026-W48", 5.0, 3.0, 1),
        ("2026-W49", 5.0, 4.0, 2),
        ("2026-W53", 3.0, 1.5, 2),
    ]


def test_summarize_the_last_six_weeks() -> None:
    old_set = SetRow(at(2026, 10, 1, 8), "cardio", "locomotion", 600.0, False)
    summary = summarize(LOG, [*SETS, old_set], weeks=6, tz=BERLIN, now=at(2027, 1, 2, 20))
    assert (summary.since, summary.today) == ("2026-11-23", "2027-01-02")
    assert (summary.sessions, summary.minutes) == (9, 135.0)
    assert [week.week for week in summary.weekly][::5] == ["2026-W48", "2026-W53"]
    assert (summary.streaks.current, summary.streaks.longest) == (5, 5)
    assert "cardio" not in summary.minutes_by_category
    assert summary.trunk_balance.ratio == 1.5
    assert len(summary.pain.pairs) == 3
    one_week = summarize(LOG, SETS, weeks=1, tz=BERLIN, now=at(2027, 1, 2, 20))
    assert (one_week.since, one_week.sessions, one_week.minutes) == ("2026-12-28", 6, 75.0)
    assert one_week.streaks.longest == 5  # streaks always look at the whole log


def test_window_needs_a_week() -> None:
    assert window_start_day(date(2027, 1, 2), 1) == date(2026, 12, 28)
    with pytest.raises(ValueError, match="at least 1"):
        window_start_day(date(2027, 1, 2), 0)


@given(
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)),
    days=st.integers(min_value=1, max_value=60),
    gap=st.integers(min_value=2, max_value=9),
)
def test_a_run_of_days_is_one_streak_in_the_system_zone(start: date, days: int, gap: int) -> None:
    # tz=None is the system's zone: naive local datetimes give the matching timestamps.
    def local_noon(day: date) -> float:
        return datetime(day.year, day.month, day.day, 12).timestamp()

    run = [row(local_noon(start + timedelta(days=n)), 60) for n in range(days)]
    earlier = [row(local_noon(start - timedelta(days=gap + n)), 60) for n in range(days - 1)]
    last = start + timedelta(days=days - 1)
    result = streaks(run + earlier, tz=None, today=last)
    assert (result.current, result.longest) == (days, days)


ZONES = [ZoneInfo(name) for name in ("Europe/Berlin", "America/Santiago", "America/Havana")]


@given(
    starts=st.lists(
        st.floats(min_value=1_600_000_000, max_value=1_900_000_000, allow_nan=False),
        max_size=200,
    ),
    zone=st.sampled_from(ZONES),
    clustered=st.booleans(),
)
def test_local_days_match_converting_every_timestamp(
    starts: list[float], zone: ZoneInfo, clustered: bool
) -> None:
    # Santiago and Havana switch daylight saving time at midnight: days start at 01:00.
    if clustered:
        starts = [1_700_000_000 + (start % 30) * 21_600 for start in starts]
    expected = sorted({local_date(start, zone) for start in starts})
    assert local_days(starts, zone) == expected


def test_summarize_takes_training_starts_for_streaks() -> None:
    now = at(2027, 1, 2, 20)
    window = [session for session in LOG if session.started_at >= at(2026, 12, 28, 0)]
    starts = [session.started_at for session in LOG if counts(session)]
    fast = summarize(window, SETS, weeks=1, tz=BERLIN, now=now, training_starts=starts)
    assert fast == summarize(LOG, SETS, weeks=1, tz=BERLIN, now=now)
