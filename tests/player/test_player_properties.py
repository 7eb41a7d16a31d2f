"""Properties of cue scheduling over random routines, windows, steps and operations."""

from __future__ import annotations

import itertools
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from matwork.core import Timeline
from matwork.core.clock import FakeClock
from matwork.core.cue_schedule import all_cues
from matwork.core.player import Player

from helpers.player import CATALOG, Rig, timeline_of

seconds = st.integers(10, 600).map(lambda tenths: tenths / 10)


@st.composite
def exercises(draw: st.DrawFn, allow_open: bool) -> str:
    kind = draw(st.sampled_from(["timed", "tempo", "open"] if allow_open else ["timed", "tempo"]))
    lines = [f'id = "{draw(st.sampled_from(["bridge", "birddog", "plank"]))}"']
    if kind == "timed":
        lines.append(f"work = {draw(seconds)}")
    else:
        lines.append(f"reps = {draw(st.integers(1, 6))}")
        if kind == "tempo":
            tempo = draw(st.lists(st.integers(0, 30).map(lambda t: t / 10), min_size=4, max_size=4))
            tempo[0] += 0.5
            lines.append(f"tempo = {tempo}")
    if draw(st.booleans()):
        lines.append('sides = "both"')
    breath = draw(st.sampled_from(["none", "box", "calm", "coherent", "tempo"]))
    if breath != "tempo" or kind == "tempo":
        lines.append(f'breath = "{breath}"')
    lines.append(f"halfway = {str(draw(st.booleans())).lower()}")
    lines.append(f"rest = {draw(st.sampled_from([0, 5, 12.5]))}")
    return "[[block.exercise]]\n" + "\n".join(lines)


@st.composite
def timelines(draw: st.DrawFn, allow_open: bool = False) -> Timeline:
    blocks = []
    for _ in range(draw(st.integers(1, 2))):
        body = "\n".join(draw(st.lists(exercises(allow_open), min_size=1, max_size=3)))
        blocks.append(f"[[block]]\nrounds = {draw(st.integers(1, 3))}\n{body}")
    defaults = (
        f"[defaults]\nprepare = {draw(st.sampled_from([0, 5, 10]))}\n"
        f"countdown = {draw(st.integers(0, 3))}\nswitch = {draw(st.sampled_from([0, 5]))}\n"
    )
    return timeline_of('name = "P"\n' + defaults + "\n".join(blocks) + CATALOG)


@settings(max_examples=60, deadline=None)
@given(timeline=timelines(), cuts=st.lists(st.floats(0, 1), min_size=1, max_size=12))
def test_split_windows_give_the_whole_window(timeline: Timeline, cuts: list[float]) -> None:
    player = Player(timeline, FakeClock())
    end = timeline.total_seconds + 1
    points = [-1.0, *sorted(cut * end for cut in cuts), end]
    pieces = [cue for a, b in itertools.pairwise(points) for cue in player.due_cues(a, b)]
    assert pieces == player.due_cues(-1, end) == all_cues(timeline)


@settings(max_examples=60, deadline=None)
@given(
    timeline=timelines(),
    steps=st.lists(st.floats(0.001, 40), min_size=1, max_size=400),
)
def test_what_is_heard_is_what_was_foreseen_whatever_the_steps(
    timeline: Timeline, steps: list[float]
) -> None:
    rig = Rig(timeline, start=50.0)
    player = rig.player
    player.start()
    last = -1.0
    pieces = []
    pending = [*steps, timeline.total_seconds + 1]
    while True:
        heard = rig.poll()
        position = player.session_elapsed()
        assert heard == player.due_cues(last, position)
        pieces.extend(heard)
        following = player.due_cues(position, math.inf)
        next_at = player.next_cue_at()
        if player.finished:
            assert next_at is None
            break
        assert following, "nothing ahead before the end"
        assert next_at == player.clock_at(following[0].at)
        rig.clock.advance(pending.pop(0))
        last = position
    assert rig.heard == all_cues(timeline) == pieces


@settings(max_examples=60, deadline=None)
@given(timeline=timelines())
def test_waking_at_next_cue_at_always_finds_a_cue(timeline: Timeline) -> None:
    rig = Rig(timeline, start=123.456, speed=7.0)
    rig.player.start()
    assert rig.run_out() == all_cues(timeline)


operations = st.sampled_from(["skip", "back", "done", "jump", "wait", "wait", "wait"])


@settings(max_examples=80, deadline=None)
@given(
    timeline=timelines(allow_open=True),
    script=st.lists(st.tuples(operations, st.floats(0.001, 30), st.integers(0, 99)), max_size=60),
)
def test_every_cue_heard_once_and_in_order_through_any_operations(
    timeline: Timeline, script: list[tuple[str, float, int]]
) -> None:
    rig = Rig(timeline)
    player = rig.player
    player.start()
    for operation, step, target in script:
        rig.clock.advance(step)
        if operation == "jump":
            player.jump(target % len(timeline.segments))
        elif operation != "wait":
            getattr(player, operation)()
        rig.poll()
        if player.finished:
            break
    rig.clock.advance(0.5)
    rig.poll()
    player.stop()
    heard = rig.heard
    assert [cue.at for cue in heard] == sorted(cue.at for cue in heard)
    assert heard == player.due_cues(-1, player.session_elapsed())  # as it ran: once, in order


@settings(max_examples=60, deadline=None)
@given(
    timeline=timelines(),
    script=st.lists(
        st.tuples(st.sampled_from(["extend", "shorten", "toggle", "wait"]), st.floats(0.001, 30)),
        max_size=60,
    ),
)
def test_stretching_and_pausing_keep_position_and_never_repeat_a_cue(
    timeline: Timeline, script: list[tuple[str, float]]
) -> None:
    rig = Rig(timeline)
    player = rig.player
    player.start()
    for operation, step in script:
        before = player.session_elapsed()
        total = player.session_total()
        remaining = player.segment_remaining()
        if player.finished:
            break
        if operation != "wait":
            getattr(player, operation)()
        assert player.session_elapsed() == before
        if operation == "extend":
            assert math.isclose(player.session_total(), total + 10)
        if operation == "shorten":
            assert math.isclose(player.session_total(), total - min(10, remaining))
        rig.clock.advance(step)
        rig.poll()
    player.resume()
    rig.run_out()
    heard = rig.heard
    assert [cue.at for cue in heard] == sorted(cue.at for cue in heard)
    assert len(set(heard)) == len(heard)
    assert heard[-1].kind == "finish"
    assert heard[-1].at == player.session_elapsed()
