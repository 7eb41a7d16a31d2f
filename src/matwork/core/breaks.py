"""Desk-break reminders: the ``[breaks]`` settings and the scheduler, on the wall clock.

Pure: every instant comes in as an argument (seconds since the epoch, UTC), and every
calendar question is answered in an explicit ``tzinfo`` (``None``: the system's local
zone, daylight saving included, as in ``stats``). Nothing here sleeps or reads a clock.

How the scheduler decides (docs/breaks.md says the same in words):

- A reminder falls due ``interval`` after the last break, answer or return to the
  desk. It is an instant on the wall clock, not a countdown: a laptop that slept
  through several due instants gets **one** reminder when it wakes, never a burst.
- Reminders come only in working time: on the working days, inside the working
  hours, outside lunch. A due instant outside working time moves to the start of the
  next stretch of working time plus one interval (the lunch or the night was a break).
- Snooze moves the reminder ``snooze`` later; skip and start restart the interval.
- Being away (a long idle or locked screen, where the desktop says so) restarts the
  interval from the moment the user is back.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Annotated, NamedTuple

import msgspec

from matwork.core.errors import did_you_mean
from matwork.core.locate import KeyPath
from matwork.i18n import _

WINDOW_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$"
"""A time window in config.toml: ``HH:MM-HH:MM`` (24-hour clock; 24:00 ends a day)."""
_WINDOW = re.compile(WINDOW_PATTERN)
_DURATION = re.compile(r"(\d+(?:\.\d+)?)(h|m|s)")
_DURATION_UNITS = {"h": 3600.0, "m": 60.0, "s": 1.0}
_LOOKAHEAD_DAYS = 8
"""How far ahead working time is searched (a week, plus a day for the DST change)."""


class Weekday(enum.StrEnum):
    """A day of the week, as config.toml spells it."""

    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"


WEEKDAYS: tuple[Weekday, ...] = tuple(Weekday)
"""Monday first, in ``date.weekday()`` order."""


class NotificationStyle(enum.StrEnum):
    """How reminders are shown: the first that works, or one forced by config."""

    AUTO = "auto"
    """A desktop notification with buttons, else a terminal notification, else a line."""
    DESKTOP = "desktop"
    TERMINAL = "terminal"
    LINE = "line"


class BreakOutcome(enum.StrEnum):
    """What happened to one reminder; each is one row in the log."""

    SHOWN = "shown"
    STARTED = "started"
    SNOOZED = "snoozed"
    SKIPPED = "skipped"
    COMPLETED = "completed"


class BreakAnswer(enum.StrEnum):
    """The user's answer to a reminder (the notification's actions)."""

    START = "start"
    SNOOZE = "snooze"
    SKIP = "skip"


ANSWER_OUTCOMES: dict[BreakAnswer, BreakOutcome] = {
    BreakAnswer.START: BreakOutcome.STARTED,
    BreakAnswer.SNOOZE: BreakOutcome.SNOOZED,
    BreakAnswer.SKIP: BreakOutcome.SKIPPED,
}
"""The log outcome each answer records."""


def _described(description: str, **schema: object) -> msgspec.Meta:
    """Metadata that puts ``description`` (and any extra keywords) in the JSON Schema."""
    return msgspec.Meta(description=description, extra_json_schema=schema or None)


class BreakSettings(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """The ``[breaks]`` table of config.toml."""

    interval_minutes: Annotated[
        int,
        msgspec.Meta(
            ge=5,
            le=480,
            description="Minutes between reminders, 5 to 480 (sitting advice commonly "
            "says every 30 to 60 minutes).",
        ),
    ] = 45
    snooze_minutes: Annotated[
        int, msgspec.Meta(ge=1, le=120, description="Minutes that Snooze puts a reminder off.")
    ] = 10
    idle_reset_minutes: Annotated[
        int,
        msgspec.Meta(
            ge=1,
            le=240,
            description="Minutes idle or locked that count as a break and restart the interval.",
        ),
    ] = 5
    hours: Annotated[
        str, _described("Working hours, HH:MM-HH:MM in local time.", pattern=WINDOW_PATTERN)
    ] = "09:00-17:30"
    lunch: Annotated[
        str,
        _described(
            'Lunch window, HH:MM-HH:MM in local time; "" for none.',
            pattern=f"({WINDOW_PATTERN})|^$",
        ),
    ] = "12:30-13:15"
    days: Annotated[list[Weekday], _described("Working days.")] = msgspec.field(
        default_factory=lambda: list(WEEKDAYS[:5])
    )
    routines: Annotated[
        list[str],
        _described("Routines to rotate through (names or paths); empty: the shipped desk breaks."),
    ] = []
    notification: Annotated[
        NotificationStyle,
        _described("How reminders are shown: auto, desktop, terminal or line."),
    ] = NotificationStyle.AUTO
    terminal: Annotated[
        str,
        _described(
            "Command that opens a terminal window running the command after it, e.g. "
            '"kitty --"; empty: look for one ($TERMINAL, x-terminal-emulator, ...).'
        ),
    ] = ""


class Window(NamedTuple):
    """A daily window in minutes after local midnight; ``end`` is exclusive."""

    start: int
    end: int


def parse_window(text: str) -> Window:
    """``"09:00-17:30"`` as minutes after midnight; ValueError if malformed or empty."""
    if not _WINDOW.match(text):
        raise ValueError(f'expected HH:MM-HH:MM like "09:00-17:30", found "{text}"')
    first, second = text.split("-")
    start = int(first[:2]) * 60 + int(first[3:])
    end = int(second[:2]) * 60 + int(second[3:])
    if end > 24 * 60:
        raise ValueError(f'"{second}" is after the end of the day (24:00)')
    if end <= start:
        raise ValueError(f'"{text}" ends before it starts')
    return Window(start, end)


def check_breaks(settings: BreakSettings) -> list[tuple[KeyPath, str, str]]:
    """Meaning checks the types cannot express, as (key path, message, hint)."""
    problems: list[tuple[KeyPath, str, str]] = []
    hours: Window | None = None
    try:
        hours = parse_window(settings.hours)
    except ValueError as error:
        message = _("{key}: {error}").format(key="hours", error=error)
        problems.append((("breaks", "hours"), message, _("24-hour clock, local time")))
    if settings.lunch:
        try:
            lunch = parse_window(settings.lunch)
        except ValueError as error:
            message = _("{key}: {error}").format(key="lunch", error=error)
            problems.append((("breaks", "lunch"), message, _('use "" for no lunch')))
        else:
            if hours is not None and not (hours.start <= lunch.start and lunch.end <= hours.end):
                problems.append(
                    (("breaks", "lunch"), _("lunch: must lie inside the working hours"), "")
                )
    if not settings.days:
        problems.append((("breaks", "days"), _("days: name at least one working day"), ""))
    if len(set(settings.days)) != len(settings.days):
        problems.append((("breaks", "days"), _("days: a day is named twice"), ""))
    for index, routine in enumerate(settings.routines):
        if not routine.strip():
            message = _("routines: empty routine name")
            problems.append((("breaks", "routines", index), message, ""))
    return problems


_CHOICES: dict[str, tuple[str, ...]] = {
    "days": tuple(WEEKDAYS),
    "notification": tuple(NotificationStyle),
}


def choice_hint(key_path: KeyPath, value: object) -> str:
    """The hint for a value a ``[breaks]`` choice key does not know ("" if not one)."""
    key = next((part for part in reversed(key_path) if isinstance(part, str)), "")
    if key_path[:1] != ("breaks",) or key not in _CHOICES:
        return ""
    choices = _CHOICES[key]
    close = did_you_mean(str(value), choices)
    listed = _("one of {choices}").format(choices=", ".join(choices))
    return f"{close} {listed}" if close else listed


def parse_duration(text: str) -> float:
    """Seconds in ``"30m"``, ``"1h"``, ``"90s"`` or ``"1h30m"``; ValueError otherwise."""
    compact = text.strip().lower()
    parts = _DURATION.findall(compact)
    if not compact or "".join(number + unit for number, unit in parts) != compact:
        raise ValueError(f"{text!r} is not a duration (use e.g. 30m, 1h, 90s or 1h30m)")
    seconds = sum(float(number) * _DURATION_UNITS[unit] for number, unit in parts)
    if seconds <= 0:
        raise ValueError(f"{text!r} is not longer than zero")
    return seconds


class BreakPlan(msgspec.Struct, frozen=True, kw_only=True):
    """The settings the scheduler runs on, in seconds and parsed windows."""

    interval: float
    snooze: float
    idle_reset: float
    hours: Window | None
    """None: any time of day (a one-off from the command line)."""
    lunch: Window | None
    days: frozenset[int]
    """``date.weekday()`` numbers of the working days."""

    @classmethod
    def from_settings(
        cls, settings: BreakSettings, *, every: float | None = None, anytime: bool = False
    ) -> BreakPlan:
        """The plan of checked settings; ``every`` overrides the interval, ``anytime``
        drops working hours, days and lunch."""
        return cls(
            interval=every if every is not None else settings.interval_minutes * 60.0,
            snooze=settings.snooze_minutes * 60.0,
            idle_reset=settings.idle_reset_minutes * 60.0,
            hours=None if anytime else parse_window(settings.hours),
            lunch=None if anytime or not settings.lunch else parse_window(settings.lunch),
            days=frozenset(range(7))
            if anytime
            else frozenset(WEEKDAYS.index(day) for day in settings.days),
        )


def _local_instant(day: date, minutes: int, tz: tzinfo | None) -> float:
    """The instant of ``minutes`` after local midnight on ``day`` (24:00 is next midnight).

    A wall time that a DST change skips resolves as ``zoneinfo`` does (fold 0: the
    offset before the change), which lands just after the gap.
    """
    if minutes >= 24 * 60:
        return _local_instant(day + timedelta(days=1), minutes - 24 * 60, tz)
    wall = datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=tz)
    return wall.timestamp()


def working_stretches(day: date, plan: BreakPlan, tz: tzinfo | None) -> list[tuple[float, float]]:
    """The day's stretches of working time as (start, end) instants, in order."""
    if plan.hours is None:
        return [(_local_instant(day, 0, tz), _local_instant(day, 24 * 60, tz))]
    if day.weekday() not in plan.days:
        return []
    windows = [plan.hours]
    if plan.lunch is not None:
        windows = [
            Window(plan.hours.start, plan.lunch.start),
            Window(plan.lunch.end, plan.hours.end),
        ]
    return [
        (_local_instant(day, window.start, tz), _local_instant(day, window.end, tz))
        for window in windows
        if window.end > window.start
    ]


def place_due(candidate: float, plan: BreakPlan, tz: tzinfo | None) -> float | None:
    """The first instant at or after ``candidate`` that a reminder may fire.

    Inside working time that is ``candidate`` itself; otherwise the start of the next
    stretch of working time plus one interval, if that is still inside the stretch.
    None when there is no working time in the week ahead.
    """
    first_day = datetime.fromtimestamp(candidate, tz).date() - timedelta(days=1)
    for offset in range(_LOOKAHEAD_DAYS + 1):
        for start, end in working_stretches(first_day + timedelta(days=offset), plan, tz):
            if end <= candidate:
                continue
            if start <= candidate:
                return candidate
            if start + plan.interval < end:
                return start + plan.interval
    return None


class Scheduler:
    """When the next reminder falls due, moved by answers, time and absence."""

    def __init__(self, plan: BreakPlan, tz: tzinfo | None, now: float) -> None:
        self.plan = plan
        self.tz = tz
        self._due = place_due(now + plan.interval, plan, tz)
        self._pending = False

    @property
    def due_at(self) -> float | None:
        """The instant the next reminder falls due (None: none this week)."""
        return self._due

    @property
    def pending(self) -> bool:
        """A reminder was shown and not answered yet."""
        return self._pending

    def poll(self, now: float, *, away: bool = False) -> bool:
        """Whether a reminder is due at ``now``; True marks it shown and pending.

        ``away``: the desktop reports a long idle or locked screen right now. While
        away nothing fires, and the interval restarts from the last moment away.
        """
        if away:
            self._due = place_due(now + self.plan.interval, self.plan, self.tz)
            return False
        if self._pending or self._due is None or now < self._due:
            return False
        placed = place_due(now, self.plan, self.tz)
        if placed is None or placed > now:
            # Woke up (or polled) outside working time: wait for the next stretch.
            self._due = placed
            return False
        self._pending = True
        return True

    def answer(self, answer: BreakAnswer, now: float) -> None:
        """Record the answer to the pending reminder and schedule the next one."""
        delay = self.plan.snooze if answer is BreakAnswer.SNOOZE else self.plan.interval
        self._pending = False
        self._due = place_due(now + delay, self.plan, self.tz)

    def unanswered(self, now: float) -> None:
        """The pending reminder went without an answer: the interval restarts from now."""
        self._pending = False
        self._due = place_due(now + self.plan.interval, self.plan, self.tz)


def rotation(
    configured: Sequence[str], shipped: Sequence[str], programme_breaks: Sequence[str] = ()
) -> list[str]:
    """The routines reminders rotate through.

    The active programme's desk breaks come first when there are any (the programme
    hook: callers pass them in), then the configured list, then the shipped desk breaks.
    """
    for candidates in (programme_breaks, configured, shipped):
        if candidates:
            return list(candidates)
    return []


def next_routine(routines: Sequence[str], last: str | None) -> str:
    """The routine after ``last`` in the rotation (the first if ``last`` is not in it)."""
    if not routines:
        raise ValueError("no routines to rotate through")
    if last is not None and last in routines:
        return routines[(list(routines).index(last) + 1) % len(routines)]
    return routines[0]
