"""The programme tables of the session log (schema version 3): runs, sessions, check-ins."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from matwork.core.kinds import SessionStatus
from matwork.core.progression import Compared
from matwork.core.progression_rules import Side
from matwork.core.results import SessionInfo, SetResult
from matwork.store.programme_log import ProgrammeLog, decode_planned, encode_planned
from matwork.store.schema import SCHEMA_VERSION, create_v1_database
from matwork.store.writer import HistoryError, HistoryStore

INFO = SessionInfo("Plank day", "/routines/plank.toml", "abc", 300.0)


def a_set(
    segment: int, side: str | None, *, skipped: bool = False, flag: bool = False
) -> SetResult:
    return SetResult(
        segment,
        "side-plank",
        "Side plank",
        "strength",
        "anti-lateral-flexion",
        side,
        0,
        "",
        1,
        1,
        20.0,
        0.0 if skipped else 20.0,
        None,
        None,
        None,
        skipped,
        flag,
        1_790_000_000.0,
    )


@pytest.fixture
def store(tmp_path: Path):
    with HistoryStore(tmp_path / "history.sqlite3") as opened:
        yield opened


def test_a_version_1_file_migrates_to_the_programme_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    create_v1_database(path)
    with HistoryStore(path) as store:
        assert SCHEMA_VERSION >= 3
        tables = {
            row[0] for row in store._query("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        assert {"programme_runs", "programme_sessions", "checkins"} <= tables
        assert ProgrammeLog(store).active_run() is None


def test_starting_a_run_stops_the_active_one(store: HistoryStore) -> None:
    log = ProgrammeLog(store)
    first, stopped = log.start_run("/p/a.toml", "A", "h1", date(2025, 3, 3), 100.0)
    assert stopped is None
    second, stopped = log.start_run("/p/b.toml", "B", "h2", date(2025, 4, 7), 200.0)
    assert stopped == first
    assert log.active_run() == second
    assert [(run.name, run.stopped_at) for run in log.runs()] == [("B", None), ("A", 200.0)]
    assert log.stop_run(300.0).stopped_at == 300.0
    assert log.active_run() is None
    assert log.stop_run(400.0) is None


def test_the_file_allows_one_active_run_only(store: HistoryStore) -> None:
    ProgrammeLog(store).start_run("/p/a.toml", "A", "h", date(2025, 3, 3), 1.0)
    with pytest.raises(HistoryError), store._transaction() as connection:
        connection.execute(
            "INSERT INTO programme_runs (programme_path, programme_name, content_hash, "
            "start_date, started_at) VALUES ('/p/b', 'B', 'h', '2025-03-03', 2.0)"
        )


def test_sessions_played_against_a_run_read_back_as_the_engine_needs_them(
    store: HistoryStore,
) -> None:
    log = ProgrammeLog(store)
    run, _ = log.start_run("/p/a.toml", "A", "h", date(2025, 3, 3), 1.0)
    uuid = store.start_session(INFO, now=1_790_000_000.0)
    store.set_finished(a_set(1, "left"))
    store.set_finished(a_set(3, "right", skipped=True, flag=True))
    store.session_ended("completed", 60.0)
    store.annotate(uuid, rpe=7, pain_before=2, pain_after=3)
    planned = {("side-plank", Side.LEFT): 1, ("side-plank", Side.RIGHT): 1}
    log.record_session(
        run.id, uuid, date(2025, 3, 3), 1, "main", 1, planned, {"side-plank": "side-plank"}, 5.0
    )
    (played,) = log.played(run.id)
    assert (played.session_uuid, played.week, played.slot, played.number) == (uuid, 1, "main", 1)
    logged = played.logged
    assert (logged.day, logged.status, logged.rpe, logged.pain_before, logged.pain_after) == (
        date(2025, 3, 3),
        SessionStatus.COMPLETED,
        7,
        2,
        3,
    )
    assert [(s.side, s.in_full, s.pain_flag) for s in logged.sets] == [
        (Side.LEFT, True, False),
        (Side.RIGHT, False, True),
    ]
    assert logged.planned_sets == planned
    assert logged.played_as == {"side-plank": "side-plank"}


def test_a_session_is_played_against_one_run_only(store: HistoryStore) -> None:
    log = ProgrammeLog(store)
    run, _ = log.start_run("/p/a.toml", "A", "h", date(2025, 3, 3), 1.0)
    uuid = store.start_session(INFO)
    log.record_session(run.id, uuid, date(2025, 3, 3), 1, "main", 1, {}, {}, 2.0)
    with pytest.raises(HistoryError):
        log.record_session(run.id, uuid, date(2025, 3, 3), 1, "main", 1, {}, {}, 3.0)


def test_check_ins_are_kept_with_their_day_and_answer(store: HistoryStore) -> None:
    log = ProgrammeLog(store)
    log.add_checkin(date(2025, 3, 4), 2, Compared.BETTER, 10.0)
    log.add_checkin(date(2025, 3, 2), 5, Compared.WORSE, 11.0)
    assert [(r.checkin.day.day, r.checkin.pain, r.checkin.compared) for r in log.checkins()] == [
        (2, 5, Compared.WORSE),
        (4, 2, Compared.BETTER),
    ]
    assert [r.checkin.day.day for r in log.checkins(date(2025, 3, 3))] == [4]
    with pytest.raises(ValueError, match="between 0 and 10"):
        log.add_checkin(date(2025, 3, 4), 11, Compared.SAME, 12.0)
    with pytest.raises(sqlite3.IntegrityError):
        store._connection.execute(
            "INSERT INTO checkins (local_date, taken_at, pain, compared) VALUES ('2025-03-05', 1, 3, 'fine')"
        )


def test_planned_sets_and_stand_ins_round_trip_through_json() -> None:
    planned = {("side-plank", Side.LEFT): 3, ("glute-bridge", None): 2}
    assert decode_planned(encode_planned(planned, {"toe-taps": "dead-bug"})) == (
        planned,
        {"toe-taps": "dead-bug"},
    )
    assert decode_planned("") == ({}, {})
