"""SessionLog behind a held lock: writes queue in order, are saved when it is free, said twice.

Another connection holds ``BEGIN IMMEDIATE`` (as another process would); the session
log's writes must neither fail nor be dropped nor overtake each other, the user hears
of it once and again when the queue is saved, and a queue that cannot be saved by the
time the log closes is said plainly, not lost in silence.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from matwork.app.session_log import LogProblem, LogProblemKind, SessionLog
from matwork.store.writer import HistoryError, HistoryStore

from helpers.store import make_info, make_set


def _holder(database: Path) -> sqlite3.Connection:
    other = sqlite3.connect(database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def _segments(database: Path) -> list[int]:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT segment FROM sets ORDER BY id")]
    finally:
        connection.close()


def test_writes_behind_a_held_lock_are_queued_in_order_and_saved(tmp_path: Path) -> None:
    database = tmp_path / "history.sqlite3"
    heard: list[LogProblem] = []
    log = SessionLog(HistoryStore(database), on_problem=heard.append)
    log.session_started(make_info())
    log.set_finished(make_set(0))
    other = _holder(database)
    for segment in range(1, 5):
        log.set_finished(make_set(segment))
    log.update_position(5, 2.0, 100.0)
    log.annotate(pain_before=3)
    assert log.pending >= 6  # nothing was dropped, nothing failed
    assert log.logging
    assert [problem.kind for problem in heard] == [LogProblemKind.BUSY]
    assert not heard[0].lasting
    assert heard[0].text().startswith("session log busy: ")
    assert _segments(database) == [0]
    other.execute("ROLLBACK")
    other.close()
    assert log.flush(30)
    log.session_ended("completed", 120.0)
    assert [problem.kind for problem in heard] == [LogProblemKind.BUSY, LogProblemKind.CAUGHT_UP]
    assert log.problem is None
    uuid = log.uuid
    log.close()
    assert _segments(database) == [0, 1, 2, 3, 4]
    with HistoryStore(database, read_only=True) as store:
        record = store.get_session(str(uuid)).session
    assert (record.status, record.pain_before, record.active_seconds) == ("completed", 3, 120.0)


def test_a_session_row_behind_a_held_lock_is_written_first(tmp_path: Path) -> None:
    database = tmp_path / "history.sqlite3"
    HistoryStore(database).close()
    log = SessionLog(HistoryStore(database))
    other = _holder(database)
    log.session_started(make_info())  # queued: no row, no uuid yet
    log.set_finished(make_set(0))
    log.annotate(pain_before=6)
    assert log.uuid is None
    other.execute("ROLLBACK")
    other.close()
    assert log.flush(30)
    assert log.uuid is not None
    uuid = log.uuid
    log.close()
    with HistoryStore(database, read_only=True) as store:
        detail = store.get_session(uuid)
    assert detail.session.pain_before == 6
    assert [result.segment for result in detail.sets] == [0]


def test_a_queue_still_held_when_the_log_closes_is_said_plainly(tmp_path: Path) -> None:
    database = tmp_path / "history.sqlite3"
    heard: list[LogProblem] = []
    log = SessionLog(HistoryStore(database), on_problem=heard.append)
    log.session_started(make_info())
    other = _holder(database)
    log.set_finished(make_set(0))
    log.set_finished(make_set(1))
    log.close(wait=0)
    other.execute("ROLLBACK")
    other.close()
    kinds = [problem.kind for problem in heard]
    assert kinds == [LogProblemKind.BUSY, LogProblemKind.WRITE_FAILED]
    assert "2 records of this session were not saved" in heard[-1].text()
    assert _segments(database) == []


def test_a_failure_other_than_busy_stops_logging_once(tmp_path: Path) -> None:
    database = tmp_path / "history.sqlite3"
    heard: list[LogProblem] = []
    store = HistoryStore(database)
    log = SessionLog(store, on_problem=heard.append)
    log.session_started(make_info())

    def full(*_: object, **__: object) -> None:
        raise HistoryError(database, "disk full: the session log cannot be written")

    store.set_finished = full  # type: ignore[method-assign]
    for segment in range(3):
        log.set_finished(make_set(segment))
    assert [problem.kind for problem in heard] == [LogProblemKind.WRITE_FAILED]
    assert heard[0].lasting
    assert not log.logging
    assert len(log.memory.sets) == 3
    log.close()
