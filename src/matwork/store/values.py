"""What a value in the log may be: one rule per column, for importing and for reading.

Import refuses a value that breaks its column's rule, naming file, line and column
(``io_import``). Reading applies the same rules to what the file holds, which a hand
edit or an old bug may have left outside them (text in a REAL column, NULL in a NOT
NULL one, a status nobody knows): such a value is *unreadable*; the record carries
it in ``unreadable`` (field name -> the stored value as text) and holds the field's
neutral value instead, so every reader goes on and every formatter shows "?".

The limits: times from 1970-01-01 to 2200-01-01 (UTC) and finite; durations finite,
0 to 1,000,000 s (11.6 days); counts whole, 0 to 2**63 - 1 (SQLite's INTEGER);
ratings 0 to 10; names and other short text up to 4 KiB of UTF-8; notes up to 64 KiB.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from matwork.core.kinds import SessionStatus, Side
from matwork.i18n import LazyString, _, lazy_
from matwork.store.ids import is_session_id

MIN_TIME = 0.0
"""The earliest time a log holds: 1970-01-01T00:00Z."""
MAX_TIME = 7_258_118_400.0
"""The first time a log may not hold: 2200-01-01T00:00Z."""
MAX_SECONDS = 1_000_000.0
"""The longest duration a log holds (a session of 11.6 days is not a workout)."""
MAX_COUNT = 2**63 - 1
"""The largest whole number SQLite's INTEGER holds."""
NAME_LIMIT = 4 * 1024
"""Bytes of UTF-8 a name, path, id or other short text may have."""
NOTES_LIMIT = 64 * 1024
"""Bytes of UTF-8 a session's notes may have."""


class Kind(enum.Enum):
    """The rule a column's value follows."""

    ID = "a session id (a UUID)"
    TEXT = "text"
    NOTES = "notes"
    OPTIONAL_TEXT = "text or nothing"
    TIME = "a time"
    OPTIONAL_TIME = "a time or nothing"
    SECONDS = "a number of seconds"
    COUNT = "a whole number"
    OPTIONAL_COUNT = "a whole number or nothing"
    RATING = "a rating from 0 to 10, or nothing"
    FLAG = "yes or no"
    STATUS = "a session status"
    SIDE = "a side (left, right, alternate) or nothing"


_KIND_WORDS: dict[Kind, LazyString] = {
    Kind.ID: lazy_("a session id (a UUID)"),
    Kind.TEXT: lazy_("text"),
    Kind.NOTES: lazy_("notes"),
    Kind.OPTIONAL_TEXT: lazy_("text or nothing"),
    Kind.TIME: lazy_("a time"),
    Kind.OPTIONAL_TIME: lazy_("a time or nothing"),
    Kind.SECONDS: lazy_("a number of seconds"),
    Kind.COUNT: lazy_("a whole number"),
    Kind.OPTIONAL_COUNT: lazy_("a whole number or nothing"),
    Kind.RATING: lazy_("a rating from 0 to 10, or nothing"),
    Kind.FLAG: lazy_("yes or no"),
    Kind.STATUS: lazy_("a session status"),
    Kind.SIDE: lazy_("a side (left, right, alternate) or nothing"),
}


def kind_words(kind: Kind) -> str:
    """What a value of ``kind`` must be, in the language in use ("a whole number")."""
    return str(_KIND_WORDS[kind])


OPTIONAL_KINDS = frozenset(
    {Kind.OPTIONAL_TEXT, Kind.OPTIONAL_TIME, Kind.OPTIONAL_COUNT, Kind.RATING, Kind.SIDE}
)
"""Kinds where nothing (None, an empty cell) is a value."""


@dataclass(frozen=True)
class Rule:
    """One field's rule and the neutral value an unreadable stored value is replaced by."""

    kind: Kind
    neutral: Any


_NEUTRAL: dict[Kind, Any] = {
    Kind.ID: "",
    Kind.TEXT: "",
    Kind.NOTES: "",
    Kind.OPTIONAL_TEXT: None,
    Kind.TIME: 0.0,
    Kind.OPTIONAL_TIME: None,
    Kind.SECONDS: 0.0,
    Kind.COUNT: 0,
    Kind.OPTIONAL_COUNT: None,
    Kind.RATING: None,
    Kind.FLAG: False,
    Kind.STATUS: SessionStatus.STOPPED,  # ended, not resumable, not "completed"
    Kind.SIDE: None,
}


def _rules(kinds: Mapping[str, Kind]) -> dict[str, Rule]:
    return {name: Rule(kind, _NEUTRAL[kind]) for name, kind in kinds.items()}


SESSION_RULES: dict[str, Rule] = _rules(
    {
        "uuid": Kind.ID,
        "routine_name": Kind.TEXT,
        "routine_path": Kind.TEXT,
        "content_hash": Kind.TEXT,
        "started_at": Kind.TIME,
        "ended_at": Kind.OPTIONAL_TIME,
        "updated_at": Kind.TIME,
        "planned_seconds": Kind.SECONDS,
        "active_seconds": Kind.SECONDS,
        "status": Kind.STATUS,
        "rpe": Kind.RATING,
        "pain_before": Kind.RATING,
        "pain_after": Kind.RATING,
        "notes": Kind.NOTES,
        "resume_segment": Kind.COUNT,
        "resume_offset": Kind.SECONDS,
    }
)
"""The rule of every stored SessionRecord field, as import checks it."""

READ_SESSION_RULES: dict[str, Rule] = {**SESSION_RULES, "uuid": Rule(Kind.TEXT, "")}
"""The rules reading applies: a stored id that is not a UUID is still shown and found
(``show`` takes it), but never names a file (``locks.lock_path`` refuses it)."""

SET_RULES: dict[str, Rule] = _rules(
    {
        "segment": Kind.COUNT,
        "exercise_id": Kind.TEXT,
        "exercise_name": Kind.TEXT,
        "category": Kind.TEXT,
        "pattern": Kind.TEXT,
        "side": Kind.SIDE,
        "block": Kind.COUNT,
        "block_name": Kind.TEXT,
        "round": Kind.COUNT,
        "set": Kind.COUNT,
        "planned_seconds": Kind.SECONDS,
        "actual_seconds": Kind.SECONDS,
        "reps_planned": Kind.OPTIONAL_COUNT,
        "reps_done": Kind.OPTIONAL_COUNT,
        "load": Kind.OPTIONAL_TEXT,
        "skipped": Kind.FLAG,
        "pain_flag": Kind.FLAG,
        "started_at": Kind.TIME,
    }
)
"""The rule of every SetResult field."""


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(_("{value} is not a number").format(value=_shown(value)))
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(_("{value} is not a finite number").format(value=_shown(value)))
    return number


def _whole(value: Any, low: int, high: int) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(_("{value} is not a whole number").format(value=_shown(value)))
    if not low <= value <= high:
        words = _("{value} is outside {low}..{high}")
        raise ValueError(words.format(value=value, low=low, high=high))
    return value


def _text(value: Any, limit: int | None) -> str:
    if not isinstance(value, str):
        raise ValueError(_("{value} is not text").format(value=_shown(value)))
    if limit is not None and len(value.encode("utf-8", "surrogatepass")) > limit:
        raise ValueError(_("longer than {size} KiB").format(size=limit // 1024))
    return value


def _time(value: Any) -> float:
    moment = _number(value)
    if not MIN_TIME <= moment < MAX_TIME:
        words = _("{value} is not a time from 1970 to 2200 (seconds since 1970)")
        raise ValueError(words.format(value=value))
    return moment


def _seconds(value: Any) -> float:
    seconds = _number(value)
    if not 0 <= seconds <= MAX_SECONDS:
        words = _("{value} s is outside 0..{most} s")
        raise ValueError(words.format(value=value, most=f"{MAX_SECONDS:.0f}"))
    return seconds


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise ValueError(_("{value} is not yes or no").format(value=_shown(value)))


def _choice(value: Any, kind: type[enum.StrEnum]) -> Any:
    try:
        return kind(value)
    except ValueError:
        names = ", ".join(member.value for member in kind)
        words = _("{value} is not one of {names}")
        raise ValueError(words.format(value=_shown(value), names=names)) from None


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def check(kind: Kind, value: Any, *, limits: bool = True) -> Any:
    """``value`` as its field holds it, or ValueError saying why it breaks ``kind``'s rule.

    ``limits=False`` (reading) skips the size limits of text: what is stored is shown.
    """
    if value is None:
        if kind in OPTIONAL_KINDS:
            return None
        raise ValueError(_("missing ({kind} is needed)").format(kind=kind_words(kind)))
    if kind is Kind.ID:
        if not is_session_id(value):
            raise ValueError(_("{value} is not a session id (a UUID)").format(value=_shown(value)))
        return value
    if kind in (Kind.TEXT, Kind.OPTIONAL_TEXT):
        return _text(value, NAME_LIMIT if limits else None)
    if kind is Kind.NOTES:
        return _text(value, NOTES_LIMIT if limits else None)
    if kind in (Kind.TIME, Kind.OPTIONAL_TIME):
        return _time(value)
    if kind is Kind.SECONDS:
        return _seconds(value)
    if kind in (Kind.COUNT, Kind.OPTIONAL_COUNT):
        return _whole(value, 0, MAX_COUNT)
    if kind is Kind.RATING:
        return _whole(value, 0, 10)
    if kind is Kind.FLAG:
        return _flag(value)
    if kind is Kind.STATUS:
        return _choice(value, SessionStatus)
    return _choice(value, Side)


def stored_text(value: Any) -> str:
    """A stored value as text, for ``unreadable`` (what export writes for it)."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


_STATUSES: dict[Any, SessionStatus] = {member.value: member for member in SessionStatus}
_SIDES: dict[Any, Side | None] = {None: None, **{member.value: member for member in Side}}
_MISS = object()
"""What a fast reader gives for a value it does not plainly accept (``check`` decides)."""


def _fast_text(value: Any) -> Any:
    return value if type(value) is str else _MISS


def _fast_optional_text(value: Any) -> Any:
    return value if value is None or type(value) is str else _MISS


def _fast_time(value: Any) -> Any:
    return value if type(value) is float and MIN_TIME <= value < MAX_TIME else _MISS


def _fast_optional_time(value: Any) -> Any:
    return None if value is None else _fast_time(value)


def _fast_seconds(value: Any) -> Any:
    return value if type(value) is float and 0.0 <= value <= MAX_SECONDS else _MISS


def _fast_count(value: Any) -> Any:
    return value if type(value) is int and value >= 0 else _MISS


def _fast_optional_count(value: Any) -> Any:
    return None if value is None else _fast_count(value)


def _fast_rating(value: Any) -> Any:
    return value if value is None or (type(value) is int and 0 <= value <= 10) else _MISS


def _fast_flag(value: Any) -> Any:
    return value == 1 if type(value) is int and value in (0, 1) else _MISS


def _fast_status(value: Any) -> Any:
    return _STATUSES.get(value, _MISS) if type(value) is str else _MISS


def _fast_side(value: Any) -> Any:
    return _SIDES.get(value, _MISS) if value is None or type(value) is str else _MISS


def _never(value: Any) -> Any:
    return _MISS


_FAST: dict[Kind, Callable[[Any], Any]] = {
    Kind.ID: _never,
    Kind.TEXT: _fast_text,
    Kind.NOTES: _fast_text,
    Kind.OPTIONAL_TEXT: _fast_optional_text,
    Kind.TIME: _fast_time,
    Kind.OPTIONAL_TIME: _fast_optional_time,
    Kind.SECONDS: _fast_seconds,
    Kind.COUNT: _fast_count,
    Kind.OPTIONAL_COUNT: _fast_optional_count,
    Kind.RATING: _fast_rating,
    Kind.FLAG: _fast_flag,
    Kind.STATUS: _fast_status,
    Kind.SIDE: _fast_side,
}
"""Per kind, the common case of a healthy stored value, without ``check``'s messages."""


def read_value(kind: Kind, value: Any) -> Any:
    """A stored value read by ``kind``'s rule (no size limits); ValueError if it breaks it."""
    found = _FAST[kind](value)
    return check(kind, value, limits=False) if found is _MISS else found


def fields_reader(kinds: Mapping[str, Kind]) -> Callable[[Any], list[Any] | None]:
    """``read_value`` of a row's fields by name and kind, the lookups done once.

    The reader gives the values in the order of ``kinds``, or None if one breaks its
    kind's rule; for the many rows of one query (the charts read tens of thousands).
    """
    fields = [(name, kind, _FAST[kind]) for name, kind in kinds.items()]

    def read(row: Any) -> list[Any] | None:
        values = []
        for name, kind, fast in fields:
            stored = row[name]
            found = fast(stored)
            if found is _MISS:
                try:
                    found = check(kind, stored, limits=False)
                except ValueError:
                    return None
            values.append(found)
        return values

    return read


def read_fields(
    rules: Mapping[str, Rule], raw: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    """The fields read from a stored row by their rules, and those that broke them.

    Returns (values, unreadable): an unreadable field holds its rule's neutral value in
    ``values``, and the stored value as text in ``unreadable``.
    """
    values: dict[str, Any] = {}
    unreadable: dict[str, str] = {}
    for name, rule in rules.items():
        stored = raw.get(name)
        found = _FAST[rule.kind](stored)
        if found is not _MISS:
            values[name] = found
            continue
        try:
            values[name] = check(rule.kind, stored, limits=False)
        except ValueError:
            values[name] = rule.neutral
            unreadable[name] = stored_text(stored)
    return values, unreadable
