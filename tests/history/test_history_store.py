"""HistoryStore as the player's result sink, and its queries."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, timedelta
from pathlib import Path

import msgspec
import pytest

from matwork.core.results import ResultSink
from matwork.core.stats import SetRow, local_date, local_midnight, summarize, window_start_day
from matwork.store.writer import (
    HistoryStore,
    SessionBusyError,
    SessionDetail,
    SessionNotFoundError,
)

from helpers.store import ROUTINE_HASH, make_info, make_set

DAY = 86_400.0
BASE = 1_790_000_000.0


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    opened = HistoryStore(tmp_path / "history.sqlite3")
    yield opened  # type: ignore[misc]
    opened.close()


def _logged_session(
    store: HistoryStore, started: float, *, name: str = "Desk reset", sets: int = 3
) -> str:
    session_uuid = store.start_session(make_info(name), now=started)
    for segment in range(sets):
        store.set_finished(make_set(segment, started_at=started))
    store.session_ended("completed", 60.0 * sets)
    return session_uuid


def test_the_store_is_a_result_sink(store: HistoryStore) -> None:
    sink: ResultSink = store
    sink.session_started(make_info())
    session_uuid = store.current_uuid
    assert session_uuid is not None
    assert store.get_session(session_uuid).session.status == "running"
    sink.set_finished(make_set(0))
    sink.set_finished(make_set(1, skipped=True))
    sink.session_ended("stopped", 95.5)
    detail = store.get_session(session_uuid)
    assert store.current_uuid is None
    assert detail.session.status == "stopped"
    assert detail.session.active_seconds == 95.5
    assert detail.session.ended_at is not None
    assert (detail.session.sets_done, detail.session.sets_skipped) == (1, 1)
    assert detail.sets[0] == make_set(0)
    assert detail.sets[1].skipped is True


def test_each_set_is_visible_to_another_connection_when_recorded(
    store: HistoryStore,
) -> None:
    session_uuid = store.start_session(make_info())
    with HistoryStore(store.path) as reader:
        for segment in range(5):
            store.set_finished(make_set(segment))
            assert len(reader.get_session(session_uuid).sets) == segment + 1
            assert reader.get_session(session_uuid).session.status == "running"


def test_set_finished_moves_the_resume_position(store: HistoryStore) -> None:
    session_uuid = store.start_session(make_info())
    store.update_position(0, 12.5, active_seconds=12.5)
    record = store.get_session(session_uuid).session
    assert (record.resume_segment, record.resume_offset, record.active_seconds) == (0, 12.5, 12.5)
    store.set_finished(make_set(0))
    record = store.get_session(session_uuid).session
    assert (record.resume_segment, record.resume_offset) == (1, 0.0)
    store.update_position(2, 7.0)
    record = store.get_session(session_uuid).session
    assert (record.resume_segment, record.resume_offset, record.active_seconds) == (2, 7.0, 12.5)


def test_wrong_calls_are_refused(store: HistoryStore) -> None:
    with pytest.raises(RuntimeError, match="no session is open"):
        store.set_finished(make_set(0))
    store.start_session(make_info())
    with pytest.raises(RuntimeError, match="still open"):
        store.start_session(make_info())


@pytest.mark.slow
def test_the_type_checker_refuses_an_end_status_other_than_completed_or_stopped(
    tmp_path: Path,
) -> None:
    """Ending a session as "interrupted" is a type error (EndStatus), not a runtime check."""
    snippet = tmp_path / "wrong_end.py"
    snippet.write_text(
        "from matwork.core.kinds import SessionStatus\n"
        "from matwork.store.writer import HistoryStore\n"
        "def end(store: HistoryStore) -> None:\n"
        "    store.session_ended(SessionStatus.INTERRUPTED, 1.0)\n"
        "def fine(store: HistoryStore) -> None:\n"
        "    store.session_ended(SessionStatus.STOPPED, 1.0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(snippet)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stdout
    assert 'incompatible type "Literal[SessionStatus.INTERRUPTED]"' in result.stdout
    assert result.stdout.count("error:") == 1


def test_annotate_sets_and_validates_ratings(store: HistoryStore) -> None:
    session_uuid = _logged_session(store, BASE)
    store.annotate(session_uuid, pain_before=6)
    store.annotate(session_uuid, rpe=7, pain_after=2, notes="easier than last week")
    record = store.get_session(session_uuid).session
    assert (record.rpe, record.pain_before, record.pain_after) == (7, 6, 2)
    assert record.notes == "easier than last week"
    store.annotate(session_uuid, rpe=None)
    assert store.get_session(session_uuid).session.rpe is None
    with pytest.raises(ValueError, match="between 0 and 10"):
        store.annotate(session_uuid, pain_after=11)
    with pytest.raises(SessionNotFoundError):
        store.annotate("no-such-session", rpe=3)


def test_a_closed_store_leaves_an_interrupted_resumable_session(tmp_path: Path) -> None:
    database = tmp_path / "history.sqlite3"
    writer = HistoryStore(database)
    session_uuid = writer.start_session(make_info())
    writer.set_finished(make_set(0))
    with HistoryStore(database) as reader:
        assert reader.get_session(session_uuid).session.status == "running"
        assert reader.find_resumable(content_hash=ROUTINE_HASH) is None
        with pytest.raises(SessionBusyError):
            reader.continue_session(session_uuid)
        writer.close()
        record = reader.find_resumable(content_hash=ROUTINE_HASH)
        assert record is not None
        assert (record.uuid, record.status, record.resume_segment) == (
            session_uuid,
            "interrupted",
            1,
        )


def test_find_resumable_respects_age_routine_and_status(store: HistoryStore) -> None:
    completed = _logged_session(store, BASE)
    interrupted = store.start_session(make_info(), now=BASE)
    store.set_finished(make_set(0))
    store.close()
    with HistoryStore(store.path) as reader:
        record = reader.find_resumable(content_hash=ROUTINE_HASH)
        assert record is not None
        assert record.uuid == interrupted != completed
        later = record.updated_at + timedelta(hours=13).total_seconds()
        assert reader.find_resumable(content_hash=ROUTINE_HASH, now=later) is None
        assert reader.find_resumable(content_hash="other") is None
        assert reader.find_resumable(routine_path="/routines/desk-reset.toml") is not None
        with pytest.raises(ValueError, match="routine_path or content_hash"):
            reader.find_resumable()


def test_resume_refuses_a_changed_routine_and_a_completed_session(tmp_path: Path) -> None:
    database = tmp_path / "history.sqlite3"
    with HistoryStore(database) as first:
        done = _logged_session(first, BASE)
        open_uuid = first.start_session(make_info())
    with HistoryStore(database) as second:
        with pytest.raises(SessionBusyError, match="different version"):
            second.start_session(make_info(content_hash="changed"), resume_uuid=open_uuid)
        with pytest.raises(SessionBusyError, match="already completed"):
            second.start_session(make_info(), resume_uuid=done)
        assert second.start_session(make_info(), resume_uuid=open_uuid) == open_uuid


def test_recent_sessions_pages_and_filters(store: HistoryStore) -> None:
    uuids = [
        _logged_session(store, BASE + day * DAY, name="Desk reset" if day % 2 else "Core")
        for day in range(7)
    ]
    newest_first = list(reversed(uuids))
    assert [r.uuid for r in store.recent_sessions(limit=3)] == newest_first[:3]
    assert [r.uuid for r in store.recent_sessions(limit=3, offset=3)] == newest_first[3:6]
    assert [r.uuid for r in store.recent_sessions(since=BASE + 4 * DAY)] == newest_first[:3]
    core = store.recent_sessions(routine="Core")
    assert [r.uuid for r in core] == newest_first[0::2]
    assert [store.row_number(r.uuid) for r in core] == [1, 3, 5, 7]
    assert store.recent_sessions()[0].sets_done == 3


def test_resolve_takes_row_numbers_and_uuid_prefixes(store: HistoryStore) -> None:
    uuids = [_logged_session(store, BASE + day * DAY) for day in range(3)]
    assert store.resolve("1") == uuids[2]
    assert store.resolve("#3") == uuids[0]
    assert store.resolve(uuids[1][:8].upper()) == uuids[1]
    assert store.resolve(uuids[1]) == uuids[1]
    with pytest.raises(SessionNotFoundError, match="no session number 4"):
        store.resolve("4")
    with pytest.raises(SessionNotFoundError, match="no session number 0"):
        store.resolve("0")
    with pytest.raises(SessionNotFoundError, match="at least 4 characters"):
        store.resolve("ab")
    with pytest.raises(SessionNotFoundError, match="no session id starts with"):
        store.resolve("zzzzzz")


def test_an_ambiguous_prefix_is_refused(store: HistoryStore) -> None:
    record = store.get_session(_logged_session(store, BASE)).session
    twins = [
        SessionDetail(session=msgspec.structs.replace(record, uuid=f"abcd{n}-twin"), sets=[])
        for n in (1, 2)
    ]
    assert store.import_sessions(twins) == (2, 0, 0)
    with pytest.raises(SessionNotFoundError, match="several sessions"):
        store.resolve("abcd")
    assert store.resolve("abcd2") == "abcd2-twin"


def test_stats_rows_hold_the_window_and_every_training_start(store: HistoryStore) -> None:
    _logged_session(store, BASE)
    _logged_session(store, BASE + 10 * DAY, sets=2)
    interrupted = store.start_session(make_info(), now=BASE + 11 * DAY)
    store.update_position(0, 5.0, active_seconds=5.0)
    sessions, sets, starts = store.stats_rows(since=BASE + DAY)
    assert [row.started_at for row in sessions] == [BASE + 10 * DAY, BASE + 11 * DAY]
    assert [row.status for row in sessions] == ["completed", "running"]
    # the window's two sets, summed: one row per category, pattern and skipped flag
    assert [tuple(row) for row in sets] == [
        (BASE + 10 * DAY, "pilates", "anti-extension", 2 * 29.75, False)
    ]
    assert sorted(starts) == [BASE, BASE + 10 * DAY]
    assert interrupted


def test_stats_rows_leave_out_the_rows_a_hand_edit_broke(store: HistoryStore) -> None:
    healthy = _logged_session(store, BASE + 2 * DAY, sets=2)
    broken = _logged_session(store, BASE + 3 * DAY, sets=2)
    with sqlite3.connect(store.path) as raw:  # a hand edit, past the schema's checks
        raw.execute("PRAGMA ignore_check_constraints = ON")
        raw.execute("UPDATE sessions SET pain_before = 'bad' WHERE uuid = ?", (broken,))
        raw.execute(
            "UPDATE sets SET actual_seconds = -1.0 WHERE session_uuid = ? AND segment = 0",
            (healthy,),
        )
        raw.execute(
            "UPDATE sets SET skipped = 1 WHERE session_uuid = ? AND segment = 1", (healthy,)
        )
    raw.close()
    sessions, sets, starts = store.stats_rows(since=BASE)
    assert [row.started_at for row in sessions] == [BASE + 2 * DAY]
    # the -1.0 set is left out; the broken session's sets are sound and count
    assert sorted((row.session_started_at, row.actual_seconds, row.skipped) for row in sets) == [
        (BASE + 2 * DAY, 29.75, True),
        (BASE + 3 * DAY, 2 * 29.75, False),
    ]
    assert sorted(starts) == [BASE + 2 * DAY, BASE + 3 * DAY]
    assert store.rows_left_out == 2


def test_stats_rows_read_what_sqlite_cannot_sum_one_by_one(store: HistoryStore) -> None:
    """A value the columns' REAL affinity cannot make a number stays text: read, left out."""
    edited = _logged_session(store, BASE + 2 * DAY, sets=3)
    with sqlite3.connect(store.path) as raw:
        raw.execute("PRAGMA ignore_check_constraints = ON")
        raw.execute("UPDATE sets SET actual_seconds = '20' WHERE segment = 0")  # a number
        raw.execute("UPDATE sets SET actual_seconds = 'lots' WHERE segment = 1")  # stays text
        raw.execute("UPDATE sets SET category = x'00ff' WHERE segment = 2")  # a blob
    raw.close()
    sessions, sets, starts = store.stats_rows(since=BASE)
    assert len(sessions) == 1
    assert [tuple(row) for row in sets] == [
        (BASE + 2 * DAY, "pilates", "anti-extension", 20.0, False)
    ]
    assert starts == [BASE + 2 * DAY]
    assert store.rows_left_out == 2  # 'lots' and the blob
    assert edited


def test_summed_sets_give_the_statistics_of_every_set_read_one_by_one(
    store: HistoryStore,
) -> None:
    """stats_rows sums the sets in SQL; the summary is the one of every set on its own."""
    rng = random.Random(17)
    categories = ("pilates", "strength", "mobility")
    patterns = ("anti-extension", "hip-extension", "spinal-flexion", "spinal-extension")
    for day in range(40):
        started = BASE + day * DAY + rng.uniform(0, 3600)
        store.start_session(make_info(), now=started)
        for segment in range(rng.randint(1, 6)):
            store.set_finished(
                make_set(
                    segment,
                    started_at=started,
                    category=rng.choice(categories),
                    pattern=rng.choice(patterns),
                    seconds=rng.randint(4, 240) / 4,  # quarters: sums are exact
                    skipped=rng.random() < 0.2,
                )
            )
        store.session_ended("completed", 300.0)
    now = BASE + 40 * DAY
    today = local_date(now, UTC)
    since = local_midnight(window_start_day(today, 4), UTC)  # the last 4 of 6 weeks
    sessions, summed, starts = store.stats_rows(since)
    one_by_one = [
        SetRow(detail.session.started_at, s.category, s.pattern, s.actual_seconds, s.skipped)
        for detail in store.iter_details()
        if detail.session.started_at >= since
        for s in detail.sets
    ]
    assert len(summed) < len(one_by_one)  # summed, not copied
    by_row = summarize(sessions, one_by_one, weeks=4, tz=UTC, now=now, training_starts=starts)
    by_sum = summarize(sessions, summed, weeks=4, tz=UTC, now=now, training_starts=starts)
    assert by_sum == by_row
    assert by_sum.minutes_by_category  # the window has sets
    assert store.rows_left_out == 0


def test_threads_share_one_store(store: HistoryStore) -> None:
    session_uuid = store.start_session(make_info())

    def record(first: int) -> None:
        for segment in range(first, first + 50):
            store.set_finished(make_set(segment))
            store.recent_sessions(limit=5)

    with ThreadPoolExecutor(max_workers=3) as pool:
        for future in [pool.submit(record, start) for start in (0, 100, 200)]:
            future.result()
    assert len(store.get_session(session_uuid).sets) == 150


def test_integrity_check_is_ok_for_a_sound_file(store: HistoryStore) -> None:
    _logged_session(store, BASE)
    assert store.check_integrity() == ["ok"]
