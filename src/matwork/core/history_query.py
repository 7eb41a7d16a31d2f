"""Reading the session log: record types and the queries behind log, show and stats."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import msgspec

from matwork.core.history_schema import HistoryError, translate_error, writer_alive
from matwork.core.results import SetResult
from matwork.core.stats import COUNTED_STATUSES, SessionRow, SetRow

SESSION_COLUMNS = (
    "uuid, routine_name, routine_path, content_hash, started_at, ended_at, updated_at, "
    "planned_seconds, active_seconds, status, rpe, pain_before, pain_after, notes, "
    "resume_segment, resume_offset"
)
"""The sessions columns that SessionRecord holds, in its field order."""
_COUNT_COLUMNS = (
    "(SELECT COUNT(*) FROM sets WHERE session_uuid = s.uuid AND NOT skipped), "
    "(SELECT COUNT(*) FROM sets WHERE session_uuid = s.uuid AND skipped)"
)
_WRITER_COLUMNS = "writer_pid, writer_marker"
SET_COLUMNS = (
    "segment, exercise_id, exercise_name, category, pattern, side, block, block_name, "
    "round, set_number, planned_seconds, actual_seconds, reps_planned, reps_done, load, "
    "skipped, pain_flag, started_at"
)
"""The sets columns that SetResult holds, in its field order."""
SET_PLACEHOLDERS = ", ".join("?" * 19)
"""Placeholders for session_uuid followed by SET_COLUMNS."""


class SessionNotFoundError(HistoryError, LookupError):
    """No session matches the given id, prefix or row number (or more than one does)."""


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
    status: str
    """running, completed, stopped or interrupted."""
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


class SessionDetail(msgspec.Struct, frozen=True):
    """A session with its sets in the order they were recorded."""

    session: SessionRecord
    sets: list[SetResult]


def ms(seconds: float) -> float:
    """Times are kept to the millisecond, so ISO exports read back exactly."""
    return round(seconds, 3)


def set_from_row(row: tuple[Any, ...]) -> SetResult:
    """A SetResult from the values of SET_COLUMNS."""
    fields = (*row[:15], bool(row[15]), bool(row[16]), row[17])
    return SetResult(*fields)


def set_to_row(result: SetResult) -> tuple[Any, ...]:
    """The values of SET_COLUMNS for one set."""
    values = msgspec.structs.astuple(result)
    return (*values[:15], int(result.skipped), int(result.pain_flag), ms(result.started_at))


class HistoryReader:
    """The queries of the session log, over an open connection (see HistoryStore)."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        """The database file."""
        self._connection = connection
        self._lock = threading.RLock()

    def _query(self, sql: str, parameters: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._connection.execute(sql, tuple(parameters)).fetchall()
            except sqlite3.Error as error:
                raise translate_error(self.path, error) from error

    # Reading -------------------------------------------------------------------------

    def _record(self, row: tuple[Any, ...]) -> SessionRecord:
        """A record from SESSION_COLUMNS + counts + writer columns, status made effective."""
        values = list(row[:18])
        if values[9] == "running" and not writer_alive(self.path, values[0], row[18], row[19]):
            values[9] = "interrupted"
        return SessionRecord(*values)

    def _select_sessions(
        self, where: str, tail: str, parameters: Iterable[Any]
    ) -> list[SessionRecord]:
        rows = self._query(
            f"SELECT {SESSION_COLUMNS}, {_COUNT_COLUMNS}, {_WRITER_COLUMNS} "
            f"FROM sessions AS s WHERE {where} {tail}",
            parameters,
        )
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
        if text.isdigit() and len(text) <= 5:
            rows = self._query(
                "SELECT uuid FROM sessions ORDER BY started_at DESC, uuid DESC LIMIT 1 OFFSET ?",
                (max(int(text), 1) - 1,),
            )
            if not rows or int(text) < 1:
                raise SessionNotFoundError(self.path, f"no session number {text} in the log")
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
            f"SELECT {SET_COLUMNS} FROM sets WHERE session_uuid = ? ORDER BY segment, id",
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
            if record.status == "interrupted":
                return record
        return None

    def stats_rows(self, since: float) -> tuple[list[SessionRow], list[SetRow], list[float]]:
        """Rows for ``stats.summarize``: sessions and sets since ``since``, and training starts.

        The training starts are the start times of every counted session in the whole
        log (see ``stats.counts``), which is all the streaks need from before ``since``.
        """
        sessions = self._query(
            "SELECT started_at, status, active_seconds, pain_before, pain_after FROM sessions "
            "WHERE started_at >= ?",
            (since,),
        )
        sets = self._query(
            "SELECT s.started_at, t.category, t.pattern, t.actual_seconds, t.skipped "
            "FROM sessions AS s JOIN sets AS t ON t.session_uuid = s.uuid "
            "WHERE s.started_at >= ?",
            (since,),
        )
        statuses = sorted(COUNTED_STATUSES)
        starts = self._query(
            "SELECT started_at FROM sessions WHERE active_seconds > 0 "
            f"AND status IN ({', '.join('?' * len(statuses))})",
            statuses,
        )
        return (
            list(map(SessionRow._make, sessions)),
            list(map(SetRow._make, sets)),
            [row[0] for row in starts],
        )

    def iter_details(self, batch_size: int = 500) -> Iterator[SessionDetail]:
        """Every session with its sets, oldest first, read in batches (for export)."""
        after: list[Any] = []
        while True:
            records = self._select_sessions(
                "(started_at, uuid) > (?, ?)" if after else "1",
                "ORDER BY started_at, uuid LIMIT ?",
                [*after, batch_size],
            )
            if not records:
                return
            uuids = [record.uuid for record in records]
            sets_by_uuid: dict[str, list[SetResult]] = {}
            for row in self._query(
                f"SELECT session_uuid, {SET_COLUMNS} FROM sets "
                f"WHERE session_uuid IN ({', '.join('?' * len(uuids))}) "
                "ORDER BY session_uuid, segment, id",
                uuids,
            ):
                sets_by_uuid.setdefault(row[0], []).append(set_from_row(row[1:]))
            for record in records:
                yield SessionDetail(session=record, sets=sets_by_uuid.get(record.uuid, []))
            after = [records[-1].started_at, records[-1].uuid]

    def check_integrity(self) -> list[str]:
        """SQLite's integrity check: ["ok"] for a sound file, else the problems found."""
        return [str(row[0]) for row in self._query("PRAGMA integrity_check")]
