"""A programme on the calendar: which week and phase a day is in, and what is due.

Week 1 starts on the start date; every week is the seven days after it. A session
with ``days`` lands on those weekdays of the week, otherwise on evenly spread
default days. A session not played in its week is simply gone at the week's end:
the programme moves on and nothing piles up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from matwork.core.programme_model import WEEKDAYS, Phase, Programme, SessionPlan

DEFAULT_DAYS: Mapping[int, tuple[str, ...]] = {
    1: ("wed",),
    2: ("mon", "thu"),
    3: ("mon", "wed", "fri"),
    4: ("mon", "tue", "thu", "fri"),
    5: ("mon", "tue", "wed", "thu", "fri"),
    6: ("mon", "tue", "wed", "thu", "fri", "sat"),
    7: WEEKDAYS,
}
"""The weekdays of a session without ``days``, by sessions a week."""


@dataclass(frozen=True)
class Slot:
    """One planned session: its week, its day and its place in the week."""

    week: int
    phase: str
    session: SessionPlan
    occurrence: int
    """Which of this session's times a week it is, from 1."""
    day: date
    number: int = 0
    """Its place among the week's sessions (desk breaks are not counted), from 1."""
    of: int = 0
    """How many sessions the week has (desk breaks not counted)."""

    @property
    def key(self) -> str:
        """The session's key."""
        return self.session.key

    @property
    def desk(self) -> bool:
        """Whether this is a desk break (counted per day, not per week)."""
        return self.session.kind == "desk"

    @property
    def title(self) -> str:
        """The session's name, or its key."""
        return self.session.name or self.session.key


def week_start(start: date, week: int) -> date:
    """The first day of programme week ``week``."""
    return start + timedelta(days=7 * (week - 1))


def week_in_plan(programme: Programme, week: int) -> int | None:
    """The week of the plan that calendar week ``week`` plays; None outside the plan."""
    if week < 1:
        return None
    if week > programme.weeks:
        return (week - 1) % programme.weeks + 1 if programme.repeat else None
    return week


def phase_at(programme: Programme, week: int) -> Phase | None:
    """The phase of programme week ``week``; None before the start or after the end."""
    planned = week_in_plan(programme, week)
    if planned is None:
        return None
    first = 1
    for phase in programme.phase:
        if planned < first + phase.weeks:
            return phase
        first += phase.weeks
    return None


def session_days(session: SessionPlan) -> tuple[str, ...]:
    """The weekdays a session falls on."""
    return tuple(session.days) if session.days else DEFAULT_DAYS[session.per_week]


def _date_in_week(first: date, weekday: str) -> date:
    offset = (WEEKDAYS.index(weekday) - first.weekday()) % 7
    return first + timedelta(days=offset)


def week_slots(programme: Programme, start: date, week: int) -> list[Slot]:
    """Every session planned in ``week``, by day, sessions before desk breaks on a day."""
    phase = phase_at(programme, week)
    if phase is None:
        return []
    first = week_start(start, week)
    slots: list[tuple[date, int, int, Slot]] = []
    for order, session in enumerate(phase.session):
        for occurrence, weekday in enumerate(session_days(session), start=1):
            day = _date_in_week(first, weekday)
            slot = Slot(week, phase.name, session, occurrence, day)
            slots.append((day, session.kind == "desk", order, slot))
    slots.sort(key=lambda item: item[:3])
    ordered = [slot for *_, slot in slots]
    sessions = [slot for slot in ordered if not slot.desk]
    numbered = {id(slot): number for number, slot in enumerate(sessions, start=1)}
    return [
        Slot(s.week, s.phase, s.session, s.occurrence, s.day, numbered.get(id(s), 0), len(sessions))
        for s in ordered
    ]


@dataclass(frozen=True)
class DeskDue:
    """Today's desk breaks of one session: how many are planned and done."""

    slot: Slot
    planned: int
    done: int


@dataclass(frozen=True)
class Today:
    """What the programme asks of a day."""

    day: date
    week: int
    phase: Phase | None
    session: Slot | None
    """The next session of the week not played yet (None when the week is done)."""
    desk: tuple[DeskDue, ...]
    ended: bool
    """The programme's last week is over (and it does not repeat)."""

    @property
    def on_schedule(self) -> bool:
        """Whether the due session is planned for today or earlier this week."""
        return self.session is not None and self.session.day <= self.day

    @property
    def started(self) -> bool:
        """Whether the programme has begun by this day."""
        return self.week >= 1


def due_today(
    programme: Programme,
    start: date,
    day: date,
    played_this_week: Mapping[str, int],
    played_today: Mapping[str, int],
) -> Today:
    """The session due on ``day`` and its desk breaks, given what was played already.

    ``played_this_week`` counts the sessions played per session key in the day's
    week, ``played_today`` those played on the day itself (for desk breaks).
    """
    week = (day - start).days // 7 + 1
    phase = phase_at(programme, week)
    ended = week > programme.weeks and not programme.repeat
    slots = week_slots(programme, start, week)
    due = next(
        (
            slot
            for slot in slots
            if not slot.desk and slot.occurrence > played_this_week.get(slot.key, 0)
        ),
        None,
    )
    desk = tuple(
        DeskDue(slot, slot.session.per_day, played_today.get(slot.key, 0))
        for slot in slots
        if slot.desk and slot.day == day
    )
    return Today(day, week, phase, due, desk, ended)
