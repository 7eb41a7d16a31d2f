"""The three ratios of McGill's endurance battery, compared exactly with their goals.

Holds are compared as exact fractions, so a ratio that lands on a goal's boundary
(1.0, 0.95, 1.05, 0.75) is judged by the rule as written, not by float rounding. The
value shown is rounded to two decimals. A ratio whose holds are missing has no value
and lists what is missing.
"""

from __future__ import annotations

import enum
from fractions import Fraction

import msgspec

from matwork.core.assessment_model import AssessmentTest, Measurements, Sex, side_value
from matwork.core.assessment_norms import Norms, RatioRule
from matwork.core.kinds import Side
from matwork.i18n import _


class RatioId(enum.StrEnum):
    """The ratios, by their stable ids."""

    FLEXION_EXTENSION = "flexion_extension"
    SIDE_LEFT_RIGHT = "side_left_right"
    SIDE_EXTENSION = "side_extension"


class RatioBound(enum.StrEnum):
    """How far a ratio can be trusted when a hold ran to its ceiling."""

    EXACT = "exact"
    """Neither hold reached its ceiling."""
    LOWER = "lower"
    """The numerator reached its ceiling: the true ratio is at least the value."""
    UPPER = "upper"
    """The divisor reached its ceiling: the true ratio is at most the value."""
    UNKNOWN = "unknown"
    """Both reached their ceilings: the value bounds nothing."""


class RatioResult(msgspec.Struct, kw_only=True, frozen=True):
    """One ratio: its value, its goal, whether the goal is met, and the reference."""

    id: RatioId
    name: str
    value: float | None
    """Rounded to two decimals; None when a hold is missing or the divisor is 0 s."""
    numerator_seconds: float | None
    denominator_seconds: float | None
    goal: str
    goal_below: float | None
    goal_low: float | None
    goal_high: float | None
    goal_met: bool | None
    """None when the ratio cannot be judged (a hold missing, or both holds 0 s)."""
    reference: dict[str, float]
    """The healthy reference group's ratio by sex, when published."""
    reference_for_sex: float | None
    missing: list[str]
    """What the ratio lacks, e.g. ["extensor-hold"] or ["side-bridge.right"]."""
    note: str
    bound: RatioBound = RatioBound.EXACT
    at_ceiling: list[str] = []
    """The holds of this ratio that reached their ceiling."""


def exact(value: float) -> Fraction:
    """A float or int as an exact fraction (0.95 written in a file is 19/20)."""
    return Fraction(str(value)) if isinstance(value, float) else Fraction(value)


def meets_goal(rule: RatioRule, ratio: Fraction | None) -> bool:
    """Whether a ratio meets its goal; None stands for an infinite ratio (divisor 0 s)."""
    if rule.goal_below is not None:
        return ratio is not None and ratio < exact(rule.goal_below)
    assert rule.goal_low is not None
    assert rule.goal_high is not None
    return ratio is not None and exact(rule.goal_low) <= ratio <= exact(rule.goal_high)


def compute_ratios(
    results: Measurements,
    norms: Norms,
    sex: Sex | None,
    at_ceiling: frozenset[str] = frozenset(),
) -> dict[RatioId, RatioResult]:
    """The three ratios of the endurance battery, keyed by id.

    ``at_ceiling`` names the holds that ran to their ceiling (``side-bridge.left``):
    a ratio with one of them is a bound, and its note says which.
    """
    flexor = results.trunk_flexor_hold
    extensor = results.extensor_hold
    left = side_value(results, AssessmentTest.SIDE_BRIDGE, Side.LEFT)
    right = side_value(results, AssessmentTest.SIDE_BRIDGE, Side.RIGHT)
    left_s = float(left) if left is not None else None
    right_s = float(right) if right is not None else None
    sides = [value for value in (left_s, right_s) if value is not None]
    longer = max(sides) if sides else None
    one_sided = ""
    if len(sides) == 1:
        one_sided = (
            _("Only the left side bridge was measured; it stands in for the longer one.")
            if left_s is not None
            else _("Only the right side bridge was measured; it stands in for the longer one.")
        )
    flex_missing = _missing(("trunk-flexor-hold", flexor), ("extensor-hold", extensor))
    side_missing = _missing(("side-bridge.left", left_s), ("side-bridge.right", right_s))
    ext_missing = _missing(("side-bridge", longer), ("extensor-hold", extensor))
    longer_key = (
        "side-bridge.left" if longer is not None and longer == left_s else "side-bridge.right"
    )
    keys = {
        RatioId.FLEXION_EXTENSION: ("trunk-flexor-hold", "extensor-hold"),
        RatioId.SIDE_LEFT_RIGHT: ("side-bridge.left", "side-bridge.right"),
        RatioId.SIDE_EXTENSION: (longer_key, "extensor-hold"),
    }
    ratios = {
        RatioId.FLEXION_EXTENSION: _ratio(
            RatioId.FLEXION_EXTENSION,
            norms.ratio.flexion_extension,
            flexor,
            extensor,
            flex_missing,
            "",
            sex,
        ),
        RatioId.SIDE_LEFT_RIGHT: _ratio(
            RatioId.SIDE_LEFT_RIGHT,
            norms.ratio.side_left_right,
            left_s,
            right_s,
            side_missing,
            "",
            sex,
        ),
        RatioId.SIDE_EXTENSION: _ratio(
            RatioId.SIDE_EXTENSION,
            norms.ratio.side_extension,
            longer,
            extensor,
            ext_missing,
            one_sided,
            sex,
        ),
    }
    return {
        ratio_id: _bounded(ratio, *keys[ratio_id], at_ceiling) for ratio_id, ratio in ratios.items()
    }


def _bounded(
    ratio: RatioResult, numerator: str, denominator: str, at_ceiling: frozenset[str]
) -> RatioResult:
    """The ratio with its bound and a note, when one of its holds reached its ceiling."""
    hit = [key for key in (numerator, denominator) if key in at_ceiling]
    if not hit or ratio.value is None:
        return ratio
    shown = f"{ratio.value:.2f}"
    if len(hit) == 2:
        bound = RatioBound.UNKNOWN
        words = _("Both holds reached their ceilings, so the ratio bounds nothing.")
    elif hit[0] == numerator:
        bound = RatioBound.LOWER
        words = _(
            "{hold} reached its ceiling, so its true time may be longer: "
            "the ratio is a lower bound (at least {ratio})."
        ).format(hold=numerator, ratio=shown)
    else:
        bound = RatioBound.UPPER
        words = _(
            "{hold} reached its ceiling, so its true time may be longer: "
            "the ratio is an upper bound (at most {ratio})."
        ).format(hold=denominator, ratio=shown)
    note = f"{ratio.note} {words}" if ratio.note else words
    return msgspec.structs.replace(ratio, bound=bound, at_ceiling=hit, note=note)


def _missing(*parts: tuple[str, float | None]) -> list[str]:
    return [name for name, value in parts if value is None]


def _ratio(
    ratio_id: RatioId,
    rule: RatioRule,
    numerator: float | None,
    denominator: float | None,
    missing: list[str],
    note: str,
    sex: Sex | None,
) -> RatioResult:
    value: float | None = None
    met: bool | None = None
    if numerator is not None and denominator is not None:
        if denominator > 0:
            exact_ratio = exact(numerator) / exact(denominator)
            value = round(float(exact_ratio), 2)
            met = meets_goal(rule, exact_ratio)
        elif numerator > 0:
            met = meets_goal(rule, None)
            unbounded = _("The divisor was held 0 s, so the ratio is unbounded.")
            note = f"{note} {unbounded}" if note else unbounded
        else:
            nothing = _("Both holds were 0 s, so there is no ratio.")
            note = f"{note} {nothing}" if note else nothing
    reference = {"male": rule.norm.male, "female": rule.norm.female} if rule.norm else {}
    return RatioResult(
        id=ratio_id,
        name=rule.name,
        value=value,
        numerator_seconds=numerator,
        denominator_seconds=denominator,
        goal=rule.goal_words(),
        goal_below=rule.goal_below,
        goal_low=rule.goal_low,
        goal_high=rule.goal_high,
        goal_met=met,
        reference=reference,
        reference_for_sex=rule.norm.for_sex(sex) if rule.norm and sex else None,
        missing=missing,
        note=note,
    )
