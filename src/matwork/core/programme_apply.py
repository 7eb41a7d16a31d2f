"""Put a session's doses into its routine: the routine and timeline to play today.

``apply_doses`` rewrites every exercise use that a progression rule owns (its
variation, reps or hold, sets and load; a pyramid becomes one use per set) and adds
the programme's extra blocks. A sided use whose two sides stand at different doses
keeps one use in the routine, and ``applied_timeline`` then gives each side its own
work segments: its own dose, and no segments past its own number of sets.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

import msgspec

from matwork.core.catalog import merged_catalog
from matwork.core.exercise import (
    NO_TEMPO,
    Exercise,
    breath_patterns,
    parse_tempo,
    resolve_exercise,
)
from matwork.core.kinds import Side
from matwork.core.model import Block, ExerciseUse, Routine
from matwork.core.programme_model import Extra
from matwork.core.progression_rules import Dose, RuleKind
from matwork.core.routine import block_plans
from matwork.core.timeline import Segment, Timeline, compile_blocks

DoseOf = Callable[[str, Side | None], Dose]
"""The dose of a rule's exercise (by rule id) on a side."""

Place = tuple[int, int]
"""(block index, exercise index) of a use in the applied routine."""


@dataclass(frozen=True)
class AppliedRoutine:
    """A routine with the doses in, and the uses whose sides differ."""

    routine: Routine
    sides: Mapping[Place, Mapping[Side, ExerciseUse | None]]
    """Per use whose sides differ: each side's own use (None: that side has no such set)."""
    planned_sets: Mapping[tuple[str, Side | None], int]
    """Work sets per rule exercise and side that the session plans."""
    played_as: Mapping[str, str]
    """Exercise id played to the rule it plays for (a variation may stand in)."""


def _hold_tempo(use: ExerciseUse, hold: float) -> list[float]:
    """The use's tempo with the pause at the top made the pyramid's hold."""
    if use.tempo is None or use.tempo == NO_TEMPO:
        return [1.0, 0.0, 1.0, hold]
    lower, pause, lift, _ = parse_tempo(use.tempo)
    return [lower, pause, lift, hold]


def dosed_uses(use: ExerciseUse, dose: Dose) -> list[ExerciseUse]:
    """The use rewritten to play ``dose``: one use, or one per set of a pyramid."""
    changes: dict[str, object] = {"id": dose.variation}
    if dose.variation != use.id:
        changes["name"] = None
    if dose.load is not None:
        changes["load"] = dose.load
    if dose.kind is RuleKind.PYRAMID:
        assert dose.seconds is not None
        counts = list(dose.pyramid) + [dose.pyramid[-1]] * dose.extra_sets
        tempo = _hold_tempo(use, dose.seconds)
        return [
            msgspec.structs.replace(use, work=None, reps=count, tempo=tempo, sets=1, **changes)
            for count in counts
        ]
    sets = (dose.sets if dose.sets is not None else use.sets) + dose.extra_sets
    if dose.kind is RuleKind.HOLD:
        changes.update(work=dose.seconds, reps=None, tempo=None)
    else:
        changes.update(work=None, reps=dose.reps)
    return [msgspec.structs.replace(use, sets=sets, **changes)]


def _sided(
    left: list[ExerciseUse], right: list[ExerciseUse]
) -> list[tuple[ExerciseUse, dict[Side, ExerciseUse | None] | None]]:
    """One routine use per position, with each side's own use where the sides differ."""
    rows: list[tuple[ExerciseUse, dict[Side, ExerciseUse | None] | None]] = []
    for index in range(max(len(left), len(right))):
        mine = left[index] if index < len(left) else None
        theirs = right[index] if index < len(right) else None
        if mine is not None and mine == theirs:
            rows.append((mine, None))
            continue
        present = [use for use in (mine, theirs) if use is not None]
        base = msgspec.structs.replace(present[0], sets=max(use.sets for use in present))
        rows.append((base, {Side.LEFT: mine, Side.RIGHT: theirs}))
    return rows


def apply_doses(
    routine: Routine,
    rules: Collection[str],
    dose_of: DoseOf,
    extras: Sequence[Extra] = (),
) -> AppliedRoutine:
    """The routine with each rule exercise at its dose and the extra blocks added.

    A use belongs to the rule of its own id (``rules`` holds the ids that have one);
    the dose may then play a variation in its place.
    """
    blocks = [
        *routine.block,
        *(Block(name=extra.name, exercise=list(extra.exercise)) for extra in extras),
    ]
    new_blocks: list[Block] = []
    sides: dict[Place, Mapping[Side, ExerciseUse | None]] = {}
    planned: dict[tuple[str, Side | None], int] = {}
    played_as: dict[str, str] = {}
    for block_index, block in enumerate(blocks):
        uses: list[ExerciseUse] = []
        for use in block.exercise:
            if use.id not in rules:
                uses.append(use)
                continue
            key = use.id
            if use.sides == "both":
                left = dosed_uses(use, dose_of(key, Side.LEFT))
                right = dosed_uses(use, dose_of(key, Side.RIGHT))
                for side, side_uses in ((Side.LEFT, left), (Side.RIGHT, right)):
                    played_as.update((one.id, key) for one in side_uses)
                    count = sum(one.sets for one in side_uses) * block.rounds
                    planned[(key, side)] = planned.get((key, side), 0) + count
                for base, per_side in _sided(left, right):
                    if per_side is not None:
                        sides[(block_index, len(uses))] = per_side
                    uses.append(base)
                continue
            dosed = dosed_uses(use, dose_of(key, None))
            played_as.update((one.id, key) for one in dosed)
            count = sum(one.sets for one in dosed) * block.rounds
            planned[(key, None)] = planned.get((key, None), 0) + count
            uses.extend(dosed)
        new_blocks.append(msgspec.structs.replace(block, exercise=uses))
    applied = msgspec.structs.replace(routine, block=new_blocks)
    return AppliedRoutine(applied, sides, planned, played_as)


def _keep(segment: Segment, per_side: Mapping[Side, Exercise | None]) -> Segment | None:
    """The segment as this side plays it, or None when the side has no such set."""
    if segment.kind == "work" and segment.side in (Side.LEFT, Side.RIGHT):
        mine = per_side[Side(segment.side)]
        if mine is None or segment.set > mine.sets:
            return None
        return msgspec.structs.replace(
            segment, exercise=mine, duration=mine.seconds, open=mine.open
        )
    if segment.kind == "switch":
        both = [per_side[side] for side in (Side.LEFT, Side.RIGHT)]
        if any(one is None or segment.set > one.sets for one in both):
            return None
        return segment
    first = per_side[Side.LEFT] or per_side[Side.RIGHT]
    return msgspec.structs.replace(segment, exercise=first) if first is not None else segment


def applied_timeline(applied: AppliedRoutine) -> Timeline:
    """The timeline of an applied routine, each side of a differing use at its own dose."""
    routine = applied.routine
    plans = block_plans(routine)
    catalog = merged_catalog(routine.catalog)
    patterns = breath_patterns(routine)
    edits: dict[int, dict[Side, Exercise | None]] = {}
    for (block_index, index), per_side in applied.sides.items():
        exercise = plans[block_index].exercises[index]
        edits[id(exercise)] = {
            side: resolve_exercise(use, routine, catalog, patterns) if use is not None else None
            for side, use in per_side.items()
        }
    timeline = compile_blocks(
        routine.name, plans, routine.defaults.prepare, routine.defaults.countdown
    )
    if not edits:
        return timeline
    segments: list[Segment] = []
    start = 0.0
    for segment in timeline.segments:
        edit = edits.get(id(segment.exercise))
        kept = _keep(segment, edit) if edit is not None else segment
        if kept is None:
            continue
        segments.append(msgspec.structs.replace(kept, index=len(segments), start=start))
        start += kept.duration
    return Timeline(
        name=timeline.name,
        segments=tuple(segments),
        total_seconds=start,
        estimated=any(segment.open for segment in segments),
        countdown=timeline.countdown,
        prepare=timeline.prepare,
    )
