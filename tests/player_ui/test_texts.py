"""What the player's parts say, as pure functions of segments and phases."""

from __future__ import annotations

import msgspec
import pytest

from matwork.app.library import LibraryEntry
from matwork.core.breath import Phase
from matwork.core.results import SetResult
from matwork.core.timeline import Segment
from matwork.tui.player.big_timer import timer_text
from matwork.tui.player.breath_meter import lung_fill, phase_seconds_left
from matwork.tui.player.cue_panel import (
    CUE_SECONDS,
    HowTo,
    caution_text,
    howto_texts,
    instruction_text,
    rotating_cue,
)
from matwork.tui.player.finish import caption_text, sets_text
from matwork.tui.player.next_up import next_text
from matwork.tui.player.rep_counter import rep_text
from matwork.tui.player.session_header import left_text, where_text
from matwork.tui.player.stage import detail_text, howto_for, rest_label, title_text
from matwork.tui.widgets.progress_line import bar_cells, line_cells


def segments(entry: LibraryEntry) -> tuple[Segment, ...]:
    assert entry.timeline is not None
    return entry.timeline.segments


def test_titles_and_details_of_each_kind(tiny: LibraryEntry) -> None:
    prepare, bridge, rest, left, switch, _right, round_rest, *_ = segments(tiny)
    # Getting ready and resting name the coming exercise, never "Get ready" twice.
    assert [title_text(s, False) for s in (prepare, bridge, rest, switch, round_rest)] == [
        "Glute bridge",
        "Glute bridge",
        "Side plank",
        "Side plank",
        "Glute bridge",
    ]
    assert title_text(None, False) == "Session complete"
    assert title_text(None, True) == "Session stopped"
    assert detail_text(bridge) == "20 s"
    assert detail_text(left) == "left side · 12 s · bodyweight"
    assert detail_text(left, pain_flagged=True) == "left side · 12 s · bodyweight · pain flagged"
    assert detail_text(switch) == "Next: right side"
    assert detail_text(rest) == ""
    assert detail_text(rest, upcoming=left) == "left side · 12 s · bodyweight"
    assert (rest_label(rest), rest_label(round_rest)) == ("REST", "REST · ROUND 2 NEXT")


def test_next_up_and_open_sets(reps: LibraryEntry) -> None:
    curl, rest, curl_again, _rest, dog = segments(reps)
    assert next_text(curl_again) == "Next: Curl up · 3 reps · set 2/2"
    assert next_text(dog) == "Next: Bird dog · 8 reps, open set"
    assert next_text(None) == ""
    assert title_text(rest, False) == "Curl up"
    assert detail_text(rest, upcoming=curl_again) == "3 reps · set 2/2"
    assert detail_text(dog) == "8 reps, open set · Enter when done"
    assert detail_text(curl) == "3 reps · set 1/2"


def test_how_much_how_to_each_moment_shows() -> None:
    assert [howto_for(state, False) for state in ("prepare", "rest", "work", "switch")] == [
        HowTo.BRIEF,
        HowTo.BRIEF,
        HowTo.CUE,
        HowTo.NONE,
    ]
    assert [howto_for(state, True) for state in ("prepare", "rest", "work", "finished")] == [
        HowTo.NONE,
        HowTo.NONE,
        HowTo.FULL,
        HowTo.NONE,
    ]


def test_finished_figures_are_named() -> None:
    done = SetResult(
        segment=1, exercise_id="bridge", exercise_name="Glute bridge", category="pilates",
        pattern="hip-extension", side=None, block=0, block_name="Main", round=1, set=1,
        planned_seconds=20.0, actual_seconds=20.0, reps_planned=None, reps_done=None,
        load=None, skipped=False, pain_flag=False, started_at=0.0,
    )  # fmt: skip
    skipped = msgspec.structs.replace(done, skipped=True, pain_flag=True)
    assert sets_text([done, done, skipped]) == "2 sets done · 1 skipped · 1 pain flag"
    assert sets_text([done]) == "1 set done"
    assert caption_text(126.0, True).splitlines() == [
        "active time (planned 2:06)",
        "Well done. Enter goes on.",
    ]
    assert caption_text(126.0, False).endswith("What you did is in the log.")


def test_header_texts(tiny: LibraryEntry) -> None:
    assert where_text("Tiny session", segments(tiny)[7]) == "Tiny session · Main · round 2/2"
    assert where_text("Tiny session", None) == "Tiny session"
    assert left_text(125.2) == "2:06 left"
    assert left_text(60, estimated=True) == "~1:00 left"


@pytest.mark.parametrize(
    ("seconds", "up", "text"),
    [(17.7, False, "0:18"), (0.2, False, "0:01"), (0.0, False, "0:00"), (7.9, True, "0:07")],
)
def test_timer_text(seconds: float, up: bool, text: str) -> None:
    assert timer_text(seconds, up) == text


def test_lungs_fill_on_the_inhale_and_empty_on_the_exhale() -> None:
    inhale = Phase("inhale", 0.0, 4.0, 0, 0)
    exhale = Phase("exhale", 4.0, 6.0, 0, 2)
    assert [lung_fill(inhale, t) for t in (0.0, 2.0, 4.0)] == [0.0, 0.5, 1.0]
    assert [lung_fill(exhale, t) for t in (4.0, 7.0, 10.0)] == [1.0, 0.5, 0.0]
    assert lung_fill(Phase("hold", 4, 2, 0, 1), 5) == 1.0
    assert lung_fill(Phase("hold_out", 4, 2, 0, 3), 5) == 0.0
    assert [phase_seconds_left(inhale, t) for t in (0.0, 0.5, 3.2, 3.99)] == [4, 4, 1, 1]


def test_rep_counter_text() -> None:
    lift = Phase("lift", 9.0, 3.0, 1, 2)
    assert rep_text(lift, 12, 9.0) == "rep 2/12 · lift 1/3"
    assert rep_text(lift, 12, 10.5) == "rep 2/12 · lift 2/3"
    assert rep_text(lift, None, 11.99) == "rep 2 · lift 3/3"
    assert rep_text(None, 12, 0.0) == ""


def test_bars_in_parts_of_a_cell() -> None:
    assert bar_cells(0.5, 4) == "██"
    assert bar_cells(0.5 + 1 / 32, 4) == "██▏"
    assert bar_cells(1.0, 4) == "████"
    assert line_cells(0.25, 4) == "━"
    assert line_cells(0.375, 4) == "━╸"
    assert line_cells(2.0, 3) == "━━━"


def test_instructions_and_rotating_cues(tiny: LibraryEntry) -> None:
    bridge = segments(tiny)[1].exercise
    assert instruction_text(bridge).splitlines()[0] == "1. Lie on your back, knees bent."
    assert rotating_cue(bridge, 0.0) == "» Ribs down"
    assert rotating_cue(bridge, CUE_SECONDS) == "» Press through the heels"
    assert rotating_cue(bridge, 2 * CUE_SECONDS + 1) == "» Ribs down"
    plank = segments(tiny)[3].exercise
    assert (instruction_text(plank), rotating_cue(plank, 3.0)) == ("", "")


def test_the_how_to_of_each_moment_from_the_catalog(tiny: LibraryEntry) -> None:
    bridge = segments(tiny)[1].exercise
    entry = msgspec.structs.replace(
        bridge.entry,
        instructions=["Lie down.", "Lift.", "Lower."],
        cautions=["Stop on sharp pain."],
    )
    exercise = msgspec.structs.replace(bridge, entry=entry, cues=("Ribs down",))
    brief = howto_texts(exercise, 0.0, HowTo.BRIEF)
    assert brief == {
        "instructions": "1. Lie down.\n2. Lift.",
        "cautions": "Caution: Stop on sharp pain.",
        "coaching-cue": "",
    }
    assert howto_texts(exercise, 0.0, HowTo.CUE) == {
        "instructions": "",
        "cautions": "",
        "coaching-cue": "» Ribs down",
    }
    full = howto_texts(exercise, 0.0, HowTo.FULL)
    assert full["instructions"].splitlines()[-1] == "3. Lower."
    assert full["cautions"] == caution_text(exercise) == "Caution: Stop on sharp pain."
    assert set(howto_texts(exercise, 0.0, HowTo.NONE).values()) == {""}
