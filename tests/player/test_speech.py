"""What the voice says in the get-ready and the rest: what comes next, written for speech."""

from __future__ import annotations

from matwork.core.cue_schedule import all_cues
from matwork.core.cues import CueKind

from helpers.player import quick


def test_rest_and_get_ready_say_what_comes_next_with_its_dose_and_first_cue() -> None:
    timeline = quick(
        '[[block]]\n[[block.exercise]]\nid = "bridge"\nwork = 40\nrest = 20\n'
        'cues = ["Ribs down"]\n'
        '[[block.exercise]]\nid = "birddog"\nreps = 3\ntempo = "2-1-2-1"\nsides = "both"\n'
        'cues = ["Keep the hips level.", "Slow"]\nrest = 15\n'
        '[[block.exercise]]\nid = "lift"\nreps = 8\nload = "40 kg"\ncues = ["RDL, not a squat"]',
        defaults="prepare = 10\ncountdown = 0",
    )
    said = [cue.text for cue in all_cues(timeline) if cue.kind in (CueKind.PREPARE, CueKind.REST)]
    assert said == [
        "Get ready. First: Glute bridge, forty seconds, ribs down",
        "Rest twenty seconds. Next: Bird-dog, three reps per side, keep the hips level",
        "Rest fifteen seconds. Next: Deadlift, eight reps, RDL, not a squat",
    ]
