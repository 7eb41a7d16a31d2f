"""Builders shared by the programme tests: a small programme, hand-made log entries."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from matwork.core.kinds import SessionStatus, Side
from matwork.core.programme import parse_programme
from matwork.core.programme_model import Programme
from matwork.core.progression import CheckIn, Compared, ExerciseInfo, LoggedSession, LoggedSet

START = date(2025, 3, 3)
"""A Monday: week 1 of every test programme starts here."""

RULES = """
[progression.plank]
hold = { from = 20, to = 30, step = 5 }
sets = 2

[progression.bridge]
reps = { from = 8, to = 10 }
then = "load"
loads = ["4 kg", "6 kg"]

[progression.curl]
pyramid = { hold = 10, from = 3, to = 5, drop = 2 }

[progression.birddog]
reps = { from = 4, to = 6 }
variations = ["reach", "birddog"]
"""

PROGRAMME_TEXT = (
    'programme = 1\nname = "Test"\n'
    + RULES
    + """
[[phase]]
name = "All"
weeks = 6

[[phase.session]]
key = "main"
kind = "strength"
routine = "routine.toml"
per_week = 3
days = ["mon", "wed", "fri"]
"""
)

EXERCISES = {
    "plank": ExerciseInfo("Side bridge"),
    "bridge": ExerciseInfo("Glute bridge"),
    "curl": ExerciseInfo("Curl-up"),
    "birddog": ExerciseInfo("Bird dog", easier="reach"),
    "reach": ExerciseInfo("Quadruped reach", harder="birddog"),
}


STANDS_IN = {"reach": "birddog"}
"""Variations and the rule they play for."""


def programme(text: str = PROGRAMME_TEXT) -> Programme:
    """The test programme (or another text) parsed."""
    return parse_programme(text, "test.toml")


def day(week: int, weekday: int = 0) -> date:
    """The date of a weekday (0 = Monday) in a programme week."""
    return START + timedelta(days=7 * (week - 1) + weekday)


def held(
    exercise: str,
    seconds: float,
    count: int,
    side: Side | None = None,
    *,
    short: int = 0,
    flag: bool = False,
) -> list[LoggedSet]:
    """``count`` timed sets of ``seconds``; the last ``short`` of them cut at half time."""
    return [
        LoggedSet(
            exercise,
            side,
            None,
            None,
            seconds,
            seconds / 2 if index >= count - short else seconds,
            pain_flag=flag,
        )
        for index in range(count)
    ]


def repped(
    exercise: str,
    reps: int,
    count: int = 1,
    side: Side | None = None,
    *,
    missed: int = 0,
    flag: bool = False,
) -> list[LoggedSet]:
    """``count`` sets of ``reps``; the last ``missed`` of them skipped."""
    return [
        LoggedSet(
            exercise,
            side,
            reps,
            0 if index >= count - missed else reps,
            reps * 3.0,
            0.0 if index >= count - missed else reps * 3.0,
            skipped=index >= count - missed,
            pain_flag=flag,
        )
        for index in range(count)
    ]


def session(
    when: date,
    sets: Iterable[LoggedSet],
    *,
    rpe: int | None = 7,
    before: int | None = 2,
    after: int | None = 2,
    status: SessionStatus = SessionStatus.COMPLETED,
) -> LoggedSession:
    """A logged session of the given sets, all planned."""
    sets = tuple(sets)
    planned: dict[tuple[str, Side | None], int] = {}
    for one in sets:
        key = (STANDS_IN.get(one.exercise_id, one.exercise_id), one.side)
        planned[key] = planned.get(key, 0) + 1
    return LoggedSession(when, status, rpe, before, after, sets, planned)


def checkin(when: date, pain: int, compared: str = "same") -> CheckIn:
    """A morning check-in."""
    return CheckIn(when, pain, Compared(compared))
