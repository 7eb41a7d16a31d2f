"""Test sets in any routine: checking, the timeline, and the player on a fake clock."""

from __future__ import annotations

import pytest

from matwork.core import compile_timeline, parse_routine
from matwork.core.assessment_protocol import AnswerKind
from matwork.core.clock import FakeClock
from matwork.core.errors import RoutineError
from matwork.core.kinds import SegmentKind, Side
from matwork.core.player import Player
from matwork.core.results import RecordingResults
from matwork.core.test_results import RecordingTests
from matwork.core.test_spec import AnswerError, TestKind, parse_answer

HOLD_ROUTINE = """
name = "Holds"
[defaults]
prepare = 5
rest = 20

[[block]]
[[block.exercise]]
id = "extensor-hold"
test = "hold"
ceiling = 240

[[block.exercise]]
id = "side-bridge"
test = "hold"
sides = "both"
switch = 30
"""

MEASURE_ROUTINE = """
name = "Measures"
[defaults]
prepare = 0
rest = 10

[[block]]
[[block.exercise]]
id = "fingertip-floor"
test = "measure"

[[block.exercise]]
id = "knee-bend"
test = "measure"
unit = "degrees"
side = "left"

[[block.exercise]]
id = "thomas"
test = "measure"
sides = "both"

[[block.exercise]]
id = "aslr"
test = "measure"
answer = "score"

[catalog.knee-bend]
name = "Knee bend"
category = "mobility"
"""


def _player(text: str) -> tuple[Player, FakeClock, RecordingResults, RecordingTests]:
    timeline = compile_timeline(parse_routine(text, "t.toml"))
    clock = FakeClock()
    results, tests = RecordingResults(), RecordingTests()
    player = Player(timeline, clock, results=results, tests=tests, wall=lambda: 1000.0)
    player.start()
    return player, clock, results, tests


def test_a_hold_ends_on_the_key_with_the_time_held() -> None:
    player, clock, results, tests = _player(HOLD_ROUTINE)
    clock.advance(5)  # prepare
    segment = player.current()
    assert segment is not None
    assert segment.kind is SegmentKind.WORK
    assert segment.open
    clock.advance(87.4)
    assert player.segment_elapsed() == pytest.approx(87.4)  # the screen counts up
    assert player.done() is True
    [held] = tests.results
    assert held.test == "extensor-hold"
    assert held.kind is TestKind.HOLD
    assert held.value == pytest.approx(87.4)
    assert held.value == pytest.approx(results.sets[0].actual_seconds)
    assert held.at_ceiling is False
    assert held.ceiling == 240
    assert held.unit == "s"
    current = player.current()
    assert current is not None
    assert current.kind is SegmentKind.REST


def test_a_hold_ends_by_itself_at_its_ceiling() -> None:
    player, clock, results, tests = _player(HOLD_ROUTINE)
    clock.advance(5)
    clock.advance(239.9)
    assert not tests.results
    assert player.current() is not None
    assert player.current().kind is SegmentKind.WORK
    clock.advance(0.2)
    player.poll()
    [held] = tests.results
    assert held.value == 240
    assert held.at_ceiling is True
    assert results.sets[0].actual_seconds == 240
    assert not results.sets[0].skipped
    current = player.current()
    assert current is not None
    assert current.kind is SegmentKind.REST
    # The rest started at the ceiling, not later.
    assert player.segment_elapsed() == pytest.approx(0.1)


def test_the_ceilings_come_from_the_protocol_and_sides_are_kept() -> None:
    player, clock, _, tests = _player(HOLD_ROUTINE)
    clock.advance(5 + 100)
    player.done()
    clock.advance(20 + 50)  # rest, then the left side bridge
    player.done()
    clock.advance(30 + 180)  # the switch, then the right side bridge runs to 180 s
    player.poll()
    assert [(r.test, r.side, r.value, r.at_ceiling) for r in tests.results] == [
        ("extensor-hold", None, 100, False),
        ("side-bridge", Side.LEFT, 50, False),
        ("side-bridge", Side.RIGHT, 180, True),
    ]
    assert player.finished


def test_skipping_or_stopping_a_hold_records_no_result() -> None:
    player, clock, results, tests = _player(HOLD_ROUTINE)
    clock.advance(5 + 30)
    player.skip()
    clock.advance(20 + 10)
    player.stop()
    assert tests.results == []
    assert [s.skipped for s in results.sets] == [True, False]


def test_a_hold_cannot_be_stretched_and_plans_a_third_of_its_ceiling() -> None:
    timeline = compile_timeline(parse_routine(HOLD_ROUTINE, "t.toml"))
    work = timeline.work_segments()
    assert [segment.duration for segment in work] == [80, 60, 60]
    assert timeline.estimated
    player, clock, _, _ = _player(HOLD_ROUTINE)
    clock.advance(6)
    assert player.extend() is False
    assert player.shorten() is False


def test_measurements_wait_for_their_answer() -> None:
    player, clock, results, tests = _player(MEASURE_ROUTINE)
    clock.advance(3600)
    segment = player.current()
    assert segment is not None
    assert segment.exercise.id == "fingertip-floor"
    assert player.done() is False  # only an answer ends it
    with pytest.raises(AnswerError):
        player.answer(500)  # outside -40..100 cm
    assert player.answer(25.5) is True
    assert tests.results[0].value == 25.5
    assert tests.results[0].unit == "cm"
    assert player.answer(30) is False  # resting: no measurement under way
    clock.advance(10)
    with pytest.raises(AnswerError):
        player.answer(True)  # a yes is no answer in degrees
    tests.results.clear()
    player.answer(95)  # knee bend, degrees, left only
    clock.advance(10)
    player.answer(False)  # thomas, left
    clock.advance(5)
    player.answer(True)  # thomas, right
    clock.advance(10)
    player.answer(2)  # aslr score
    assert player.finished
    assert [(r.test, r.side, r.value, r.unit, r.answer) for r in tests.results] == [
        ("knee-bend", Side.LEFT, 95, "degrees", AnswerKind.NUMBER),
        ("thomas", Side.LEFT, 0, "", AnswerKind.YES_NO),
        ("thomas", Side.RIGHT, 1, "", AnswerKind.YES_NO),
        ("aslr", None, 2, "points", AnswerKind.SCORE),
    ]
    assert len(results.sets) == 5


def test_answers_are_read_from_what_was_typed() -> None:
    timeline = compile_timeline(parse_routine(MEASURE_ROUTINE, "t.toml"))
    specs = [segment.exercise.test for segment in timeline.work_segments()]
    fingertip, knee, thomas, _, aslr = specs
    assert fingertip is not None
    assert knee is not None
    assert thomas is not None
    assert aslr is not None
    assert parse_answer(fingertip, " 12,5 cm") == 12.5
    assert parse_answer(knee, "90°") == 90
    assert parse_answer(thomas, "Y") == 1.0
    assert parse_answer(thomas, "no") == 0.0
    assert parse_answer(aslr, "3") == 3
    for spec, typed in ((fingertip, "far"), (aslr, "2.5"), (aslr, "6"), (thomas, "maybe")):
        with pytest.raises(AnswerError):
            parse_answer(spec, typed)
    assert thomas.questions
    assert thomas.picture
    assert "table" in thomas.picture


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ('id = "extensor-hold"\ntest = "hold"\nwork = 30', "a test set has no work"),
        ('id = "bird-dog"\ntest = "hold"', "a hold needs a ceiling"),
        ('id = "bird-dog"\ntest = "measure"', "a measured number needs its unit"),
        ('id = "bird-dog"\ntest = "hld"\nceiling = 30', "unknown test kind 'hld'"),
        ('id = "bird-dog"\nceiling = 30', "ceiling belongs to a test set"),
        ('id = "thomas"\ntest = "hold"\nceiling = 30', "'thomas' is a measure"),
        ('id = "aslr"\ntest = "measure"\nanswer = "number"', "answered with score"),
        ('id = "bird-dog"\ntest = "measure"\nanswer = "score"\nunit = "cm"', "has no unit"),
        ('id = "bird-dog"\ntest = "hold"\nceiling = 30\nunit = "cm"', "belongs to a measurement"),
        ('id = "bird-dog"\nside = "left"\nsides = "both"', "choose side"),
    ],
)
def test_bad_test_sets_are_named_with_line_and_column(lines: str, message: str) -> None:
    text = f'name = "x"\n[[block]]\n[[block.exercise]]\n{lines}\n'
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, "bad.toml")
    problem = caught.value.problems[0]
    assert message in problem.message
    assert problem.path == "bad.toml"
    assert problem.line >= 4
