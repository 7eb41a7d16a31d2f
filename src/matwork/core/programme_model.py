"""The programme model, version 1: msgspec Structs that mirror a programme TOML file.

A programme is a plan over weeks: phases of a number of weeks, each with the sessions
of a week (a routine or a routine template, so many times a week), the progression
rule of each exercise, and a deload rule. Field docs become the JSON Schema's
descriptions. docs/programmes.md explains every key.
"""

from __future__ import annotations

from typing import Annotated

import msgspec
from msgspec import Meta

from matwork.core import vocab
from matwork.core.model import ExerciseUse, Sets, Translations

MAX_WEEKS = 52
"""A programme lasts at most a year."""

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Weekday names, Monday first (``date.weekday()`` indexes them)."""

SESSION_KINDS: tuple[str, ...] = (
    "strength",
    "pilates",
    "mobility",
    "fascia",
    "desk",
    "cardio",
    "breathing",
)
"""What a session is for; the dosage checks count strength days and fascia sessions."""

STRENGTH_KINDS: frozenset[str] = frozenset({"strength", "pilates"})
"""Session kinds that count as muscle-strengthening days."""

THEN_CHOICES: tuple[str, ...] = ("harder", "load", "stay")
"""What a rule does at the top of its range."""

SIDE_NAMES: tuple[str, ...] = ("left", "right")
"""The sides a rule's ``extra_sets`` may name."""

TEMPLATE_NAMES: tuple[str, ...] = ("blank", "strength", "pilates", "fascia", "desk", "breathing")
"""Routine templates a session may name (those of ``matwork new --template``)."""


def _choice(choices: tuple[str, ...], description: str) -> object:
    return Meta(description=description, extra_json_schema={"enum": list(choices)})


Weekday = Annotated[str, _choice(WEEKDAYS, "A weekday: mon, tue, wed, thu, fri, sat or sun.")]
Kind = Annotated[str, _choice(SESSION_KINDS, "What the session is for.")]
Then = Annotated[
    str,
    _choice(
        THEN_CHOICES,
        'At the top of the range: "harder" (the next variation), "load" (the next load) or "stay".',
    ),
]
Level = Annotated[str, _choice(vocab.LEVELS, "How demanding the programme is.")]
Seconds = Annotated[float, Meta(gt=0, le=3600, description="Seconds, more than 0, at most 3600.")]
RepCount = Annotated[int, Meta(ge=1, le=1000, description="Repetitions, 1 to 1000.")]


class RepRange(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """Double progression: reps from ``from`` to ``to``, ``step`` more each time."""

    low: RepCount = msgspec.field(name="from")
    high: RepCount = msgspec.field(name="to")
    step: Annotated[int, Meta(ge=1, le=100, description="Reps added per step.")] = 1


class HoldRange(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """Timed holds from ``from`` to ``to`` seconds, ``step`` seconds longer each time."""

    low: Seconds = msgspec.field(name="from")
    high: Seconds = msgspec.field(name="to")
    step: Annotated[float, Meta(gt=0, le=600, description="Seconds added per step.")] = 5


class Pyramid(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """McGill's descending pyramid: sets of short holds, e.g. 5, 3 and 1 holds of 10 s.

    The first set has ``from`` holds, each later set ``drop`` fewer. A step adds one
    hold to every set (5-3-1 becomes 6-4-2); the holds never get longer.
    """

    hold: Annotated[float, Meta(gt=0, le=60, description="Seconds of each hold.")] = 10
    low: Annotated[int, Meta(ge=1, le=100)] = msgspec.field(name="from")
    high: Annotated[int, Meta(ge=1, le=100)] = msgspec.field(name="to")
    drop: Annotated[int, Meta(ge=1, le=100, description="Holds fewer in each following set.")] = 2


ExtraSets = Annotated[int, Meta(ge=1, le=10, description="Sets more on this side.")]


class Rule(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """How one exercise progresses: exactly one of reps, hold or pyramid."""

    reps: RepRange | None = None
    hold: HoldRange | None = None
    pyramid: Pyramid | None = None
    sets: Annotated[
        Sets | None,
        Meta(description="Sets per use (replaces the routine's); a step back may drop one."),
    ] = None
    then: Then = "stay"
    variations: Annotated[
        list[str],
        Meta(description="Catalog ids from easiest to hardest, including this exercise."),
    ] = []
    loads: Annotated[
        list[str], Meta(description='Loads from lightest to heaviest, e.g. ["4 kg", "6 kg"].')
    ] = []
    extra_sets: Annotated[
        dict[str, ExtraSets],
        Meta(description="More volume on one side, e.g. { left = 1 }."),
    ] = {}
    note: str | None = None


class SessionPlan(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """One session of a week: what to play and how often."""

    key: Annotated[
        str,
        Meta(
            min_length=1,
            description='A short id in kebab-case, e.g. "main"; the same key in two phases '
            "is the same session.",
        ),
    ]
    name: str = ""
    kind: Kind
    routine: Annotated[
        str | None,
        Meta(description="A routine's name or file stem, or a path relative to this file."),
    ] = None
    template: Annotated[
        str | None, _choice(TEMPLATE_NAMES, "A routine template, as `matwork new` has them.")
    ] = None
    per_week: Annotated[int, Meta(ge=1, le=7, description="Sessions a week, 1 to 7.")] = 1
    per_day: Annotated[
        int, Meta(ge=1, le=12, description="Times a day on its days (desk breaks).")
    ] = 1
    days: Annotated[
        list[Weekday], Meta(description="Its weekdays, one per session a week (optional).")
    ] = []
    note: str | None = None


class Phase(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """A run of weeks with the same sessions."""

    name: Annotated[str, Meta(min_length=1)]
    weeks: Annotated[int, Meta(ge=1, le=MAX_WEEKS, description="How many weeks, 1 to 52.")]
    note: str | None = None
    session: Annotated[list[SessionPlan], Meta(min_length=1)]


class Deload(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """When the programme eases off, and by how much."""

    weeks: Annotated[list[int], Meta(description="Planned deload weeks, e.g. [4].")] = []
    on_rising_pain: Annotated[
        bool, Meta(description="Deload a week after the weekly morning pain rose.")
    ] = True
    pain_rise: Annotated[
        float,
        Meta(
            ge=0.5, le=5, description="Points of weekly average morning pain that count as a rise."
        ),
    ] = 1.0
    volume: Annotated[
        float, Meta(ge=0.3, le=1, description="Holds and reps are scaled by this in a deload.")
    ] = 0.8
    drop_set: Annotated[bool, Meta(description="A deload also drops one set where it can.")] = True


class Extra(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """Exercises the programme adds to sessions, as a last block of their routines."""

    name: str = "Emphasis"
    emphasis: Annotated[
        str | None, Meta(description="The emphasis id this block serves, if any.")
    ] = None
    sessions: Annotated[list[str], Meta(min_length=1, description="Session keys it joins.")]
    exercise: Annotated[list[ExerciseUse], Meta(min_length=1)]


class Programme(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """A programme file, format version 1."""

    programme: Annotated[int, Meta(ge=1, le=1, description="Programme format version: 1.")] = 1
    name: Annotated[str, Meta(min_length=1, description="The programme's name.")]
    description: str = ""
    tags: list[str] = []
    level: Level | None = None
    author: str | None = None
    repeat: Annotated[bool, Meta(description="Start again from week 1 after the last week.")] = (
        False
    )
    deload: Deload = Deload()
    progression: Annotated[
        dict[str, Rule], Meta(description="Progression rules by exercise id.")
    ] = {}
    phase: Annotated[list[Phase], Meta(min_length=1)]
    extra: list[Extra] = []
    translations: Translations = {}

    @property
    def weeks(self) -> int:
        """The programme's length in weeks."""
        return sum(phase.weeks for phase in self.phase)

    def session_keys(self) -> list[str]:
        """Every session key, in order of first appearance."""
        keys: dict[str, None] = {}
        for phase in self.phase:
            for session in phase.session:
                keys.setdefault(session.key, None)
        return list(keys)
