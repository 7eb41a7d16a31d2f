"""Export the session log to CSV or JSON Lines, and import such files back.

CSV has one row per set with its session's fields repeated (like Strong or Hevy
exports); a session without sets gets one row with the set columns empty. JSON Lines
has one session per line with a ``sets`` list. Times are UTC ISO 8601 in CSV and epoch
seconds in JSON Lines. Importing is keyed by session uuid: a session already in the log
is skipped, so importing a file twice adds nothing. Every value is checked before
anything is written (``import_rows``).

Exporting to a file never harms the log: a target that is the log, its -wal, -shm or
-journal, or anything in its lock folder is refused however it is named (a symlink, a
hard link, ``./x/../history.sqlite3``); an existing file is replaced only with
``force``; the text goes through a temporary file and a rename, created 0600.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any, TextIO

import msgspec

from matwork.i18n import _
from matwork.store.csv_columns import SESSION_CSV, SET_CSV
from matwork.store.errors import (
    DISK_FULL,
    PERMISSION_DENIED,
    READ_ONLY,
    DiskFullError,
    HistoryError,
    HistoryPermissionError,
    ReadOnlyHistoryError,
)
from matwork.store.files import (
    os_error_text,
    os_error_words,
    same_file,
    write_private_atomically,
)
from matwork.store.import_rows import ImportFormatError, parse_csv, parse_jsonl
from matwork.store.locks import lock_dir
from matwork.store.records import SessionDetail, unreadable_of
from matwork.store.writer import HistoryStore

__all__ = [
    "CSV_HEADER",
    "FORMATS",
    "ExportTargetError",
    "ImportFormatError",
    "ImportResult",
    "export",
    "import_file",
    "read_export",
]

FORMATS: tuple[str, ...] = ("csv", "jsonl")
"""Export formats."""


class ExportTargetError(HistoryError):
    """An export may not be written there: it is the log, or it exists (without force)."""


class ImportResult(msgspec.Struct, frozen=True):
    """What an import did."""

    added: int
    """Sessions added."""
    already_present: int
    """Sessions skipped because their uuid was already in the log."""
    sets: int
    """Sets in the added sessions."""


def _iso(timestamp: float | None) -> str:
    if timestamp is None:
        return ""
    moment = datetime.fromtimestamp(timestamp, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


_TIME_FIELDS = frozenset({"started_at", "ended_at", "updated_at"})
CSV_HEADER: tuple[str, ...] = (
    "Date",
    *(column for column, _field in SESSION_CSV),
    "Set Order",
    *(column for column, _field in SET_CSV),
)
"""The CSV export's columns; ``Date`` is the local start time, for spreadsheets."""


def _cells(value: object, fields: tuple[tuple[str, bool], ...]) -> list[str]:
    """A record's or set's fields as CSV cells (``fields``: name, is a time); an
    unreadable one as it is stored (import will name it)."""
    stored = unreadable_of(value)
    cells = []
    for field, is_time in fields:
        if field in stored:
            cells.append(stored[field])
            continue
        item = getattr(value, field)
        cells.append(_iso(item) if is_time else _text(item))
    return cells


_SESSION_FIELDS = tuple((field, field in _TIME_FIELDS) for _, field in SESSION_CSV)
_SET_FIELDS = tuple((field, field == "started_at") for _, field in SET_CSV)


def _date(detail: SessionDetail, tz: tzinfo | None) -> str:
    if "started_at" in unreadable_of(detail.session):
        return "?"
    return datetime.fromtimestamp(detail.session.started_at, tz).strftime("%Y-%m-%d %H:%M")


def _csv_rows(details: Iterable[SessionDetail], tz: tzinfo | None) -> Iterator[list[str]]:
    for detail in details:
        session_cells = [_date(detail, tz), *_cells(detail.session, _SESSION_FIELDS)]
        if not detail.sets:
            yield [*session_cells, "", *("" for _column in SET_CSV)]
        for order, result in enumerate(detail.sets, start=1):
            yield [*session_cells, str(order), *_cells(result, _SET_FIELDS)]


def _json_line(detail: SessionDetail, encoder: msgspec.json.Encoder) -> str:
    """One session as a JSON line; unreadable values as they are stored (text)."""
    line = {**msgspec.structs.asdict(detail.session)}
    line.update(line.pop("unreadable"))
    del line["sets_done"], line["sets_skipped"]
    sets = []
    for result in detail.sets:
        item = {name: getattr(result, name) for name in result.__struct_fields__}
        item.update(item.pop("unreadable", {}))
        sets.append(item)
    line["sets"] = sets
    return encoder.encode(line).decode() + "\n"


def _write(store: HistoryStore, format: str, out: TextIO, tz: tzinfo | None) -> int:
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
        out.write(_json_line(detail, encoder))
    return sessions


def log_files(database: Path) -> list[Path]:
    """The files that make up the log at ``database``: the file, -wal, -shm, -journal."""
    return [database] + [
        database.with_name(database.name + suffix) for suffix in ("-wal", "-shm", "-journal")
    ]


def check_export_target(target: Path, database: Path, *, force: bool) -> None:
    """Refuse (ExportTargetError) a target that is part of the log, or exists without force."""
    locks = lock_dir(database)
    resolved = Path(os.path.realpath(target))
    if any(same_file(target, part) for part in log_files(database)) or (
        resolved == Path(os.path.realpath(locks))
        or Path(os.path.realpath(locks)) in resolved.parents
        or (locks.exists() and same_file(target.parent, locks))
    ):
        words = _(
            "this is the session log itself (or one of its files, {log}); export to another file"
        )
        raise ExportTargetError(target, words.format(log=database))
    if os.path.isdir(target):
        raise ExportTargetError(target, _("is a folder; give a file name to export to"))
    if not force and os.path.lexists(target):
        raise ExportTargetError(target, _already_exists())


def _already_exists() -> str:
    return _("already exists; add --force to replace it")


_WRITE_ERRORS: dict[str, type[HistoryError]] = {
    DISK_FULL: DiskFullError,
    READ_ONLY: ReadOnlyHistoryError,
    PERMISSION_DENIED: HistoryPermissionError,
}


def export(
    store: HistoryStore,
    format: str,
    out: TextIO | Path | str,
    *,
    tz: tzinfo | None = None,
    force: bool = False,
) -> int:
    """Write the whole log to ``out`` as "csv" or "jsonl"; returns the number of sessions.

    ``tz`` sets the local zone of the CSV ``Date`` column (None: the system's zone). A
    path is checked (``check_export_target``) and written whole through a temporary
    file, 0600; ``force`` replaces an existing file. Raises ExportTargetError or a
    HistoryError that says "disk full", "read-only file system" or "permission denied".
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    if not isinstance(out, str | Path):
        return _write(store, format, out, tz)
    target = Path(out)
    check_export_target(target, store.path, force=force)
    try:
        return write_private_atomically(
            target, lambda stream: _write(store, format, stream, tz), replace=force
        )
    except FileExistsError as error:
        raise ExportTargetError(target, _already_exists()) from error
    except OSError as error:
        kind = _WRITE_ERRORS.get(os_error_words(error), HistoryError)
        words = _("cannot write the export: {reason}").format(reason=os_error_text(error))
        raise kind(target, words) from error


def read_export(path: Path | str) -> list[SessionDetail]:
    """Parse a CSV or JSON Lines export (chosen by extension, else by content).

    A byte-order mark (Excel's "CSV UTF-8") is skipped.
    """
    source = Path(path)
    try:
        data = source.read_bytes()
    except OSError as error:
        words = _("cannot read the file ({reason})").format(reason=os_error_text(error))
        raise ImportFormatError(source, words) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        words = _('not UTF-8 text (save it as UTF-8, in Excel "CSV UTF-8")')
        raise ImportFormatError(source, words, line=line) from error
    suffix = source.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json") or (
        suffix != ".csv" and text.lstrip().startswith("{")
    ):
        return parse_jsonl(source, text)
    return parse_csv(source, text)


def import_file(store: HistoryStore, path: Path | str) -> ImportResult:
    """Add the sessions of an export file that the log does not have yet (all or none)."""
    added, present, sets = store.import_sessions(read_export(path))
    return ImportResult(added=added, already_present=present, sets=sets)
