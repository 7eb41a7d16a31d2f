"""Doses into routines: rewritten uses, pyramids as sets, sides at their own dose."""

from __future__ import annotations

from matwork.core.model import ExerciseUse
from matwork.core.programme_apply import applied_timeline, apply_doses
from matwork.core.programme_model import Extra
from matwork.core.progression_rules import Dose, RuleKind, Side
from matwork.core.routine import compile_timeline, parse_routine

ROUTINE = """
name = "Apply"

[defaults]
prepare = 5
rest = 10
switch = 3
countdown = 0

[[block]]
rounds = 2
round_rest = 20

[[block.exercise]]
id = "side-plank"
work = 15
sides = "both"

[[block.exercise]]
id = "mcgill-curl-up"
reps = 4
tempo = "1-1-1-8"

[[block.exercise]]
id = "glute-bridge"
reps = 10
tempo = "2-0-2-0"
load = "none"
"""
BASE = parse_routine(ROUTINE, "apply.toml")
RULES = {"side-plank", "mcgill-curl-up", "glute-bridge"}


def doses(left: Dose | None = None, right: Dose | None = None):
    table = {
        ("side-plank", Side.LEFT): left or Dose("side-plank", RuleKind.HOLD, seconds=25, sets=2),
        ("side-plank", Side.RIGHT): right or Dose("side-plank", RuleKind.HOLD, seconds=25, sets=2),
        ("mcgill-curl-up", None): Dose(
            "mcgill-curl-up", RuleKind.PYRAMID, seconds=10, pyramid=(5, 3, 1)
        ),
        ("glute-bridge", None): Dose("toe-taps", RuleKind.REPS, reps=12, load="4 kg"),
    }
    return lambda key, side: table[(key, side)]


def shape(timeline):
    return [
        (s.kind, s.exercise.id, s.side, s.set, s.duration)
        for s in timeline.segments
        if s.kind != "rest"
    ]


def test_uses_get_their_dose_variation_and_load() -> None:
    applied = apply_doses(BASE, RULES, doses())
    uses = applied.routine.block[0].exercise
    assert [(u.id, u.work, u.reps, u.sets) for u in uses] == [
        ("side-plank", 25, None, 2),
        ("mcgill-curl-up", None, 5, 1),
        ("mcgill-curl-up", None, 3, 1),
        ("mcgill-curl-up", None, 1, 1),
        ("toe-taps", None, 12, 1),
    ]
    assert uses[1].tempo == [1.0, 1.0, 1.0, 10]
    assert uses[-1].load == "4 kg"
    assert applied.planned_sets == {
        ("side-plank", Side.LEFT): 4,
        ("side-plank", Side.RIGHT): 4,
        ("mcgill-curl-up", None): 6,
        ("glute-bridge", None): 2,
    }
    assert applied.played_as == {
        "side-plank": "side-plank",
        "mcgill-curl-up": "mcgill-curl-up",
        "toe-taps": "glute-bridge",
    }
    assert applied.sides == {}
    assert applied_timeline(applied) == compile_timeline(applied.routine)


def test_uses_without_a_rule_are_left_alone() -> None:
    applied = apply_doses(BASE, {"glute-bridge"}, doses())
    assert applied.routine.block[0].exercise[:2] == BASE.block[0].exercise[:2]


def test_each_side_plays_its_own_dose_and_its_own_sets() -> None:
    left = Dose("side-plank", RuleKind.HOLD, seconds=30, sets=2, extra_sets=1)
    right = Dose("side-plank", RuleKind.HOLD, seconds=20, sets=2)
    applied = apply_doses(BASE, RULES, doses(left, right))
    assert applied.routine.block[0].exercise[0].sets == 3
    assert applied.planned_sets[("side-plank", Side.LEFT)] == 6
    assert applied.planned_sets[("side-plank", Side.RIGHT)] == 4
    timeline = applied_timeline(applied)
    plank = [row for row in shape(timeline) if row[1] == "side-plank" and row[0] != "prepare"][:7]
    assert plank == [
        ("work", "side-plank", "left", 1, 30),
        ("switch", "side-plank", "right", 1, 3),
        ("work", "side-plank", "right", 1, 20),
        ("work", "side-plank", "left", 2, 30),
        ("switch", "side-plank", "right", 2, 3),
        ("work", "side-plank", "right", 2, 20),
        ("work", "side-plank", "left", 3, 30),
    ]
    assert ("work", "side-plank", "right", 3, 20) not in shape(timeline)
    starts = [segment.start for segment in timeline.segments]
    ends = [segment.end for segment in timeline.segments]
    assert starts[0] == 0
    assert starts[1:] == ends[:-1]
    assert timeline.total_seconds == sum(segment.duration for segment in timeline.segments)
    assert [segment.index for segment in timeline.segments] == list(range(len(timeline.segments)))


def test_pyramids_of_different_lengths_per_side() -> None:
    text = ROUTINE.replace(
        'id = "side-plank"\nwork = 15', 'id = "bird-dog"\nreps = 3\ntempo = "2-1-2-6"'
    )
    routine = parse_routine(text, "birds.toml")
    table = {
        ("bird-dog", Side.LEFT): Dose("bird-dog", RuleKind.PYRAMID, seconds=8, pyramid=(5, 3, 1)),
        ("bird-dog", Side.RIGHT): Dose("bird-dog", RuleKind.PYRAMID, seconds=8, pyramid=(4, 2)),
    }
    applied = apply_doses(routine, {"bird-dog"}, lambda key, side: table[(key, side)])
    rows = [
        (s.side, s.exercise.reps)
        for s in applied_timeline(applied).segments
        if s.kind == "work" and s.exercise.id == "bird-dog"
    ]
    assert rows[:5] == [("left", 5), ("right", 4), ("left", 3), ("right", 2), ("left", 1)]
    assert applied.planned_sets == {("bird-dog", Side.LEFT): 6, ("bird-dog", Side.RIGHT): 4}


def test_extra_blocks_join_the_routine_and_take_the_rules_too() -> None:
    extra = Extra(
        name="More bridges", sessions=["main"], exercise=[ExerciseUse(id="glute-bridge", reps=8)]
    )
    applied = apply_doses(BASE, RULES, doses(), [extra])
    assert [block.name for block in applied.routine.block] == ["", "More bridges"]
    assert applied.routine.block[1].exercise[0].id == "toe-taps"
    assert applied.planned_sets[("glute-bridge", None)] == 3
