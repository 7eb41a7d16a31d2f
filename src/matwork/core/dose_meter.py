"""The dose meter: one week of the log against the guidance and the programme.

Pure: log rows in (sessions, their work sets, desk breaks per day), a week and the
guidance's numbers, a ``DoseMeter`` out. It answers, for the week:

- **strength days**: days with a strength or Pilates session (at least 2, WHO 2020);
- **stretches**: seconds of held stretching per region and side (about 60 s, ACSM);
- **fascia sessions**: 1 to 2 (Schleip & Müller 2013);
- **desk breaks**: at least one on every workday so far (WHO 2020: break up sitting);
- **balance** by opposing pair (trunk flexion/extension, hip flexion/extension,
  push/pull) and left/right from the logged sides.

Each line is met or not and names its guidance entry and source. A week still under
way is "short so far", not failed; a pair with no work on either side is "no
information", never met.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from matwork.core.dose_balance import pair_lines, ratio_line
from matwork.core.dose_meter_model import (
    BreakCount,
    DeskDay,
    DoseMeter,
    DoseSession,
    DoseSet,
    MeterLine,
    MeterStatus,
    WeekPlan,
)
from matwork.core.guidance import Guidance
from matwork.core.kinds import SessionStatus, Side
from matwork.core.model import CatalogEntry
from matwork.core.programme_model import STRENGTH_KINDS
from matwork.core.vocab_words import muscle_word, weekday_short
from matwork.i18n import _, ngettext

COUNTED_STATUSES: frozenset[SessionStatus] = frozenset(
    {SessionStatus.COMPLETED, SessionStatus.STOPPED}
)
"""Sessions with these statuses (and some active time) count toward the week."""
STRETCH_GUIDANCE = "stretch-hold"
"""The guidance entry whose ``applies_to`` lists the held stretches the meter counts."""


__all__ = [
    "BreakCount",
    "DeskDay",
    "DoseMeter",
    "DoseSession",
    "DoseSet",
    "MeterLine",
    "MeterStatus",
    "WeekPlan",
    "dose_meter",
    "session_kind",
    "sided_regions",
    "stretch_regions",
]


def region_name(muscle: str) -> str:
    """A region as people say it: the muscle's name with spaces ("hip flexors")."""
    return muscle.replace("-", " ")


def stretch_regions(
    catalog: Mapping[str, CatalogEntry], guidance: Mapping[str, Guidance]
) -> dict[str, str]:
    """Held stretch ids (the stretch guidance's ``applies_to``) to their region.

    The region is the stretch's first muscle in the catalog (hip-flexor stretch: hip
    flexors; couch stretch: quadriceps). Dynamic drills (cat-cow) are not held
    stretches and are not counted.
    """
    regions: dict[str, str] = {}
    for exercise_id in guidance[STRETCH_GUIDANCE].applies_to:
        entry = catalog.get(exercise_id)
        if entry is not None and entry.muscles:
            regions[exercise_id] = region_name(entry.muscles[0])
    return regions


def sided_regions(
    catalog: Mapping[str, CatalogEntry], guidance: Mapping[str, Guidance]
) -> frozenset[str]:
    """The regions whose held stretches are done one side at a time (seconds a side)."""
    regions = stretch_regions(catalog, guidance)
    return frozenset(region for key, region in regions.items() if catalog[key].sided)


def counts(session: DoseSession) -> bool:
    """Whether a session counts: completed or stopped, with some active time."""
    return session.status in COUNTED_STATUSES and session.active_seconds > 0


def session_kind(session: DoseSession, sets: Sequence[DoseSet]) -> str:
    """What a session was: its programme kind, "desk" from a reminder, else its sets'.

    A session of no programme is what most of its work seconds were: strength and
    Pilates together are "strength"; otherwise the category with the most seconds.
    """
    if session.kind:
        return session.kind
    if session.from_reminder:
        return "desk"
    seconds: dict[str, float] = {}
    for one in sets:
        group = "strength" if one.category in STRENGTH_KINDS else one.category
        seconds[group] = seconds.get(group, 0.0) + one.actual_seconds
    if not seconds or max(seconds.values()) <= 0:
        return ""
    return max(sorted(seconds), key=lambda group: seconds[group])


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def _status_for_range(value: float, low: float | None, high: float | None) -> MeterStatus:
    if low is not None and value < low:
        return MeterStatus.SHORT
    if high is not None and value > high:
        return MeterStatus.OVER
    return MeterStatus.MET


def _weekday(day: date) -> str:
    return weekday_short(day.weekday())


def _strength_line(days: Sequence[date], plan: WeekPlan | None, guide: Guidance) -> MeterLine:
    value = len(days)
    return MeterLine(
        id="strength-days",
        label=_("Strength days"),
        status=_status_for_range(value, guide.min, None),
        value=value,
        unit="days",
        target=_("{count}+ days").format(count=_number(guide.min)),
        planned=plan.strength_days if plan else None,
        detail=", ".join(_weekday(day) for day in days),
        guidance="strength-days",
        source=guide.cite or guide.source,
    )


def _fascia_line(sessions: Sequence[date], plan: WeekPlan | None, guide: Guidance) -> MeterLine:
    value = len(sessions)
    return MeterLine(
        id="fascia-sessions",
        label=_("Fascia sessions"),
        status=_status_for_range(value, guide.min, guide.max),
        value=value,
        unit="sessions",
        target=f"{_number(guide.min)}-{_number(guide.max)}",
        planned=plan.fascia_sessions if plan else None,
        detail=", ".join(_weekday(day) for day in sessions),
        guidance="fascia-sessions",
        source=guide.cite or guide.source,
    )


class _Stretched(NamedTuple):
    both: float
    left: float
    right: float


def _stretch_lines(
    sets: Iterable[DoseSet],
    regions: Mapping[str, str],
    plan: WeekPlan | None,
    guide: Guidance,
    sided_regions: frozenset[str],
) -> list[MeterLine]:
    """One line per region stretched or planned; sided regions need the seconds a side."""
    seconds: dict[str, _Stretched] = {}
    for one in sets:
        region = regions.get(one.exercise_id)
        if region is None:
            continue
        both, left, right = seconds.get(region, _Stretched(0.0, 0.0, 0.0))
        if one.side is Side.LEFT:
            left += one.actual_seconds
        elif one.side is Side.RIGHT:
            right += one.actual_seconds
        else:
            both += one.actual_seconds
        seconds[region] = _Stretched(both, left, right)
    planned = plan.stretch_regions if plan else ()
    low = guide.min or 0.0
    lines: list[MeterLine] = []
    for region in sorted({*seconds, *planned}):
        both, left, right = seconds.get(region, _Stretched(0.0, 0.0, 0.0))
        sided = left > 0 or right > 0 or region in sided_regions
        if sided:
            value = min(both + left, both + right)
            detail = _("left {left} s · right {right} s").format(
                left=f"{both + left:.0f}", right=f"{both + right:.0f}"
            )
            target = _("{seconds} s a side").format(seconds=f"{low:g}")
        else:
            value = both
            detail = ""
            target = f"{low:g} s"
        lines.append(
            MeterLine(
                id=f"stretch:{region.replace(' ', '-')}",
                label=_("Stretch: {region}").format(region=muscle_word(region)),
                status=MeterStatus.MET if value >= low else MeterStatus.SHORT,
                value=round(value, 1),
                unit="s",
                target=target,
                planned=None if plan is None else float(region in planned),
                detail=detail,
                guidance="stretch-seconds",
                source=guide.cite or guide.source,
            )
        )
    return lines


def _desk(
    first: date,
    last: date,
    today: date,
    workdays: frozenset[int],
    breaks: Iterable[BreakCount],
    desk_sessions: Iterable[date],
    plan: WeekPlan | None,
    guide: Guidance,
) -> tuple[MeterLine, list[DeskDay]]:
    """Breaks per workday up to today: reminders taken plus desk sessions of no reminder."""
    by_day = {count.day: count for count in breaks}
    played: dict[date, int] = {}
    for day in desk_sessions:
        played[day] = played.get(day, 0) + 1
    days: list[DeskDay] = []
    day = first
    while day <= min(last, today):
        if day.weekday() in workdays:
            count = by_day.get(day, BreakCount(day, 0, 0))
            days.append(
                DeskDay(
                    day=day.isoformat(),
                    weekday=_weekday(day),
                    breaks=count.taken + played.get(day, 0),
                    reminders=count.reminders,
                    taken=count.taken,
                    share_taken=count.taken / count.reminders if count.reminders else None,
                )
            )
        day += timedelta(days=1)
    low = guide.min or 0.0
    with_breaks = sum(one.breaks >= low for one in days)
    if not days:
        status = MeterStatus.NO_INFORMATION
    else:
        status = MeterStatus.MET if with_breaks == len(days) else MeterStatus.SHORT
    line = MeterLine(
        id="desk-breaks",
        label=_("Desk breaks"),
        status=status,
        value=with_breaks,
        unit=ngettext("of {count} workday", "of {count} workdays", len(days)).format(
            count=len(days)
        ),
        target=_("{count}+ a workday").format(count=f"{low:g}"),
        planned=plan.desk_per_workday if plan else None,
        detail=" · ".join(f"{one.weekday} {one.breaks}" for one in days),
        guidance="desk-breaks",
        source=guide.cite or guide.source,
    )
    return line, days


def dose_meter(
    sessions: Sequence[DoseSession],
    sets: Sequence[DoseSet],
    breaks: Sequence[BreakCount],
    *,
    first_day: date,
    today: date,
    guidance: Mapping[str, Guidance],
    regions: Mapping[str, str],
    workdays: frozenset[int] = frozenset(range(5)),
    plan: WeekPlan | None = None,
    sided: frozenset[str] = frozenset(),
) -> DoseMeter:
    """The week from ``first_day`` (seven days) as of ``today``, against the guidance.

    Sessions outside the week, and those that do not count (running, interrupted, no
    active time), are left out; so are their sets. ``regions`` maps held-stretch ids
    to their region (``stretch_regions``); ``workdays`` holds ``date.weekday()``
    numbers; ``plan`` is the active programme's week, when there is one; ``sided``
    names the regions stretched a side at a time (``sided_regions``).
    """
    last_day = first_day + timedelta(days=6)
    week = [s for s in sessions if first_day <= s.day <= last_day and counts(s)]
    by_session: dict[str, list[DoseSet]] = {s.uuid: [] for s in week}
    for one in sets:
        if one.session_uuid in by_session:
            by_session[one.session_uuid].append(one)
    kinds = {s.uuid: session_kind(s, by_session[s.uuid]) for s in week}
    strength_days = sorted({s.day for s in week if kinds[s.uuid] in STRENGTH_KINDS})
    fascia = sorted(s.day for s in week if kinds[s.uuid] == "fascia")
    desk_sessions = [s.day for s in week if kinds[s.uuid] == "desk" and not s.from_reminder]
    week_sets = [one for found in by_session.values() for one in found]
    desk_line, desk_days = _desk(
        first_day,
        last_day,
        today,
        workdays,
        breaks,
        desk_sessions,
        plan,
        guidance["desk-breaks"],
    )
    side = guidance["side-balance"]
    left = sum(s.actual_seconds for s in week_sets if s.side is Side.LEFT)
    right = sum(s.actual_seconds for s in week_sets if s.side is Side.RIGHT)
    more_on = plan.more_on_side.value if plan and plan.more_on_side else None
    lines = [
        _strength_line(strength_days, plan, guidance["strength-days"]),
        *_stretch_lines(week_sets, regions, plan, guidance["stretch-seconds"], sided),
        _fascia_line(fascia, plan, guidance["fascia-sessions"]),
        desk_line,
        *pair_lines(week_sets, guidance),
        ratio_line(
            "balance:sides",
            _("Left / right"),
            ("left", left),
            ("right", right),
            side.max or 1.05,
            "side-balance",
            side,
            more_on=more_on,
        ),
    ]
    return DoseMeter(
        first_day=first_day.isoformat(),
        last_day=last_day.isoformat(),
        today=today.isoformat(),
        complete=last_day < today,
        programme=plan.programme if plan else None,
        week=plan.week if plan else None,
        lines=lines,
        desk_days=desk_days,
    )
