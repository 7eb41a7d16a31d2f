"""Retests that know their noise: a change counts only beyond the test's minimal detectable change.

``compare(previous, current, norms)`` compares two sets of results test by test and
side by side. A change larger than the test's published minimal detectable change
(MDC) is "improved" or "worse"; a change up to the MDC is "within the noise". A test
without a published MDC says so instead of guessing.
"""

from __future__ import annotations

import enum

import msgspec

from matwork.core.assessment_model import (
    SIDED_TESTS,
    AssessmentResults,
    AssessmentTest,
    side_value,
    value_of,
)
from matwork.core.assessment_norms import Norms
from matwork.core.assessment_ratios import exact
from matwork.core.finding_model import side_word
from matwork.core.kinds import BODY_SIDES, Side
from matwork.i18n import _

LOWER_IS_BETTER = frozenset(
    {AssessmentTest.FINGERTIP_FLOOR, AssessmentTest.ASLR, AssessmentTest.THOMAS}
)
"""Tests where a smaller value (or false) is the better one."""

UNITS = {
    AssessmentTest.FINGERTIP_FLOOR: "cm",
    AssessmentTest.ASLR: "points",
    AssessmentTest.THOMAS: "",
}
"""Units of the tests that are not held in seconds (``Change.unit``, the same in every language)."""


def _unit_words(unit: str) -> str:
    """A unit as the texts write it, in the language in use."""
    return _("points") if unit == "points" else unit


def _answer(positive: bool) -> str:
    return _("positive") if positive else _("negative")


def _verdict_words(verdict: Verdict) -> str:
    return _("improved") if verdict is Verdict.IMPROVED else _("worse")


class Verdict(enum.StrEnum):
    """What a change between two results means, given the test's noise."""

    IMPROVED = "improved"
    WORSE = "worse"
    WITHIN_NOISE = "within the noise"
    NO_MDC = "no published MDC"
    SAME = "same"


class Change(msgspec.Struct, kw_only=True, frozen=True):
    """One test (and side) before and after."""

    test: AssessmentTest
    side: Side | None
    before: float | bool
    after: float | bool
    difference: float | None
    """after - before; None for a yes/no test."""
    unit: str
    mdc: float | None
    verdict: Verdict
    text: str


class Retest(msgspec.Struct, kw_only=True, frozen=True):
    """Every test measured in both results, compared; and what could not be compared."""

    days_apart: int | None
    changes: list[Change]
    not_compared: list[str]
    """Tests or sides measured only once, e.g. ["prone-plank", "side-bridge.left"]."""


def compare(previous: AssessmentResults, current: AssessmentResults, norms: Norms) -> Retest:
    """Compare ``current`` with ``previous``, test by test and side by side."""
    changes: list[Change] = []
    not_compared: list[str] = []
    for test in AssessmentTest:
        sides: tuple[Side | None, ...] = BODY_SIDES if test in SIDED_TESTS else (None,)
        for side in sides:
            label = f"{test.value}.{side.value}" if side else test.value
            before = _value(previous, test, side)
            after = _value(current, test, side)
            if before is None and after is None:
                continue
            if before is None or after is None:
                not_compared.append(label)
                continue
            changes.append(_change(test, side, before, after, norms))
    days = None
    if previous.measured_on and current.measured_on:
        days = (current.measured_on - previous.measured_on).days
    return Retest(days_apart=days, changes=changes, not_compared=not_compared)


def _value(
    results: AssessmentResults, test: AssessmentTest, side: Side | None
) -> float | bool | None:
    if side is None:
        value = value_of(results.results, test)
        return value if isinstance(value, float | int | bool) else None
    return side_value(results.results, test, side)


def _change(
    test: AssessmentTest, side: Side | None, before: float | bool, after: float | bool, norms: Norms
) -> Change:
    mdc = norms.mdc[test]
    unit = UNITS.get(test, "s")
    where = f"{test.value} ({side_word(side)})" if side else test.value
    if isinstance(before, bool) or isinstance(after, bool):
        if before == after:
            verdict = Verdict.SAME
            text = _("{test}: {answer} both times.").format(test=where, answer=_answer(bool(after)))
        else:
            verdict = Verdict.NO_MDC
            text = _("{test}: was {before}, now {after}. {no_mdc}").format(
                test=where,
                before=_answer(bool(before)),
                after=_answer(bool(after)),
                no_mdc=mdc.none,
            )
        return Change(
            test=test,
            side=side,
            before=before,
            after=after,
            difference=None,
            unit=unit,
            mdc=None,
            verdict=verdict,
            text=text,
        )
    difference = exact(after) - exact(before)
    unit_words = _unit_words(unit)
    shown = f"{before:g} → {after:g} {unit_words}".rstrip() + f" ({float(difference):+g})"
    if mdc.value is None:
        if difference == 0:
            verdict = Verdict.SAME
            text = _("{test}: {change}, no change.").format(test=where, change=shown)
        else:
            verdict = Verdict.NO_MDC
            text = _("{test}: {change}. {no_mdc}").format(test=where, change=shown, no_mdc=mdc.none)
        return Change(
            test=test,
            side=side,
            before=before,
            after=after,
            difference=float(difference),
            unit=unit,
            mdc=None,
            verdict=verdict,
            text=text,
        )
    if abs(difference) > exact(mdc.value):
        better = difference < 0 if test in LOWER_IS_BETTER else difference > 0
        verdict = Verdict.IMPROVED if better else Verdict.WORSE
        words = _("{test}: {change}, more than the minimal detectable change of {mdc}: {verdict}.")
        text = words.format(
            test=where,
            change=shown,
            mdc=f"{mdc.value:g} {unit_words}".rstrip(),
            verdict=_verdict_words(verdict),
        )
    else:
        verdict = Verdict.WITHIN_NOISE
        words = _(
            "{test}: {change}, not more than the minimal detectable change of {mdc}: "
            "within the noise."
        )
        text = words.format(test=where, change=shown, mdc=f"{mdc.value:g} {unit_words}".rstrip())
    return Change(
        test=test,
        side=side,
        before=before,
        after=after,
        difference=float(difference),
        unit=unit,
        mdc=mdc.value,
        verdict=verdict,
        text=text,
    )
