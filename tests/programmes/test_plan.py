"""The programme on the calendar: weeks, phases, the session due, and nothing piling up."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from matwork.core.programme import parse_programme
from matwork.core.programme_plan import due_today, phase_at, week_in_plan, week_slots

TEXT = """
programme = 1
name = "Plan"

[[phase]]
name = "First"
weeks = 2

[[phase.session]]
key = "main"
kind = "strength"
routine = "r"
per_week = 3
days = ["mon", "wed", "fri"]

[[phase.session]]
key = "stretch"
kind = "fascia"
routine = "f"

[[phase.session]]
key = "desk"
kind = "desk"
routine = "d"
per_week = 5
per_day = 3

[[phase]]
name = "Second"
weeks = 1

[[phase.session]]
key = "main"
kind = "strength"
routine = "r2"
per_week = 2
"""
PROGRAMME = parse_programme(TEXT, "plan.toml")
MONDAY = date(2025, 3, 3)


def test_weeks_map_to_phases_and_end() -> None:
    assert [phase_at(PROGRAMME, week) and phase_at(PROGRAMME, week).name for week in range(5)] == [
        None,
        "First",
        "First",
        "Second",
        None,
    ]
    repeating = parse_programme(TEXT.replace('name = "Plan"', 'name = "Plan"\nrepeat = true'), "p")
    assert [week_in_plan(repeating, week) for week in (1, 3, 4, 7)] == [1, 3, 1, 1]
    assert phase_at(repeating, 5).name == "First"


def test_a_week_lists_its_sessions_by_day_numbered_without_desk_breaks() -> None:
    slots = week_slots(PROGRAMME, MONDAY, 1)
    shown = [(slot.day.strftime("%a"), slot.key, slot.number, slot.of) for slot in slots]
    assert shown == [
        ("Mon", "main", 1, 4),
        ("Mon", "desk", 0, 4),
        ("Tue", "desk", 0, 4),
        ("Wed", "main", 2, 4),
        ("Wed", "stretch", 3, 4),
        ("Wed", "desk", 0, 4),
        ("Thu", "desk", 0, 4),
        ("Fri", "main", 4, 4),
        ("Fri", "desk", 0, 4),
    ]


def test_a_programme_started_midweek_keeps_its_weekdays_within_each_week() -> None:
    thursday = MONDAY + timedelta(days=3)
    days = [slot.day for slot in week_slots(PROGRAMME, thursday, 1) if slot.key == "main"]
    assert [d.isoformat() for d in days] == ["2025-03-07", "2025-03-10", "2025-03-12"]


def test_the_due_session_is_the_first_one_of_the_week_not_played() -> None:
    today = due_today(PROGRAMME, MONDAY, MONDAY + timedelta(days=2), {"main": 1}, {})
    assert today.session is not None
    assert (today.session.key, today.session.occurrence, today.session.number) == ("main", 2, 2)
    assert today.on_schedule
    assert [(due.slot.key, due.planned, due.done) for due in today.desk] == [("desk", 3, 0)]


def test_playing_ahead_of_the_plan_is_allowed_and_shown() -> None:
    today = due_today(PROGRAMME, MONDAY, MONDAY + timedelta(days=1), {"main": 1}, {"desk": 2})
    assert today.session is not None
    assert today.session.day == MONDAY + timedelta(days=2)
    assert not today.on_schedule
    assert today.desk[0].done == 2


def test_skipped_sessions_do_not_pile_up_into_the_next_week() -> None:
    # Nothing was played in week 1; in week 2 the first session of week 2 is due, once.
    today = due_today(PROGRAMME, MONDAY, MONDAY + timedelta(days=7), {}, {})
    assert today.session is not None
    assert (today.week, today.session.week, today.session.number) == (2, 2, 1)
    assert today.session.day == MONDAY + timedelta(days=7)


def test_a_week_with_every_session_played_has_none_due() -> None:
    today = due_today(PROGRAMME, MONDAY, MONDAY + timedelta(days=5), {"main": 3, "stretch": 1}, {})
    assert today.session is None


@pytest.mark.parametrize(
    ("offset", "ended", "started"), [(-1, False, False), (20, False, True), (21, True, True)]
)
def test_before_the_start_and_after_the_end(offset: int, ended: bool, started: bool) -> None:
    today = due_today(PROGRAMME, MONDAY, MONDAY + timedelta(days=offset), {}, {})
    assert (today.ended, today.started) == (ended, started)
