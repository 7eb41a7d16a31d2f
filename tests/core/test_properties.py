"""Property tests: generated routines compile consistently; any TOML gives a Routine or a RoutineError."""

from __future__ import annotations

import math
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matwork.core import Routine, RoutineError, compile_timeline, parse_routine
from matwork.core.routine import block_plans
from matwork.core.timeline import measure

from helpers.routines import CATALOG

seconds = st.one_of(
    st.integers(1, 120), st.floats(0.5, 120, allow_nan=False).map(lambda x: round(x, 2))
)
gaps = st.one_of(st.just(0), seconds)


@st.composite
def exercises(draw: st.DrawFn) -> dict[str, Any]:
    exercise: dict[str, Any] = {"id": draw(st.sampled_from(["a", "b", "c"]))}
    dosage = draw(st.sampled_from(["work", "tempo", "open", "none"]))
    if dosage == "work":
        exercise["work"] = draw(seconds)
    elif dosage == "tempo":
        exercise["reps"] = draw(st.integers(1, 20))
        exercise["tempo"] = draw(
            st.lists(st.integers(0, 4), min_size=2, max_size=4).filter(lambda t: sum(t) > 0)
        )
    elif dosage == "open":
        exercise["reps"] = draw(st.integers(1, 30))
    for key in ("rest", "prepare", "switch"):
        if draw(st.booleans()):
            exercise[key] = draw(gaps)
    if draw(st.booleans()):
        exercise["sets"] = draw(st.integers(1, 4))
    if draw(st.booleans()):
        exercise["sides"] = draw(st.sampled_from(["both", "alternate"]))
    return exercise


@st.composite
def routines(draw: st.DrawFn) -> dict[str, Any]:
    blocks = []
    for _ in range(draw(st.integers(1, 3))):
        block: dict[str, Any] = {"exercise": draw(st.lists(exercises(), min_size=1, max_size=4))}
        if draw(st.booleans()):
            block["rounds"] = draw(st.integers(1, 4))
        for key in ("round_rest", "rest_after"):
            if draw(st.booleans()):
                block[key] = draw(gaps)
        blocks.append(block)
    defaults = {
        key: draw(gaps) for key in ("prepare", "rest", "switch", "round_rest", "block_rest")
    }
    return {"name": "Generated", "defaults": defaults, "block": blocks}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(routines())
def test_generated_routines_compile_and_the_total_is_the_sum(document: dict[str, Any]) -> None:
    routine = parse_routine(tomli_w.dumps(document) + CATALOG, "generated.toml")
    timeline = compile_timeline(routine)
    assert math.isclose(timeline.total_seconds, sum(s.duration for s in timeline.segments))
    assert all(s.duration > 0 for s in timeline.segments)
    for before, after in zip(timeline.segments, timeline.segments[1:], strict=False):
        assert math.isclose(before.end, after.start)
    count, total = measure(block_plans(routine), routine.defaults.prepare)
    assert count == len(timeline.segments)
    assert math.isclose(total, timeline.total_seconds)
    work = [s for s in timeline.segments if s.kind == "work"]
    expected_work = sum(
        exercise.get("sets", 1)
        * (2 if exercise.get("sides") == "both" else 1)
        * block.get("rounds", 1)
        for block in document["block"]
        for exercise in block["exercise"]
    )
    assert len(work) == expected_work


toml_values = st.recursive(
    st.one_of(
        st.booleans(),
        st.integers(-(10**6), 10**6),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=20),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(["id", "work", "name", "x", "rounds", "exercise"]), children, max_size=4
        ),
    ),
    max_leaves=20,
)
documents = st.dictionaries(
    st.sampled_from(
        [
            "name",
            "block",
            "defaults",
            "catalog",
            "sounds",
            "breathing",
            "tags",
            "level",
            "format",
            "other",
        ]
    ),
    toml_values,
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(documents)
@pytest.mark.slow
def test_arbitrary_toml_gives_a_routine_or_a_routine_error(document: dict[str, Any]) -> None:
    outcome = _outcome(tomli_w.dumps(document))
    if isinstance(outcome, RoutineError):
        assert outcome.line >= 1
        assert outcome.col >= 1
        assert outcome.message
    else:
        assert isinstance(outcome, Routine)


def _outcome(text: str) -> Routine | RoutineError:
    """The routine, or the RoutineError; any other exception escapes and fails the test."""
    try:
        return parse_routine(text, "fuzz.toml")
    except RoutineError as error:
        return error


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_gives_a_routine_or_a_routine_error(text: str) -> None:
    outcome = _outcome(text)
    assert isinstance(outcome, Routine) or outcome.line >= 1
