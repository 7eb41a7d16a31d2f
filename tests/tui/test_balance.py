"""core.balance: trunk flexion against extension seconds of a timeline's work."""

from __future__ import annotations

from pathlib import Path

import pytest

from matwork.core.balance import TrunkBalance, trunk_balance
from matwork.core.routine import compile_timeline, parse_routine

from helpers.tui import routine_text


@pytest.mark.parametrize(
    ("exercises", "rounds", "expected"),
    [
        (("curl-up", "back-raise"), 1, TrunkBalance(30, 30)),
        (("curl-up", "back-raise"), 3, TrunkBalance(90, 90)),
        (("curl-up",), 2, TrunkBalance(60, 0)),
        (("hip-stretch",), 1, TrunkBalance(0, 0)),  # both sides, but neither trunk side
    ],
)
def test_trunk_balance_sums_work_by_side(
    exercises: tuple[str, ...], rounds: int, expected: TrunkBalance
) -> None:
    text = routine_text("R", exercises=exercises, rounds=rounds)
    timeline = compile_timeline(parse_routine(text, Path("r.toml")))
    assert trunk_balance(timeline) == expected


@pytest.mark.parametrize(
    ("balance", "share", "lopsided"),
    [
        (TrunkBalance(0, 0), None, False),
        (TrunkBalance(60, 60), 0.5, False),
        (TrunkBalance(60, 30), 2 / 3, False),
        (TrunkBalance(61, 30), 61 / 91, True),
        (TrunkBalance(0, 30), 0.0, True),
    ],
)
def test_share_and_lopsided(balance: TrunkBalance, share: float | None, lopsided: bool) -> None:
    assert balance.flexion_share == share
    assert balance.lopsided is lopsided
