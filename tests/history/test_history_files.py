"""The history file: private modes, migrations, and refusing files that are not ours."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from matwork.store.schema import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    create_v1_database,
    open_database,
)
from matwork.store.writer import (
    CorruptHistoryError,
    HistoryError,
    HistoryStore,
    NewerSchemaError,
    NotOursError,
    move_aside,
)

from helpers.store import log_path, make_info, make_set


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_default_path_is_in_the_data_dir(isolated_dirs: dict[str, Path]) -> None:
    assert log_path() == isolated_dirs["data"] / "history.sqlite3"


def test_nothing_is_created_until_the_store_opens(isolated_dirs: dict[str, Path]) -> None:
    import matwork.store.writer  # noqa: F401  (importing must not touch the disk)

    assert not isolated_dirs["data"].exists()


def test_file_0600_and_folders_0700_from_creation(isolated_dirs: dict[str, Path]) -> None:
    old_umask = os.umask(0o022)
    try:
        with HistoryStore(log_path()) as store:
            store.start_session(make_info())
            store.set_finished(make_set(0))
            database = store.path
            assert _mode(database) == 0o600
            assert _mode(database.with_name("history.sqlite3-wal")) == 0o600
            assert _mode(database.parent) == 0o700
            assert _mode(database.with_name("history.sqlite3.locks")) == 0o700
            lock_files = list(database.with_name("history.sqlite3.locks").iterdir())
            assert [_mode(path) for path in lock_files] == [0o600]
    finally:
        os.umask(old_umask)
    assert database.parent == isolated_dirs["data"]


def test_missing_parents_are_created_private(tmp_path: Path) -> None:
    database = tmp_path / "a" / "b" / "history.sqlite3"
    HistoryStore(database).close()
    assert _mode(tmp_path / "a") == 0o700
    assert _mode(tmp_path / "a" / "b") == 0o700


def test_an_unwritable_folder_is_a_history_error(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(HistoryError, match="cannot create the session log"):
        HistoryStore(blocker / "history.sqlite3")


def test_read_only_open_of_a_missing_log_creates_nothing(isolated_dirs: dict[str, Path]) -> None:
    with HistoryStore(log_path(), create=False) as store:
        assert store.recent_sessions() == []
        assert store.count_sessions() == 0
    assert not isolated_dirs["data"].exists()


def test_new_file_is_wal_and_current_schema(tmp_path: Path) -> None:
    database = tmp_path / "history.sqlite3"
    HistoryStore(database).close()
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        connection.close()


def test_migration_from_v1_keeps_the_data(tmp_path: Path) -> None:
    database = tmp_path / "history.sqlite3"
    create_v1_database(database)
    connection = sqlite3.connect(database)
    with connection:
        connection.execute(
            "INSERT INTO sessions (uuid, routine_name, routine_path, content_hash, started_at, "
            "ended_at, updated_at, planned_seconds, active_seconds, status, rpe) "
            "VALUES ('0a1b2c3d-v1', 'Old routine', '/r/old.toml', 'h1', 1700000000, 1700000600, "
            "1700000600, 600, 580, 'completed', 6)"
        )
        connection.execute(
            "INSERT INTO sets (session_uuid, segment, exercise_id, exercise_name, category, "
            "pattern, side, block, block_name, round, set_number, planned_seconds, "
            "actual_seconds, reps_planned, reps_done, load, skipped, started_at) VALUES "
            "('0a1b2c3d-v1', 2, 'bird-dog', 'Bird dog', 'pilates', 'anti-rotation', 'left', 0, "
            "'Core', 1, 1, 40, 40, NULL, NULL, NULL, 0, 1700000100)"
        )
    connection.close()

    with HistoryStore(database) as store:
        detail = store.get_session("0a1b2c3d-v1")
        store.annotate("0a1b2c3d-v1", pain_before=5, pain_after=3, notes="felt fine")
        annotated = store.get_session("0a1b2c3d-v1").session
    assert detail.session.routine_name == "Old routine"
    assert detail.session.rpe == 6
    assert detail.session.active_seconds == 580
    assert detail.session.notes == ""
    assert detail.session.pain_before is None
    assert [(r.exercise_id, r.side, r.pain_flag) for r in detail.sets] == [
        ("bird-dog", "left", False)
    ]
    assert (annotated.pain_before, annotated.pain_after, annotated.notes) == (5, 3, "felt fine")
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        indexes = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        assert "sessions_by_start" in indexes
    finally:
        connection.close()


@pytest.mark.slow
def test_openers_racing_to_create_the_log_all_succeed(tmp_path: Path) -> None:
    # Threads with their own connections race like processes (sqlite3 drops the GIL),
    # and start fast enough to hit the window between one creating the schema and
    # another checking it, and the WAL switch that skips the busy handler.
    def open_and_close(path: Path, barrier: threading.Barrier) -> None:
        barrier.wait()
        open_database(path).close()

    for round_number in range(30):
        database = tmp_path / f"race{round_number}" / "history.sqlite3"
        barrier = threading.Barrier(6)
        with ThreadPoolExecutor(max_workers=6) as pool:
            futures = [pool.submit(open_and_close, database, barrier) for _ in range(6)]
            for future in futures:
                future.result()


def test_an_empty_file_is_adopted(tmp_path: Path) -> None:
    database = tmp_path / "history.sqlite3"
    database.touch()
    with HistoryStore(database) as store:
        assert store.count_sessions() == 0


def _foreign_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        connection.execute("INSERT INTO notes (body) VALUES ('shopping list')")
    connection.close()


def _newer_database(path: Path) -> None:
    HistoryStore(path).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()


def _garbage(path: Path) -> None:
    path.write_bytes(b"This is not a database, it is a text file.\n" * 100)


def _other_app_id(path: Path) -> None:
    _foreign_database(path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA application_id = 1234")
    connection.close()


@pytest.mark.parametrize(
    ("build", "error", "words"),
    [
        (_foreign_database, NotOursError, "not a matwork session log"),
        (_other_app_id, NotOursError, "application_id 0x4d2"),
        (_garbage, CorruptHistoryError, "not a readable SQLite database"),
        (_newer_database, NewerSchemaError, "newer matwork"),
    ],
)
def test_files_that_are_not_ours_are_refused_and_left_untouched(
    tmp_path: Path, build: object, error: type[Exception], words: str
) -> None:
    database = tmp_path / "history.sqlite3"
    build(database)  # type: ignore[operator]
    before = _digest(database)
    names_before = sorted(path.name for path in tmp_path.iterdir())
    with pytest.raises(error, match=words) as caught:
        HistoryStore(database)
    assert str(database) in str(caught.value)
    assert _digest(database) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == names_before


def test_a_damaged_page_reads_as_corrupt(tmp_path: Path) -> None:
    database = tmp_path / "history.sqlite3"
    with HistoryStore(database) as store:
        for _ in range(30):
            store.start_session(make_info())
            for segment in range(10):
                store.set_finished(make_set(segment))
            store.session_ended("completed", 300.0)
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(database.read_bytes())
    page_size = 4096
    assert len(data) > 4 * page_size
    data[page_size : 4 * page_size] = b"\xa5" * (3 * page_size)
    database.write_bytes(bytes(data))
    before = _digest(database)
    store = HistoryStore(database)
    try:
        with pytest.raises(CorruptHistoryError, match="damaged"):
            store.recent_sessions(limit=1000)
    finally:
        store.close()
    assert _digest(database) == before


def test_move_aside_renames_the_file_and_its_companions(tmp_path: Path) -> None:
    database = tmp_path / "history.sqlite3"
    _garbage(database)
    database.with_name("history.sqlite3-wal").write_bytes(b"wal")
    moved = move_aside(database)
    assert not database.exists()
    assert moved.name.startswith("history.sqlite3.corrupt-")
    assert moved.with_name(moved.name + "-wal").read_bytes() == b"wal"
    again = tmp_path / "history.sqlite3"
    _garbage(again)
    assert move_aside(again) != moved
    with HistoryStore(database) as store:
        assert store.count_sessions() == 0
