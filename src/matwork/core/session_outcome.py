"""How a session ended, from what was done: the rule the log's status follows.

A session is **completed** only when it reached its end *and* most of its work was
done: at least ``COMPLETE_WORK_SHARE`` of the planned work done, and at least
``COMPLETE_SETS_SHARE`` of the planned work sets not skipped. Work done is measured
in time for a timed set and in reps for a set of reps (``work_done``): an open set
of 8 reps done in 15 s instead of its estimated 24 s did all its work. Anything else
(stopped early, or skipped through to the end) is **stopped**. docs/routines.md
("What the log records") states the rule for users.

Pure: values in, values out. The sets are every set the log holds for the session,
before and after a resume; a segment logged twice (gone back to after a resume)
counts once, as its last result.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import msgspec

from matwork.core.kinds import EndStatus, SessionStatus
from matwork.core.results import SetResult
from matwork.core.timeline import Timeline

COMPLETE_WORK_SHARE = 0.5
"""At least this share of the planned work time must be done for "completed"."""
COMPLETE_SETS_SHARE = 0.5
"""At least this share of the planned work sets must be done (not skipped)."""


class WorkPlan(msgspec.Struct, frozen=True):
    """The work a session plans: its work time and its number of work sets."""

    seconds: float
    """Planned work time (open sets at their estimate)."""
    sets: int
    """Planned work segments (each side of each set of each round counts once)."""


def work_plan(timeline: Timeline) -> WorkPlan:
    """The work ``timeline`` plans."""
    works = timeline.work_segments()
    return WorkPlan(math.fsum(segment.duration for segment in works), len(works))


class Outcome(msgspec.Struct, frozen=True):
    """How a session ended, and how much of its work was done."""

    status: EndStatus
    work_seconds: float
    """Planned work time done (``work_done`` of each set)."""
    sets_done: int
    """Work sets done (not skipped)."""
    sets_skipped: int
    plan: WorkPlan

    @property
    def work_share(self) -> float:
        """Work time done as a share of the planned work time (1.0 when none is planned)."""
        return 1.0 if self.plan.seconds <= 0 else min(1.0, self.work_seconds / self.plan.seconds)

    @property
    def sets_share(self) -> float:
        """Work sets done as a share of those planned (1.0 when none is planned)."""
        return 1.0 if self.plan.sets <= 0 else min(1.0, self.sets_done / self.plan.sets)


def last_per_segment(sets: Iterable[SetResult]) -> list[SetResult]:
    """One result per work segment, the last one logged for it, in segment order."""
    latest: dict[int, SetResult] = {}
    for result in sets:
        latest[result.segment] = result
    return [latest[segment] for segment in sorted(latest)]


def work_done(result: SetResult) -> float:
    """The planned work time a set did: a set of reps by its reps (an open set takes as
    long as it takes), a timed set by its time; never more than planned."""
    planned = result.planned_seconds
    if result.reps_planned:
        return planned * min(1.0, (result.reps_done or 0) / result.reps_planned)
    return max(0.0, min(result.actual_seconds, planned))


def session_outcome(reached_end: bool, sets: Iterable[SetResult], plan: WorkPlan) -> Outcome:
    """The status a session gets: completed when it reached its end with most work done."""
    results = last_per_segment(sets)
    work = math.fsum(work_done(result) for result in results)
    done = sum(not result.skipped for result in results)
    outcome = Outcome(SessionStatus.STOPPED, work, done, len(results) - done, plan)
    if (
        reached_end
        and outcome.work_share >= COMPLETE_WORK_SHARE
        and outcome.sets_share >= COMPLETE_SETS_SHARE
    ):
        return msgspec.structs.replace(outcome, status=SessionStatus.COMPLETED)
    return outcome
