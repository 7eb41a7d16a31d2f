"""The dose meter's values: the log rows it reads and the lines it gives (see ``dose_meter``)."""

from __future__ import annotations

import enum
from datetime import date
from typing import NamedTuple

import msgspec

from matwork.core.kinds import SessionStatus, Side


class MeterStatus(enum.StrEnum):
    """How one line of the meter stands."""

    MET = "met"
    SHORT = "short"
    """Below the guidance (so far, while the week is under way)."""
    OVER = "over"
    """Above the guidance's upper bound (more fascia sessions than suggested)."""
    UNEVEN = "uneven"
    """A pair over its ratio, or one side of it not trained at all."""
    NO_INFORMATION = "no-information"
    """Nothing logged that the line could judge; never read as met."""


class DoseSession(NamedTuple):
    """One logged session as the meter reads it."""

    uuid: str
    day: date
    """The local date it started."""
    status: SessionStatus
    active_seconds: float
    kind: str = ""
    """The programme session's kind (``programme_model.SESSION_KINDS``) when played
    against a programme; "" otherwise (then its sets' categories decide)."""
    from_reminder: bool = False
    """Played from a desk-break reminder (already counted by the break log)."""


class DoseSet(NamedTuple):
    """One work set as the meter reads it."""

    session_uuid: str
    exercise_id: str
    category: str
    pattern: str
    side: Side | None
    actual_seconds: float


class BreakCount(NamedTuple):
    """The desk-break reminders of one local day (``break_days.BreakDay``'s numbers)."""

    day: date
    reminders: int
    taken: int


class WeekPlan(msgspec.Struct, frozen=True, kw_only=True):
    """What the active programme plans for the week (the meter's "planned" column)."""

    programme: str
    week: int
    strength_days: int = 0
    fascia_sessions: int = 0
    desk_per_workday: int = 0
    stretch_regions: tuple[str, ...] = ()
    """Regions the week's routines stretch."""
    more_on_side: Side | None = None
    """The side the programme gives extra sets (an assessment's emphasis), if any."""


class MeterLine(msgspec.Struct, frozen=True, kw_only=True):
    """One line of the meter: the week's number against the guidance."""

    id: str
    """Stable id: ``strength-days``, ``stretch:<region>``, ``fascia-sessions``,
    ``desk-breaks``, ``balance:trunk``, ``balance:hip``, ``balance:push-pull``,
    ``balance:sides``."""
    label: str
    status: MeterStatus
    value: float
    """The week's number: days, seconds, sessions, workdays with a break, or a ratio."""
    unit: str
    target: str
    """The guidance in words ("2+ days", "60 s a side", "1-2", "ratio up to 2.0")."""
    planned: float | None = None
    """What the programme plans for the week, when one is active."""
    detail: str = ""
    """What the number is made of ("Mon, Wed", "left 60 s · right 45 s")."""
    guidance: str
    """The id of the guidance entry (src/matwork/data/guidance.toml)."""
    source: str
    """The guidance's source in a few words."""


class DeskDay(msgspec.Struct, frozen=True, kw_only=True):
    """One workday of the week: desk breaks taken and the reminders' share."""

    day: str
    """ISO date."""
    weekday: str
    breaks: int
    """Breaks taken: reminders started plus desk sessions played without a reminder."""
    reminders: int
    taken: int
    """Reminders started."""
    share_taken: float | None
    """Taken / reminders, None without reminders."""


class DoseMeter(msgspec.Struct, frozen=True, kw_only=True):
    """The week against the guidance (and the programme, when one is active)."""

    first_day: str
    last_day: str
    today: str
    complete: bool
    """The week is over (its last day is before today)."""
    programme: str | None
    week: int | None
    """The programme week, when the meter follows a programme's weeks."""
    lines: list[MeterLine]
    desk_days: list[DeskDay]

    def line(self, line_id: str) -> MeterLine:
        """The line with this id (KeyError when there is none)."""
        for line in self.lines:
            if line.id == line_id:
                return line
        raise KeyError(line_id)
