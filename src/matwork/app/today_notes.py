"""What Today says besides the plan: missed days without guilt, and check-ins not given.

The programme moves on when sessions are missed; nothing piles up (``programme_plan``).
These notes say so in a friendly way, and say plainly when a missing check-in makes
the last session "no information" (never a green light), for ``matwork today`` and
the Today view alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from matwork.app.formats import weekday_text
from matwork.app.paths import Paths
from matwork.app.programme_today import (
    CHECKIN_QUESTION,
    TodayPlan,
    checkin_question,
    today_plan,
)
from matwork.core.kinds import SessionStatus
from matwork.core.programme_plan import week_slots
from matwork.i18n import _
from matwork.store.programme_log import ProgrammeLog
from matwork.store.writer import HistoryStore


@dataclass(frozen=True)
class WeekCount:
    """Sessions of one programme week: how many were played of how many planned."""

    week: int
    played: int
    planned: int


@dataclass(frozen=True)
class TodayNotes:
    """The log's part of Today: last week's count and the last session's day."""

    last_week: WeekCount | None
    """The week before this one, when there was one."""
    last_session: date | None
    """The day of the last session played before today."""


def today_notes(store: HistoryStore, plan: TodayPlan) -> TodayNotes:
    """Read last week's sessions and the last session's day for ``plan``."""
    played = [
        one
        for one in ProgrammeLog(store).played(plan.run.id)
        if not (one.logged.status is SessionStatus.RUNNING and not one.logged.sets)
    ]
    week = plan.today.week
    last_week = None
    if week > 1:
        planned = [s for s in week_slots(plan.programme, plan.run.start, week - 1) if not s.desk]
        counted = sum(1 for one in played if one.week == week - 1 and not _desk(plan, one.slot))
        last_week = WeekCount(week - 1, min(counted, len(planned)), len(planned))
    earlier = [one.logged.day for one in played if one.logged.day < plan.today.day]
    return TodayNotes(last_week, max(earlier, default=None))


def _desk(plan: TodayPlan, key: str) -> bool:
    return any(
        session.key == key and session.kind == "desk"
        for phase in plan.programme.phase
        for session in phase.session
    )


def note_lines(plan: TodayPlan, notes: TodayNotes) -> list[str]:
    """The friendly notes, in the order Today shows them (none when all is in order)."""
    lines: list[str] = []
    today = plan.today
    session = plan.session
    if session is not None and session.slot.day < today.day:
        words = _(
            "Planned for {weekday}: play it today, or on any day"
            " this week. The programme moves on; nothing piles up."
        )
        lines.append(words.format(weekday=weekday_text(session.slot.day)))
    last = notes.last_week
    if last is not None and last.planned and last.played < last.planned:
        words = _(
            "Week {week}: {played} of {planned} sessions. That is fine: "
            "missed sessions are not carried over, and the doses go on from what you did."
        )
        lines.append(words.format(week=last.week, played=last.played, planned=last.planned))
    if plan.checkin_due and notes.last_session is not None:
        words = _(
            "No check-in since {weekday}'s session: that counts as"
            " no information, never as fine, so nothing steps up on it until you check in."
        )
        lines.append(words.format(weekday=weekday_text(notes.last_session)))
    return lines


@dataclass(frozen=True)
class TodayRead:
    """Today's plan and its notes, read from the log in one go (None: no programme)."""

    plan: TodayPlan | None
    notes: TodayNotes | None
    question: str = field(default_factory=lambda: str(CHECKIN_QUESTION))
    """The check-in's question, naming the last session's day when it was not yesterday."""


def read_today(paths: Paths, day: date) -> TodayRead:
    """Open the log read-only and read today's plan and notes.

    Raises ``ProgrammeError`` (the active programme cannot be used), ``HistoryError``
    (the log cannot be read) or ``ConfigError`` (a broken config.toml).
    """
    with HistoryStore(paths.log_file, create=False) as store:
        if ProgrammeLog(store).active_run() is None:
            return TodayRead(None, None)  # without reading the routine library
        plan = today_plan(store, day, paths)
        notes = today_notes(store, plan) if plan is not None else None
        question = checkin_question(store, day)
    return TodayRead(plan, notes, question)
