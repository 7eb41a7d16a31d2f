"""Player operations leave the position exact; a long session ends on the clock."""

from __future__ import annotations

import random

import pytest

from matwork.core.clock import FakeClock
from matwork.core.cue_schedule import all_cues
from matwork.core.player import Player

from helpers.player import CATALOG, WORKED_EXAMPLE, Rig, plan, quick, timeline_of

SIX_HOURS = f"""
name = "Long day"
[defaults]
prepare = 10
countdown = 3
block_rest = 45

[[block]]
rounds = 100
round_rest = 30.6
[[block.exercise]]
id = "bridge"
work = 37.3
rest = 12.7
halfway = true
[[block.exercise]]
id = "plank"
work = 41.9
sides = "both"
switch = 4.1
breath = "box"

[[block]]
rounds = 100
round_rest = 9.7
[[block.exercise]]
id = "birddog"
reps = 3
tempo = [3.1, 0.4, 2.9, 0.7]
breath = "coherent"
{CATALOG}
"""


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_six_hour_session_ends_exactly_on_time(seed: int) -> None:
    timeline = timeline_of(SIX_HOURS)
    total = timeline.total_seconds
    assert 5.5 * 3600 < total <= 6 * 3600
    start = 12345.678
    rig = Rig(timeline, start=start)
    rig.player.start()
    steps = random.Random(seed)
    before = start
    while not rig.player.finished:
        before = rig.clock.now()
        rig.clock.advance(steps.uniform(0.001, 13.7))
        rig.poll()
    assert before - start < total <= rig.clock.now() - start
    assert rig.player.session_elapsed() == total
    assert rig.results.ended == ("completed", total)
    assert rig.heard[-1].kind == "finish"
    assert rig.heard[-1].at == total
    assert rig.heard == all_cues(timeline)  # every cue, once, at its planned instant
    actual = sum(result.actual_seconds for result in rig.results.sets)
    planned = sum(segment.duration for segment in timeline.work_segments())
    assert actual == pytest.approx(planned, abs=1e-6)


def test_six_hour_session_woken_only_at_next_cue_at() -> None:
    timeline = timeline_of(SIX_HOURS)
    rig = Rig(timeline, start=0.0)
    rig.player.start()
    heard = rig.run_out()
    assert heard == all_cues(timeline)
    assert rig.clock.now() == timeline.total_seconds  # the last wake is the finish
    assert rig.results.ended == ("completed", timeline.total_seconds)


@pytest.fixture
def rig() -> Rig:
    rig = Rig(timeline_of(WORKED_EXAMPLE))
    rig.player.start()
    return rig


def test_pause_and_resume(rig: Rig) -> None:
    player = rig.player
    rig.at(15)
    player.pause()
    assert player.paused
    assert player.next_cue_at() is None
    rig.clock.advance(1234.5)
    assert player.session_elapsed() == 15
    assert rig.poll() == []
    player.resume()
    assert player.session_elapsed() == 15
    assert player.next_cue_at() == rig.clock.now() + 22  # A's countdown at 37
    assert player.session_total() == 220
    player.toggle()
    assert player.paused
    player.toggle()
    assert player.running


def test_skip_moves_on_at_the_same_position(rig: Rig) -> None:
    player = rig.player
    rig.at(15)
    player.skip()
    assert player.session_elapsed() == 15
    assert player.current() is player.timeline.segments[2]  # the rest after A
    assert (player.segment_elapsed(), player.segment_remaining()) == (0, 10)
    assert player.session_total() == 220 - 25
    assert plan(rig.poll()) == [("rest", 15)]
    assert player.next_cue_at() == rig.clock.now() + 7


def test_back_restarts_the_segment(rig: Rig) -> None:
    player = rig.player
    rig.at(25)
    player.back()
    assert player.index == 1
    assert (player.session_elapsed(), player.segment_elapsed()) == (25, 0)
    assert player.segment_remaining() == 30
    assert player.session_total() == 235
    assert plan(rig.poll()) == [("start", 25)]
    assert player.next_cue_at() == rig.clock.now() + 27


def test_back_within_two_seconds_goes_to_the_previous_segment(rig: Rig) -> None:
    player = rig.player
    rig.at(41.5)
    assert player.index == 2
    player.back()
    assert player.index == 1
    assert player.session_total() == 220 + 31.5
    assert plan(rig.poll()) == [("start", 41.5)]


def test_back_at_the_very_start_restarts_the_first_segment(rig: Rig) -> None:
    rig.at(1)
    rig.player.back()
    assert rig.player.index == 0
    assert rig.player.session_total() == 221


def test_done_is_only_for_open_sets(rig: Rig) -> None:
    rig.at(15)
    assert not rig.player.done()
    assert rig.player.index == 1
    assert rig.player.session_total() == 220


def test_done_ends_an_open_set_and_shifts_what_follows() -> None:
    timeline = quick(
        '[[block]]\n[[block.exercise]]\nid = "lift"\nreps = 8\nrest = 20\n'
        '[[block.exercise]]\nid = "bridge"\nwork = 30'
    )
    rig = Rig(timeline)
    player = rig.player
    player.start()
    assert player.session_total() == 24 + 20 + 30
    rig.clock.advance(31.25)
    assert player.session_total() == 31.25 + 20 + 30  # past its estimate, it grows
    assert player.segment_progress() == 1.0
    assert player.done()
    assert player.session_elapsed() == 31.25
    assert player.index == 1
    assert player.session_total() == 81.25
    assert plan(rig.run_out())[-2:] == [("start", 51.25), ("finish", 81.25)]


def test_extend_shifts_every_later_start(rig: Rig) -> None:
    player = rig.player
    rig.at(15)
    assert player.extend()
    assert player.adjustment(1) == 10
    assert player.segment_remaining() == 35
    assert player.session_total() == 230
    assert player.due_cues(15, 60)[0].at == 47  # countdown moved with the end
    assert [c.at for c in player.due_cues(15, 300) if c.kind == "rest"] == [50, 105, 175]


def test_shorten_never_below_what_has_run(rig: Rig) -> None:
    player = rig.player
    rig.at(15)
    assert player.shorten()
    assert player.session_total() == 210
    assert player.shorten()
    assert player.segment_remaining() == 5
    assert player.shorten()  # only 5 s were left: the segment ends now
    assert player.adjustment(1) == -25
    assert player.index == 2
    assert player.session_elapsed() == 15
    assert player.session_total() == 195
    assert plan(rig.poll()) == [("rest", 15)]


def test_shorten_and_extend_while_paused(rig: Rig) -> None:
    player = rig.player
    rig.at(15)
    player.pause()
    player.extend(30)
    player.shorten(5)
    assert player.session_elapsed() == 15
    assert player.session_total() == 245
    player.resume()
    assert player.next_cue_at() == rig.clock.now() + 62 - 15


def test_speed_runs_session_time_faster() -> None:
    rig = Rig(timeline_of(WORKED_EXAMPLE), start=0.0, speed=10.0)
    rig.player.start()
    rig.poll()
    assert rig.player.next_cue_at() == 0.7
    rig.clock.set(5.0)
    assert rig.player.session_elapsed() == 50
    rig.run_out()
    assert rig.clock.now() == 22.0
    assert rig.results.ended == ("completed", 220.0)


def test_start_at_a_later_segment() -> None:
    rig = Rig(timeline_of(WORKED_EXAMPLE), start_at=3)
    assert rig.player.session_total() == 170
    rig.player.start()
    heard = rig.run_out()
    assert plan(heard[:2]) == [("start", 0), ("countdown", 17)]
    assert heard[0].text == "Side plank, left, twenty seconds"
    assert heard[-1].at == 170
    assert len(rig.results.sets) == 5  # B, B, then round 2: A, B, B
    with pytest.raises(ValueError, match="start_at"):
        Player(timeline_of(WORKED_EXAMPLE), FakeClock(), start_at=13)


def test_jump_to_any_segment(rig: Rig) -> None:
    player = rig.player
    rig.at(15)
    player.jump(7)  # A, round 2
    assert (player.index, player.session_elapsed()) == (7, 15)
    assert player.session_total() == 15 + 85
    assert rig.results.sets[-1].skipped
    player.jump(7)  # restart
    rig.at(20)
    player.jump(0)
    assert player.session_total() == 20 + 220
    with pytest.raises(IndexError):
        player.jump(99)


def test_next_segment_and_next_work(rig: Rig) -> None:
    player = rig.player
    rig.at(45)  # the rest between A and B
    assert player.next_segment() is player.timeline.segments[3]
    assert player.next_work() is player.timeline.segments[3]
    rig.at(71)  # switch
    assert player.next_work() is player.timeline.segments[5]
    rig.at(219.5)
    assert player.next_segment() is None
    assert player.next_work() is None


def test_progress_fractions(rig: Rig) -> None:
    player = rig.player
    rig.at(25)
    assert player.segment_progress() == 0.5
    assert player.session_progress() == 25 / 220
    assert player.session_remaining() == 195
    rig.at(220)
    assert player.finished
    assert player.current() is None
    assert (player.session_progress(), player.session_remaining()) == (1.0, 0.0)


def test_stop_ends_early_and_freezes(rig: Rig) -> None:
    player = rig.player
    rig.at(60)
    player.stop()
    assert player.stopped
    assert not player.finished
    assert not player.running
    assert player.next_cue_at() is None
    rig.clock.advance(100)
    assert player.session_elapsed() == 60
    assert rig.poll() == []
    assert player.due_cues(60, 1000) == []
    assert rig.results.ended == ("stopped", 60)
    player.skip()
    player.resume()
    assert player.session_elapsed() == 60


def test_operations_before_start_and_after_the_end_do_nothing() -> None:
    rig = Rig(timeline_of(WORKED_EXAMPLE))
    player = rig.player
    player.skip()
    player.back()
    assert not player.extend()
    assert not player.flag_pain()
    assert player.poll() == []
    assert player.next_cue_at() is None
    assert player.index == 0
    player.start()
    rig.run_out()
    player.skip()
    player.back()
    player.stop()
    assert not player.stopped
    assert rig.results.ended == ("completed", 220)


def test_a_clock_that_goes_back_never_moves_the_position_back(rig: Rig) -> None:
    rig.at(30)
    rig.clock.set(rig.clock.now() - 5)
    assert rig.player.session_elapsed() == 30


def test_breath_and_rep_now() -> None:
    timeline = quick(
        '[[block]]\n[[block.exercise]]\nid = "bridge"\nreps = 3\ntempo = "3-1-3-0"\n'
        'breath = "tempo"\n[[block.exercise]]\nid = "birddog"\nwork = 20\nbreath = "box"'
    )
    rig = Rig(timeline)
    player = rig.player
    player.start()
    rig.at(10.5)
    assert player.breath_now().name == "hold"  # type: ignore[union-attr]
    rig.at(12)
    rep, breath = player.rep_now(), player.breath_now()
    assert rep is not None
    assert breath is not None
    assert (rep.name, rep.cycle + 1, breath.name) == ("lift", 2, "exhale")
    rig.at(21 + 15 + 13)  # after the 15 s rest, 13 s into box breathing
    assert player.rep_now() is None
    assert player.breath_now().name == "hold_out"  # type: ignore[union-attr]
