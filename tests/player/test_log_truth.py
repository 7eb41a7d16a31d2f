"""The session log tells the truth: status, previews, active time and reps, on a fake clock.

Each test builds the very session both shells play (``build_session``) over the real
log file, drives its player on a ``FakeClock``, and reads the row back. The rules are
written in docs/routines.md, "What the log records".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from matwork.app.config import Config
from matwork.app.library import LibraryEntry, load_entry
from matwork.app.session import POSITION_EVERY, PlayOptions, Session, build_session
from matwork.app.session_log import LogProblemKind
from matwork.cli.play import play
from matwork.core.clock import FakeClock
from matwork.core.cues import RecordingSink
from matwork.store.writer import HistoryStore, SessionDetail

from helpers.paths import test_paths as dirs_of_test
from helpers.store import log_path

FOUR = """
name = "Four sets"

[defaults]
prepare = 0
countdown = 0
rest = 5

[[block]]
[[block.exercise]]
id = "a"
work = 10
sets = 4

[catalog.a]
name = "Hold"
category = "strength"
"""
"""Segments 0 W, 1 R, 2 W, 3 R, 4 W, 5 R, 6 W: 40 s of work in 4 sets, 15 s of rest."""

OPEN = """
name = "Open"

[defaults]
prepare = 0
countdown = 0

[[block]]
[[block.exercise]]
id = "a"
reps = 8

[catalog.a]
name = "Push-up"
category = "strength"
"""
"""One open set of 8 reps (estimated 24 s)."""


@pytest.fixture
def four(tmp_path: Path) -> LibraryEntry:
    return _entry(tmp_path, "four", FOUR)


def _entry(folder: Path, name: str, text: str) -> LibraryEntry:
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    entry = load_entry(path)
    assert entry.timeline is not None, entry.error
    return entry


def session_of(entry: LibraryEntry, clock: FakeClock, **options: object) -> Session:
    return build_session(
        entry,
        Config(),
        dirs_of_test(),
        PlayOptions(**options),  # type: ignore[arg-type]
        clock=clock,
        cues=RecordingSink(),
    )


def logged(session: Session) -> SessionDetail:
    uuid = session.log.uuid
    session.close()
    assert uuid is not None
    with HistoryStore(log_path()) as store:
        return store.get_session(uuid)


def run_out(session: Session, clock: FakeClock) -> None:
    """Let the clock carry the session to its end, waking as a shell would."""
    player = session.player
    while not (player.finished or player.stopped):
        wake = player.next_cue_at()
        assert wake is not None
        clock.set(max(wake, clock.now()))
        player.poll()
        session.record_position()


# -- status ------------------------------------------------------------------------------


def test_played_through_is_completed_with_its_active_time(four: LibraryEntry) -> None:
    clock = FakeClock(100.0)
    session = session_of(four, clock)
    session.player.start()
    run_out(session, clock)
    detail = logged(session)
    assert detail.session.status == "completed"
    assert detail.session.active_seconds == pytest.approx(55.0)


def test_skipped_through_to_the_end_is_stopped(four: LibraryEntry) -> None:
    clock = FakeClock(100.0)
    session = session_of(four, clock)
    session.player.start()
    while not session.player.finished:
        clock.advance(1.0)
        session.player.skip()  # every work set and rest, a second into each
    assert session.log.outcome is not None
    assert (session.log.outcome.sets_done, session.log.outcome.sets_skipped) == (0, 4)
    detail = logged(session)
    assert detail.session.status == "stopped"
    assert (detail.session.sets_done, detail.session.sets_skipped) == (0, 4)


def test_half_the_sets_done_is_completed_fewer_is_stopped(tmp_path: Path) -> None:
    entry = _entry(tmp_path, "four", FOUR)
    for skips, status in ((2, "completed"), (3, "stopped")):
        clock = FakeClock(100.0)
        session = session_of(entry, clock)
        session.player.start()
        for _ in range(skips):
            session.player.skip()  # a work set, at once
            clock.advance(5.0)  # its rest runs out
            session.player.poll()
        run_out(session, clock)
        assert logged(session).session.status == status, skips


def test_less_than_half_the_work_time_is_stopped(four: LibraryEntry) -> None:
    clock = FakeClock(100.0)
    session = session_of(four, clock)
    session.player.start()
    for _ in range(4):
        session.player.shorten(6.0)  # each 10 s set runs 4 s: every set done, 40 % of the time
        clock.advance(4.0 + 5.0)
        session.player.poll()
    run_out(session, clock)
    detail = logged(session)
    assert [result.skipped for result in detail.sets] == [False] * 4
    assert detail.session.status == "stopped"


def test_stopping_early_is_stopped(four: LibraryEntry) -> None:
    clock = FakeClock(100.0)
    session = session_of(four, clock)
    session.player.start()
    clock.advance(42.0)  # three sets done, the last one not
    session.player.poll()
    session.player.stop()
    detail = logged(session)
    assert detail.session.status == "stopped"
    assert detail.session.active_seconds == pytest.approx(42.0)


# -- previews ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "logged_here"),
    [
        ({}, True),
        ({"speed": 5.0}, False),
        ({"speed": 5.0, "log": True}, True),
        ({"log": False}, False),
        ({"speed": 0.5}, False),
    ],
)
def test_a_preview_at_another_speed_is_not_logged_unless_asked(
    four: LibraryEntry, options: dict[str, object], logged_here: bool
) -> None:
    clock = FakeClock(100.0)
    session = session_of(four, clock, **options)
    session.player.start()
    run_out(session, clock)
    assert session.log.logging is logged_here
    if not logged_here:
        assert session.log.problem is not None
        assert session.log.problem.kind is LogProblemKind.OFF
        assert session.notes() == [session.log.problem.text()]
    session.close()
    with HistoryStore(log_path()) as store:
        assert len(store.recent_sessions()) == (1 if logged_here else 0)


def test_the_play_command_logs_a_speed_run_only_with_log(four: LibraryEntry) -> None:
    runner = CliRunner()
    result = runner.invoke(play, [str(four.path), "--plain", "--speed", "1000", "--no-sound"])
    assert result.exit_code == 0, result.output
    assert not log_path().exists() or not HistoryStore(log_path()).recent_sessions()
    result = runner.invoke(
        play, [str(four.path), "--plain", "--speed", "1000", "--no-sound", "--log"]
    )
    assert result.exit_code == 0, result.output
    with HistoryStore(log_path()) as store:
        (session,) = store.recent_sessions()
    assert session.status == "completed"
    assert session.active_seconds == pytest.approx(55.0, abs=0.5)


# -- active time ---------------------------------------------------------------------------


def test_active_time_is_written_with_each_set(four: LibraryEntry) -> None:
    clock = FakeClock(100.0)
    session = session_of(four, clock)
    session.player.start()
    clock.advance(43.0)  # set 3 ended at 40, 3 s into the rest after it
    session.player.poll()  # a late wake: no position written since the start
    uuid = session.log.uuid
    assert uuid is not None
    with HistoryStore(log_path()) as reader:
        record = reader.get_session(uuid).session
    assert record.sets_done == 3
    assert record.active_seconds == pytest.approx(40.0)  # 3 sets and 2 rests, to set 3's end
    assert (record.resume_segment, record.resume_offset) == (5, 0.0)
    session.log.close()  # as a kill would leave it


def test_active_time_across_a_crash_and_a_resume_is_sets_plus_rests(four: LibraryEntry) -> None:
    clock = FakeClock(100.0)
    first = session_of(four, clock)
    first.player.start()
    first.player.pause()
    first.player.resume()
    clock.advance(27.0)  # 2 s into the rest after set 2
    first.player.poll()
    first.record_position()
    clock.advance(POSITION_EVERY + 6.0)  # 43: set 3 ended at 40, 3 s into the rest after it
    first.player.poll()
    first.record_position()
    first.log.close()  # killed: no end written
    with HistoryStore(log_path()) as reader:
        record = reader.get_session(first.log.uuid or "").session
    assert (record.resume_segment, record.resume_offset) == (5, 3.0)
    assert record.active_seconds == pytest.approx(43.0)
    clock.advance(600.0)

    second = session_of(four, clock)
    assert second.resumable is not None
    assert second.resumable.sets_done == 3
    second.resume(second.resumable)
    assert second.player.index == 5  # the rest after set 3, played again from its start
    second.player.start()
    run_out(second, clock)
    detail = logged(second)
    work = sum(result.actual_seconds for result in detail.sets)
    rests = 3 * 5.0
    assert work == pytest.approx(40.0)
    assert detail.session.active_seconds == pytest.approx(work + rests)
    assert detail.session.status == "completed"  # judged on all four sets, both runs


def test_a_position_read_that_carries_the_session_to_its_end_writes_no_position(
    four: LibraryEntry,
) -> None:
    """The read for the position may end the session: then no position goes to a row that
    is closed (that write failed, and the log was reported as failing after the end)."""
    clock = FakeClock(100.0)
    session = session_of(four, clock)
    session.player.start()
    clock.advance(60.0)  # past the end at 55, and no poll since the start
    session.record_position()
    assert session.player.finished
    assert session.log.problem is None
    assert session.log.logging
    detail = logged(session)
    assert detail.session.status == "completed"
    assert detail.session.sets_done == 4


# -- open sets -------------------------------------------------------------------------------


def test_an_open_set_logs_the_reps_told(tmp_path: Path) -> None:
    clock = FakeClock(100.0)
    session = session_of(_entry(tmp_path, "open", OPEN), clock)
    session.player.start()
    clock.advance(15.0)
    session.player.pause()  # as the shells do while asking
    clock.advance(30.0)  # the question takes its time, not counted
    assert session.player.done(5)
    session.player.resume()
    detail = logged(session)
    (result,) = detail.sets
    assert (result.reps_planned, result.reps_done) == (8, 5)
    assert result.actual_seconds == pytest.approx(15.0)
    assert detail.session.status == "completed"  # by its reps, not its 24 s estimate


def test_an_open_set_ended_without_asking_logs_the_planned_reps(tmp_path: Path) -> None:
    clock = FakeClock(100.0)
    session = session_of(_entry(tmp_path, "open", OPEN), clock)
    session.player.start()
    clock.advance(10.0)
    assert session.player.done()
    assert logged(session).sets[0].reps_done == 8


def test_reps_cannot_be_negative(tmp_path: Path) -> None:
    session = session_of(_entry(tmp_path, "open", OPEN), FakeClock())
    session.player.start()
    with pytest.raises(ValueError, match="reps must be 0 or more"):
        session.player.done(-1)
    session.close()
