"""The cues a player schedules: kinds, instants and words."""

from __future__ import annotations

import pytest

from matwork.core.clock import FakeClock
from matwork.core.cue_schedule import all_cues, number_words, seconds_words
from matwork.core.player import Player

from helpers.player import WORKED_EXAMPLE, Rig, plan, quick, timeline_of

WORKED_EXAMPLE_CUES = [
    ("prepare", 0.0),
    ("countdown", 7.0),
    ("countdown", 8.0),
    ("final", 9.0),
    ("start", 10.0),  # A, round 1
    ("countdown", 37.0),
    ("countdown", 38.0),
    ("final", 39.0),
    ("rest", 40.0),
    ("countdown", 47.0),
    ("countdown", 48.0),
    ("final", 49.0),
    ("start", 50.0),  # B left
    ("countdown", 67.0),
    ("countdown", 68.0),
    ("final", 69.0),
    ("switch", 70.0),
    ("start", 75.0),  # B right
    ("countdown", 92.0),
    ("countdown", 93.0),
    ("final", 94.0),
    ("rest", 95.0),  # round rest, 40 s
    ("countdown", 132.0),
    ("countdown", 133.0),
    ("final", 134.0),
    ("start", 135.0),  # A, round 2
    ("countdown", 162.0),
    ("countdown", 163.0),
    ("final", 164.0),
    ("rest", 165.0),
    ("countdown", 172.0),
    ("countdown", 173.0),
    ("final", 174.0),
    ("start", 175.0),  # B left
    ("countdown", 192.0),
    ("countdown", 193.0),
    ("final", 194.0),
    ("switch", 195.0),
    ("start", 200.0),  # B right
    ("countdown", 217.0),
    ("countdown", 218.0),
    ("final", 219.0),
    ("finish", 220.0),
]


def test_worked_example_cues_are_exactly_the_expected_ones() -> None:
    timeline = timeline_of(WORKED_EXAMPLE)
    assert timeline.total_seconds == 220
    rig = Rig(timeline)
    assert plan(rig.player.due_cues(-1, 1e9)) == WORKED_EXAMPLE_CUES
    rig.player.start()
    assert plan(rig.run_out()) == WORKED_EXAMPLE_CUES
    assert rig.sink.cues == rig.heard
    assert rig.clock.now() == 1000.0 + 220.0
    assert plan(all_cues(timeline)) == WORKED_EXAMPLE_CUES


def test_worked_example_words() -> None:
    cues = Player(timeline_of(WORKED_EXAMPLE), FakeClock()).due_cues(-1, 1e9)
    said = {cue.at: cue.text for cue in cues if cue.kind not in ("countdown", "final")}
    assert said == {
        0.0: "Get ready. First: Dead bug, thirty seconds",
        10.0: "Dead bug, thirty seconds",
        40.0: "Rest ten seconds. Next: Side plank, twenty seconds per side",
        50.0: "Side plank, left, twenty seconds",
        70.0: "Switch sides",
        75.0: "Side plank, right, twenty seconds",
        95.0: "Rest forty seconds. Next: Dead bug, thirty seconds",
        135.0: "Dead bug, thirty seconds",
        165.0: "Rest ten seconds. Next: Side plank, twenty seconds per side",
        175.0: "Side plank, left, twenty seconds",
        195.0: "Switch sides",
        200.0: "Side plank, right, twenty seconds",
        220.0: "Session complete",
    }
    ticks = [(cue.text, cue.count) for cue in cues if cue.kind in ("countdown", "final")]
    assert ticks[:3] == [("3", 3), ("2", 2), ("1", 1)]


def test_box_breathing_over_twenty_seconds_of_work() -> None:
    timeline = quick('[[block]]\n[[block.exercise]]\nid = "birddog"\nwork = 20\nbreath = "box"')
    cues = Player(timeline, FakeClock()).due_cues(-1, 100)
    assert [(c.kind, c.at, c.text) for c in cues] == [
        ("start", 0, "Bird-dog, twenty seconds"),
        ("inhale", 0, "Inhale"),
        ("hold", 4, "Hold"),
        ("exhale", 8, "Exhale"),
        ("hold_out", 12, "Hold"),
        ("inhale", 16, "Inhale"),
        ("finish", 20, "Session complete"),
    ]


def test_tempo_reps_with_the_breath_on_the_tempo() -> None:
    timeline = quick(
        '[[block]]\n[[block.exercise]]\nid = "bridge"\nreps = 3\ntempo = "3-1-3-0"\n'
        'breath = "tempo"'
    )
    assert timeline.total_seconds == 21
    cues = Player(timeline, FakeClock()).due_cues(-1, 100)
    assert [(c.kind, c.at, c.text, c.count) for c in cues] == [
        ("start", 0, "Glute bridge, three reps", 0),
        ("inhale", 0, "Inhale", 0),
        ("rep", 0, "Lower", 1),
        ("rep", 3, "Pause", 1),
        ("exhale", 4, "Exhale", 0),
        ("rep", 4, "Lift", 1),
        ("inhale", 7, "Inhale", 0),
        ("rep", 7, "Lower", 2),
        ("rep", 10, "Pause", 2),
        ("exhale", 11, "Exhale", 0),
        ("rep", 11, "Lift", 2),
        ("inhale", 14, "Inhale", 0),
        ("rep", 14, "Lower", 3),
        ("rep", 17, "Pause", 3),
        ("exhale", 18, "Exhale", 0),
        ("rep", 18, "Lift", 3),
        ("finish", 21, "Session complete", 0),
    ]


def test_halfway_and_countdown_in_work_and_rest() -> None:
    timeline = quick(
        '[[block]]\n[[block.exercise]]\nid = "bridge"\nwork = 40\nhalfway = true\nrest = 20\n'
        '[[block.exercise]]\nid = "birddog"\nwork = 30',
        defaults="prepare = 0\ncountdown = 2",
    )
    cues = Player(timeline, FakeClock()).due_cues(-1, 100)
    assert [(c.kind, c.at, c.text) for c in cues] == [
        ("start", 0, "Glute bridge, forty seconds"),
        ("halfway", 20, "Halfway"),
        ("countdown", 38, "2"),
        ("final", 39, "1"),
        ("rest", 40, "Rest twenty seconds. Next: Bird-dog, thirty seconds"),
        ("countdown", 58, "2"),
        ("final", 59, "1"),
        ("start", 60, "Bird-dog, thirty seconds"),
        ("countdown", 88, "2"),
        ("final", 89, "1"),
        ("finish", 90, "Session complete"),
    ]


def test_countdown_never_ticks_before_its_segment_starts() -> None:
    timeline = quick(
        '[[block]]\n[[block.exercise]]\nid = "bridge"\nwork = 2', defaults="countdown = 5"
    )
    cues = Player(timeline, FakeClock()).due_cues(-1, 100)
    assert plan(cues) == [
        ("prepare", 0),
        ("countdown", 5),
        ("countdown", 6),
        ("countdown", 7),
        ("countdown", 8),
        ("final", 9),
        ("start", 10),
        ("final", 11),
        ("finish", 12),
    ]


def test_work_words_for_sides_sets_and_alternation() -> None:
    timeline = quick(
        '[[block]]\n[[block.exercise]]\nid = "birddog"\nreps = 8\ntempo = "2-0-2-0"\n'
        'sides = "alternate"\n[[block.exercise]]\nid = "lift"\nreps = 5\nsets = 2\nrest = 90\n'
        '[[block.exercise]]\nid = "plank"\nwork = 150\nsides = "both"'
    )
    player = Player(timeline, FakeClock())
    starts = [c.text for c in player.due_cues(-1, 1e6) if c.kind in ("start", "rest")]
    assert starts == [
        "Bird-dog, alternating sides, eight reps",
        "Rest fifteen seconds. Next: Deadlift, five reps",
        "Deadlift, set one of two, five reps",
    ]  # the open set hides what follows until it is done
    assert [c.text for c in all_cues(timeline) if c.kind == "start"][-2:] == [
        "Side plank, left, two minutes thirty seconds",
        "Side plank, right, two minutes thirty seconds",
    ]


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (7, "seven"),
        (12, "twelve"),
        (40, "forty"),
        (45, "forty-five"),
        (100, "one hundred"),
        (215, "two hundred fifteen"),
        (3600, "three thousand six hundred"),
        (-2, "minus two"),
    ],
)
def test_number_words(n: int, words: str) -> None:
    assert number_words(n) == words


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (1, "one second"),
        (20, "twenty seconds"),
        (0.4, "one second"),
        (5.6, "six seconds"),
        (60, "one minute"),
        (90, "ninety seconds"),
        (120, "two minutes"),
        (150, "two minutes thirty seconds"),
        (3600, "sixty minutes"),
    ],
)
def test_seconds_words(seconds: float, words: str) -> None:
    assert seconds_words(seconds) == words


def test_skipped_segments_do_not_fire_their_cues() -> None:
    rig = Rig(timeline_of(WORKED_EXAMPLE))
    rig.player.start()
    rig.at(12)  # A under way
    rig.player.skip()  # A ends at 12: its countdown never comes
    rig.player.skip()  # the rest too
    heard = rig.run_out()
    assert plan(heard[:7]) == [
        ("prepare", 0),
        ("countdown", 7),
        ("countdown", 8),
        ("final", 9),
        ("start", 10),
        ("start", 12),  # B left: the rest's opening cue was skipped with it
        ("countdown", 29),
    ]
    assert heard[5].text == "Side plank, left, twenty seconds"
    assert heard[-1].kind == "finish"
    assert heard[-1].at == 220 - 28 - 10


def test_cues_never_fire_twice_and_halfway_stays_put_when_stretched() -> None:
    timeline = quick(
        '[[block]]\n[[block.exercise]]\nid = "bridge"\nwork = 40\nhalfway = true',
        defaults="prepare = 0\ncountdown = 3",
    )
    rig = Rig(timeline)
    rig.player.start()
    assert plan(rig.at(25)) == [("start", 0), ("halfway", 20)]
    assert rig.poll() == []
    rig.player.extend()  # halfway has sounded: it stays at 20, not 25
    assert plan(rig.run_out()[2:]) == [
        ("countdown", 47),
        ("countdown", 48),
        ("final", 49),
        ("finish", 50),
    ]
    kinds = [c.kind for c in rig.heard]
    assert kinds.count("halfway") == 1


def test_halfway_moves_with_a_stretch_before_it_sounds() -> None:
    timeline = quick('[[block]]\n[[block.exercise]]\nid = "bridge"\nwork = 40\nhalfway = true')
    rig = Rig(timeline)
    rig.player.start()
    rig.at(5)
    rig.player.extend(20)
    assert plan(rig.run_out()) == [("start", 0), ("halfway", 30), ("finish", 60)]


def test_open_set_counts_up_with_its_breath_until_done() -> None:
    timeline = quick(
        '[[block]]\n[[block.exercise]]\nid = "lift"\nreps = 8\nbreath = "calm"\nrest = 20\n'
        '[[block.exercise]]\nid = "bridge"\nwork = 30'
    )
    rig = Rig(timeline)
    player = rig.player
    player.start()
    assert plan(rig.poll()) == [("start", 0), ("inhale", 0)]
    rig.at(95)  # well past its estimate of 24 s: still running
    assert player.current() is timeline.segments[0]
    assert player.segment_elapsed() == 95
    assert player.segment_remaining() == 0
    assert player.clock_at(100) == player.next_cue_at()  # breath goes on: 10 s a breath
    assert player.done()
    assert plan(rig.poll()) == [("rest", 95)]
    assert player.next_cue_at() == player.clock_at(115)
    assert plan(rig.run_out()[-3:]) == [("rest", 95), ("start", 115), ("finish", 145)]


def test_open_set_without_a_breath_waits_for_done() -> None:
    timeline = quick('[[block]]\n[[block.exercise]]\nid = "lift"\nreps = 8')
    rig = Rig(timeline)
    rig.player.start()
    rig.poll()
    assert rig.player.next_cue_at() is None
    assert not rig.player.finished
    rig.clock.advance(3600)
    assert rig.player.done()
    assert plan(rig.poll()) == [("finish", 3600)]
    assert rig.player.finished
