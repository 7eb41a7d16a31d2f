"""The log's record types, and their rows: columns and placeholders derived from the structs.

SQL never counts positions: the column lists come from the record structs' fields,
placeholders from the number of columns, and rows are read by column name
(``sqlite3.Row``). A new field is one new column, and no index shifts.

Rows are read defensively (``store.values``): a value the file holds against its
column's rule (after a hand edit) never raises; the record holds a neutral value and
names the field in ``unreadable``, which the formatters show as "?". A set with such
a value is an ``UnreadableSet`` (a SetResult that carries ``unreadable``); sets read
cleanly are plain SetResults.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

import msgspec

from matwork.core.kinds import SessionStatus
from matwork.core.results import SetResult
from matwork.store.values import READ_SESSION_RULES, SET_RULES, read_fields


class SessionRecord(msgspec.Struct, frozen=True):
    """One session as the log shows it; ``status`` reads ``interrupted`` for a dead writer."""

    uuid: str
    routine_name: str
    routine_path: str
    content_hash: str
    started_at: float
    """Seconds since the epoch (UTC), like every time in the log."""
    ended_at: float | None
    updated_at: float
    planned_seconds: float
    active_seconds: float
    status: SessionStatus
    rpe: int | None
    pain_before: int | None
    pain_after: int | None
    notes: str
    resume_segment: int
    """Timeline index of the work segment a resume continues with."""
    resume_offset: float
    """Seconds already done inside ``resume_segment``."""
    sets_done: int = 0
    sets_skipped: int = 0
    unreadable: dict[str, str] = {}
    """Fields whose stored value could not be read: name -> the value as stored (text).

    Such a field holds a neutral value (0, "", None, ``stopped``); show it as "?"."""


class UnreadableSet(SetResult, frozen=True):
    """A set read from a row with values it could not read (see ``SessionRecord``)."""

    unreadable: dict[str, str] = {}
    """Fields whose stored value could not be read: name -> the value as stored."""


def unreadable_of(value: object) -> Mapping[str, str]:
    """The unreadable fields of a record or a set read from the log (empty for others)."""
    found = getattr(value, "unreadable", None)
    return found if isinstance(found, dict) else {}


class SessionDetail(msgspec.Struct, frozen=True):
    """A session with its sets in the order they were recorded."""

    session: SessionRecord
    sets: list[SetResult]


COUNTED_FIELDS: tuple[str, ...] = ("sets_done", "sets_skipped")
"""SessionRecord fields counted from the sets table, not stored in the sessions table."""

READ_FIELDS: tuple[str, ...] = ("unreadable",)
"""SessionRecord fields that say how the row read, not stored in the sessions table."""

SESSION_FIELDS: tuple[str, ...] = tuple(
    name
    for name in SessionRecord.__struct_fields__
    if name not in COUNTED_FIELDS and name not in READ_FIELDS
)
"""The sessions columns a SessionRecord holds (column names equal field names)."""

SET_COLUMN_OF: Mapping[str, str] = {"set": "set_number"}
"""SetResult fields stored under another column name."""

SET_FIELDS: tuple[str, ...] = SetResult.__struct_fields__
"""The SetResult fields, in order."""

SET_COLUMNS: tuple[str, ...] = tuple(SET_COLUMN_OF.get(name, name) for name in SET_FIELDS)
"""The sets columns a SetResult holds, in the order of SET_FIELDS."""


def column_list(columns: tuple[str, ...], prefix: str = "") -> str:
    """``a, b, c`` (each with ``prefix``, e.g. ``s.``) for a SELECT or an INSERT."""
    return ", ".join(prefix + column for column in columns)


def placeholders(count: int) -> str:
    """``?, ?, ?`` for ``count`` values."""
    return ", ".join(["?"] * count)


def ms(seconds: float) -> float:
    """Times are kept to the millisecond, so ISO exports read back exactly."""
    return round(seconds, 3)


def session_values(record: SessionRecord) -> tuple[Any, ...]:
    """The values of SESSION_FIELDS for one record, in order."""
    return tuple(getattr(record, name) for name in SESSION_FIELDS)


def set_values(result: SetResult) -> tuple[Any, ...]:
    """The values of SET_COLUMNS for one set, in order (flags as 0/1, times to the ms)."""
    values: dict[str, Any] = {name: getattr(result, name) for name in SET_FIELDS}
    values["skipped"] = int(result.skipped)
    values["pain_flag"] = int(result.pain_flag)
    values["started_at"] = ms(result.started_at)
    return tuple(values[name] for name in SET_FIELDS)


def _raw(row: sqlite3.Row, columns: Mapping[str, str]) -> dict[str, Any]:
    """A row's values by field name (``columns``: field -> column), read by name."""
    return {field: row[column] for field, column in columns.items()}


_SET_READ_COLUMNS: dict[str, str] = {name: SET_COLUMN_OF.get(name, name) for name in SET_FIELDS}


def set_from_row(row: sqlite3.Row) -> SetResult:
    """A SetResult from a row holding SET_COLUMNS, read by name; never raises.

    A value against its rule gives an UnreadableSet naming it (see the module docstring).
    """
    raw = _raw(row, _SET_READ_COLUMNS)
    values, unreadable = read_fields(SET_RULES, raw)
    if unreadable:
        return UnreadableSet(**values, unreadable=unreadable)
    return SetResult(**values)


_SESSION_READ_COLUMNS: dict[str, str] = {name: name for name in SESSION_FIELDS}


def read_status(row: sqlite3.Row) -> SessionStatus | None:
    """The stored status of a session row, or None when it is not a SessionStatus."""
    try:
        return SessionStatus(row["status"])
    except (ValueError, TypeError):
        return None


def session_from_row(row: sqlite3.Row, status: SessionStatus | None) -> SessionRecord:
    """A SessionRecord from a row holding SESSION_FIELDS and the counts, read by name.

    ``status`` is the effective status (a running row whose writer died reads as
    interrupted), worked out by the caller; None when the stored one is unreadable.
    Never raises: a value against its rule is named in ``unreadable``.
    """
    raw = _raw(row, _SESSION_READ_COLUMNS)
    values, unreadable = read_fields(READ_SESSION_RULES, raw)
    if status is not None:
        values["status"] = status
    names = set(row.keys())  # ``name in row`` would look among the values
    for name in COUNTED_FIELDS:
        count = row[name] if name in names else 0
        values[name] = count if isinstance(count, int) else 0
    return SessionRecord(**values, unreadable=unreadable)
