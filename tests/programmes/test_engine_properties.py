"""Properties of the progression engine over arbitrary logs and rules (hypothesis).

Whatever the log: after a session with pain above 5 the dose never goes up; no
session moves a dose up by more than one step; and no dose, state or deload ever
leaves the programme's range.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matwork.core.kinds import SessionStatus
from matwork.core.programme_model import (
    Deload,
    HoldRange,
    Phase,
    Programme,
    Pyramid,
    RepRange,
    Rule,
    SessionPlan,
)
from matwork.core.progression import (
    CheckIn,
    Compared,
    ExerciseInfo,
    LoggedSession,
    LoggedSet,
    run_engine,
)
from matwork.core.progression_rules import DoseState, Ladder, RuleKind

START = date(2025, 3, 3)
KEY = "x"
EXERCISES = {
    "easy": ExerciseInfo("Easy", harder="x"),
    "x": ExerciseInfo("X", easier="easy", harder="hard"),
    "hard": ExerciseInfo("Hard", easier="x"),
}


@st.composite
def rules(draw: st.DrawFn) -> Rule:
    kind = draw(st.sampled_from(["reps", "hold", "pyramid"]))
    then = draw(st.sampled_from(["stay", "harder", "load"]))
    loads = ["a", "b", "c"][: draw(st.integers(2, 3))] if then == "load" else []
    listed = draw(st.booleans())
    variations = ["easy", "x", "hard"] if listed else []
    if kind == "pyramid":
        low = draw(st.integers(1, 5))
        span = Pyramid(
            hold=draw(st.integers(5, 10)),
            low=low,
            high=low + draw(st.integers(0, 4)),
            drop=draw(st.integers(1, 3)),
        )
        return Rule(pyramid=span, then=then, loads=loads, variations=variations)
    sets = draw(st.one_of(st.none(), st.integers(1, 4)))
    if kind == "hold":
        step = draw(st.sampled_from([1.0, 5.0, 10.0]))
        low = draw(st.integers(5, 30))
        span_h = HoldRange(low=low, high=low + step * draw(st.integers(0, 5)), step=step)
        return Rule(hold=span_h, sets=sets, then=then, loads=loads, variations=variations)
    low = draw(st.integers(1, 12))
    span_r = RepRange(low=low, high=low + draw(st.integers(0, 6)), step=draw(st.integers(1, 2)))
    return Rule(reps=span_r, sets=sets, then=then, loads=loads, variations=variations)


ratings = st.one_of(st.none(), st.integers(0, 10))


@st.composite
def logs(draw: st.DrawFn) -> tuple[list[LoggedSession], list[CheckIn]]:
    """Sessions of random sets and answers; about half are "green" but for their pain."""
    sessions: list[LoggedSession] = []
    checkins: list[CheckIn] = []
    when = START
    for _ in range(draw(st.integers(1, 12))):
        when += timedelta(days=draw(st.integers(1, 4)))
        green = draw(st.booleans())
        count = draw(st.integers(1, 3))
        sets = []
        for _ in range(count):
            full = green or draw(st.booleans())
            reps = draw(st.integers(1, 12))
            sets.append(
                LoggedSet(
                    draw(st.sampled_from(["easy", "x", "hard"])),
                    None,
                    reps,
                    reps if full else draw(st.integers(0, reps)),
                    30.0,
                    30.0 if full else draw(st.floats(0, 30)),
                    skipped=not full and draw(st.booleans()),
                    pain_flag=not green and draw(st.booleans()),
                )
            )
        planned = {(KEY, None): count + (0 if green else draw(st.integers(0, 1)))}
        status = SessionStatus.COMPLETED if green else draw(st.sampled_from(list(SessionStatus)))
        rpe = draw(st.integers(0, 8)) if green else draw(ratings)
        before = draw(st.integers(0, 10)) if green else draw(ratings)
        after = draw(st.integers(0, 10)) if green else draw(ratings)
        sessions.append(LoggedSession(when, status, rpe, before, after, tuple(sets), planned))
        if green:
            assert before is not None
            morning = CheckIn(
                when + timedelta(days=1),
                draw(st.integers(0, before)),
                draw(st.sampled_from([Compared.BETTER, Compared.SAME])),
            )
            checkins.append(morning)
        elif draw(st.booleans()):
            pain = draw(st.integers(0, 10))
            compared = draw(st.sampled_from(list(Compared)))
            checkins.append(CheckIn(when + timedelta(days=1), pain, compared))
    return sessions, checkins


def one_step_up(ladder: Ladder, before: DoseState, after: DoseState) -> bool:
    """Whether ``after`` is exactly one step above ``before``, judged by the rule alone."""
    chain = ladder.chain
    rise = chain.index(after.variation) - chain.index(before.variation)
    loads = after.load - before.load
    sets = (ladder.sets_played(after) or 0) - (ladder.sets_played(before) or 0)
    amount = after.amount - before.amount
    follows = ladder.kind is RuleKind.PYRAMID  # a pyramid's sets follow from its holds
    if rise == 0 and loads == 0:
        return (0 < amount <= ladder.step and (sets <= 0 or follows)) or (amount == 0 and sets == 1)
    return after.amount == ladder.low and rise + loads == 1 and min(rise, loads) == 0


def _programme(rule: Rule, deload: Deload) -> Programme:
    session = SessionPlan(key="main", kind="strength", routine="r", per_week=3)
    return Programme(
        name="P",
        deload=deload,
        progression={KEY: rule},
        phase=[Phase(name="A", weeks=8, session=[session])],
    )


deloads = st.builds(
    Deload,
    weeks=st.lists(st.integers(1, 8), max_size=2),
    volume=st.floats(0.3, 1.0),
    drop_set=st.booleans(),
    pain_rise=st.floats(0.5, 5),
)


@settings(max_examples=300, deadline=None)
@given(rules(), logs(), deloads)
@pytest.mark.slow
def test_the_engine_never_overreaches(
    rule: Rule, log: tuple[list[LoggedSession], list[CheckIn]], deload: Deload
) -> None:
    sessions, checkins = log
    programme = _programme(rule, deload)
    progress = run_engine(
        programme, EXERCISES, sessions, checkins, START, sessions[-1].day + timedelta(days=1)
    )
    ladder = progress.ladders[KEY]
    by_day = {session.day: session for session in sessions}
    for decision in progress.decisions:
        before, after = decision.before, decision.after
        assert ladder.contains(before), before
        assert ladder.contains(after), after
        assert (
            after == before
            or ladder.rank(after) < ladder.rank(before)
            or one_step_up(ladder, before, after)
        ), decision
        pain = by_day[decision.day].pain_after
        if pain is not None and pain > 5:
            assert ladder.rank(after) <= ladder.rank(before), decision
    for state in progress.states.values():
        eased = ladder.deloaded(state, deload)
        assert ladder.contains(eased), eased
        assert ladder.rank(eased) <= ladder.rank(state)
        dose = progress.dose(KEY, None)
        amount = (
            dose.pyramid[0]
            if dose.pyramid
            else dose.seconds
            if dose.seconds is not None
            else dose.reps
        )
        assert amount is not None
        assert ladder.low <= amount <= ladder.high


@settings(max_examples=200, deadline=None)
@given(rules())
def test_the_successor_is_one_step_up_and_stays_in_range(rule: Rule) -> None:
    programme = _programme(rule, Deload())
    ladder = run_engine(programme, EXERCISES, [], [], START, START).ladders[KEY]
    state = ladder.initial()
    seen = [state]
    for _ in range(60):
        step = ladder.successor(state)
        if step is None:
            break
        assert one_step_up(ladder, state, step[0]), (state, step)
        assert ladder.contains(step[0])
        state = step[0]
        seen.append(state)
    else:
        raise AssertionError("a ladder must have a top")
    back = ladder.step_back(state)
    if back is not None:
        assert ladder.rank(back[0]) < ladder.rank(state)
        assert ladder.contains(back[0])
