"""The kinds the domain talks in, as types: segments, sides, set outcomes, statuses.

Each is a ``StrEnum``, so its members are the very strings the log, the JSON exports
and the routine files hold, while mypy checks every use.
"""

from __future__ import annotations

import enum
from typing import Literal


class SegmentKind(enum.StrEnum):
    """What a stretch of session time is."""

    PREPARE = "prepare"
    WORK = "work"
    SWITCH = "switch"
    REST = "rest"


class Side(enum.StrEnum):
    """The side a work set is done on."""

    LEFT = "left"
    RIGHT = "right"
    ALTERNATE = "alternate"


BODY_SIDES: tuple[Side, Side] = (Side.LEFT, Side.RIGHT)
"""The two sides of the body (a sided test or exercise is done on each)."""


class RestReason(enum.StrEnum):
    """Which rule put a rest where it is."""

    NONE = ""
    SET = "set"
    EXERCISE = "exercise"
    ROUND = "round"
    BLOCK = "block"


class SetOutcome(enum.StrEnum):
    """How a visit of a work segment ended."""

    COMPLETED = "completed"
    """Ran to its end (or an open set was ended with Enter)."""
    SKIPPED = "skipped"
    """Skipped, or left by jumping elsewhere."""
    STOPPED = "stopped"
    """Cut short because the session was stopped."""
    BACK = "back"
    """Left by going back: restarted, so no result is logged."""


class SessionStatus(enum.StrEnum):
    """Where a session in the log stands."""

    RUNNING = "running"
    """A live process is writing it."""
    COMPLETED = "completed"
    """It reached its end with most of its work done."""
    STOPPED = "stopped"
    """It was ended early."""
    INTERRUPTED = "interrupted"
    """Its writer died (kill, crash, closed terminal): it can be resumed."""


EndStatus = Literal[SessionStatus.COMPLETED, SessionStatus.STOPPED]
"""The statuses a session ends with (what ``ResultSink.session_ended`` takes)."""
