"""The dose meter from the log: one week of sessions, sets and desk breaks, and the plan.

``week_meter(store, paths, config, day)`` reads what ``core.dose_meter`` needs: the
week's sessions and their work sets, which of them were played against the active
programme (and as what kind of session), which came from a desk-break reminder, the
reminders per day (``break_events``), the working days from ``[breaks]``, and what the
programme plans for the week. With a programme active the week is the programme's
(its week 1 starts on its start day); otherwise the ISO week, Monday first.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta, tzinfo
from pathlib import Path

from matwork.app.config import Config
from matwork.app.library import LibraryEntry, RoutineNotFound
from matwork.app.paths import Paths
from matwork.app.programme_today import ProgrammeError, load_active
from matwork.app.programmes import resolve_session, routine_library
from matwork.core.break_days import BreakTotals, break_days
from matwork.core.breaks import WEEKDAYS as BREAK_WEEKDAYS
from matwork.core.breaks import BreakOutcome
from matwork.core.catalog import builtin_catalog
from matwork.core.dose_meter import (
    BreakCount,
    DoseMeter,
    DoseSession,
    DoseSet,
    WeekPlan,
    dose_meter,
    sided_regions,
    stretch_regions,
)
from matwork.core.guidance import guidance, localized_guidance
from matwork.core.kinds import Side
from matwork.core.programme_model import STRENGTH_KINDS, Programme
from matwork.core.programme_plan import week_slots
from matwork.core.stats import local_date, local_midnight, week_monday
from matwork.core.translation import translated_programme
from matwork.i18n import current_language
from matwork.store.break_log import BreakLog
from matwork.store.programme_log import ProgrammeLog, ProgrammeRun
from matwork.store.records import unreadable_of
from matwork.store.writer import HistoryStore

MAX_WEEK_SESSIONS = 1000
"""Sessions read for one week at most (a week of desk breaks is a few dozen)."""


def meter_first_day(day: date, run: ProgrammeRun | None) -> date:
    """The first day of the week ``day`` is in: the programme's week, else the ISO week."""
    if run is not None and run.start <= day:
        return run.start + timedelta(days=7 * ((day - run.start).days // 7))
    return week_monday(day)


def workdays(config: Config) -> frozenset[int]:
    """The working days of ``[breaks]`` as ``date.weekday()`` numbers."""
    return frozenset(BREAK_WEEKDAYS.index(day) for day in config.breaks.days)


def _regions_of(entry: LibraryEntry, regions: dict[str, str]) -> set[str]:
    if entry.timeline is None:
        return set()
    return {
        regions[segment.exercise.id]
        for segment in entry.timeline.work_segments()
        if segment.exercise.id in regions
    }


def week_plan(
    programme: Programme,
    path: Path,
    run: ProgrammeRun,
    first_day: date,
    library: Sequence[LibraryEntry],
    regions: dict[str, str],
) -> WeekPlan:
    """What the programme plans for the week that starts on ``first_day``."""
    week = (first_day - run.start).days // 7 + 1
    slots = week_slots(programme, run.start, week)
    desk_by_day: dict[date, int] = {}
    stretched: set[str] = set()
    seen: set[str] = set()
    for slot in slots:
        if slot.desk:
            desk_by_day[slot.day] = desk_by_day.get(slot.day, 0) + slot.session.per_day
        if slot.key in seen:
            continue
        seen.add(slot.key)
        try:
            stretched |= _regions_of(resolve_session(slot.session, path, library), regions)
        except RoutineNotFound:
            continue
        for extra in programme.extra:
            if slot.key in extra.sessions:
                stretched |= {regions[use.id] for use in extra.exercise if use.id in regions}
    sides = {side for rule in programme.progression.values() for side in rule.extra_sets}
    more_on = next(iter(sides)) if len(sides) == 1 else None
    return WeekPlan(
        programme=translated_programme(programme, current_language()).name,
        week=week,
        strength_days=len({slot.day for slot in slots if slot.session.kind in STRENGTH_KINDS}),
        fascia_sessions=sum(slot.session.kind == "fascia" for slot in slots),
        desk_per_workday=max(desk_by_day.values(), default=0),
        stretch_regions=tuple(sorted(stretched)),
        more_on_side=None if more_on is None else Side(more_on),
    )


def break_totals(path: Path, since: float, until: float | None, tz: tzinfo | None) -> BreakTotals:
    """Desk-break reminders per day from ``since`` to ``until``, and the share taken."""
    with BreakLog(path, read_only=True) as log:
        return break_days(log.count_rows(since, until), tz)


def _reminder_sessions(path: Path, since: float, until: float) -> set[str]:
    with BreakLog(path, read_only=True) as log:
        return {
            event.session_uuid
            for event in log.events(since, until + 2 * 3600)
            if event.outcome is BreakOutcome.COMPLETED and event.session_uuid
        }


def week_meter(
    store: HistoryStore,
    paths: Paths,
    config: Config,
    day: date,
    *,
    tz: tzinfo | None = None,
    as_of: date | None = None,
) -> DoseMeter:
    """The dose meter of the week ``day`` falls in, as of ``as_of`` (default: ``day``)."""
    log = ProgrammeLog(store)
    library = routine_library(paths)
    regions = stretch_regions(builtin_catalog(), guidance())
    try:
        active = load_active(log, library)
    except ProgrammeError:
        active = None
    run = active[0] if active else None
    first_day = meter_first_day(day, run)
    since = local_midnight(first_day, tz)
    until = local_midnight(first_day + timedelta(days=7), tz)
    kinds: dict[str, str] = {}
    plan = None
    if active is not None:
        run, entry = active
        assert entry.programme is not None
        key_kinds = {
            session.key: session.kind
            for phase in entry.programme.phase
            for session in phase.session
        }
        kinds = {uuid: key_kinds.get(key, "") for uuid, key in log.slots(run.id).items()}
        if run.start <= day:
            plan = week_plan(entry.programme, entry.path, run, first_day, library, regions)
    from_reminder = _reminder_sessions(store.path, since, until)
    sessions: list[DoseSession] = []
    sets: list[DoseSet] = []
    records = store.recent_sessions(since=since, limit=MAX_WEEK_SESSIONS)
    for record in records:
        if record.started_at >= until or unreadable_of(record):
            continue  # a row the log cannot read counts nothing (stats says how many)
        sessions.append(
            DoseSession(
                record.uuid,
                local_date(record.started_at, tz),
                record.status,
                record.active_seconds,
                kind=kinds.get(record.uuid, ""),
                from_reminder=record.uuid in from_reminder,
            )
        )
        sets.extend(
            DoseSet(
                record.uuid,
                result.exercise_id,
                result.category,
                result.pattern,
                result.side,
                result.actual_seconds,
            )
            for result in store.get_session(record.uuid).sets
        )
    totals = break_totals(store.path, since, until, tz)
    breaks = [
        BreakCount(date.fromisoformat(one.day), one.reminders, one.taken) for one in totals.days
    ]
    return dose_meter(
        sessions,
        sets,
        breaks,
        first_day=first_day,
        today=as_of or day,
        guidance=localized_guidance(current_language()),
        regions=regions,
        workdays=workdays(config),
        plan=plan,
        sided=sided_regions(builtin_catalog(), guidance()),
    )
