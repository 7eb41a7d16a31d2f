"""The self-assessment's part of the session log: test results, assessments, red-flag checks.

Tables of schema version 5 (``store.ddl.MIGRATION_V5``), read and written through an
open ``HistoryStore`` (its connection, write transactions and query helper), like
``programme_log``:

* ``test_results``: one row per test set and side a session ended with a result: the
  value held or entered, its unit, and whether a hold ran to its ceiling;
* ``assessments``: one row per assessment, played (``run``, linked to its session) or
  measured elsewhere (``record``), holding the results as the results file has them;
* ``red_flag_checks``: every red-flag check, its answers and the groups left open.

The caller passes "now", so tests run on a fake clock.
"""

from __future__ import annotations

import datetime
import enum
import json
import sqlite3
from typing import Any

import msgspec

from matwork.core.assessment_model import AssessmentResults
from matwork.core.assessment_protocol import AnswerKind
from matwork.core.kinds import Side
from matwork.core.red_flags import CheckReason, GroupId, RedFlagCheck, Urgency
from matwork.core.test_results import TestResult
from matwork.core.test_spec import TestKind
from matwork.store.records import ms
from matwork.store.writer import HistoryStore

_TEST_COLUMNS = (
    "segment",
    "test",
    "name",
    "kind",
    "side",
    "value",
    "unit",
    "answer",
    "at_ceiling",
    "ceiling",
    "started_at",
)
_ASSESSMENT_COLUMNS = "id, session_uuid, source, source_path, recorded_at, measured_on, results"
_CHECK_COLUMNS = "id, taken_at, reason, answers, open_groups, most_urgent, session_uuid"


class AssessmentSource(enum.StrEnum):
    """Where an assessment's results came from."""

    RUN = "run"
    """Played in matwork's player."""
    RECORD = "record"
    """Measured elsewhere and read from a results file."""


class StoredAssessment(msgspec.Struct, frozen=True, kw_only=True):
    """One assessment in the log."""

    id: int
    session_uuid: str | None
    source: AssessmentSource
    source_path: str
    recorded_at: float
    measured_on: datetime.date
    results: AssessmentResults


class RedFlagRecord(msgspec.Struct, frozen=True, kw_only=True):
    """One red-flag check in the log: its answers and what it left open."""

    id: int
    taken_at: float
    reason: CheckReason
    answers: dict[str, bool]
    open_groups: list[GroupId]
    most_urgent: Urgency | None
    session_uuid: str | None

    @property
    def open(self) -> bool:
        """True while a warning sign of this check is open (it blocks training)."""
        return bool(self.open_groups)


def _test_values(session_uuid: str, result: TestResult) -> tuple[Any, ...]:
    return (
        session_uuid,
        result.segment,
        result.test,
        result.name,
        result.kind.value,
        result.side.value if result.side else None,
        result.value,
        result.unit,
        result.answer.value if result.answer else None,
        int(result.at_ceiling),
        result.ceiling,
        ms(result.started_at),
    )


def _test_from_row(row: sqlite3.Row) -> TestResult:
    return TestResult(
        segment=int(row["segment"]),
        test=row["test"],
        name=row["name"],
        kind=TestKind(row["kind"]),
        side=Side(row["side"]) if row["side"] else None,
        value=float(row["value"]),
        unit=row["unit"],
        answer=AnswerKind(row["answer"]) if row["answer"] else None,
        at_ceiling=bool(row["at_ceiling"]),
        ceiling=row["ceiling"],
        started_at=float(row["started_at"]),
    )


class AssessmentLog:
    """Test results, assessments and red-flag checks, in an open session log."""

    def __init__(self, store: HistoryStore) -> None:
        self.store = store

    def _rows(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        return self.store._query(sql, parameters)

    # Test results -------------------------------------------------------------------

    def add_test_result(self, session_uuid: str, result: TestResult) -> None:
        """Commit one test result of a session."""
        columns = ", ".join(("session_uuid", *_TEST_COLUMNS))
        marks = ", ".join("?" * (1 + len(_TEST_COLUMNS)))
        with self.store._transaction() as connection:
            connection.execute(
                f"INSERT INTO test_results ({columns}) VALUES ({marks})",
                _test_values(session_uuid, result),
            )

    def test_results(self, session_uuid: str) -> list[TestResult]:
        """A session's test results, in the order they were recorded."""
        rows = self._rows(
            f"SELECT {', '.join(_TEST_COLUMNS)} FROM test_results WHERE session_uuid = ? "
            "ORDER BY id",
            (session_uuid,),
        )
        return [_test_from_row(row) for row in rows]

    # Assessments --------------------------------------------------------------------

    def add_assessment(
        self,
        results: AssessmentResults,
        source: AssessmentSource,
        *,
        now: float,
        measured_on: datetime.date,
        session_uuid: str | None = None,
        source_path: str = "",
    ) -> StoredAssessment:
        """Store an assessment's results; returns it as stored."""
        text = msgspec.json.encode(results).decode("utf-8")
        with self.store._transaction() as connection:
            cursor = connection.execute(
                "INSERT INTO assessments (session_uuid, source, source_path, recorded_at, "
                "measured_on, results) VALUES (?, ?, ?, ?, ?, ?)",
                (session_uuid, source.value, source_path, ms(now), measured_on.isoformat(), text),
            )
            assessment_id = int(cursor.lastrowid or 0)
        return StoredAssessment(
            id=assessment_id,
            session_uuid=session_uuid,
            source=source,
            source_path=source_path,
            recorded_at=ms(now),
            measured_on=measured_on,
            results=results,
        )

    @staticmethod
    def _assessment(row: sqlite3.Row) -> StoredAssessment:
        return StoredAssessment(
            id=int(row["id"]),
            session_uuid=row["session_uuid"],
            source=AssessmentSource(row["source"]),
            source_path=row["source_path"],
            recorded_at=float(row["recorded_at"]),
            measured_on=datetime.date.fromisoformat(row["measured_on"]),
            results=msgspec.json.decode(row["results"], type=AssessmentResults),
        )

    def assessments(self) -> list[StoredAssessment]:
        """Every assessment, oldest first (by the day measured, then when stored)."""
        rows = self._rows(
            f"SELECT {_ASSESSMENT_COLUMNS} FROM assessments ORDER BY measured_on, recorded_at, id"
        )
        return [self._assessment(row) for row in rows]

    def count_assessments(self) -> int:
        """How many assessments the log holds."""
        rows = self._rows("SELECT COUNT(*) AS n FROM assessments")
        return int(rows[0]["n"])

    def assessment_of_session(self, session_uuid: str) -> StoredAssessment | None:
        """The assessment a played session gave, if it gave one."""
        rows = self._rows(
            f"SELECT {_ASSESSMENT_COLUMNS} FROM assessments WHERE session_uuid = ? "
            "ORDER BY id DESC LIMIT 1",
            (session_uuid,),
        )
        return self._assessment(rows[0]) if rows else None

    # Red-flag checks ----------------------------------------------------------------

    def add_red_flag_check(
        self,
        answers: dict[str, bool],
        check: RedFlagCheck,
        reason: CheckReason,
        *,
        now: float,
        session_uuid: str | None = None,
    ) -> RedFlagRecord:
        """Store a red-flag check: the answers, and the groups it left open."""
        groups = [group.id for group in check.groups]
        urgency = check.most_urgent.urgency if check.most_urgent else None
        with self.store._transaction() as connection:
            cursor = connection.execute(
                "INSERT INTO red_flag_checks (taken_at, reason, answers, open_groups, "
                "most_urgent, session_uuid) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    ms(now),
                    reason.value,
                    json.dumps(answers, sort_keys=True),
                    ",".join(groups),
                    urgency.value if urgency else None,
                    session_uuid,
                ),
            )
            check_id = int(cursor.lastrowid or 0)
        return RedFlagRecord(
            id=check_id,
            taken_at=ms(now),
            reason=reason,
            answers=dict(answers),
            open_groups=groups,
            most_urgent=urgency,
            session_uuid=session_uuid,
        )

    def last_red_flag_check(self) -> RedFlagRecord | None:
        """The newest red-flag check, or None when none was taken."""
        rows = self._rows(
            f"SELECT {_CHECK_COLUMNS} FROM red_flag_checks ORDER BY taken_at DESC, id DESC LIMIT 1"
        )
        if not rows:
            return None
        row = rows[0]
        return RedFlagRecord(
            id=int(row["id"]),
            taken_at=float(row["taken_at"]),
            reason=CheckReason(row["reason"]),
            answers={str(k): bool(v) for k, v in json.loads(row["answers"]).items()},
            open_groups=[GroupId(name) for name in row["open_groups"].split(",") if name],
            most_urgent=Urgency(row["most_urgent"]) if row["most_urgent"] else None,
            session_uuid=row["session_uuid"],
        )
