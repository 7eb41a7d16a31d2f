"""Reading the session log: record types and the queries behind log, show and stats."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from matwork.core.kinds import SessionStatus
from matwork.core.results import SetResult
from matwork.core.stats import COUNTED_STATUSES, SessionRow, SetRow
from matwork.store.ids import is_session_id
from matwork.store.records import (
    SESSION_FIELDS,
    SET_COLUMNS,
    SessionDetail,
    SessionRecord,
    column_list,
    placeholders,
    read_status,
    session_from_row,
    set_from_row,
)
from matwork.store.schema import HistoryError, fetch_all, translate_error, writer_alive
from matwork.store.values import MAX_SECONDS, MAX_TIME, MIN_TIME, Kind, fields_reader

_COUNT_COLUMNS = (
    "(SELECT COUNT(*) FROM sets WHERE session_uuid = s.uuid AND NOT skipped) AS sets_done, "
    "(SELECT COUNT(*) FROM sets WHERE session_uuid = s.uuid AND skipped) AS sets_skipped"
)
_SESSION_SELECT = (
    f"SELECT {column_list(SESSION_FIELDS, 's.')}, {_COUNT_COLUMNS}, "
    "s.writer_pid AS writer_pid, s.writer_marker AS writer_marker FROM sessions AS s"
)


def _as_dict(row: sqlite3.Row) -> dict[str, Any]:
    return dict(zip(row.keys(), row, strict=True))


class SessionNotFoundError(HistoryError, LookupError):
    """No session matches the given id, prefix or row number (or more than one does)."""


_SESSION_STATS: dict[str, Kind] = {
    "started_at": Kind.TIME,
    "status": Kind.STATUS,
    "active_seconds": Kind.SECONDS,
    "pain_before": Kind.RATING,
    "pain_after": Kind.RATING,
}
_SET_STATS: dict[str, Kind] = {
    "session_started_at": Kind.TIME,
    "category": Kind.TEXT,
    "pattern": Kind.TEXT,
    "actual_seconds": Kind.SECONDS,
    "skipped": Kind.FLAG,
}


_read_session_stats = fields_reader(_SESSION_STATS)
_read_set_stats = fields_reader(_SET_STATS)
_read_start = fields_reader({"started_at": Kind.TIME})


def _stats_row(make: Any, read: Callable[[Any], list[Any] | None], row: sqlite3.Row) -> Any:
    """A SessionRow or SetRow from ``row`` through ``read``; None if a field breaks."""
    values = read(row)
    return None if values is None else make(*values)


assert tuple(_SESSION_STATS) == SessionRow._fields  # read in this order
assert tuple(_SET_STATS) == SetRow._fields


_WINDOW_SETS = (
    "FROM sessions AS s JOIN sets AS t ON t.session_uuid = s.uuid WHERE s.started_at >= ?"
)
_PLAIN_START = (
    f"(typeof(started_at) = 'real' AND +started_at >= {MIN_TIME!r} AND +started_at < {MAX_TIME!r})"
)
"""A start time as the writer stores it: what ``read_value`` takes as it is. (The unary
plus keeps SQLite from reading the whole log through the start-time index for a range
that holds every row: a plain scan is twice as fast.)"""
_PLAIN_SET = (
    f"({_PLAIN_START.replace('started_at', 's.started_at')} "
    "AND typeof(t.category) = 'text' AND typeof(t.pattern) = 'text' "
    f"AND typeof(t.actual_seconds) = 'real' AND t.actual_seconds BETWEEN 0.0 AND {MAX_SECONDS!r} "
    "AND typeof(t.skipped) = 'integer' AND t.skipped IN (0, 1))"
)
"""A set (and its session's start) as the writer stores them, in SQL: the rows that
``_read_set_stats`` takes as they are, so they can be summed by SQLite unread."""


class HistoryReader:
    """The queries of the session log, over an open connection (see HistoryStore)."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        """The database file."""
        self._connection = connection
        self._lock = threading.RLock()
        self.rows_left_out = 0
        """Rows the last ``stats_rows`` could not read (a hand-edited log) and left out."""

    def _query(self, sql: str, parameters: Iterable[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return fetch_all(self._connection, sql, tuple(parameters))
            except sqlite3.Error as error:
                raise translate_error(self.path, error) from error

    # Reading -------------------------------------------------------------------------

    def _record(self, row: sqlite3.Row) -> SessionRecord:
        """A record from a ``_SESSION_SELECT`` row, its status made effective; never raises."""
        status = read_status(row)
        if status is SessionStatus.RUNNING:
            pid, marker = row["writer_pid"], row["writer_marker"]
            if not writer_alive(
                self.path,
                row["uuid"],
                pid if isinstance(pid, int) and 0 < pid < 2**31 else None,
                marker if isinstance(marker, str) else None,
            ):
                status = SessionStatus.INTERRUPTED
        return session_from_row(row, status)

    def _select_sessions(
        self, where: str, tail: str, parameters: Iterable[Any]
    ) -> list[SessionRecord]:
        rows = self._query(f"{_SESSION_SELECT} WHERE {where} {tail}", parameters)
        return [self._record(row) for row in rows]

    def recent_sessions(
        self,
        *,
        since: float | None = None,
        routine: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[SessionRecord]:
        """Sessions newest first, started at or after ``since``, of routine ``routine``."""
        conditions = ["1"]
        parameters: list[Any] = []
        if since is not None:
            conditions.append("started_at >= ?")
            parameters.append(since)
        if routine is not None:
            conditions.append("routine_name = ?")
            parameters.append(routine)
        return self._select_sessions(
            " AND ".join(conditions),
            "ORDER BY started_at DESC, uuid DESC LIMIT ? OFFSET ?",
            [*parameters, limit, offset],
        )

    def count_sessions(self) -> int:
        """How many sessions the log holds."""
        return int(self._query("SELECT COUNT(*) FROM sessions")[0][0])

    def row_number(self, session_uuid: str) -> int:
        """The session's 1-based position in the whole log, newest first (as ``log`` shows)."""
        rows = self._query("SELECT started_at FROM sessions WHERE uuid = ?", (session_uuid,))
        if not rows:
            raise SessionNotFoundError(self.path, f"no session {session_uuid}")
        started = rows[0][0]
        newer = self._query("SELECT COUNT(*) FROM sessions WHERE started_at > ?", (started,))
        tied = self._query(
            "SELECT COUNT(*) FROM sessions WHERE started_at = ? AND uuid > ?",
            (started, session_uuid),
        )
        return int(newer[0][0]) + int(tied[0][0]) + 1

    def resolve(self, reference: str) -> str:
        """The uuid meant by a row number from ``log`` (up to 5 digits) or a uuid prefix."""
        text = reference.strip().lower().lstrip("#")
        if text.isascii() and text.isdigit() and len(text) <= 5:
            rows = self._query(
                "SELECT uuid FROM sessions ORDER BY started_at DESC, uuid DESC LIMIT 1 OFFSET ?",
                (max(int(text), 1) - 1,),
            )
            if not rows or int(text) < 1:
                raise SessionNotFoundError(self.path, f"no session number {text} in the log")
            if not isinstance(rows[0][0], str) or "\ufffd" in rows[0][0]:
                raise SessionNotFoundError(
                    self.path, f"session number {text} has no readable id (edited by hand?)"
                )
            return str(rows[0][0])
        if len(text) < 4:
            raise SessionNotFoundError(
                self.path, f"{reference!r}: give a row number or at least 4 characters of a uuid"
            )
        rows = self._query(
            "SELECT uuid FROM sessions WHERE uuid >= ? AND uuid < ? ORDER BY uuid LIMIT 2",
            (text, text + "~"),
        )
        if not rows:
            raise SessionNotFoundError(self.path, f"no session id starts with {text!r}")
        if len(rows) > 1:
            raise SessionNotFoundError(self.path, f"{text!r} matches several sessions")
        return str(rows[0][0])

    def get_session(self, session_uuid: str) -> SessionDetail:
        """One session with its sets; SessionNotFoundError if there is none."""
        records = self._select_sessions("uuid = ?", "", (session_uuid,))
        if not records:
            raise SessionNotFoundError(self.path, f"no session {session_uuid}")
        rows = self._query(
            f"SELECT {column_list(SET_COLUMNS)} FROM sets WHERE session_uuid = ? "
            "ORDER BY segment, id",
            (session_uuid,),
        )
        return SessionDetail(session=records[0], sets=[set_from_row(row) for row in rows])

    def find_resumable(
        self,
        *,
        routine_path: str | None = None,
        content_hash: str | None = None,
        max_age: timedelta = timedelta(hours=12),
        now: float | None = None,
    ) -> SessionRecord | None:
        """The newest interrupted session of this routine touched within ``max_age``.

        Matches on ``content_hash`` when given (a resume needs the same routine text),
        otherwise on ``routine_path``.
        """
        if content_hash is not None:
            condition, key = "content_hash = ?", content_hash
        elif routine_path is not None:
            condition, key = "routine_path = ?", routine_path
        else:
            raise ValueError("find_resumable needs routine_path or content_hash")
        oldest = (time.time() if now is None else now) - max_age.total_seconds()
        for record in self._select_sessions(
            f"{condition} AND updated_at >= ? AND status IN ('running', 'interrupted')",
            "ORDER BY updated_at DESC",
            (key, oldest),
        ):
            if (
                record.status is SessionStatus.INTERRUPTED
                and is_session_id(record.uuid)
                and not record.unreadable
            ):
                return record
        return None

    def stats_rows(self, since: float) -> tuple[list[SessionRow], list[SetRow], list[float]]:
        """Rows for ``stats.summarize``: sessions and sets since ``since``, and training starts.

        The sets come summed: one row per category, pattern and skipped flag, with the
        seconds of its sets and the earliest start of their sessions, which is all the
        statistics read of them (a 50,000-session log has about 21,000 sets in the
        charts' 26 weeks). A set stored in another form than the writer's (a hand edit)
        is read on its own and left out if it breaks its field's rule. The training
        starts are the start times of every counted session in the whole log (see
        ``stats.counts``), which is all the streaks need from before ``since``.

        ``since`` is the start of ``summarize``'s window (a summed row has the earliest
        start of its sets, so a window starting later would leave out a whole row).
        """
        sessions = self._query(
            f"SELECT {column_list(SessionRow._fields)} FROM sessions WHERE started_at >= ?",
            (since,),
        )
        summed = self._query(
            "SELECT MIN(s.started_at), t.category, t.pattern, SUM(t.actual_seconds), t.skipped "
            f"{_WINDOW_SETS} AND {_PLAIN_SET} GROUP BY t.category, t.pattern, t.skipped",
            (since,),
        )
        odd_sets = self._query(
            "SELECT s.started_at AS session_started_at, "
            f"{column_list(SetRow._fields[1:], 't.')} {_WINDOW_SETS} AND NOT {_PLAIN_SET}",
            (since,),
        )
        statuses = sorted(COUNTED_STATUSES)
        counted = f"active_seconds > 0 AND status IN ({placeholders(len(statuses))})"
        starts = self._query(
            f"SELECT started_at, {_PLAIN_START} AS plain FROM sessions WHERE {counted}", statuses
        )
        session_rows = [_stats_row(SessionRow, _read_session_stats, row) for row in sessions]
        set_rows = [
            SetRow(started, category, pattern, seconds, skipped == 1)
            for started, category, pattern, seconds, skipped in summed
        ]
        odd_set_rows = [_stats_row(SetRow, _read_set_stats, row) for row in odd_sets]
        odd_start_times = [_stats_row(float, _read_start, row) for row in starts if not row[1]]
        self.rows_left_out = (
            session_rows.count(None) + odd_set_rows.count(None) + odd_start_times.count(None)
        )
        return (
            [row for row in session_rows if row is not None],
            set_rows + [row for row in odd_set_rows if row is not None],
            [row[0] for row in starts if row[1]]
            + [start for start in odd_start_times if start is not None],
        )

    def iter_details(self, batch_size: int = 500) -> Iterator[SessionDetail]:
        """Every session with its sets, oldest first, read in batches (for export).

        The order is fixed once, by rowid, when the iteration starts, so a row whose
        start time is not a number (a hand edit) neither ends the export early nor
        repeats; sessions added meanwhile are not included.
        """
        order = [
            int(row[0])
            for row in self._query("SELECT rowid FROM sessions ORDER BY started_at, uuid, rowid")
        ]
        for first in range(0, len(order), batch_size):
            rowids = order[first : first + batch_size]
            found = {
                int(row["row_id"]): self._record(row)
                for row in self._query(
                    f"{_SESSION_SELECT.replace('SELECT ', 'SELECT s.rowid AS row_id, ', 1)} "
                    f"WHERE s.rowid IN ({placeholders(len(rowids))})",
                    rowids,
                )
            }
            records = [found[rowid] for rowid in rowids if rowid in found]
            uuids = [record.uuid for record in records]
            sets_by_uuid: dict[str, list[SetResult]] = {}
            for row in self._query(
                f"SELECT session_uuid, {column_list(SET_COLUMNS)} FROM sets "
                f"WHERE session_uuid IN ({placeholders(len(uuids))}) "
                "ORDER BY session_uuid, segment, id",
                uuids,
            ):
                sets_by_uuid.setdefault(str(row["session_uuid"]), []).append(set_from_row(row))
            for record in records:
                yield SessionDetail(session=record, sets=sets_by_uuid.get(record.uuid, []))

    def check_integrity(self) -> list[str]:
        """SQLite's integrity check: ["ok"] for a sound file, else the problems found."""
        return [str(row[0]) for row in self._query("PRAGMA integrity_check")]
