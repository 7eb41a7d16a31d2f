"""A ratio as a small text bar, and as a short cell: shared by the CLI and the screens."""

from __future__ import annotations

from matwork.core.assessment_ratios import RatioBound, RatioResult

BAR_WIDTH = 20
"""Cells of a ratio bar."""


def bar_scale(ratio: RatioResult) -> tuple[float, float]:
    """The range a ratio's bar spans: 0 to twice a "below" goal, or 0.5-1.5 around a window."""
    if ratio.goal_below is not None:
        return 0.0, 2 * ratio.goal_below
    return 0.5, 1.5


def _cell(value: float, low: float, high: float, width: int) -> int:
    position = round((value - low) / (high - low) * width)
    return min(max(position, 0), width)


def ratio_bar(ratio: RatioResult, width: int = BAR_WIDTH) -> str:
    """A text bar: filled up to the value, with ``│`` at the goal's bounds.

    ``»`` in the last cell means the value lies beyond the bar's scale.
    """
    low, high = bar_scale(ratio)
    filled = _cell(ratio.value, low, high, width) if ratio.value is not None else 0
    cells = ["█" if index < filled else "·" for index in range(width)]
    bounds = (
        [ratio.goal_below] if ratio.goal_below is not None else [ratio.goal_low, ratio.goal_high]
    )
    for bound in bounds:
        if bound is not None:
            cells[min(_cell(bound, low, high, width), width - 1)] = "│"
    if ratio.value is not None and ratio.value > high:
        cells[-1] = "»"
    return "".join(cells)


BOUND_MARKS = {RatioBound.LOWER: "≥", RatioBound.UPPER: "≤", RatioBound.UNKNOWN: "~"}
"""The mark before a ratio that is a bound (a hold ran to its ceiling)."""


def ratio_cell(ratio: RatioResult) -> str:
    """The ratio in a few characters: "0.77", "≥1.25" (a bound), "·" when not measured."""
    if ratio.value is None:
        return "·"
    return f"{BOUND_MARKS.get(ratio.bound, '')}{ratio.value:.2f}"
