"""Reps that start with the lift: the order of play and the words follow the catalog entry."""

from __future__ import annotations

from matwork.core.breath import breath_of_tempo, tempo_cycle
from matwork.core.model import RepPhases

from helpers.player import Rig, timeline_of

BRIDGES = """
name = "Bridges"
[defaults]
prepare = 5
countdown = 0

[[block]]
[[block.exercise]]
id = "glute-bridge"
reps = 2
tempo = "3-0-3-1"
"""
"""The built-in glute bridge (lift first, breath on the tempo), two reps at its own tempo."""


def rep_cues(rig: Rig) -> list[tuple[float, str, int]]:
    """(instant, words, rep) of every rep cue heard."""
    return [(cue.at, cue.text, cue.count) for cue in rig.heard if cue.kind == "rep"]


def test_a_bridge_rep_starts_with_the_lift_on_a_fake_clock() -> None:
    rig = Rig(timeline_of(BRIDGES))
    rig.player.start()
    rig.at(5.0)  # prepare is over: the first rep begins
    assert [(cue.kind, cue.text) for cue in rig.heard if cue.at == 5.0][-1] == ("rep", "Lift")
    rig.run_out()
    # lower 3, pause 0, lift 3, pause 1 -> lift 3, hold 1, lower 3 (the 0 s rest is left out)
    assert rep_cues(rig) == [
        (5.0, "Lift", 1),
        (8.0, "Hold", 1),
        (9.0, "Lower", 1),
        (12.0, "Lift", 2),
        (15.0, "Hold", 2),
        (16.0, "Lower", 2),
    ]
    breaths = [(cue.at, cue.kind) for cue in rig.heard if cue.kind in ("inhale", "exhale")]
    assert breaths == [(5.0, "exhale"), (9.0, "inhale"), (12.0, "exhale"), (16.0, "inhale")]
    assert rig.player.finished
    assert rig.heard[-1].at == 19.0  # 2 reps x 7 s after the 5 s prepare: the numbers kept


def test_the_rep_under_way_carries_the_entrys_words() -> None:
    rig = Rig(timeline_of(BRIDGES))
    rig.player.start()
    seen = []
    for position in (5.5, 8.5, 10.0, 12.5):
        rig.at(position)
        phase = rig.player.rep_now()
        assert phase is not None
        seen.append((phase.name, phase.cycle + 1))
    assert seen == [("lift", 1), ("hold", 1), ("lower", 1), ("lift", 2)]


def test_own_entry_names_its_phases() -> None:
    text = """
name = "Curls"
[defaults]
prepare = 0
countdown = 0

[catalog.curl]
name = "Curl-up"
category = "strength"
pattern = "trunk-flexion"
phases = { starts = "lift", lift = "curl up", top = "hold", bottom = "rest" }

[[block]]
[[block.exercise]]
id = "curl"
reps = 1
tempo = "1-1-1-8"
"""
    rig = Rig(timeline_of(text))
    rig.player.start()
    rig.run_out()
    assert rep_cues(rig) == [
        (0.0, "Curl up", 1),
        (1.0, "Hold", 1),
        (9.0, "Lower", 1),
        (10.0, "Rest", 1),
    ]


def test_a_lift_first_cycle_keeps_each_phase_on_its_tempo_number() -> None:
    phases = RepPhases(starts="lift", top="hold", bottom="rest")
    played = list(tempo_cycle((3, 1, 2, 0), phases).phases(12))
    assert [(p.name, p.start, p.slot) for p in played] == [
        ("lift", 0.0, 2),
        ("lower", 2.0, 0),
        ("rest", 5.0, 1),
        ("lift", 6.0, 2),
        ("lower", 8.0, 0),
        ("rest", 11.0, 1),
    ]
    assert [breath_of_tempo(p).name for p in played[:3]] == ["exhale", "inhale", "hold"]
    assert tempo_cycle((3, 1, 2, 0), phases).phase_at(5.5).name == "rest"
