"""The session log: an SQLite file of sessions and their sets, written as the player goes.

Open it with ``HistoryStore(path)``: the caller resolves the path (``Paths.log_file``)
and the store never looks it up. The store is the player's ResultSink: ``session_started``
writes the session row, each ``set_finished`` commits its set before returning, and
``session_ended`` closes the row. The queries live in ``history_query``, the file's
creation, checks, migrations and writer locks in ``history_schema``.
"""

from __future__ import annotations

import enum
import os
import sqlite3
import time
import uuid as uuid_module
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import msgspec

from matwork.core.kinds import EndStatus, SessionStatus
from matwork.core.results import SessionInfo, SetResult
from matwork.store.reader import HistoryReader, SessionNotFoundError
from matwork.store.records import (
    SESSION_FIELDS,
    SET_COLUMNS,
    SessionDetail,
    SessionRecord,
    column_list,
    ms,
    placeholders,
    session_values,
    set_values,
)
from matwork.store.schema import (
    BUSY_TIMEOUT_MS,
    CorruptHistoryError,
    DiskFullError,
    HistoryBusyError,
    HistoryError,
    HistoryPermissionError,
    NewerSchemaError,
    NotOursError,
    ReadOnlyHistoryError,
    move_aside,
    open_database,
    process_marker,
    release_writer_lock,
    take_writer_lock,
    translate_os_error,
)
from matwork.store.transaction import immediate_transaction

__all__ = [
    "CorruptHistoryError",
    "DiskFullError",
    "HistoryBusyError",
    "HistoryError",
    "HistoryPermissionError",
    "HistoryStore",
    "NewerSchemaError",
    "NotOursError",
    "ReadOnlyHistoryError",
    "SessionBusyError",
    "SessionDetail",
    "SessionNotFoundError",
    "SessionRecord",
    "move_aside",
]

_INSERT_SET = (
    f"INSERT INTO sets (session_uuid, {column_list(SET_COLUMNS)}) "
    f"VALUES ({placeholders(1 + len(SET_COLUMNS))})"
)
_INSERT_SESSION = (
    f"INSERT OR IGNORE INTO sessions ({column_list(SESSION_FIELDS)}) "
    f"VALUES ({placeholders(len(SESSION_FIELDS))})"
)

Rating = int | None
"""A 0-10 answer (RPE, pain), or None to clear it."""


class SessionBusyError(HistoryError):
    """The session is being written by a live process, or cannot be resumed."""


class _Unset(enum.Enum):
    UNSET = enum.auto()


_UNSET = _Unset.UNSET


def _rating(name: str, value: int | None) -> int | None:
    if value is not None and not 0 <= value <= 10:
        raise ValueError(f"{name} must be between 0 and 10, not {value}")
    return value


class HistoryStore(HistoryReader):
    """The session log; a ResultSink for the player and the query API for the UI."""

    def __init__(
        self,
        path: Path | str,
        *,
        create: bool = True,
        synchronous: str = "NORMAL",
        read_only: bool = False,
    ) -> None:
        """Open the log at ``path``.

        With ``create=False`` a missing file reads as an empty log and nothing is made.
        ``read_only`` opens the file for reading only (``log``, ``show``, ``stats``,
        ``export``, History), so a log on a read-only disk still reads; writing raises.
        ``synchronous`` may be "FULL" to fsync every commit (see history_schema).
        """
        if synchronous.upper() not in ("NORMAL", "FULL"):
            raise ValueError(f"synchronous must be NORMAL or FULL, not {synchronous!r}")
        database = Path(path)
        self._in_memory = read_only or (create is False and not database.exists())
        super().__init__(database, open_database(database, create=create, read_only=read_only))
        if not read_only:
            self._connection.execute(f"PRAGMA synchronous = {synchronous.upper()}")
        self._current: str | None = None
        self._lock_descriptor: int | None = None
        self._resume_uuid: str | None = None

    # Lifecycle ---------------------------------------------------------------------

    def close(self) -> None:
        """Close the file; a session still open reads as interrupted (and resumable)."""
        with self._lock:
            if self._current is not None and self._lock_descriptor is not None:
                os.close(self._lock_descriptor)
            self._current = None
            self._lock_descriptor = None
            self._connection.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def current_uuid(self) -> str | None:
        """The uuid of the session this store is writing, or None."""
        return self._current

    @contextmanager
    def waiting_at_most(self, milliseconds: int) -> Iterator[None]:
        """Within the block, a write waits at most ``milliseconds`` for another process.

        Past that it raises HistoryBusyError and writes nothing (the session log's
        writer queues it and tries again). Other threads' calls wait for the block.
        """
        with self._lock:
            self._connection.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
            try:
                yield
            finally:
                self._connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One immediate write transaction, committed before the block's caller returns."""
        with immediate_transaction(self._connection, self._lock, self.path) as connection:
            yield connection

    # ResultSink ----------------------------------------------------------------------

    def session_started(self, info: SessionInfo) -> None:
        """Write the session row (or reopen the one armed by ``continue_session``).

        The armed resume is kept until the row is written, so a write retried after
        HistoryBusyError still continues the same row.
        """
        self.start_session(info, resume_uuid=self._resume_uuid)
        self._resume_uuid = None

    def set_finished(self, result: SetResult, *, active_seconds: float | None = None) -> None:
        """Commit one set and move the resume position past it.

        ``active_seconds``: the session's active time at the set's end, kept with the
        set so a killed session keeps it (None leaves the stored value).
        """
        session_uuid = self._require_session()
        now = ms(time.time())
        with self._transaction() as connection:
            connection.execute(_INSERT_SET, (session_uuid, *set_values(result)))
            connection.execute(
                "UPDATE sessions SET updated_at = ?, "
                "resume_offset = CASE WHEN resume_segment > ? THEN resume_offset ELSE 0 END, "
                "resume_segment = MAX(resume_segment, ? + 1), "
                "active_seconds = COALESCE(?, active_seconds) WHERE uuid = ?",
                (now, result.segment, result.segment, active_seconds, session_uuid),
            )

    def session_ended(self, status: EndStatus, active_seconds: float) -> None:
        """Close the session as completed or stopped and release its writer lock."""
        session_uuid = self._require_session()
        now = ms(time.time())
        with self._transaction() as connection:
            connection.execute(
                "UPDATE sessions SET status = ?, ended_at = ?, updated_at = ?, "
                "active_seconds = ? WHERE uuid = ?",
                (status, now, now, active_seconds, session_uuid),
            )
        with self._lock:
            if self._lock_descriptor is not None:
                release_writer_lock(self.path, session_uuid, self._lock_descriptor)
            self._current = None
            self._lock_descriptor = None

    # Writing -------------------------------------------------------------------------

    def _require_session(self) -> str:
        if self._current is None:
            raise RuntimeError("no session is open: call session_started first")
        return self._current

    def continue_session(self, session_uuid: str) -> SessionRecord:
        """Arm the next ``session_started`` to continue this session's row; returns it.

        The returned record's ``resume_segment``/``resume_offset`` say where to go on.
        """
        record = self.get_session(session_uuid).session
        if record.status is SessionStatus.RUNNING:
            raise SessionBusyError(self.path, f"session {session_uuid} is running elsewhere")
        self._resume_uuid = record.uuid
        return record

    def start_session(
        self, info: SessionInfo, *, resume_uuid: str | None = None, now: float | None = None
    ) -> str:
        """Begin a new session (or continue ``resume_uuid``) and return its uuid."""
        if self._in_memory:
            raise HistoryError(self.path, "the log was opened read-only")
        if self._current is not None:
            raise RuntimeError(f"session {self._current} is still open in this store")
        started = ms(time.time() if now is None else now)
        session_uuid = resume_uuid or str(uuid_module.uuid4())
        try:
            descriptor = take_writer_lock(self.path, session_uuid)
        except OSError as error:  # a read-only or full disk, a folder not ours
            raise translate_os_error(self.path, error, "lock the session") from error
        if descriptor is None:
            raise SessionBusyError(self.path, f"session {session_uuid} is running elsewhere")
        pid = os.getpid()
        try:
            with self._transaction() as connection:
                if resume_uuid is None:
                    connection.execute(
                        "INSERT INTO sessions (uuid, routine_name, routine_path, content_hash, "
                        "started_at, updated_at, planned_seconds, status, writer_pid, "
                        "writer_marker) VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)",
                        (
                            session_uuid,
                            info.routine_name,
                            info.routine_path,
                            info.content_hash,
                            started,
                            started,
                            info.planned_seconds,
                            pid,
                            process_marker(pid),
                        ),
                    )
                else:
                    self._reopen(connection, info, resume_uuid, started, pid)
        except BaseException:
            release_writer_lock(self.path, session_uuid, descriptor)
            raise
        with self._lock:
            self._current = session_uuid
            self._lock_descriptor = descriptor
        return session_uuid

    def _reopen(
        self, connection: sqlite3.Connection, info: SessionInfo, uuid: str, now: float, pid: int
    ) -> None:
        row = connection.execute(
            "SELECT status, content_hash FROM sessions WHERE uuid = ?", (uuid,)
        ).fetchone()
        if row is None:
            raise SessionNotFoundError(self.path, f"no session {uuid} to resume")
        if row["status"] == SessionStatus.COMPLETED:
            raise SessionBusyError(self.path, f"session {uuid} is already completed")
        if row["content_hash"] != info.content_hash:
            raise SessionBusyError(
                self.path, f"session {uuid} was of a different version of the routine"
            )
        connection.execute(
            "UPDATE sessions SET status = 'running', ended_at = NULL, updated_at = ?, "
            "writer_pid = ?, writer_marker = ? WHERE uuid = ?",
            (now, pid, process_marker(pid), uuid),
        )

    def update_position(
        self, segment: int, seconds_into: float, active_seconds: float | None = None
    ) -> None:
        """Record where a resume would continue (and the active time so far)."""
        session_uuid = self._require_session()
        with self._transaction() as connection:
            connection.execute(
                "UPDATE sessions SET resume_segment = ?, resume_offset = ?, updated_at = ?, "
                "active_seconds = COALESCE(?, active_seconds) WHERE uuid = ?",
                (segment, seconds_into, ms(time.time()), active_seconds, session_uuid),
            )

    def annotate(
        self,
        session_uuid: str,
        *,
        rpe: Rating | _Unset = _UNSET,
        pain_before: Rating | _Unset = _UNSET,
        pain_after: Rating | _Unset = _UNSET,
        notes: str | _Unset = _UNSET,
    ) -> None:
        """Set any of RPE, pain before/after (0-10, None clears) and notes of a session."""
        changes: dict[str, object] = {}
        for name, value in (("rpe", rpe), ("pain_before", pain_before), ("pain_after", pain_after)):
            if not isinstance(value, _Unset):
                changes[name] = _rating(name, value)
        if not isinstance(notes, _Unset):
            changes["notes"] = notes
        if not changes:
            return
        assignments = ", ".join(f"{name} = ?" for name in changes)
        with self._transaction() as connection:
            cursor = connection.execute(
                f"UPDATE sessions SET {assignments} WHERE uuid = ?",
                (*changes.values(), session_uuid),
            )
            if cursor.rowcount == 0:
                raise SessionNotFoundError(self.path, f"no session {session_uuid}")

    def import_sessions(self, details: Iterable[SessionDetail]) -> tuple[int, int, int]:
        """Add sessions not already in the log, in one transaction.

        Returns (sessions added, sessions already there, sets added).

        A session imported as ``running`` is stored as ``interrupted``.
        """
        added = present = sets = 0
        with self._transaction() as connection:
            for detail in details:
                record = detail.session
                if record.status is SessionStatus.RUNNING:
                    record = msgspec.structs.replace(record, status=SessionStatus.INTERRUPTED)
                cursor = connection.execute(_INSERT_SESSION, session_values(record))
                if cursor.rowcount == 0:
                    present += 1
                    continue
                added += 1
                sets += len(detail.sets)
                connection.executemany(
                    _INSERT_SET, [(record.uuid, *set_values(result)) for result in detail.sets]
                )
        return added, present, sets
