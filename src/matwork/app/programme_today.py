"""The active programme in the app: starting and stopping it, today's session, check-ins.

Everything takes the day and the time from the caller (``day``, ``now``), so the CLI
passes the machine's and tests pass a fake clock's. ``today_plan`` reads the log,
runs the progression engine and puts the doses into the due session's routine;
``record_programme_session`` is what the player's session start calls once the
session row exists, so that playing today's session logs it against the programme.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from matwork.app.formats import long_day_text
from matwork.app.library import LibraryEntry, RoutineNotFound
from matwork.app.paths import Paths
from matwork.app.programmes import (
    ProgrammeEntry,
    check_programme,
    file_hash,
    programme_exercises,
    resolve_session,
    routine_library,
)
from matwork.core.kinds import SessionStatus, Side
from matwork.core.programme_apply import AppliedRoutine, applied_timeline, apply_doses
from matwork.core.programme_model import Programme
from matwork.core.programme_plan import Slot, Today, due_today, week_start
from matwork.core.progression import CheckIn, Compared, Progress, run_engine
from matwork.core.progression_rules import Dose
from matwork.core.translation import localized_routine, translated_programme
from matwork.i18n import LazyString, _, current_language, lazy_
from matwork.store.programme_log import ProgrammeLog, ProgrammeRun
from matwork.store.writer import HistoryStore

CHECKIN_QUESTION: LazyString = lazy_(
    "How is your back this morning compared with before yesterday's session?"
)
"""The morning check-in's question (after a session the day before); translated when used."""
FIRST_CHECKIN_QUESTION: LazyString = lazy_(
    "How is your back this morning? No session of the programme yet: the pain now is "
    "where it starts (answer Same)."
)
"""The check-in's question before the programme's first session: nothing to compare with."""


class ProgrammeError(Exception):
    """The active programme cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class TodaySession:
    """The due session made concrete: its routine with today's doses in."""

    slot: Slot
    entry: LibraryEntry
    """The routine to play (``routine`` and ``timeline`` carry the doses)."""
    applied: AppliedRoutine


@dataclass(frozen=True)
class TodayPlan:
    """Everything ``matwork today`` shows, and what playing it needs."""

    run: ProgrammeRun
    programme: Programme
    today: Today
    progress: Progress
    session: TodaySession | None
    next_slot: Slot | None
    """When this week's sessions are all done: the first of the next week."""
    checkin_due: bool
    desk: tuple[TodaySession, ...] = ()
    """Today's desk breaks, ready to play (one per desk session of the day)."""

    def doses(self) -> list[tuple[str, Side | None, Dose]]:
        """The rule exercises of today's session and their doses, in plan order."""
        if self.session is None:
            return []
        return [
            (key, side, self.progress.dose(key, side))
            for key, side in self.session.applied.planned_sets
        ]


def _played_counts(
    log: ProgrammeLog, run: ProgrammeRun, day: date
) -> tuple[Counter[str], Counter[str]]:
    """Sessions played per key in the day's week, and on the day itself."""
    week = (day - run.start).days // 7 + 1
    this_week: Counter[str] = Counter()
    today: Counter[str] = Counter()
    for played in log.played(run.id):
        if played.logged.status is SessionStatus.RUNNING and not played.logged.sets:
            continue
        if played.week == week:
            this_week[played.slot] += 1
        if played.logged.day == day:
            today[played.slot] += 1
    return this_week, today


def load_active(
    log: ProgrammeLog, library: Sequence[LibraryEntry]
) -> tuple[ProgrammeRun, ProgrammeEntry] | None:
    """The active run and its programme file, checked; None without an active run."""
    run = log.active_run()
    if run is None:
        return None
    entry = check_programme(Path(run.path), library)
    if entry.programme is None or entry.error is not None:
        problem = entry.error.problems[0] if entry.error else None
        raise ProgrammeError(
            f"the active programme {run.name!r} cannot be used: {problem}"
            " (fix the file, or `matwork programme stop`)"
        )
    return run, entry


def _session_for(
    programme: Programme,
    path: Path,
    slot: Slot,
    progress: Progress,
    library: list[LibraryEntry],
) -> TodaySession:
    try:
        entry = resolve_session(slot.session, path, library)
    except RoutineNotFound as error:
        raise ProgrammeError(f"{path}: session {slot.key!r}: {error}") from None
    if entry.routine is None:
        raise ProgrammeError(f"{path}: session {slot.key!r}: the routine does not load")
    extras = [extra for extra in programme.extra if slot.key in extra.sessions]
    shown = localized_routine(entry.routine, current_language())
    applied = apply_doses(shown, set(programme.progression), progress.dose, extras)
    timeline = applied_timeline(applied)
    played = LibraryEntry(
        path=entry.path, origin="programme", routine=applied.routine, timeline=timeline
    )
    return TodaySession(slot, played, applied)


def today_plan(store: HistoryStore, day: date, paths: Paths) -> TodayPlan | None:
    """Today's session of the active programme with its doses; None when none is active."""
    log = ProgrammeLog(store)
    library = routine_library(paths)
    active = load_active(log, library)
    if active is None:
        return None
    run, entry = active
    assert entry.programme is not None
    language = current_language()  # texts shown in it; keys, ids and the log stay as written
    programme = translated_programme(entry.programme, language)
    routines = []
    for phase in programme.phase:
        for planned in phase.session:
            try:
                routines.append(resolve_session(planned, entry.path, library))
            except RoutineNotFound:
                continue
    played = log.played(run.id)
    checkins = [record.checkin for record in log.checkins(run.start)]
    progress = run_engine(
        programme,
        programme_exercises(routines, language),
        [one.logged for one in played],
        checkins,
        run.start,
        day,
    )
    this_week, on_day = _played_counts(log, run, day)
    today = due_today(programme, run.start, day, this_week, on_day)
    session: TodaySession | None = None
    if today.session is not None and today.started and not today.ended:
        session = _session_for(programme, entry.path, today.session, progress, library)
    desk = tuple(
        _session_for(programme, entry.path, due.slot, progress, library) for due in today.desk
    )
    next_slot = None
    if today.session is None and today.started and not today.ended:
        following = due_today(programme, run.start, week_start(run.start, today.week + 1), {}, {})
        next_slot = following.session
    last_day = max((one.logged.day for one in played if one.logged.day < day), default=None)
    checkin_due = last_day is not None and not any(c.day > last_day for c in checkins)
    return TodayPlan(run, programme, today, progress, session, next_slot, checkin_due, desk)


def record_programme_session(
    store: HistoryStore,
    session_uuid: str,
    plan: TodayPlan,
    day: date,
    now: float,
    played: TodaySession | None = None,
) -> None:
    """Log a session just started as today's session of the programme.

    The player calls this once the session row exists (``SessionLog.uuid``), with the
    plan it played from ``today_plan``; ``played`` is one of ``plan.desk`` when a desk
    break was played instead of the session due.
    """
    played = played if played is not None else plan.session
    if played is None:
        raise ProgrammeError("no session of the programme is due")
    slot = played.slot
    ProgrammeLog(store).record_session(
        plan.run.id,
        session_uuid,
        day,
        max(1, (day - plan.run.start).days // 7 + 1),
        slot.key,
        slot.number,
        played.applied.planned_sets,
        played.applied.played_as,
        now,
    )


def start_programme(
    store: HistoryStore, entry: ProgrammeEntry, start: date, now: float
) -> tuple[ProgrammeRun, ProgrammeRun | None]:
    """Make a checked programme the active one from ``start``; returns it and the one stopped."""
    if entry.programme is None or entry.error is not None:
        raise ProgrammeError(f"{entry.path}: the programme has errors (`matwork check` lists them)")
    path = str(entry.path.resolve())
    return ProgrammeLog(store).start_run(
        path, entry.programme.name, file_hash(entry.path), start, now
    )


def add_checkin(
    store: HistoryStore, pain: int, compared: Compared, day: date, now: float
) -> CheckIn:
    """Store this morning's check-in, linked to the last session before today."""
    log = ProgrammeLog(store)
    before = store.recent_sessions(limit=1, since=None)
    uuid = before[0].uuid if before else None
    return log.add_checkin(day, pain, compared, now, uuid).checkin


def checkin_question(store: HistoryStore, day: date) -> str:
    """The check-in's question, naming the last session when it was not yesterday."""
    log = ProgrammeLog(store)
    run = log.active_run()
    days = [one.logged.day for one in log.played(run.id)] if run is not None else []
    earlier = [one for one in days if one < day]
    if not earlier:
        return str(FIRST_CHECKIN_QUESTION)
    if max(earlier) == day - timedelta(days=1):
        return str(CHECKIN_QUESTION)
    words = _("How is your back this morning compared with before your last session ({day})?")
    return words.format(day=long_day_text(max(earlier)))


def plan_json(plan: TodayPlan) -> dict[str, Any]:
    """``matwork today --json``: the programme, week, session, routine, doses, decisions."""
    today = plan.today
    session = plan.session
    slot = session.slot if session is not None else None
    return {
        "date": today.day.isoformat(),
        "programme": {"name": plan.programme.name, "path": plan.run.path},
        "start": plan.run.start.isoformat(),
        "week": today.week,
        "weeks": plan.programme.weeks,
        "phase": today.phase.name if today.phase is not None else None,
        "ended": today.ended,
        "session": None
        if slot is None
        else {
            "key": slot.key,
            "name": slot.title,
            "kind": slot.session.kind,
            "number": slot.number,
            "of": slot.of,
            "planned_for": slot.day.isoformat(),
            "on_schedule": today.on_schedule,
        },
        "routine": None
        if session is None
        else {
            "name": session.entry.name,
            "path": str(session.entry.path),
            "total_seconds": session.entry.timeline.total_seconds
            if session.entry.timeline
            else None,
        },
        "next": None
        if plan.next_slot is None
        else {
            "key": plan.next_slot.key,
            "name": plan.next_slot.title,
            "date": plan.next_slot.day.isoformat(),
        },
        "desk_breaks": [
            {
                "key": due.slot.key,
                "name": due.slot.title,
                "planned": due.planned,
                "done": due.done,
                "routine": desk.entry.name,
                "path": str(desk.entry.path),
            }
            for due, desk in zip(today.desk, plan.desk, strict=True)
        ],
        "deload": plan.progress.deload or None,
        "doses": [
            {
                "exercise": key,
                "side": side.value if side else None,
                "variation": dose.variation,
                "dose": dose.text,
                "kind": dose.kind.value,
                "reps": dose.reps,
                "seconds": dose.seconds,
                "pyramid": list(dose.pyramid) or None,
                "sets": None if dose.sets is None else dose.sets + dose.extra_sets,
                "load": dose.load,
            }
            for key, side, dose in plan.doses()
        ],
        "decisions": [
            {
                "exercise": decision.key,
                "side": decision.side.value if decision.side else None,
                "date": decision.day.isoformat(),
                "kind": decision.kind.value,
                "reason": decision.reason,
            }
            for decision in plan.progress.last_decisions()
        ],
        "checkin_due": plan.checkin_due,
    }
