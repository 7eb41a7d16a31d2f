"""The break scheduler on a fake wall clock: working hours, lunch, answers, sleep, DST."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matwork.core.breaks import (
    BreakAnswer,
    BreakPlan,
    BreakSettings,
    Scheduler,
    check_breaks,
    next_routine,
    parse_duration,
    parse_window,
    rotation,
)

BERLIN = ZoneInfo("Europe/Berlin")
MINUTE = 60.0


def at(text: str, tz: ZoneInfo = BERLIN) -> float:
    """The instant of a local wall time such as "2026-03-02 09:00"."""
    return datetime.fromisoformat(text).replace(tzinfo=tz).timestamp()


def local(instant: float | None, tz: ZoneInfo = BERLIN) -> str:
    assert instant is not None
    return datetime.fromtimestamp(instant, tz).strftime("%Y-%m-%d %H:%M %Z")


class WallClock:
    """A fake wall clock that a test moves; the scheduler is polled as a service would."""

    def __init__(self, start: float) -> None:
        self.now = start

    def run(self, scheduler: Scheduler, until: float, step: float = 30.0) -> list[float]:
        """Poll every ``step`` seconds up to ``until``; skip each reminder; return them."""
        fired: list[float] = []
        while self.now < until:
            if scheduler.poll(self.now):
                fired.append(self.now)
                scheduler.answer(BreakAnswer.SKIP, self.now)
            self.now += step
        return fired


def plan(**changes: object) -> BreakPlan:
    return BreakPlan.from_settings(BreakSettings(**changes))  # type: ignore[arg-type]


# 2026-03-02 is a Monday.


def test_first_reminder_is_one_interval_after_the_working_day_starts() -> None:
    scheduler = Scheduler(plan(), BERLIN, at("2026-03-02 07:00"))
    assert local(scheduler.due_at) == "2026-03-02 09:45 CET"


def test_a_working_day_fires_every_interval_and_never_in_lunch_or_after_hours() -> None:
    clock = WallClock(at("2026-03-02 08:00"))
    scheduler = Scheduler(plan(), BERLIN, clock.now)
    fired = [local(instant)[11:16] for instant in clock.run(scheduler, at("2026-03-02 23:00"))]
    # 09:00 + 45 min steps until lunch (12:30-13:15), then 13:15 + 45 min steps to 17:30.
    assert fired == [
        "09:45",
        "10:30",
        "11:15",
        "12:00",
        "14:00",
        "14:45",
        "15:30",
        "16:15",
        "17:00",
    ]


def test_no_reminders_on_days_off() -> None:
    clock = WallClock(at("2026-03-07 08:00"))  # Saturday
    scheduler = Scheduler(plan(), BERLIN, clock.now)
    assert clock.run(scheduler, at("2026-03-08 23:00"), step=60.0) == []
    assert local(scheduler.due_at) == "2026-03-09 09:45 CET"  # Monday


def test_snooze_puts_the_reminder_off_by_the_snooze_minutes() -> None:
    start = at("2026-03-02 10:00")
    scheduler = Scheduler(plan(), BERLIN, start)
    assert scheduler.poll(start + 45 * MINUTE)
    assert not scheduler.poll(start + 46 * MINUTE), "a pending reminder does not fire again"
    scheduler.answer(BreakAnswer.SNOOZE, start + 46 * MINUTE)
    assert scheduler.due_at == start + 56 * MINUTE
    assert not scheduler.poll(start + 55 * MINUTE)
    assert scheduler.poll(start + 56 * MINUTE)


def test_skip_and_start_restart_the_full_interval() -> None:
    for answer in (BreakAnswer.SKIP, BreakAnswer.START):
        start = at("2026-03-02 10:00")
        scheduler = Scheduler(plan(), BERLIN, start)
        assert scheduler.poll(start + 45 * MINUTE)
        scheduler.answer(answer, start + 47 * MINUTE)
        assert scheduler.due_at == start + 92 * MINUTE


def test_snooze_into_lunch_moves_past_lunch() -> None:
    scheduler = Scheduler(plan(), BERLIN, at("2026-03-02 11:30"))
    assert scheduler.poll(at("2026-03-02 12:15"))
    scheduler.answer(BreakAnswer.SNOOZE, at("2026-03-02 12:25"))  # 12:35 is in lunch
    assert local(scheduler.due_at) == "2026-03-02 14:00 CET"


def test_three_hours_asleep_give_one_reminder_after_wake_not_a_burst() -> None:
    clock = WallClock(at("2026-03-02 09:00"))
    scheduler = Scheduler(plan(lunch=""), BERLIN, clock.now)
    # Asleep from 09:00 to 12:00: the service's next poll comes only at wake-up,
    # three hours and four due instants later.
    clock.now = at("2026-03-02 12:00")
    fired = clock.run(scheduler, at("2026-03-02 12:44"))
    assert [local(instant)[11:16] for instant in fired] == ["12:00"]
    assert local(scheduler.due_at)[11:16] == "12:45"


def test_asleep_past_the_end_of_the_day_gives_nothing_until_the_next_morning() -> None:
    scheduler = Scheduler(plan(), BERLIN, at("2026-03-02 16:00"))
    assert not scheduler.poll(at("2026-03-02 21:00"))
    assert local(scheduler.due_at) == "2026-03-03 09:45 CET"


def test_the_day_change_starts_a_fresh_working_day() -> None:
    clock = WallClock(at("2026-03-02 16:50"))
    scheduler = Scheduler(plan(), BERLIN, clock.now)
    fired = [local(instant) for instant in clock.run(scheduler, at("2026-03-03 10:00"))]
    assert fired == ["2026-03-03 09:45 CET"], "17:35 is after hours; the next is tomorrow's first"


def test_a_long_idle_or_locked_screen_restarts_the_interval() -> None:
    start = at("2026-03-02 10:00")
    scheduler = Scheduler(plan(), BERLIN, start)
    # Away from 10:20 to 10:40 (the desktop reports it on each poll).
    now = start + 20 * MINUTE
    while now < start + 40 * MINUTE:
        assert not scheduler.poll(now, away=True)
        now += 30
    assert not scheduler.poll(start + 45 * MINUTE), "no nagging right after a break away"
    assert scheduler.due_at == pytest.approx(start + 40 * MINUTE - 30 + 45 * MINUTE)


def test_dst_spring_forward_in_berlin_keeps_elapsed_intervals_and_wall_hours() -> None:
    # 2026-03-29 (Sunday): 02:00 CET jumps to 03:00 CEST.
    clock = WallClock(at("2026-03-29 00:00"))
    scheduler = Scheduler(
        plan(hours="01:00-05:00", lunch="", days=["sun", "mon"]), BERLIN, clock.now
    )
    fired = [local(instant) for instant in clock.run(scheduler, at("2026-03-29 05:00"))]
    # 01:45 CET, then 45 real minutes later it is 03:30 CEST (the skipped hour does not count).
    assert fired == ["2026-03-29 01:45 CET", "2026-03-29 03:30 CEST", "2026-03-29 04:15 CEST"]
    assert at("2026-03-29 03:30") - at("2026-03-29 01:45") == 45 * MINUTE
    # The next working day starts at 01:00 local summer time, not 24 hours after CET.
    assert local(scheduler.due_at) == "2026-03-30 01:45 CEST"


def test_dst_fall_back_in_berlin_counts_the_repeated_hour() -> None:
    # 2026-10-25 (Sunday): 03:00 CEST falls back to 02:00 CET; the day has 25 hours.
    clock = WallClock(at("2026-10-25 01:00"))
    scheduler = Scheduler(
        plan(hours="01:00-04:00", lunch="", days=["sun"], interval_minutes=60), BERLIN, clock.now
    )
    fired = [local(instant) for instant in clock.run(scheduler, at("2026-10-25 04:00"))]
    assert fired == [
        "2026-10-25 02:00 CEST",
        "2026-10-25 02:00 CET",
        "2026-10-25 03:00 CET",
    ]


def test_settings_checks_name_the_key() -> None:
    problems = check_breaks(BreakSettings(hours="17:00-09:00", lunch="08:00-08:30", days=[]))
    keys = [key for key, _message, _hint in problems]
    assert keys == [("breaks", "hours"), ("breaks", "days")]
    assert "ends before it starts" in problems[0][1]
    lunch_outside = check_breaks(BreakSettings(lunch="08:00-08:30"))
    assert [(key, message) for key, message, _ in lunch_outside] == [
        (("breaks", "lunch"), "lunch: must lie inside the working hours")
    ]
    assert check_breaks(BreakSettings()) == []


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30m", 1800.0), ("1h", 3600.0), ("90s", 90.0), ("1h30m", 5400.0), ("0.5h", 1800.0)],
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "30", "m", "30 minutes", "-5m", "0m", "1d"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ValueError, match=r"duration|longer than zero"):
        parse_duration(text)


def test_windows() -> None:
    assert parse_window("09:00-17:30") == (540, 1050)
    assert parse_window("22:00-24:00") == (1320, 1440)
    for bad in ("9:00-17:00", "09:00", "10:00-09:00", "24:30-25:00"):
        with pytest.raises(ValueError, match=r"HH:MM|before it starts|end of the day"):
            parse_window(bad)


def test_rotation_prefers_the_programme_then_config_then_shipped() -> None:
    shipped = ["desk-break-hips", "desk-break-posture"]
    assert rotation([], shipped) == shipped
    assert rotation(["mine"], shipped) == ["mine"]
    assert rotation(["mine"], shipped, programme_breaks=["week-1-desk"]) == ["week-1-desk"]
    assert next_routine(shipped, None) == "desk-break-hips"
    assert next_routine(shipped, "desk-break-hips") == "desk-break-posture"
    assert next_routine(shipped, "desk-break-posture") == "desk-break-hips"
    assert next_routine(shipped, "gone") == "desk-break-hips"
