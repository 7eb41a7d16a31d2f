"""Playing today's session of the programme, in either shell, so that it is logged against it.

``today_options(plan, played, options)`` gives the ``PlayOptions`` to play one of
``playable(plan)`` with: the same options, plus the ``on_logged`` hook that calls
``record_programme_session`` once the session's row exists. The full-screen Today
view and ``matwork today --play`` both come through here.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass

from matwork.app.programme_today import TodayPlan, TodaySession, record_programme_session
from matwork.app.session import PlayOptions
from matwork.i18n import _
from matwork.store.programme_log import ProgrammeLog
from matwork.store.writer import HistoryStore


@dataclass(frozen=True)
class Playable:
    """One thing Today offers to play: the session due, or one of today's desk breaks."""

    session: TodaySession
    desk: bool
    done: int = 0
    """Desk breaks of this kind played today (0 for the session due)."""
    planned: int = 0
    """Desk breaks of this kind planned today (0 for the session due)."""

    @property
    def title(self) -> str:
        """What the line says: the session's name, or the desk break's and today's count."""
        slot = self.session.slot
        if self.desk:
            done = _("{title} ({done} of {planned} today)")
            return done.format(title=slot.title, done=self.done, planned=self.planned)
        return slot.title


def playable(plan: TodayPlan) -> list[Playable]:
    """The session due (if any), then today's desk breaks, in the order Today lists them."""
    found: list[Playable] = []
    if plan.session is not None:
        found.append(Playable(plan.session, desk=False))
    for due, desk in zip(plan.today.desk, plan.desk, strict=True):
        found.append(Playable(desk, desk=True, done=due.done, planned=due.planned))
    return found


def first_playable(plan: TodayPlan) -> Playable | None:
    """What ``today --play`` plays: the session due, else the first desk break still to do."""
    options = playable(plan)
    for one in options:
        if not one.desk or one.done < one.planned:
            return one
    return None


def recorder(
    plan: TodayPlan, played: TodaySession, wall: Callable[[], float] = time.time
) -> Callable[[HistoryStore, str], None]:
    """The ``on_logged`` hook: log the new session against the programme, once.

    A resumed session is already logged against it and is left as it is.
    """

    def record(store: HistoryStore, session_uuid: str) -> None:
        if ProgrammeLog(store).recorded(session_uuid):
            return
        record_programme_session(store, session_uuid, plan, plan.today.day, wall(), played)

    return record


def today_options(
    plan: TodayPlan,
    played: TodaySession,
    options: PlayOptions | None = None,
    wall: Callable[[], float] = time.time,
) -> PlayOptions:
    """``options`` (default ones when None) with the hook that logs against the programme."""
    return dataclasses.replace(options or PlayOptions(), on_logged=recorder(plan, played, wall))
