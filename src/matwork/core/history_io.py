"""Export the session log to CSV or JSON Lines, and import such files back.

CSV has one row per set with its session's fields repeated (like Strong or Hevy
exports); a session without sets gets one row with the set columns empty. JSON Lines
has one session per line with a ``sets`` list. Times are UTC ISO 8601 in CSV and epoch
seconds in JSON Lines. Importing is keyed by session uuid: a session already in the log
is skipped, so importing a file twice adds nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any, TextIO

import msgspec

from matwork.core.history import HistoryStore, SessionDetail, SessionRecord
from matwork.core.history_schema import HistoryError
from matwork.core.results import SetResult

FORMATS: tuple[str, ...] = ("csv", "jsonl")
"""Export formats."""


class ImportFormatError(HistoryError):
    """A file to import is not a matwork export, or a value in it cannot be read."""


class ImportResult(msgspec.Struct, frozen=True):
    """What an import did."""

    added: int
    """Sessions added."""
    already_present: int
    """Sessions skipped because their uuid was already in the log."""
    sets: int
    """Sets in the added sessions."""


class _JsonSession(SessionRecord, frozen=True):
    sets: list[SetResult] = []


def _iso(timestamp: float | None) -> str:
    if timestamp is None:
        return ""
    moment = datetime.fromtimestamp(timestamp, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _from_iso(text: str) -> float | None:
    return datetime.fromisoformat(text).timestamp() if text else None


def _optional(text: str, convert: Callable[[str], Any]) -> Any:
    return convert(text) if text != "" else None


def _flag(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("yes", "true", "1"):
        return True
    if lowered in ("no", "false", "0", ""):
        return False
    raise ValueError(f"not yes or no: {text!r}")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


_SESSION_CSV: tuple[tuple[str, str, Callable[[str], Any]], ...] = (
    ("Session ID", "uuid", str),
    ("Workout Name", "routine_name", str),
    ("Routine Path", "routine_path", str),
    ("Routine Hash", "content_hash", str),
    ("Status", "status", str),
    ("Started (UTC)", "started_at", _from_iso),
    ("Ended (UTC)", "ended_at", _from_iso),
    ("Updated (UTC)", "updated_at", _from_iso),
    ("Workout Planned (s)", "planned_seconds", float),
    ("Workout Active (s)", "active_seconds", float),
    ("RPE", "rpe", lambda text: _optional(text, int)),
    ("Pain Before", "pain_before", lambda text: _optional(text, int)),
    ("Pain After", "pain_after", lambda text: _optional(text, int)),
    ("Notes", "notes", str),
    ("Resume Segment", "resume_segment", int),
    ("Resume Offset (s)", "resume_offset", float),
)
_SET_CSV: tuple[tuple[str, str, Callable[[str], Any]], ...] = (
    ("Segment", "segment", int),
    ("Exercise ID", "exercise_id", str),
    ("Exercise Name", "exercise_name", str),
    ("Category", "category", str),
    ("Pattern", "pattern", str),
    ("Side", "side", lambda text: _optional(text, str)),
    ("Block", "block", int),
    ("Block Name", "block_name", str),
    ("Round", "round", int),
    ("Set", "set", int),
    ("Planned (s)", "planned_seconds", float),
    ("Duration (s)", "actual_seconds", float),
    ("Reps Planned", "reps_planned", lambda text: _optional(text, int)),
    ("Reps", "reps_done", lambda text: _optional(text, int)),
    ("Load", "load", lambda text: _optional(text, str)),
    ("Skipped", "skipped", _flag),
    ("Pain Flag", "pain_flag", _flag),
    ("Set Started (UTC)", "started_at", _from_iso),
)
_TIME_FIELDS = frozenset({"started_at", "ended_at", "updated_at"})
CSV_HEADER: tuple[str, ...] = (
    "Date",
    *(column for column, _, _ in _SESSION_CSV),
    "Set Order",
    *(column for column, _, _ in _SET_CSV),
)
"""The CSV export's columns; ``Date`` is the local start time, for spreadsheets."""


def _csv_rows(details: Iterable[SessionDetail], tz: tzinfo | None) -> Iterator[list[str]]:
    for detail in details:
        record = detail.session
        date = datetime.fromtimestamp(record.started_at, tz).strftime("%Y-%m-%d %H:%M")
        session_cells = [date] + [
            _iso(getattr(record, field)) if field in _TIME_FIELDS else _text(getattr(record, field))
            for _, field, _ in _SESSION_CSV
        ]
        if not detail.sets:
            yield [*session_cells, "", *("" for _ in _SET_CSV)]
        for order, result in enumerate(detail.sets, start=1):
            set_cells = [
                _iso(result.started_at) if field == "started_at" else _text(getattr(result, field))
                for _, field, _ in _SET_CSV
            ]
            yield [*session_cells, str(order), *set_cells]


def export(
    store: HistoryStore, format: str, out: TextIO | Path | str, *, tz: tzinfo | None = None
) -> int:
    """Write the whole log to ``out`` as "csv" or "jsonl"; returns the number of sessions.

    ``tz`` sets the local zone of the CSV ``Date`` column (None: the system's zone).
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            return export(store, format, stream, tz=tz)
    sessions = 0
    if format == "csv":
        writer = csv.writer(out)
        writer.writerow(CSV_HEADER)
        for detail in store.iter_details():
            sessions += 1
            writer.writerows(_csv_rows([detail], tz))
        return sessions
    encoder = msgspec.json.Encoder()
    for detail in store.iter_details():
        sessions += 1
        line = {**msgspec.structs.asdict(detail.session), "sets": detail.sets}
        del line["sets_done"], line["sets_skipped"]
        out.write(encoder.encode(line).decode() + "\n")
    return sessions


_STATUSES = frozenset({"running", "completed", "stopped", "interrupted"})


def _record_fields(values: dict[str, Any]) -> SessionRecord:
    """A SessionRecord from parsed values, checked the way the schema checks them."""
    record = SessionRecord(**{name: values[name] for name in SessionRecord.__struct_fields__})
    if record.status not in _STATUSES:
        raise ValueError(f"unknown status {record.status!r}")
    for name in ("rpe", "pain_before", "pain_after"):
        rating = getattr(record, name)
        if rating is not None and not 0 <= rating <= 10:
            raise ValueError(f"{name} must be between 0 and 10, not {rating}")
    return record


def _parse_jsonl(path: Path, text: str) -> list[SessionDetail]:
    decoder = msgspec.json.Decoder(_JsonSession)
    details: list[SessionDetail] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = decoder.decode(line)
        except msgspec.DecodeError as error:
            raise ImportFormatError(path, f"line {number}: {error}") from error
        fields = {name: getattr(item, name) for name in SessionRecord.__struct_fields__}
        try:
            record = _record_fields(fields)
        except ValueError as error:
            raise ImportFormatError(path, f"line {number}: {error}") from error
        details.append(SessionDetail(session=record, sets=list(item.sets)))
    return details


def _parse_csv(path: Path, text: str) -> list[SessionDetail]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [column for column in CSV_HEADER if column not in (reader.fieldnames or [])]
    if missing:
        raise ImportFormatError(
            path, f"not a matwork CSV export (missing columns: {', '.join(missing)})"
        )
    records: dict[str, SessionRecord] = {}
    sets: dict[str, list[SetResult]] = {}
    first_line = reader.line_num + 1
    for row in reader:
        try:
            uuid = row["Session ID"]
            if uuid not in records:
                values = {field: parse(row[column]) for column, field, parse in _SESSION_CSV}
                records[uuid] = _record_fields({**values, "sets_done": 0, "sets_skipped": 0})
                sets[uuid] = []
            if row["Segment"] != "":
                values = {field: parse(row[column]) for column, field, parse in _SET_CSV}
                sets[uuid].append(SetResult(**values))
        except (ValueError, TypeError) as error:
            raise ImportFormatError(path, f"line {first_line}: {error}") from error
        first_line = reader.line_num + 1
    return [SessionDetail(session=records[uuid], sets=sets[uuid]) for uuid in records]


def read_export(path: Path | str) -> list[SessionDetail]:
    """Parse a CSV or JSON Lines export (chosen by extension, else by content)."""
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ImportFormatError(source, f"cannot read the file ({error})") from error
    suffix = source.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json") or (
        suffix != ".csv" and text.lstrip().startswith("{")
    ):
        return _parse_jsonl(source, text)
    return _parse_csv(source, text)


def import_file(store: HistoryStore, path: Path | str) -> ImportResult:
    """Add the sessions of an export file that the log does not have yet."""
    added, present, sets = store.import_sessions(read_export(path))
    return ImportResult(added=added, already_present=present, sets=sets)
