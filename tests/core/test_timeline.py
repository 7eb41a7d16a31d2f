"""Every rule of "Meaning on the clock" in routine-format.md, and every default."""

from __future__ import annotations

import pytest

from matwork.core.routine import RoutineError, block_plans, compile_timeline, parse_routine
from matwork.core.timeline import measure

from helpers.routines import CATALOG, shape, timeline_of

WORKED_EXAMPLE = """
[defaults]
prepare = 10
[[block]]
rounds = 2
round_rest = 40
[[block.exercise]]
id = "a"
work = 30
rest = 10
[[block.exercise]]
id = "b"
work = 20
sides = "both"
switch = 5
rest = 10
"""


def test_worked_example_matches_the_format_page() -> None:
    timeline = timeline_of(WORKED_EXAMPLE)
    assert shape(timeline) == [
        ("prepare", "a", 10),
        ("work", "a", 30),
        ("rest", "b", 10),
        ("work", "b", 20),
        ("switch", "b", 5),
        ("work", "b", 20),
        ("rest", "a", 40),
        ("work", "a", 30),
        ("rest", "b", 10),
        ("work", "b", 20),
        ("switch", "b", 5),
        ("work", "b", 20),
    ]
    assert timeline.total_seconds == 220
    assert [s.side for s in timeline.segments if s.exercise.id == "b" and s.kind == "work"] == [
        "left",
        "right",
        "left",
        "right",
    ]
    assert [s.round for s in timeline.segments if s.kind == "work"] == [1, 1, 1, 2, 2, 2]
    starts = [s.start for s in timeline.segments]
    assert starts == [0, 10, 40, 50, 70, 75, 95, 135, 165, 175, 195, 200]


def test_rest_between_sets_is_the_exercises_rest() -> None:
    timeline = timeline_of(
        '[[block]]\n[[block.exercise]]\nid = "a"\nwork = 20\nsets = 3\nrest = 7\n'
    )
    assert shape(timeline) == [
        ("prepare", "a", 10),
        ("work", "a", 20),
        ("rest", "a", 7),
        ("work", "a", 20),
        ("rest", "a", 7),
        ("work", "a", 20),
    ]
    assert [s.set for s in timeline.segments if s.kind == "work"] == [1, 2, 3]
    assert [s.rest_reason for s in timeline.segments if s.kind == "rest"] == ["set", "set"]


def test_rest_between_exercises_is_the_finished_exercises_rest() -> None:
    body = '[[block]]\n[[block.exercise]]\nid = "a"\nrest = 12\n[[block.exercise]]\nid = "c"\nrest = 99\n'
    assert shape(timeline_of(body)) == [
        ("prepare", "a", 10),
        ("work", "a", 30),
        ("rest", "c", 12),
        ("work", "c", 30),
    ]


def test_rest_between_blocks_uses_rest_after_then_block_rest() -> None:
    body = (
        "[defaults]\nblock_rest = 50\n"
        '[[block]]\nrest_after = 20\n[[block.exercise]]\nid = "a"\n'
        '[[block]]\n[[block.exercise]]\nid = "c"\n'
        '[[block]]\n[[block.exercise]]\nid = "a"\n'
    )
    timeline = timeline_of(body)
    rests = [(s.duration, s.rest_reason) for s in timeline.segments if s.kind == "rest"]
    assert rests == [(20, "block"), (50, "block")]
    assert timeline.segments[-1].kind == "work"


def test_round_rest_falls_back_to_defaults() -> None:
    body = '[defaults]\nround_rest = 33\n[[block]]\nrounds = 3\n[[block.exercise]]\nid = "a"\n'
    rests = [s.duration for s in timeline_of(body).segments if s.kind == "rest"]
    assert rests == [33, 33]


def test_nothing_follows_the_last_set() -> None:
    timeline = timeline_of('[[block]]\n[[block.exercise]]\nid = "a"\nrest = 30\n')
    assert shape(timeline)[-1] == ("work", "a", 30)


def test_first_prepare_is_the_first_exercises_own_prepare_when_set() -> None:
    timeline = timeline_of('[[block]]\n[[block.exercise]]\nid = "a"\nprepare = 25\n')
    assert shape(timeline)[0] == ("prepare", "a", 25)


def test_later_exercise_prepare_lengthens_a_shorter_rest_only() -> None:
    body = (
        '[[block]]\n[[block.exercise]]\nid = "a"\nrest = 10\n'
        '[[block.exercise]]\nid = "c"\nprepare = 30\nrest = 40\n'
        '[[block.exercise]]\nid = "a"\nprepare = 20\n'
    )
    rests = [s.duration for s in timeline_of(body).segments if s.kind == "rest"]
    assert rests == [30, 40]


def test_prepare_creates_a_rest_where_there_was_none() -> None:
    body = '[defaults]\nrest = 0\n[[block]]\n[[block.exercise]]\nid = "a"\n[[block.exercise]]\nid = "c"\nprepare = 15\n'
    assert shape(timeline_of(body)) == [
        ("prepare", "a", 10),
        ("work", "a", 30),
        ("rest", "c", 15),
        ("work", "c", 30),
    ]


def test_zero_durations_make_no_segment() -> None:
    body = (
        "[defaults]\nprepare = 0\nrest = 0\nswitch = 0\nround_rest = 0\n"
        '[[block]]\nrounds = 2\n[[block.exercise]]\nid = "b"\nwork = 10\nsides = "both"\n'
    )
    assert shape(timeline_of(body)) == [("work", "b", 10)] * 4


def test_sides_alternate_is_one_segment_labelled_alternate() -> None:
    timeline = timeline_of(
        '[[block]]\n[[block.exercise]]\nid = "b"\nwork = 20\nsides = "alternate"\n'
    )
    work = timeline.work_segments()
    assert [(s.side, s.duration) for s in work] == [("alternate", 20)]


def test_timed_reps_last_reps_times_tempo_per_side() -> None:
    body = '[[block]]\n[[block.exercise]]\nid = "b"\nreps = 8\ntempo = "2-1-2-0"\nsides = "both"\n'
    work = timeline_of(body).work_segments()
    assert [s.duration for s in work] == [40, 40]
    assert not any(s.open for s in work)


@pytest.mark.parametrize(
    ("tempo", "seconds"),
    [('"3-1-3-0"', 7), ("[2, 2]", 4), ("[1.5, 0.5, 1.5]", 3.5), ('"2-0-1"', 3)],
)
def test_tempo_forms(tempo: str, seconds: float) -> None:
    body = f'[[block]]\n[[block.exercise]]\nid = "a"\nreps = 2\ntempo = {tempo}\n'
    assert timeline_of(body).work_segments()[0].duration == 2 * seconds


def test_open_set_is_estimated_at_three_seconds_a_rep_and_flagged() -> None:
    timeline = timeline_of('[[block]]\n[[block.exercise]]\nid = "a"\nreps = 8\nload = "40 kg"\n')
    work = timeline.work_segments()[0]
    assert (work.duration, work.open, work.exercise.load) == (24, True, "40 kg")
    assert timeline.estimated


def test_catalog_dosage_applies_when_the_exercise_gives_none() -> None:
    body = (
        '[catalog.d]\nname = "D"\ncategory = "pilates"\nreps = 5\ntempo = "1-1-1-1"\n'
        '[[block]]\n[[block.exercise]]\nid = "d"\n'
    )
    assert timeline_of(body).work_segments()[0].duration == 20


def test_defaults_when_the_file_gives_none() -> None:
    body = '[[block]]\nrounds = 2\n[[block.exercise]]\nid = "a"\n[[block.exercise]]\nid = "b"\nsides = "both"\n'
    body += '[[block]]\n[[block.exercise]]\nid = "c"\n'
    timeline = timeline_of(body)
    assert shape(timeline) == [
        ("prepare", "a", 10),
        ("work", "a", 30),
        ("rest", "b", 15),
        ("work", "b", 30),
        ("switch", "b", 5),
        ("work", "b", 30),
        ("rest", "a", 30),
        ("work", "a", 30),
        ("rest", "b", 15),
        ("work", "b", 30),
        ("switch", "b", 5),
        ("work", "b", 30),
        ("rest", "c", 30),
        ("work", "c", 30),
    ]
    assert timeline.countdown == 3
    assert all(s.exercise.breath is None for s in timeline.segments)


def test_defaults_table_values_are_inherited() -> None:
    body = (
        '[defaults]\nwork = 45\nrest = 5\nswitch = 3\ncountdown = 5\nbreath = "box"\n'
        '[[block]]\n[[block.exercise]]\nid = "b"\nsides = "both"\n[[block.exercise]]\nid = "a"\n'
    )
    timeline = timeline_of(body)
    assert shape(timeline)[1:5] == [
        ("work", "b", 45),
        ("switch", "b", 3),
        ("work", "b", 45),
        ("rest", "a", 5),
    ]
    assert timeline.countdown == 5
    assert timeline.work_segments()[0].exercise.breath is not None
    assert timeline.work_segments()[0].exercise.breath.cycle == 16


def test_breath_resolution_order_and_tempo_coupling() -> None:
    body = (
        '[breathing.slow]\ninhale = 5\nexhale = 7\n[defaults]\nbreath = "calm"\n'
        '[[block]]\n[[block.exercise]]\nid = "a"\nbreath = "slow"\n'
        '[[block.exercise]]\nid = "c"\n'
        '[[block.exercise]]\nid = "a"\nreps = 3\ntempo = "2-0-2-0"\nbreath = "tempo"\n'
        '[[block.exercise]]\nid = "a"\nbreath = { inhale = 2, exhale = 2 }\n'
        '[[block.exercise]]\nid = "a"\nbreath = "none"\n'
    )
    exercises = [s.exercise for s in timeline_of(body).work_segments()]
    assert [e.breath.cycle if e.breath else None for e in exercises] == [12, 10, None, 4, None]
    assert [e.breath_tempo for e in exercises] == [False, False, True, False, False]


def test_inherited_tempo_breath_without_tempo_means_no_prompt() -> None:
    body = '[defaults]\nbreath = "tempo"\n[[block]]\n[[block.exercise]]\nid = "a"\nwork = 20\n'
    exercise = timeline_of(body).work_segments()[0].exercise
    assert (exercise.breath, exercise.breath_tempo) == (None, False)


def test_cues_string_or_list() -> None:
    body = '[[block]]\n[[block.exercise]]\nid = "a"\ncues = "Breathe"\n[[block.exercise]]\nid = "c"\ncues = ["x", "y"]\n'
    assert [s.exercise.cues for s in timeline_of(body).work_segments()] == [
        ("Breathe",),
        ("x", "y"),
    ]


def test_routine_catalog_shadows_by_id_and_name_override() -> None:
    body = '[[block]]\n[[block.exercise]]\nid = "a"\nname = "Renamed"\n'
    assert timeline_of(body).work_segments()[0].exercise.name == "Renamed"


@pytest.mark.parametrize("rounds", [1, 2, 7])
@pytest.mark.parametrize("sides", ['"both"', '"alternate"'])
def test_measure_agrees_with_the_built_timeline(rounds: int, sides: str) -> None:
    body = (
        f'[[block]]\nrounds = {rounds}\n[[block.exercise]]\nid = "b"\nsides = {sides}\nsets = 2\n'
        '[[block.exercise]]\nid = "a"\nprepare = 40\n'
        '[[block]]\n[[block.exercise]]\nid = "c"\nprepare = 0\n'
    )
    routine = parse_routine('name = "T"\n' + body + CATALOG, "r.toml")
    timeline = timeline_of(body)
    assert measure(block_plans(routine), routine.defaults.prepare) == (
        len(timeline.segments),
        timeline.total_seconds,
    )


TEMPO_CATALOG = '[catalog.t]\nname = "T"\ncategory = "pilates"\nreps = 5\ntempo = "1-1-1-1"\n'
"""An entry whose default dosage is timed reps, 4 s a rep."""


def test_reps_on_an_entry_with_a_tempo_take_the_catalogs_tempo() -> None:
    body = TEMPO_CATALOG + '[[block]]\n[[block.exercise]]\nid = "t"\nreps = 8\n'
    work = timeline_of(body).work_segments()[0]
    assert (work.duration, work.open, work.exercise.tempo) == (32, False, (1, 1, 1, 1))


def test_tempo_none_makes_an_open_set_whatever_the_catalog_says() -> None:
    body = TEMPO_CATALOG + '[[block]]\n[[block.exercise]]\nid = "t"\nreps = 8\ntempo = "none"\n'
    timeline = timeline_of(body)
    work = timeline.work_segments()[0]
    assert (work.duration, work.open, work.exercise.tempo) == (24, True, None)
    assert timeline.estimated


def test_a_shipped_tempo_entry_with_reps_plays_timed_reps() -> None:
    timeline = compile_timeline(
        parse_routine(
            'name = "B"\n[[block]]\n[[block.exercise]]\nid = "glute-bridge"\nreps = 8\n', "r.toml"
        )
    )
    work = timeline.work_segments()[0]
    assert not work.open
    assert work.exercise.tempo is not None
    assert work.duration == 8 * sum(work.exercise.tempo)


def test_a_bad_tempo_on_a_use_hints_at_none() -> None:
    with pytest.raises(RoutineError) as caught:
        parse_routine(
            'name = "B"\n[[block]]\n[[block.exercise]]\nid = "glute-bridge"\nreps = 8\ntempo = "open"\n',
            "r.toml",
        )
    assert caught.value.message == 'tempo must look like "3-1-3-0", found "open"'
    assert 'tempo = "none"' in caught.value.hint
    assert (caught.value.line, caught.value.col) == (6, 9)  # at the value
