"""Breathing and tempo phases on the clock; the fake clock and derived session time."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matwork.core.breath import (
    breath_cycle,
    breath_of_tempo,
    breath_phase,
    tempo_cycle,
    tempo_phase,
)
from matwork.core.clock import FakeClock, MonotonicClock, SessionTime
from matwork.core.model import BUILTIN_BREATHING, BreathPattern

BOX = BUILTIN_BREATHING["box"]


def names_and_starts(phases: object) -> list[tuple[str, float]]:
    return [(p.name, p.start) for p in phases]  # type: ignore[attr-defined]


def test_box_breathing_over_twenty_seconds() -> None:
    phases = list(breath_cycle(BOX).phases(20))
    assert names_and_starts(phases) == [
        ("inhale", 0),
        ("hold", 4),
        ("exhale", 8),
        ("hold_out", 12),
        ("inhale", 16),
    ]
    assert [p.cycle for p in phases] == [0, 0, 0, 0, 1]


def test_phases_of_zero_seconds_are_left_out() -> None:
    calm = BUILTIN_BREATHING["calm"]
    assert names_and_starts(breath_cycle(calm).phases(21)) == [
        ("inhale", 0),
        ("exhale", 4),
        ("inhale", 10),
        ("exhale", 14),
        ("inhale", 20),
    ]


def test_phase_at_agrees_with_phase_starts() -> None:
    pattern = BreathPattern(inhale=5.5, hold=0.3, exhale=5.5, hold_out=0.1)
    phases = list(breath_cycle(pattern).phases(3600))
    for phase, following in itertools.pairwise(phases):
        assert breath_phase(pattern, phase.start) == phase
        assert breath_phase(pattern, math.nextafter(following.start, 0)) == phase


def test_phase_progress() -> None:
    phase = breath_phase(BOX, 9)
    assert (phase.name, phase.start, phase.end) == ("exhale", 8, 12)
    assert phase.progress(9) == 0.25
    assert phase.progress(100) == 1.0


def test_tempo_three_one_three_zero_for_three_reps() -> None:
    phases = list(tempo_cycle((3, 1, 3, 0)).phases(21))
    assert [(p.name, p.start, p.cycle + 1) for p in phases] == [
        ("lower", 0, 1),
        ("pause", 3, 1),
        ("lift", 4, 1),
        ("lower", 7, 2),
        ("pause", 10, 2),
        ("lift", 11, 2),
        ("lower", 14, 3),
        ("pause", 17, 3),
        ("lift", 18, 3),
    ]
    assert tempo_phase((3, 1, 3, 0), 12).name == "lift"
    assert tempo_phase((3, 1, 3, 0), 12).cycle == 1


def test_tempo_that_starts_with_zero_seconds_of_lowering() -> None:
    phases = list(tempo_cycle((0, 1, 2, 0)).phases(6))
    assert [(p.name, p.start) for p in phases] == [("pause", 0), ("lift", 1)] * 1 + [
        ("pause", 3),
        ("lift", 4),
    ]


def test_breath_follows_the_tempo() -> None:
    tempo = (3, 1, 3, 1)
    assert [breath_of_tempo(p).name for p in tempo_cycle(tempo).phases(8)] == [
        "inhale",
        "hold",
        "exhale",
        "hold_out",
    ]


@pytest.mark.parametrize("cycles", [1, 10, 1000, 100_000])
def test_long_runs_keep_exact_cycle_starts(cycles: int) -> None:
    coherent = BUILTIN_BREATHING["coherent"]
    phase = breath_phase(coherent, cycles * 11.0)
    assert (phase.name, phase.cycle, phase.start) == ("inhale", cycles, cycles * 11.0)


def test_fake_clock_moves_only_when_told() -> None:
    clock = FakeClock(5.0)
    assert clock.now() == 5.0
    clock.advance(1.5)
    clock.sleep(-3)
    clock.sleep(0.5)
    assert clock.now() == 7.0
    clock.set(2.0)
    assert clock.now() == 2.0
    with pytest.raises(ValueError, match="backwards"):
        clock.advance(-1)


def test_monotonic_clock_never_goes_back() -> None:
    clock = MonotonicClock()
    first = clock.now()
    assert clock.now() >= first


def test_session_time_runs_at_speed_and_stands_still_when_held() -> None:
    clock = FakeClock(100.0)
    session = SessionTime(clock, speed=4.0, wall=lambda: 0.0)
    assert session.position() == 0.0
    session.run()
    clock.advance(2.5)
    assert session.position() == 10.0
    session.hold()
    clock.advance(50)
    assert session.position() == 10.0
    assert session.instant_of(11.0) is None
    session.run()
    clock.advance(0.25)
    assert session.position() == 11.0
    assert session.instant_of(15.0) == clock.now() + 1.0


def test_session_time_refuses_a_speed_of_zero() -> None:
    with pytest.raises(ValueError, match="speed"):
        SessionTime(FakeClock(), speed=0)


@given(
    start=st.floats(0, 1e7),
    speed=st.floats(0.01, 1000),
    target=st.floats(0, 6 * 3600),
)
def test_instant_of_is_an_instant_at_or_past_a_position(
    start: float, speed: float, target: float
) -> None:
    clock = FakeClock(start)
    session = SessionTime(clock, speed=speed)
    session.run()
    instant = session.instant_of(target)
    assert instant is not None
    clock.set(instant)
    assert session.position() >= target
    assert math.isclose(instant, start + target / speed, rel_tol=1e-12, abs_tol=1e-9)
