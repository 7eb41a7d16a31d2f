"""An assessment played in the player, turned into the results a results file holds.

``results_from_tests(tests, about)`` is pure: the test results a session logged (only
those of the self-assessment's tests count) and what the user said about themselves
in, ``AssessmentResults`` out. A test done twice keeps its last result; a hold that
ran to its ceiling is listed in ``at-ceiling``.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

import msgspec

from matwork.core.assessment_model import (
    SIDED_TESTS,
    AssessmentResults,
    AssessmentTest,
    ExtensorSetup,
    Sex,
)
from matwork.core.test_results import TestResult

HOLD_DECIMALS = 1
"""Seconds held are kept to a tenth of a second."""


class AboutYou(msgspec.Struct, kw_only=True, frozen=True):
    """What the user tells before an assessment; every field is optional."""

    sex: Sex | None = None
    age: int | None = None
    extensor_setup: ExtensorSetup | None = None


def _value(test: AssessmentTest, result: TestResult) -> float | bool | int:
    if test is AssessmentTest.THOMAS:
        return result.value >= 1
    if test is AssessmentTest.ASLR:
        return int(result.value)
    if test is AssessmentTest.FINGERTIP_FLOOR:
        return result.value
    return round(result.value, HOLD_DECIMALS)


def assessment_tests(tests: Sequence[TestResult]) -> list[TestResult]:
    """The results that belong to the self-assessment's tests, in the order given."""
    known = {test.value for test in AssessmentTest}
    return [result for result in tests if result.test in known]


def results_from_tests(
    tests: Sequence[TestResult], about: AboutYou, measured_on: datetime.date
) -> AssessmentResults | None:
    """The results of the self-assessment's tests among ``tests``; None if there are none."""
    chosen = assessment_tests(tests)
    if not chosen:
        return None
    values: dict[str, Any] = {}
    at_ceiling: dict[str, bool] = {}
    for result in chosen:
        test = AssessmentTest(result.test)
        value = _value(test, result)
        if test in SIDED_TESTS:
            if result.side is None:
                continue  # a sided test measured without a side cannot be placed
            values.setdefault(test.value, {})[result.side.value] = value
        else:
            values[test.value] = value
        at_ceiling[result.key] = result.at_ceiling
    data: dict[str, Any] = {
        "measured-on": measured_on,
        "measured-by": "myself, in matwork's player",
        "results": values,
        "at-ceiling": [key for key, hit in at_ceiling.items() if hit],
    }
    if about.sex is not None:
        data["sex"] = about.sex
    if about.age is not None:
        data["age"] = about.age
    if about.extensor_setup is not None and AssessmentTest.EXTENSOR_HOLD.value in values:
        data["extensor-setup"] = about.extensor_setup
    if not values:
        return None
    return msgspec.convert(data, AssessmentResults)
