"""Retests: a change counts only beyond the test's minimal detectable change."""

from __future__ import annotations

import datetime

import msgspec
import pytest

from matwork.core.assessment_model import AssessmentTest
from matwork.core.assessment_norms import load_norms
from matwork.core.kinds import Side
from matwork.core.retest import Verdict, compare

from helpers.assessment import results

NORMS = load_norms()


@pytest.mark.parametrize(
    ("before", "after", "verdict"),
    [
        (100, 148.5, Verdict.WITHIN_NOISE),  # exactly the MDC of 48.5 s: not beyond it
        (100, 130, Verdict.WITHIN_NOISE),
        (100, 149, Verdict.IMPROVED),
        (150, 100, Verdict.WORSE),
        (120, 120, Verdict.WITHIN_NOISE),
    ],
)
def test_extensor_changes_against_its_mdc(before: float, after: float, verdict: Verdict) -> None:
    retest = compare(results(extensor_hold=before), results(extensor_hold=after), NORMS)
    [change] = retest.changes
    assert change.verdict is verdict
    assert change.mdc == 48.5
    assert verdict.value in change.text


@pytest.mark.parametrize(
    ("before", "after", "verdict"),
    [
        (25, 20, Verdict.IMPROVED),  # 5 cm closer to the floor, MDC 4.5 cm
        (25, 21, Verdict.WITHIN_NOISE),
        (20, 25, Verdict.WORSE),
        (25, 20.5, Verdict.WITHIN_NOISE),  # exactly 4.5 cm
    ],
)
def test_fingertip_floor_is_better_when_smaller(
    before: float, after: float, verdict: Verdict
) -> None:
    retest = compare(results(fingertip_floor=before), results(fingertip_floor=after), NORMS)
    assert retest.changes[0].verdict is verdict
    assert retest.changes[0].unit == "cm"


def test_a_test_without_a_published_mdc_says_so() -> None:
    retest = compare(results(trunk_flexor_hold=60), results(trunk_flexor_hold=120), NORMS)
    [change] = retest.changes
    assert change.verdict is Verdict.NO_MDC
    assert change.mdc is None
    assert "No published minimal detectable change" in change.text
    same = compare(results(prone_plank=60), results(prone_plank=60), NORMS).changes[0]
    assert same.verdict is Verdict.SAME


def test_sided_tests_compare_side_by_side_and_list_what_was_measured_once() -> None:
    before = results(side_bridge={"left": 40, "right": 60}, thomas={"left": True, "right": True})
    after = results(
        side_bridge={"left": 70}, thomas={"left": False, "right": True}, aslr={"left": 1}
    )
    retest = compare(before, after, NORMS)
    verdicts = {(change.test, change.side): change.verdict for change in retest.changes}
    assert verdicts == {
        (AssessmentTest.SIDE_BRIDGE, Side.LEFT): Verdict.NO_MDC,
        (AssessmentTest.THOMAS, Side.LEFT): Verdict.NO_MDC,
        (AssessmentTest.THOMAS, Side.RIGHT): Verdict.SAME,
    }
    assert retest.not_compared == ["side-bridge.right", "aslr.left"]
    thomas_left = next(
        c for c in retest.changes if c.test is AssessmentTest.THOMAS and c.side is Side.LEFT
    )
    assert "was positive, now negative" in thomas_left.text


def test_days_apart_come_from_the_measurement_dates() -> None:
    before = msgspec.structs.replace(
        results(extensor_hold=100), measured_on=datetime.date(2025, 1, 6)
    )
    after = msgspec.structs.replace(
        results(extensor_hold=160), measured_on=datetime.date(2025, 2, 17)
    )
    retest = compare(before, after, NORMS)
    assert retest.days_apart == 42
    assert retest.changes[0].verdict is Verdict.IMPROVED
    assert compare(results(extensor_hold=1), results(extensor_hold=2), NORMS).days_apart is None
