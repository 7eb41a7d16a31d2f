"""The programme's part of the session log: runs, sessions played against them, check-ins.

Tables of schema version 3 (``store.ddl.MIGRATION_V3``), read and written
through an open ``HistoryStore``: its connection, its write transactions and its
query helper, so the file's locking, checks and error translation stay in one place.
Dates are local calendar dates (ISO text); the caller passes "now" and "today", so
tests run on a fake clock.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from matwork.core.kinds import SessionStatus, Side
from matwork.core.progression import CheckIn, Compared, DoseKey, LoggedSession, LoggedSet
from matwork.core.results import SetResult
from matwork.store.writer import HistoryStore

_RUN_COLUMNS = (
    "id, programme_path, programme_name, content_hash, start_date, started_at, stopped_at"
)


@dataclass(frozen=True)
class ProgrammeRun:
    """One time a programme was started (and maybe stopped)."""

    id: int
    path: str
    name: str
    content_hash: str
    start: date
    started_at: float
    stopped_at: float | None


@dataclass(frozen=True)
class PlayedSession:
    """A session played against a run, with what the log says about it."""

    session_uuid: str
    week: int
    slot: str
    number: int
    logged: LoggedSession


@dataclass(frozen=True)
class CheckInRecord:
    """A stored morning check-in."""

    id: int
    checkin: CheckIn
    taken_at: float
    session_uuid: str | None


def encode_planned(planned: Mapping[DoseKey, int], played_as: Mapping[str, str]) -> str:
    """What a session planned as JSON text: sets per "id|side", and who played for whom."""
    sets = {f"{key}|{side.value if side else ''}": n for (key, side), n in planned.items()}
    return json.dumps({"sets": sets, "as": dict(played_as)}, sort_keys=True)


def decode_planned(text: str) -> tuple[dict[DoseKey, int], dict[str, str]]:
    """The planned set counts and the stand-ins from their JSON text."""
    raw: dict[str, Any] = json.loads(text or "{}")
    planned: dict[DoseKey, int] = {}
    for name, count in raw.get("sets", {}).items():
        key, _, side = name.rpartition("|")
        planned[(key, Side(side) if side else None)] = int(count)
    return planned, {str(k): str(v) for k, v in raw.get("as", {}).items()}


def _side(value: str | None) -> Side | None:
    return Side(value) if value in ("left", "right") else None


def logged_set(result: SetResult) -> LoggedSet:
    """A set of the log as the engine reads it."""
    return LoggedSet(
        exercise_id=result.exercise_id,
        side=_side(result.side),
        reps_planned=result.reps_planned,
        reps_done=result.reps_done,
        planned_seconds=result.planned_seconds,
        actual_seconds=result.actual_seconds,
        skipped=result.skipped,
        pain_flag=result.pain_flag,
    )


class ProgrammeLog:
    """Programme runs, their sessions and the check-ins, in an open session log."""

    def __init__(self, store: HistoryStore) -> None:
        self.store = store

    def _rows(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        return self.store._query(sql, parameters)

    @staticmethod
    def _run(row: sqlite3.Row) -> ProgrammeRun:
        return ProgrammeRun(
            id=int(row["id"]),
            path=row["programme_path"],
            name=row["programme_name"],
            content_hash=row["content_hash"],
            start=date.fromisoformat(row["start_date"]),
            started_at=row["started_at"],
            stopped_at=row["stopped_at"],
        )

    # Runs ---------------------------------------------------------------------------

    def active_run(self) -> ProgrammeRun | None:
        """The run under way, or None."""
        rows = self._rows(
            f"SELECT {_RUN_COLUMNS} FROM programme_runs WHERE stopped_at IS NULL "
            "ORDER BY id DESC LIMIT 1"
        )
        return self._run(rows[0]) if rows else None

    def runs(self) -> list[ProgrammeRun]:
        """Every run, newest first."""
        rows = self._rows(f"SELECT {_RUN_COLUMNS} FROM programme_runs ORDER BY id DESC")
        return [self._run(row) for row in rows]

    def start_run(
        self, path: str, name: str, content_hash: str, start: date, now: float
    ) -> tuple[ProgrammeRun, ProgrammeRun | None]:
        """Start a run (stopping the one under way); returns it and the one stopped."""
        stopped = self.active_run()
        with self.store._transaction() as connection:
            connection.execute(
                "UPDATE programme_runs SET stopped_at = ? WHERE stopped_at IS NULL", (now,)
            )
            cursor = connection.execute(
                "INSERT INTO programme_runs (programme_path, programme_name, content_hash, "
                "start_date, started_at) VALUES (?, ?, ?, ?, ?)",
                (path, name, content_hash, start.isoformat(), now),
            )
            run_id = int(cursor.lastrowid or 0)
        run = ProgrammeRun(run_id, path, name, content_hash, start, now, None)
        return run, stopped

    def stop_run(self, now: float) -> ProgrammeRun | None:
        """Stop the run under way; returns it, or None when none was."""
        run = self.active_run()
        if run is None:
            return None
        with self.store._transaction() as connection:
            connection.execute(
                "UPDATE programme_runs SET stopped_at = ? WHERE id = ?", (now, run.id)
            )
        return ProgrammeRun(
            run.id, run.path, run.name, run.content_hash, run.start, run.started_at, now
        )

    # Sessions -----------------------------------------------------------------------

    def record_session(
        self,
        run_id: int,
        session_uuid: str,
        day: date,
        week: int,
        slot: str,
        number: int,
        planned: Mapping[DoseKey, int],
        played_as: Mapping[str, str],
        now: float,
    ) -> None:
        """Mark a logged session as played against a run, with the sets it planned."""
        with self.store._transaction() as connection:
            connection.execute(
                "INSERT INTO programme_sessions (session_uuid, run_id, local_date, week, slot, "
                "number, planned, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_uuid,
                    run_id,
                    day.isoformat(),
                    week,
                    slot,
                    number,
                    encode_planned(planned, played_as),
                    now,
                ),
            )

    def played(self, run_id: int) -> list[PlayedSession]:
        """The sessions played against a run, oldest first, with their sets."""
        rows = self._rows(
            "SELECT session_uuid, local_date, week, slot, number, planned "
            "FROM programme_sessions WHERE run_id = ? ORDER BY local_date, recorded_at",
            (run_id,),
        )
        played: list[PlayedSession] = []
        for uuid, day, week, slot, number, planned in rows:
            detail = self.store.get_session(uuid)
            record = detail.session
            planned_sets, played_as = decode_planned(planned)
            logged = LoggedSession(
                day=date.fromisoformat(day),
                status=SessionStatus(record.status),
                rpe=record.rpe,
                pain_before=record.pain_before,
                pain_after=record.pain_after,
                sets=tuple(logged_set(result) for result in detail.sets),
                planned_sets=planned_sets,
                played_as=played_as,
            )
            played.append(PlayedSession(uuid, int(week), slot, int(number), logged))
        return played

    def slots(self, run_id: int) -> dict[str, str]:
        """The session key each session played against a run was played as, by session uuid."""
        rows = self._rows(
            "SELECT session_uuid, slot FROM programme_sessions WHERE run_id = ?", (run_id,)
        )
        return {str(row["session_uuid"]): str(row["slot"]) for row in rows}

    def recorded(self, session_uuid: str) -> bool:
        """Whether a session is already logged against a run (a resumed one is)."""
        rows = self._rows(
            "SELECT 1 FROM programme_sessions WHERE session_uuid = ?", (session_uuid,)
        )
        return bool(rows)

    # Check-ins ----------------------------------------------------------------------

    def add_checkin(
        self,
        day: date,
        pain: int,
        compared: Compared,
        now: float,
        session_uuid: str | None = None,
    ) -> CheckInRecord:
        """Store a morning check-in (pain 0-10, better/same/worse)."""
        if not 0 <= pain <= 10:
            raise ValueError(f"pain must be between 0 and 10, not {pain}")
        with self.store._transaction() as connection:
            cursor = connection.execute(
                "INSERT INTO checkins (local_date, taken_at, pain, compared, session_uuid) "
                "VALUES (?, ?, ?, ?, ?)",
                (day.isoformat(), now, pain, compared.value, session_uuid),
            )
            checkin_id = int(cursor.lastrowid or 0)
        return CheckInRecord(checkin_id, CheckIn(day, pain, compared), now, session_uuid)

    def checkins(self, since: date | None = None) -> list[CheckInRecord]:
        """The check-ins on or after ``since``, oldest first."""
        rows = self._rows(
            "SELECT id, local_date, pain, compared, taken_at, session_uuid FROM checkins "
            "WHERE local_date >= ? ORDER BY local_date, taken_at",
            ((since or date.min).isoformat(),),
        )
        return [
            CheckInRecord(
                id=int(row["id"]),
                checkin=CheckIn(
                    date.fromisoformat(row["local_date"]),
                    int(row["pain"]),
                    Compared(row["compared"]),
                ),
                taken_at=row["taken_at"],
                session_uuid=row["session_uuid"],
            )
            for row in rows
        ]
