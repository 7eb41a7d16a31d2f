"""Compile a routine into a timeline: a flat, immutable list of segments.

The rules are those of routine-format.md, "Meaning on the clock". The walk over
blocks, rounds, exercises and sets is written once (``_walk``) and used twice: to
count and sum a routine without building anything (so a routine of a million
segments is refused cheaply), and to build the segments.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import msgspec

from matwork.core.exercise import Exercise
from matwork.core.kinds import RestReason, SegmentKind, Side


class Segment(msgspec.Struct, frozen=True, kw_only=True):
    """One stretch of session time: prepare, work, switch or rest."""

    index: int
    kind: SegmentKind
    start: float
    """Planned start, seconds from the session start (open sets count as estimated)."""
    duration: float
    """Seconds; for an open set, the estimate."""
    open: bool = False
    exercise: Exercise
    """Work and switch: this exercise. Prepare and rest: the exercise that comes next."""
    side: Side | None = None
    set: int = 1
    round: int = 1
    block: int = 0
    block_name: str = ""
    rounds: int = 1
    rest_reason: RestReason = RestReason.NONE
    """For rests: the rule that chose it."""

    @property
    def end(self) -> float:
        """Planned end, seconds from the session start."""
        return self.start + self.duration


class Timeline(msgspec.Struct, frozen=True, kw_only=True):
    """A compiled routine: its segments and planned total."""

    name: str
    segments: tuple[Segment, ...]
    total_seconds: float
    estimated: bool
    """True when open sets make the total an estimate."""
    countdown: int = 3
    prepare: float = 0.0
    """The routine's prepare: seconds of the get-ready that a later start begins with."""

    def work_segments(self) -> list[Segment]:
        """The work segments, in order."""
        return [segment for segment in self.segments if segment.kind is SegmentKind.WORK]


@dataclass(frozen=True)
class BlockPlan:
    """A block with its exercises resolved, ready to walk."""

    name: str
    rounds: int
    round_rest: float
    rest_after: float
    exercises: Sequence[Exercise]


@dataclass(frozen=True)
class _Step:
    """One segment-to-be, or a run of ``repeat`` identical ones when only counting."""

    kind: SegmentKind
    duration: float
    exercise: Exercise
    block: int
    round: int
    set: int
    side: Side | None = None
    rest_reason: RestReason = RestReason.NONE


def _rest_after(
    blocks: Sequence[BlockPlan], block_index: int, round_index: int, exercise_index: int
) -> tuple[float, RestReason, Exercise | None]:
    """The rest after an exercise's last set, why, and the exercise that follows."""
    block = blocks[block_index]
    exercise = block.exercises[exercise_index]
    if exercise_index + 1 < len(block.exercises):
        return exercise.rest, RestReason.EXERCISE, block.exercises[exercise_index + 1]
    if round_index + 1 < block.rounds:
        return block.round_rest, RestReason.ROUND, block.exercises[0]
    if block_index + 1 < len(blocks):
        return block.rest_after, RestReason.BLOCK, blocks[block_index + 1].exercises[0]
    return 0.0, RestReason.NONE, None


def _work_steps(
    exercise: Exercise, block: int, round_number: int, set_number: int
) -> Iterator[_Step]:
    if exercise.sides == "both":
        work, switch = SegmentKind.WORK, SegmentKind.SWITCH
        yield _Step(work, exercise.seconds, exercise, block, round_number, set_number, Side.LEFT)
        if exercise.switch > 0:
            yield _Step(
                switch, exercise.switch, exercise, block, round_number, set_number, Side.RIGHT
            )
        yield _Step(work, exercise.seconds, exercise, block, round_number, set_number, Side.RIGHT)
    else:
        side = Side.ALTERNATE if exercise.sides == "alternate" else None
        if exercise.side is not None:
            side = Side(exercise.side)
        yield _Step(
            SegmentKind.WORK, exercise.seconds, exercise, block, round_number, set_number, side
        )


def _walk(blocks: Sequence[BlockPlan], first_prepare: float) -> Iterator[_Step]:
    """Every segment of the routine, in order, as steps."""
    first = True
    for block_index, block in enumerate(blocks):
        for round_index in range(block.rounds):
            for exercise_index, exercise in enumerate(block.exercises):
                for set_index in range(exercise.sets):
                    round_number, set_number = round_index + 1, set_index + 1
                    if first:
                        first = False
                        prepare = (
                            exercise.prepare if exercise.prepare is not None else first_prepare
                        )
                        if prepare > 0:
                            yield _Step(
                                SegmentKind.PREPARE, prepare, exercise, block_index, round_number, 1
                            )
                    yield from _work_steps(exercise, block_index, round_number, set_number)
                    if set_number < exercise.sets:
                        if exercise.rest > 0:
                            yield _Step(
                                SegmentKind.REST,
                                exercise.rest,
                                exercise,
                                block_index,
                                round_number,
                                set_number + 1,
                                rest_reason=RestReason.SET,
                            )
                        continue
                    rest, reason, following = _rest_after(
                        blocks, block_index, round_index, exercise_index
                    )
                    if following is None:
                        continue
                    if following.prepare is not None:
                        rest = max(rest, following.prepare)
                    if rest > 0:
                        to_block = reason is RestReason.BLOCK
                        next_block = block_index + to_block
                        next_round = 1 if to_block else round_number + (reason is RestReason.ROUND)
                        yield _Step(
                            SegmentKind.REST,
                            rest,
                            following,
                            next_block,
                            next_round,
                            1,
                            rest_reason=reason,
                        )


def measure(blocks: Sequence[BlockPlan], first_prepare: float) -> tuple[int, float]:
    """Count and sum the segments without building them; agrees with ``compile_blocks``."""
    *_, last = measure_blocks(blocks, first_prepare)
    return last


def measure_blocks(
    blocks: Sequence[BlockPlan], first_prepare: float
) -> Iterator[tuple[int, float]]:
    """Yield the running segment count and seconds after each block, without building.

    Every round of a block is the same but for the rest that follows it, so one
    round is measured and multiplied; the rests between rounds and blocks and the
    session's prepare are added on their own. Time is linear in the exercises.
    """
    count = 0
    total = 0.0
    first = blocks[0].exercises[0]
    prepare = first.prepare if first.prepare is not None else first_prepare
    if prepare > 0:
        count, total = 1, prepare
    for block_index, block in enumerate(blocks):
        round_count, round_seconds = _measure_round(block)
        count += round_count * block.rounds
        total += round_seconds * block.rounds
        round_rest = max(block.round_rest, block.exercises[0].prepare or 0)
        if round_rest > 0:
            count += block.rounds - 1
            total += round_rest * (block.rounds - 1)
        if block_index + 1 < len(blocks):
            block_rest = max(block.rest_after, blocks[block_index + 1].exercises[0].prepare or 0)
            if block_rest > 0:
                count += 1
                total += block_rest
        yield count, total


def _measure_round(block: BlockPlan) -> tuple[int, float]:
    """Count and sum one round of a block, without the rest that follows the round."""
    count = 0
    total = 0.0
    for exercise_index, exercise in enumerate(block.exercises):
        both = exercise.sides == "both"
        switches = both and exercise.switch > 0
        count += (1 + both + switches) * exercise.sets
        total += (exercise.seconds * (1 + both) + (exercise.switch if both else 0)) * exercise.sets
        if exercise.rest > 0:
            count += exercise.sets - 1
            total += exercise.rest * (exercise.sets - 1)
        if exercise_index + 1 < len(block.exercises):
            following = block.exercises[exercise_index + 1]
            rest = max(exercise.rest, following.prepare or 0)
            if rest > 0:
                count += 1
                total += rest
    return count, total


def compile_blocks(
    name: str, blocks: Sequence[BlockPlan], first_prepare: float, countdown: int
) -> Timeline:
    """Build the timeline of resolved blocks."""
    segments: list[Segment] = []
    start = 0.0
    estimated = False
    for step in _walk(blocks, first_prepare):
        block = blocks[step.block]
        is_open = step.kind is SegmentKind.WORK and step.exercise.open
        estimated = estimated or is_open
        segments.append(
            Segment(
                index=len(segments),
                kind=step.kind,
                start=start,
                duration=step.duration,
                open=is_open,
                exercise=step.exercise,
                side=step.side,
                set=step.set,
                round=step.round,
                block=step.block,
                block_name=block.name,
                rounds=block.rounds,
                rest_reason=step.rest_reason,
            )
        )
        start += step.duration
    return Timeline(
        name=name,
        segments=tuple(segments),
        total_seconds=start,
        estimated=estimated,
        countdown=countdown,
        prepare=first_prepare,
    )


def lead_in(timeline: Timeline, index: int) -> tuple[Timeline, int]:
    """The timeline and segment to start at ``index`` with a get-ready first.

    Segment ``index - 1`` becomes a prepare of the routine's prepare length for segment
    ``index``, and play starts there: the player never visits the segments before it,
    and every index stays what it is in the routine (the log and a resume count on
    them). Unchanged when ``index`` is 0, is a prepare or a rest (already a moment to
    get into position), or the routine has no prepare.
    """
    if index <= 0 or timeline.prepare <= 0:
        return timeline, index
    target = timeline.segments[index]
    if target.kind in (SegmentKind.PREPARE, SegmentKind.REST):
        return timeline, index
    before = timeline.segments[index - 1]
    ready = msgspec.structs.replace(
        target,
        index=before.index,
        kind=SegmentKind.PREPARE,
        start=before.start,
        duration=timeline.prepare,
        open=False,
        side=None,
        rest_reason=RestReason.NONE,
    )
    shift = timeline.prepare - before.duration
    segments = [
        *timeline.segments[: index - 1],
        ready,
        *(
            msgspec.structs.replace(segment, start=segment.start + shift)
            for segment in timeline.segments[index:]
        ),
    ]
    total = timeline.total_seconds + shift
    started = msgspec.structs.replace(timeline, segments=tuple(segments), total_seconds=total)
    return started, index - 1
