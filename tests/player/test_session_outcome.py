"""core.session_outcome: the rule a session's logged status follows, on plain values."""

from __future__ import annotations

import msgspec
import pytest

from matwork.core.results import SetResult
from matwork.core.session_outcome import (
    COMPLETE_SETS_SHARE,
    COMPLETE_WORK_SHARE,
    WorkPlan,
    session_outcome,
    work_done,
    work_plan,
)

from helpers.player import WORKED_EXAMPLE, timeline_of
from helpers.store import make_set

PLAN = WorkPlan(seconds=120.0, sets=4)
"""Four timed sets of 30 s."""


def timed(work_set: int, actual: float = 30.0, *, skipped: bool = False) -> SetResult:
    """The timed set number ``work_set`` (30 s planned), run ``actual`` seconds."""
    result = make_set(work_set * 2 + 2, seconds=30.0, skipped=skipped)  # even: no reps
    return msgspec.structs.replace(result, actual_seconds=actual)


def test_the_thresholds_are_half() -> None:
    assert (COMPLETE_WORK_SHARE, COMPLETE_SETS_SHARE) == (0.5, 0.5)


def test_the_plan_counts_work_time_and_work_sets() -> None:
    assert work_plan(timeline_of(WORKED_EXAMPLE)) == WorkPlan(
        seconds=140.0, sets=6
    )  # 2 x (30 + 20 + 20)


def test_played_through_is_completed() -> None:
    outcome = session_outcome(True, [timed(i) for i in range(4)], PLAN)
    assert outcome.status == "completed"
    assert (outcome.sets_done, outcome.sets_skipped, outcome.work_share) == (4, 0, 1.0)


def test_skipped_through_to_the_end_is_stopped() -> None:
    # The bug: "completed" at 11 %, 0 sets done and every set skipped.
    outcome = session_outcome(True, [timed(i, 3.0, skipped=True) for i in range(4)], PLAN)
    assert outcome.status == "stopped"
    assert (outcome.sets_done, outcome.sets_skipped) == (0, 4)
    assert outcome.work_share == pytest.approx(0.1)


def test_half_the_sets_and_half_the_time_is_just_completed() -> None:
    sets = [timed(0), timed(1), timed(2, 0.0, skipped=True), timed(3, 0.0, skipped=True)]
    assert session_outcome(True, sets, PLAN).status == "completed"


def test_fewer_than_half_the_sets_done_is_stopped_even_with_the_time() -> None:
    sets = [timed(0, 60.0), timed(1, 29.0, skipped=True), timed(2, 29.0, skipped=True)]
    sets.append(timed(3, 29.0, skipped=True))
    outcome = session_outcome(True, sets, PLAN)
    assert outcome.work_share > 0.5  # 30 + 3 x 29 of 120: the time alone would pass
    assert outcome.status == "stopped"


def test_less_than_half_the_work_time_is_stopped_even_with_every_set() -> None:
    outcome = session_outcome(True, [timed(i, 14.0) for i in range(4)], PLAN)
    assert outcome.sets_done == 4
    assert outcome.work_share == pytest.approx(56 / 120)
    assert outcome.status == "stopped"


def test_a_session_that_did_not_reach_its_end_is_stopped_however_much_was_done() -> None:
    assert session_outcome(False, [timed(i) for i in range(4)], PLAN).status == "stopped"


def test_sets_never_reached_count_as_not_done() -> None:
    # --start-at near the end: the last set alone reached the end.
    assert session_outcome(True, [timed(3)], PLAN).status == "stopped"


def test_a_set_logged_again_counts_once_as_its_last_result() -> None:
    sets = [timed(0, 2.0, skipped=True), timed(0), timed(1), timed(2)]
    outcome = session_outcome(True, sets, PLAN)
    assert (outcome.sets_done, outcome.sets_skipped) == (3, 0)
    assert outcome.status == "completed"


def test_a_set_of_reps_counts_by_its_reps_not_its_estimated_time() -> None:
    reps = make_set(1)  # odd: 10 reps planned, 30 s
    assert (reps.reps_planned, reps.planned_seconds) == (10, 30.0)
    quick = msgspec.structs.replace(reps, actual_seconds=12.0, reps_done=10)
    assert work_done(quick) == 30.0  # an open set of 10 done in 12 s did all its work
    half = msgspec.structs.replace(reps, actual_seconds=40.0, reps_done=5)
    assert work_done(half) == 15.0
    none = msgspec.structs.replace(reps, reps_done=None, skipped=True)
    assert work_done(none) == 0.0


def test_extended_sets_count_no_more_than_planned() -> None:
    assert work_done(timed(0, 90.0)) == 30.0
