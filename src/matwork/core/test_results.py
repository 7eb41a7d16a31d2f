"""What a test set reports when it ends: the value held or entered, per test and side.

The player hands a ``TestResult`` to its ``TestSink`` when a hold is ended (by the key
or at its ceiling) or a measurement is answered; the session log stores it with the
session. A skipped, stopped or unanswered test reports nothing: there is no result.
"""

from __future__ import annotations

from typing import Protocol

import msgspec

from matwork.core.assessment_protocol import AnswerKind
from matwork.core.kinds import Side
from matwork.core.test_spec import TestKind, TestSpec
from matwork.core.timeline import Segment
from matwork.i18n import _

CEILING_TOLERANCE = 1e-6
"""A hold within this many seconds of its ceiling reached it."""


class TestResult(msgspec.Struct, frozen=True, kw_only=True):
    """One test on one side: the seconds held, or the number, yes/no or score entered."""

    __test__ = False

    segment: int
    """Index of the work segment in the timeline."""
    test: str
    """The exercise id (the results-file key for the self-assessment's tests)."""
    name: str
    kind: TestKind
    side: Side | None
    value: float
    """Seconds held; cm or degrees; a score; 1 for yes and 0 for no."""
    unit: str
    """"s", "cm", "degrees", "points", or "" for yes/no."""
    answer: AnswerKind | None = None
    at_ceiling: bool = False
    """A hold that ran to its ceiling: the true time may be longer."""
    ceiling: float | None = None
    started_at: float = 0.0
    """Wall-clock start, seconds since the epoch (UTC)."""

    @property
    def key(self) -> str:
        """ "extensor-hold", or "side-bridge.left" for a side."""
        return f"{self.test}.{self.side.value}" if self.side else self.test


class TestSink(Protocol):
    """Where the player sends test results: the session log, or a list in tests."""

    def test_recorded(self, result: TestResult) -> None:
        """A test ended with a result; persist it before returning."""


class RecordingTests:
    """A test sink that keeps every result in memory."""

    def __init__(self) -> None:
        self.results: list[TestResult] = []

    def test_recorded(self, result: TestResult) -> None:
        """Remember the result."""
        self.results.append(result)


def hold_result(segment: Segment, held: float, wall: float) -> TestResult:
    """The result of a hold that ran ``held`` seconds (never more than its ceiling)."""
    spec = _spec(segment)
    assert spec.ceiling is not None
    seconds = min(held, spec.ceiling)
    return TestResult(
        segment=segment.index,
        test=segment.exercise.id,
        name=segment.exercise.name,
        kind=TestKind.HOLD,
        side=_side(segment),
        value=seconds,
        unit="s",
        at_ceiling=held >= spec.ceiling - CEILING_TOLERANCE,
        ceiling=spec.ceiling,
        started_at=wall,
    )


def measure_result(segment: Segment, value: float, wall: float) -> TestResult:
    """The result of a measurement answered with ``value`` (already checked)."""
    spec = _spec(segment)
    return TestResult(
        segment=segment.index,
        test=segment.exercise.id,
        name=segment.exercise.name,
        kind=TestKind.MEASURE,
        side=_side(segment),
        value=value,
        unit=spec.unit,
        answer=spec.answer,
        started_at=wall,
    )


def _spec(segment: Segment) -> TestSpec:
    spec = segment.exercise.test
    if spec is None:
        raise ValueError(f"segment {segment.index} is not a test set")
    return spec


def _side(segment: Segment) -> Side | None:
    return segment.side if segment.side in (Side.LEFT, Side.RIGHT) else None


def start_words(segment: Segment) -> str:
    """What a voice says as a test starts: "Side bridge, left: hold as long as you can"."""
    spec = _spec(segment)
    sides = {"left": _("left"), "right": _("right"), "alternate": _("alternating sides")}
    side = sides.get(str(segment.side), str(segment.side)) if segment.side else ""
    where = f"{segment.exercise.name}, {side}" if side else segment.exercise.name
    if spec.kind is TestKind.HOLD:
        return _("{test}: hold as long as you can").format(test=where)
    if spec.answer is AnswerKind.NUMBER:
        return _("{test}: measure, in {unit}").format(test=where, unit=spec.unit)
    if spec.answer is AnswerKind.YES_NO:
        return _("{test}: answer yes or no").format(test=where)
    return _("{test}: give a score").format(test=where)
