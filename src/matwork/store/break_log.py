"""The desk-break reminders' outcomes in the session log (table ``break_events``).

Every outcome of a reminder (shown, started, snoozed, skipped, completed) is one row,
committed in its own transaction before ``record`` returns, so a killed service loses
nothing it has logged. The file, its checks and migrations are ``history_schema``'s;
this module only adds the reads and writes of its own table, next to ``history`` (the
sessions' writer) and ``history_query`` (their reader).
"""

from __future__ import annotations

import math
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

import msgspec

from matwork.core.break_days import BreakEventRow
from matwork.core.breaks import BreakOutcome
from matwork.store.records import ms
from matwork.store.schema import HistoryError, fetch_all, open_database, translate_error
from matwork.store.transaction import immediate_transaction

_COLUMNS = "reminder_uuid, at, outcome, routine, routine_path, backend, session_uuid"


class BreakEvent(msgspec.Struct, frozen=True, kw_only=True):
    """One outcome of one reminder."""

    reminder_uuid: str
    """The same for every outcome of one reminder."""
    at: float
    """Seconds since the epoch (UTC)."""
    outcome: BreakOutcome
    routine: str
    """The routine offered, as ``matwork play`` takes it (a name or a path)."""
    routine_path: str = ""
    """The routine file, resolved (how a played session is matched to the reminder)."""
    backend: str = ""
    """How the reminder was shown (desktop, terminal, line)."""
    session_uuid: str | None = None
    """The played session, on a ``completed`` row."""


def _event(row: sqlite3.Row) -> BreakEvent | None:
    """A BreakEvent from a row, or None for one a hand edit left unreadable (skipped)."""
    at = row["at"]
    if isinstance(at, bool) or not isinstance(at, int | float) or not math.isfinite(at):
        return None
    try:
        outcome = BreakOutcome(row["outcome"])
    except ValueError:
        return None
    texts = [row[name] for name in ("reminder_uuid", "routine", "routine_path", "backend")]
    if not all(isinstance(text, str) for text in texts):
        return None
    session_uuid = row["session_uuid"]
    return BreakEvent(
        reminder_uuid=texts[0],
        at=float(at),
        outcome=outcome,
        routine=texts[1],
        routine_path=texts[2],
        backend=texts[3],
        session_uuid=session_uuid if isinstance(session_uuid, str) else None,
    )


class BreakLog:
    """Reads and writes ``break_events`` in the session log's file."""

    def __init__(
        self,
        path: Path | str,
        *,
        create: bool = True,
        read_only: bool = False,
    ) -> None:
        """Open the log at ``path`` (the session log's file); ``read_only`` to read only."""
        self.path = Path(path)
        self._connection = open_database(self.path, create=create, read_only=read_only)
        self._lock = threading.RLock()

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._connection.close()

    def __enter__(self) -> BreakLog:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One immediate write transaction, committed when the block ends."""
        with immediate_transaction(self._connection, self._lock, self.path) as connection:
            yield connection

    def _query(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return fetch_all(self._connection, sql, parameters)
            except sqlite3.Error as error:
                raise translate_error(self.path, error) from error

    def record(self, event: BreakEvent) -> None:
        """Commit one outcome before returning."""
        with self._transaction() as connection:
            connection.execute(
                f"INSERT INTO break_events ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    event.reminder_uuid,
                    ms(event.at),
                    str(event.outcome),
                    event.routine,
                    event.routine_path,
                    event.backend,
                    event.session_uuid,
                ),
            )

    def events(self, since: float = 0.0, until: float | None = None) -> list[BreakEvent]:
        """The outcomes logged from ``since`` (inclusive) to ``until`` (exclusive), in order."""
        rows = self._query(
            f"SELECT {_COLUMNS} FROM break_events WHERE at >= ? AND at < ? ORDER BY at, id",
            (since, until if until is not None else float("inf")),
        )
        return [event for event in map(_event, rows) if event is not None]

    def count_rows(self, since: float = 0.0, until: float | None = None) -> list[BreakEventRow]:
        """The rows ``break_days`` counts, from ``since`` to ``until``."""
        return [
            BreakEventRow(event.reminder_uuid, event.at, event.outcome)
            for event in self.events(since, until)
        ]

    def last_routine(self) -> str | None:
        """The routine of the latest reminder shown, to go on with the rotation."""
        rows = self._query(
            "SELECT routine FROM break_events WHERE outcome = 'shown' ORDER BY at DESC, id DESC "
            "LIMIT 1"
        )
        return str(rows[0][0]) if rows else None

    def completed_session(self, routine_path: str, since: float) -> str | None:
        """The uuid of a session of ``routine_path`` started since ``since`` and completed."""
        if not routine_path:
            return None
        rows = self._query(
            "SELECT uuid FROM sessions WHERE routine_path = ? AND started_at >= ? "
            "AND status = 'completed' ORDER BY started_at LIMIT 1",
            (routine_path, ms(since) - 0.001),
        )
        return str(rows[0][0]) if rows else None


__all__ = ["BreakEvent", "BreakLog", "HistoryError"]
