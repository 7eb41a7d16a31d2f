"""A later start begins with a get-ready: ``lead_in`` and the player over its timeline."""

from __future__ import annotations

import pytest

from matwork.core.clock import FakeClock
from matwork.core.kinds import SegmentKind
from matwork.core.player import Player
from matwork.core.results import RecordingResults
from matwork.core.timeline import lead_in

from helpers.player import WORKED_EXAMPLE, quick, timeline_of

# Worked example: 0 prepare 10, 1 dead bug 30, 2 rest 10, 3 side plank left 20,
# 4 switch 5, 5 right 20, 6 round rest 40, 7 dead bug 30, 8 rest 10, 9 left 20, ...


def test_a_work_set_after_a_switch_gets_the_routines_prepare_in_place_of_the_switch() -> None:
    timeline = timeline_of(WORKED_EXAMPLE)
    started, index = lead_in(timeline, 5)
    assert index == 4
    ready = started.segments[4]
    assert (ready.kind, ready.duration, ready.exercise.name) == (
        SegmentKind.PREPARE,
        10.0,
        "Side plank",
    )
    assert (ready.index, ready.block, ready.round) == (4, 0, 1)
    assert [segment.index for segment in started.segments] == list(range(12))
    assert started.segments[:4] == timeline.segments[:4]
    assert started.segments[5].start == timeline.segments[5].start + 5  # 10 s, not the 5 s switch
    assert started.segments[5].kind is SegmentKind.WORK
    assert started.total_seconds == timeline.total_seconds + 5


def test_a_work_set_after_its_rest_gets_the_prepare_in_place_of_the_rest() -> None:
    timeline = timeline_of(WORKED_EXAMPLE)
    started, index = lead_in(timeline, 7)
    assert index == 6
    assert started.segments[6].kind is SegmentKind.PREPARE
    assert started.segments[6].duration == 10.0  # the prepare, not the 40 s round rest
    assert started.total_seconds == timeline.total_seconds - 30


@pytest.mark.parametrize("index", [0, 2, 6])
def test_the_start_a_prepare_or_a_rest_needs_no_get_ready(index: int) -> None:
    timeline = timeline_of(WORKED_EXAMPLE)
    assert lead_in(timeline, index) == (timeline, index)


def test_a_routine_without_a_prepare_starts_where_asked() -> None:
    timeline = quick('[[block]]\n[[block.exercise]]\nid = "bridge"\nwork = 20\nsets = 2\n')
    assert timeline.prepare == 0
    assert lead_in(timeline, 1) == (timeline, 1)


def test_the_player_counts_down_the_get_ready_then_logs_the_set_by_its_own_index() -> None:
    started, index = lead_in(timeline_of(WORKED_EXAMPLE), 9)
    clock = FakeClock(0.0)
    results = RecordingResults()
    player = Player(started, clock, results=results, start_at=index)
    player.start()
    current = player.current()
    assert current is not None
    assert current.kind is SegmentKind.PREPARE
    assert player.segment_remaining() == 10.0
    assert player.next_work() is started.segments[9]
    clock.advance(10.5)
    current = player.current()
    assert current is not None
    assert (current.kind, current.index, current.side) == (SegmentKind.WORK, 9, "left")
    player.skip()
    assert [result.segment for result in results.sets] == [9]
