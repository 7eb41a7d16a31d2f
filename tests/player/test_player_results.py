"""What the player reports through its result sink."""

from __future__ import annotations

from matwork.core.clock import FakeClock
from matwork.core.player import Player
from matwork.core.results import RecordingResults, SessionInfo

from helpers.player import WORKED_EXAMPLE, Rig, quick, timeline_of

WALL = 1_700_000_000.0


def test_a_full_session_reports_every_set_and_its_end() -> None:
    timeline = timeline_of(WORKED_EXAMPLE)
    info = SessionInfo("Worked example", "/r.toml", "abc", 220.0)
    clock = FakeClock(1000.0)
    results = RecordingResults()
    player = Player(timeline, clock, results=results, info=info, wall=lambda: WALL + clock.now())
    player.start()
    assert results.info is info
    clock.advance(500)
    player.poll()
    assert results.ended == ("completed", 220.0)
    assert [(r.segment, r.exercise_id, r.side, r.round) for r in results.sets] == [
        (1, "a", None, 1),
        (3, "b", "left", 1),
        (5, "b", "right", 1),
        (7, "a", None, 2),
        (9, "b", "left", 2),
        (11, "b", "right", 2),
    ]
    first = results.sets[0]
    assert (first.planned_seconds, first.actual_seconds) == (30, 30)
    assert (first.skipped, first.pain_flag, first.reps_done) == (False, False, None)
    assert (first.category, first.pattern, first.block, first.set) == ("pilates", "stretch", 0, 1)
    assert [r.started_at - WALL - 1000 for r in results.sets] == [10, 50, 75, 135, 175, 200]


def test_a_default_session_info_names_the_timeline() -> None:
    results = RecordingResults()
    Player(timeline_of(WORKED_EXAMPLE), FakeClock(), results=results).start()
    assert results.info == SessionInfo("Worked example", "", "", 220.0)


def test_skip_pain_and_stop() -> None:
    rig = Rig(timeline_of(WORKED_EXAMPLE))
    rig.player.start()
    rig.at(15)
    assert rig.player.flag_pain()
    rig.player.skip()
    assert not rig.player.flag_pain()  # a rest: no set to flag
    rig.at(60)
    rig.player.stop()
    skipped, done, cut = rig.results.sets  # A skipped at 15; B left 25-45; B right from 50
    assert (skipped.skipped, skipped.pain_flag, skipped.actual_seconds) == (True, True, 5)
    assert (done.skipped, done.actual_seconds) == (False, 20)
    assert (cut.skipped, cut.pain_flag, cut.actual_seconds) == (False, False, 10)
    assert (cut.segment, cut.planned_seconds) == (5, 20)
    assert rig.results.ended == ("stopped", 60)


def test_start_times_count_the_pauses() -> None:
    rig = Rig(timeline_of(WORKED_EXAMPLE))
    rig.player.start()
    rig.at(5)
    rig.player.pause()
    rig.clock.advance(100)
    rig.player.resume()
    rig.at(60)
    assert [r.started_at - rig.wall - 1000 for r in rig.results.sets] == [110]


def test_reps_done() -> None:
    timeline = quick(
        '[[block]]\n[[block.exercise]]\nid = "bridge"\nreps = 10\ntempo = "2-0-2-0"\nrest = 0\n'
        '[[block.exercise]]\nid = "lift"\nreps = 8\nsets = 2\nrest = 0\n'
    )
    rig = Rig(timeline)
    player = rig.player
    player.start()
    rig.at(13)
    player.shorten(100)  # 3 whole reps of 4 s done
    rig.at(23)
    assert player.done()  # the open set, done
    rig.at(30)
    player.skip()  # the second open set, skipped
    bridge, lift, skipped = rig.results.sets
    assert (bridge.reps_planned, bridge.reps_done, bridge.skipped) == (10, 3, False)
    assert (lift.reps_planned, lift.reps_done, lift.actual_seconds) == (8, 8, 10)
    assert (skipped.reps_done, skipped.skipped) == (None, True)
    assert rig.results.ended == ("completed", 30)


def test_a_full_tempo_set_reports_all_its_reps() -> None:
    timeline = quick('[[block]]\n[[block.exercise]]\nid = "bridge"\nreps = 7\ntempo = [1.1, 0.3]')
    rig = Rig(timeline)
    rig.player.start()
    rig.run_out()
    assert rig.results.sets[0].reps_done == 7


def test_back_logs_nothing_for_the_abandoned_try() -> None:
    rig = Rig(timeline_of(WORKED_EXAMPLE))
    rig.player.start()
    rig.at(25)
    rig.player.back()
    assert rig.results.sets == []
    rig.at(56)
    assert [(r.actual_seconds, r.started_at - rig.wall - 1000) for r in rig.results.sets] == [
        (30, 25)
    ]
