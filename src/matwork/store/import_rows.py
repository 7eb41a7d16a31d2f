"""Reading an export file back: every value checked, every error at its line and column.

``parse_csv`` and ``parse_jsonl`` turn the text of a CSV or JSON Lines export into
SessionDetails, or raise ImportFormatError as ``FILE:LINE: column NAME: message`` at
the first value that breaks its column's rule (``store.values``): a time outside
1970..2200 or not finite, a number beyond 64 bits, text over its size limit, an
empty or repeated session id, an id that is not a UUID (ids name lock files), a short
row, an empty cell where a number is needed. Nothing is written until the whole file
has parsed, so a refused file leaves the log as it was.

Only the session id and its start time are required; a column (or key) that is
missing altogether takes its default: no text, zero seconds, no ratings, the update
time of the end (or start), the status ``completed`` when an end time is given and
``stopped`` otherwise, and for a set its place among the session's sets (segment)
and its session's start time. In CSV the session's cells of every row are checked,
and those of its first row are used. A CSV saved by Excel with a byte-order mark
reads like any other.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from matwork.core.kinds import SessionStatus
from matwork.core.results import SetResult
from matwork.i18n import _
from matwork.store.csv_columns import SESSION_CSV, SET_CSV
from matwork.store.errors import HistoryError
from matwork.store.ids import normal_session_id
from matwork.store.records import SESSION_FIELDS, SessionDetail, SessionRecord
from matwork.store.values import SESSION_RULES, SET_RULES, Kind, check, kind_words


class ImportFormatError(HistoryError):
    """A file to import is not a matwork export, or a value in it cannot be read."""

    def __init__(
        self,
        path: Path | str,
        message: str,
        *,
        line: int | None = None,
        column: str | None = None,
    ) -> None:
        self.line = line
        """The 1-based line the problem is on, when there is one."""
        self.column = column
        """The column (CSV header, JSON key) the problem is in, when there is one."""
        where = f"{path}:{line}" if line is not None else str(path)
        what = (
            _("column {column}: {problem}").format(column=column, problem=message)
            if column
            else message
        )
        Exception.__init__(self, f"{where}: {what}")
        self.path = Path(path)


REQUIRED_CSV: tuple[str, ...] = ("Session ID", "Started (UTC)")
"""The columns a CSV must have; every other one has a default."""

_SET_DEFAULTS: dict[str, Any] = {
    "exercise_id": "",
    "exercise_name": "",
    "category": "",
    "pattern": "",
    "side": None,
    "block": 0,
    "block_name": "",
    "round": 1,
    "set": 1,
    "planned_seconds": 0.0,
    "actual_seconds": 0.0,
    "reps_planned": None,
    "reps_done": None,
    "load": None,
    "skipped": False,
    "pain_flag": False,
}


class _Problem(ValueError):
    """A value breaks its rule; ``column`` says where."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


def _session_defaults(values: dict[str, Any]) -> dict[str, Any]:
    """The defaults of the session fields a file did not give (see the module docstring)."""
    ended = values.get("ended_at")
    return {
        "routine_name": "",
        "routine_path": "",
        "content_hash": "",
        "ended_at": None,
        "updated_at": ended if ended is not None else values["started_at"],
        "planned_seconds": 0.0,
        "active_seconds": 0.0,
        "status": SessionStatus.COMPLETED if ended is not None else SessionStatus.STOPPED,
        "rpe": None,
        "pain_before": None,
        "pain_after": None,
        "notes": "",
        "resume_segment": 0,
        "resume_offset": 0.0,
    }


def _record(values: dict[str, Any]) -> SessionRecord:
    """A SessionRecord from checked values, defaults filled in; running becomes interrupted."""
    full = {**_session_defaults(values), **values}
    if full["status"] is SessionStatus.RUNNING:
        full["status"] = SessionStatus.INTERRUPTED
    return SessionRecord(**{name: full[name] for name in SESSION_FIELDS})


def _shown(text: str) -> str:
    """A value from the file as a message quotes it (at most 40 characters)."""
    return repr(text[:40])


def _not_a_time(text: str) -> str:
    return _("{value} is not a time from 1970 to 2200").format(value=_shown(text))


def _no_start() -> str:
    return _("missing; every session needs its start time")


# CSV -------------------------------------------------------------------------------


def _time_cell(text: str) -> float:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        words = _("{value} is not a time (use ISO 8601 like 2026-01-07T07:30:00Z)")
        raise ValueError(words.format(value=_shown(text))) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.timestamp()
    except (OverflowError, OSError, ValueError):
        raise ValueError(_not_a_time(text)) from None


def _number_cell(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ValueError(_("{value} is not a number").format(value=_shown(text))) from None


def _whole_cell(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ValueError(_("{value} is not a whole number").format(value=_shown(text))) from None


def _flag_cell(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("yes", "true", "1"):
        return True
    if lowered in ("no", "false", "0", ""):
        return False
    raise ValueError(_("{value} is not yes or no").format(value=_shown(text)))


_CELL: dict[Kind, Callable[[str], Any]] = {
    Kind.TIME: _time_cell,
    Kind.OPTIONAL_TIME: _time_cell,
    Kind.SECONDS: _number_cell,
    Kind.COUNT: _whole_cell,
    Kind.OPTIONAL_COUNT: _whole_cell,
    Kind.RATING: _whole_cell,
}
_EMPTY_IS_NOTHING = frozenset(
    {Kind.OPTIONAL_TEXT, Kind.OPTIONAL_TIME, Kind.OPTIONAL_COUNT, Kind.RATING, Kind.SIDE}
)


def _cell(kind: Kind, text: str) -> Any:
    """The value of one CSV cell of ``kind``, checked; ValueError saying why not."""
    if kind is Kind.FLAG:
        return _flag_cell(text)
    if text == "" or (kind is not Kind.NOTES and kind is not Kind.TEXT and not text.strip()):
        if kind in _EMPTY_IS_NOTHING:
            return None
        if kind in (Kind.TEXT, Kind.NOTES):
            return ""
        raise ValueError(_("empty; {kind} is needed").format(kind=kind_words(kind)))
    if kind is Kind.ID:
        found = normal_session_id(text)
        if found is None:
            raise ValueError(_("{value} is not a session id (a UUID)").format(value=_shown(text)))
        return found
    parse = _CELL.get(kind)
    value = parse(text) if parse is not None else text
    try:
        return check(kind, value)
    except ValueError:
        if kind in (Kind.TIME, Kind.OPTIONAL_TIME):
            raise ValueError(_not_a_time(text)) from None
        raise


def _cells(
    row: Mapping[str, str], columns: tuple[tuple[str, str], ...], rules: Mapping[str, Any]
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column, field in columns:
        if column not in row:
            continue
        try:
            values[field] = _cell(rules[field].kind, row[column])
        except ValueError as error:
            raise _Problem(column, str(error)) from None
    return values


def parse_csv(path: Path, text: str) -> list[SessionDetail]:
    """The sessions of a CSV export; ImportFormatError at the first bad value."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, [])
    except csv.Error as error:
        words = _("not a CSV file ({error})").format(error=error)
        raise ImportFormatError(path, words, line=1) from None
    missing = [column for column in REQUIRED_CSV if column not in header]
    if missing:
        words = _("not a matwork CSV export (missing columns: {columns})")
        raise ImportFormatError(path, words.format(columns=", ".join(missing)), line=1)
    records: dict[str, SessionRecord] = {}
    first_lines: dict[str, int] = {}
    sets: dict[str, list[SetResult]] = {}
    current: str | None = None
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader, None)
        except csv.Error as error:
            words = _("not CSV ({error})").format(error=error)
            raise ImportFormatError(path, words, line=line) from None
        if cells is None:
            break
        try:
            if cells and any(cell.strip() for cell in cells):
                current = _csv_row(header, cells, records, first_lines, sets, current, line)
        except _Problem as problem:
            raise ImportFormatError(path, str(problem), line=line, column=problem.column) from None
        line = reader.line_num + 1
    return [SessionDetail(session=records[uuid], sets=sets[uuid]) for uuid in records]


def _csv_row(
    header: list[str],
    cells: list[str],
    records: dict[str, SessionRecord],
    first_lines: dict[str, int],
    sets: dict[str, list[SetResult]],
    current: str | None,
    line: int,
) -> str:
    """Read one CSV row into ``records``/``sets``; returns its session's id."""
    if len(cells) != len(header):
        column = header[len(cells)] if len(cells) < len(header) else f"#{len(header) + 1}"
        words = _("the row has {cells} cells, the header {header}")
        raise _Problem(column, words.format(cells=len(cells), header=len(header)))
    row = dict(zip(header, cells, strict=True))
    uuid = str(_cells(row, SESSION_CSV[:1], SESSION_RULES)["uuid"])
    session = _cells(row, SESSION_CSV, SESSION_RULES)  # every row's cells are checked
    if uuid != current:
        if uuid in records:
            words = _(
                "{id} appears again (its session began at line {line}; "
                "the rows of one session must be together)"
            )
            raise _Problem("Session ID", words.format(id=uuid, line=first_lines[uuid]))
        if "started_at" not in session:
            raise _Problem("Started (UTC)", _no_start())
        records[uuid] = _record(session)  # the first row's session cells are the session's
        first_lines[uuid] = line
        sets[uuid] = []
    if row.get("Segment", "").strip():
        values = _cells(row, SET_CSV, SET_RULES)
        full = {
            **_SET_DEFAULTS,
            "segment": len(sets[uuid]),
            "started_at": records[uuid].started_at,
            **values,
        }
        sets[uuid].append(SetResult(**full))
    return uuid


# JSON Lines ------------------------------------------------------------------------


def _json_values(item: Mapping[str, Any], rules: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field, rule in rules.items():
        if field not in item:
            continue
        value = item[field]
        try:
            if rule.kind is Kind.ID:
                found = normal_session_id(value) if isinstance(value, str) else None
                if found is None:
                    raise ValueError(
                        _("empty; a session id (a UUID) is needed")
                        if value in ("", None)
                        else _("{value} is not a session id (a UUID)").format(
                            value=_shown(str(value))
                        )
                    )
                values[field] = found
            else:
                values[field] = check(rule.kind, value)
        except ValueError as error:
            raise _Problem(prefix + field, str(error)) from None
    return values


def _json_session(item: Any) -> SessionDetail:
    if not isinstance(item, dict):
        raise _Problem("", _("not a JSON object (one session per line)"))
    if "uuid" not in item:
        raise _Problem("uuid", _("missing; every session needs its id"))
    values = _json_values(item, SESSION_RULES, "")
    if "started_at" not in item:
        raise _Problem("started_at", _no_start())
    raw_sets = item.get("sets", [])
    if not isinstance(raw_sets, list):
        raise _Problem("sets", _("not a list of sets"))
    record = _record(values)
    results = []
    for index, raw in enumerate(raw_sets):
        if not isinstance(raw, dict):
            raise _Problem(f"sets[{index}]", _("not a JSON object"))
        set_values = _json_values(raw, SET_RULES, f"sets[{index}].")
        full = {
            **_SET_DEFAULTS,
            "segment": index,
            "started_at": record.started_at,
            **set_values,
        }
        results.append(SetResult(**full))
    return SessionDetail(session=record, sets=results)


def parse_jsonl(path: Path, text: str) -> list[SessionDetail]:
    """The sessions of a JSON Lines export; ImportFormatError at the first bad value."""
    details: list[SessionDetail] = []
    first_lines: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except (ValueError, RecursionError) as error:
            words = _("not JSON ({error})").format(error=error)
            raise ImportFormatError(path, words, line=number) from None
        try:
            detail = _json_session(item)
        except _Problem as problem:
            raise ImportFormatError(
                path, str(problem), line=number, column=problem.column or None
            ) from None
        uuid = detail.session.uuid
        if uuid in first_lines:
            raise ImportFormatError(
                path,
                _("{id} appears again (first at line {line})").format(
                    id=uuid, line=first_lines[uuid]
                ),
                line=number,
                column="uuid",
            )
        first_lines[uuid] = number
        details.append(detail)
    return details
