"""The builder screen, driven with the keyboard through Pilot, and its state underneath."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec
import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static

from matwork.app.config import Config, SessionSettings
from matwork.app.library import RoutineSource
from matwork.core.routine import RoutineError, load_routine, parse_routine
from matwork.tui.app import MatworkApp, make_app
from matwork.tui.builder.catalog_picker import CatalogPicker, matching
from matwork.tui.builder.outline import BuilderOutline, use_dosage
from matwork.tui.builder.panel import problem_line
from matwork.tui.builder.screen import BuilderScreen
from matwork.tui.builder.state import (
    BuilderState,
    Selection,
    breath_value,
    cues_value,
    dosage_kind,
    field_value,
    has_comments,
)
from matwork.tui.library.screen import LibraryScreen
from matwork.tui.modals.confirm import ConfirmScreen

from helpers.paths import test_paths
from helpers.pilot import settle

ROUTINE = """\
#:schema ../schema/routine.schema.json
# A routine with comments in it.
name = "Core basics"
description = "Front and back, evenly."
tags = ["core", "back"]

[defaults]
rest = 20
breath = "calm"

[[block]]
name = "Main"
rounds = 2
round_rest = 40

[[block.exercise]]
id = "dead-bug"
reps = 6
tempo = "3-1-3-0"
sides = "both"

[[block.exercise]]
id = "bird-dog"
reps = 5
tempo = [2, 1, 2, 6]
breath = { inhale = 4, exhale = 4 }
cues = ["Reach long", "Hips level"]

[[block]]
name = "Stretch"

[[block.exercise]]
id = "childs-pose"
work = 45
"""

# -- fixtures and helpers -------------------------------------------------------------


@pytest.fixture
def acknowledged() -> Config:
    """A config whose safety notice is already acknowledged."""
    return Config(session=SessionSettings(safety_acknowledged=True))


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    """A folder with one routine."""
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "core-basics.toml").write_text(ROUTINE, encoding="utf-8")
    return folder


@pytest.fixture
def app(acknowledged: Config, library_dir: Path, tmp_path: Path) -> MatworkApp:
    """The app over the one-routine folder, not polling."""
    return make_app(
        config=acknowledged,
        sources=[RoutineSource("user", library_dir)],
        poll_seconds=0,
    )


def builder(app: MatworkApp) -> BuilderScreen:
    """The builder, which must be the current screen."""
    screen = app.screen
    assert isinstance(screen, BuilderScreen)
    return screen


async def new_routine(pilot: Pilot[Any], name: str) -> BuilderScreen:
    """Open an empty builder from the library (n) and type a name."""
    await settle(pilot)
    await pilot.press("n")
    await pilot.pause()
    screen = builder(pilot.app)
    assert pilot.app.focused is screen.query_one("#f-routine-name")
    await pilot.press(*name)
    await pilot.pause()
    return screen


async def to_outline(pilot: Pilot[Any]) -> None:
    """Tab from wherever the focus is to the outline, as a keyboard user would."""
    for _ in range(20):
        if isinstance(pilot.app.focused, BuilderOutline):
            return
        await pilot.press("tab")
    assert isinstance(pilot.app.focused, BuilderOutline)


async def add(pilot: Pilot[Any], search: str, expected_id: str) -> None:
    """Add an exercise from the picker: a, type to filter, Enter."""
    await pilot.press("a")
    await pilot.pause()
    picker = pilot.app.screen
    assert isinstance(picker, CatalogPicker)
    await pilot.press(*search)
    await pilot.pause()
    assert picker.highlighted_id == expected_id
    await pilot.press("enter")
    await pilot.pause()


def ids(screen: BuilderScreen) -> list[list[str]]:
    """Exercise ids, block by block."""
    return [[use["id"] for use in block["exercise"]] for block in screen.state.blocks]


def text(screen: BuilderScreen, selector: str) -> str:
    """The plain text of a Static on the builder."""
    return str(screen.query_one(selector, Static).content)


async def set_input(pilot: Pilot[Any], screen: BuilderScreen, input_id: str, value: str) -> None:
    """Focus an input, clear it and type a value, as keys."""
    field = screen.query_one(f"#{input_id}", Input)
    field.focus()
    await pilot.press("end", "ctrl+u", *value)
    await pilot.pause()


# -- building ---------------------------------------------------------------------------


async def test_new_routine_from_the_picker_with_the_keyboard_only(app: MatworkApp) -> None:
    async with app.run_test() as pilot:
        screen = await new_routine(pilot, "Morning back")
        assert screen.query_one("#builder-main").has_class("-empty")
        assert "missing required key 'block'" in text(screen, "#panel-problems")
        await to_outline(pilot)
        await pilot.press("a")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, CatalogPicker)
        everything = len(picker.query_one("#picker-list", OptionList).options)
        await pilot.press(*"plank")
        await pilot.pause()
        options = picker.query_one("#picker-list", OptionList).options
        assert 0 < len(options) < everything
        assert [option.id for option in options] == [
            "front-plank",  # "plank" is its alias: the best match comes first
            "knee-plank",
            "knee-side-plank",
            "side-plank",
        ]
        assert picker.highlighted_id == "front-plank"
        details = str(picker.query_one("#picker-details", Static).content)
        assert "pattern: anti-extension" in details
        assert "1. " in details  # the instructions, numbered
        await pilot.press("down", "down")  # moves the list while the search box keeps the focus
        await pilot.pause()
        assert picker.highlighted_id == "knee-side-plank"
        assert "anti-lateral-flexion" in str(picker.query_one("#picker-details", Static).content)
        await pilot.press("up", "up", "enter")
        await pilot.pause()
        assert builder(app) is screen
        assert ids(screen) == [["front-plank"]]
        assert screen.state.blocks[0]["exercise"][0] == {"id": "front-plank", "work": 30}
        assert screen.check.ok
        assert text(screen, "#panel-total") == "Total 0:40"  # prepare 10 + 30
        assert "1 prepare · 1 work" in text(screen, "#panel-summary")
        assert not screen.query_one("#builder-panel").has_class("-invalid")


async def test_picker_escape_adds_nothing(app: MatworkApp) -> None:
    async with app.run_test() as pilot:
        screen = await new_routine(pilot, "X")
        await to_outline(pilot)
        await pilot.press("a", *"nothing like this")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, CatalogPicker)
        assert picker.has_class("-no-match")
        await pilot.press("enter")  # nothing highlighted: stays open
        await pilot.pause()
        assert app.screen is picker
        await pilot.press("escape")
        await pilot.pause()
        assert builder(app) is screen
        assert screen.state.blocks == []


async def test_reorder_with_keys(app: MatworkApp) -> None:
    async with app.run_test() as pilot:
        screen = await new_routine(pilot, "Order")
        await to_outline(pilot)
        await add(pilot, "dead bug", "dead-bug")
        await add(pilot, "bird dog", "bird-dog")
        await add(pilot, "child", "childs-pose")
        assert ids(screen) == [["dead-bug", "bird-dog", "childs-pose"]]
        assert screen.selection == Selection(0, 2)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert ids(screen) == [["dead-bug", "childs-pose", "bird-dog"]]
        await pilot.press("ctrl+up")
        await pilot.pause()
        assert ids(screen) == [["childs-pose", "dead-bug", "bird-dog"]]
        assert screen.selection == Selection(0, 0)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert ids(screen) == [["dead-bug", "childs-pose", "bird-dog"]]
        outline = screen.query_one(BuilderOutline)
        assert outline.selection == Selection(0, 1)
        # The outline shows the new order.
        prompts = [str(option.prompt) for option in outline.options]
        assert [prompt.split("  ")[1] for prompt in prompts[1:]] == [
            "Dead bug",
            "Child's pose",
            "Bird dog",
        ]
        # A new block, and an exercise moved into it across the block boundary.
        await pilot.press("b")
        await pilot.pause()
        assert len(screen.state.blocks) == 2
        await pilot.press("up", "ctrl+down")  # the last exercise of block 1 moves down
        await pilot.pause()
        assert ids(screen) == [["dead-bug", "childs-pose"], ["bird-dog"]]
        assert screen.check.ok


async def test_dosage_work_to_reps_with_tempo_updates_the_total(app: MatworkApp) -> None:
    async with app.run_test() as pilot:
        screen = await new_routine(pilot, "Dosage")
        await to_outline(pilot)
        await add(pilot, "front plank", "front-plank")
        assert text(screen, "#panel-total") == "Total 0:40"
        # Tab to the dosage select, open it, pick "reps+tempo".
        await pilot.press("tab")
        assert app.focused is screen.query_one("#f-use-dosage", Select)
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        use = screen.state.blocks[0]["exercise"][0]
        assert use == {"id": "front-plank", "reps": 10, "tempo": "2-1-2-0"}
        assert screen.query_one("#use-form").has_class("-tempo")
        assert text(screen, "#panel-total") == "Total 1:00"  # 10 + 10 x 5
        await set_input(pilot, screen, "f-use-reps", "8")
        await set_input(pilot, screen, "f-use-tempo", "3-0-3-0")
        assert use == {"id": "front-plank", "reps": 8, "tempo": "3-0-3-0"}
        assert text(screen, "#panel-total") == "Total 0:58"  # 10 + 8 x 6
        # Open reps: the total is an estimate.
        screen.query_one("#f-use-dosage", Select).focus()
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert use == {"id": "front-plank", "reps": 8}
        assert text(screen, "#panel-total") == "Total ~0:34"  # 10 + 8 x 3
        # Sets and sides.
        await set_input(pilot, screen, "f-use-sets", "2")
        screen.query_one("#f-use-sides", Select).focus()
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert use["sides"] == "both"
        assert list(use) == ["id", "reps", "sets", "sides"]  # the model's key order
        assert screen.check.ok


async def test_routine_fields_and_defaults(app: MatworkApp) -> None:
    async with app.run_test() as pilot:
        screen = await new_routine(pilot, "Fields")
        await set_input(pilot, screen, "f-routine-description", "Short and kind.")
        await set_input(pilot, screen, "f-routine-tags", "back, desk ,, quick")
        await set_input(pilot, screen, "f-defaults-work", "45")
        await set_input(pilot, screen, "f-defaults-breath", "4-6")
        await to_outline(pilot)
        await add(pilot, "cat cow", "cat-cow")
        await set_input(pilot, screen, "f-use-cues", "Slow | Breathe")
        await set_input(pilot, screen, "f-use-load", "none needed")
        data = screen.state.data
        assert data["description"] == "Short and kind."
        assert data["tags"] == ["back", "desk", "quick"]
        assert data["defaults"] == {"work": 45, "breath": {"inhale": 4.0, "exhale": 6.0}}
        assert data["block"][0]["exercise"][0]["cues"] == ["Slow", "Breathe"]
        assert screen.check.ok
        routine = screen.check.routine
        assert routine is not None
        assert routine.defaults.breath.exhale == 6  # type: ignore[union-attr]
        await set_input(pilot, screen, "f-defaults-work", "")  # cleared: the default again
        assert data["defaults"] == {"breath": {"inhale": 4.0, "exhale": 6.0}}


async def test_block_fields(app: MatworkApp) -> None:
    async with app.run_test() as pilot:
        screen = await new_routine(pilot, "Blocks")
        await to_outline(pilot)
        await add(pilot, "bridge", "glute-bridge")
        await pilot.press("up")  # the block row
        await pilot.pause()
        assert screen.query_one("#builder-main").has_class("-block")
        await set_input(pilot, screen, "f-block-name", "Strength")
        await set_input(pilot, screen, "f-block-rounds", "3")
        await set_input(pilot, screen, "f-block-round-rest", "45")
        assert screen.state.blocks[0] == {
            "name": "Strength",
            "rounds": 3,
            "round_rest": 45,
            "exercise": [{"id": "glute-bridge", "reps": 10, "tempo": "3-0-3-1"}],
        }
        # 10 + 3 x 70 + 2 x 45
        assert text(screen, "#panel-total") == "Total 5:10"
        assert "Strength × 3" in text(screen, "#panel-summary")


# -- validation -----------------------------------------------------------------------


async def test_bad_values_show_the_checkers_messages_and_block_saving(app: MatworkApp) -> None:
    async with app.run_test() as pilot:
        screen = await new_routine(pilot, "Checked")
        await to_outline(pilot)
        await add(pilot, "bridge", "glute-bridge")
        await set_input(pilot, screen, "f-use-sets", "0")
        assert screen.query_one("#builder-panel").has_class("-invalid")
        problems = text(screen, "#panel-problems")
        assert "sets: expected a whole number of at least 1, found 0" in problems
        # The same lines `matwork check` prints for the file it would save, without the path.
        expected = parse_problems(screen)
        assert problems.splitlines() == expected
        assert text(screen, "#panel-problems-title") == "1 problem: cannot save"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not (test_paths().routines_dir / "checked.toml").exists()
        assert any("Cannot save" in note.message for note in app._notifications)
        # Fixed, then another mistake: an unknown breathing pattern, with a hint.
        await set_input(pilot, screen, "f-use-sets", "2")
        assert not screen.query_one("#builder-panel").has_class("-invalid")
        await set_input(pilot, screen, "f-use-breath", "clam")
        problems = text(screen, "#panel-problems")
        assert "unknown breathing pattern 'clam' (did you mean 'calm'?)" in problems
        assert problems.splitlines() == parse_problems(screen)
        line = problems.split(":")[0]
        assert screen.check.text.splitlines()[int(line) - 1] == 'breath = "clam"'
        # Not a number at all.
        await set_input(pilot, screen, "f-use-breath", "")
        await set_input(pilot, screen, "f-use-rest", "soon")
        assert "rest: expected a number" in text(screen, "#panel-problems")


def parse_problems(screen: BuilderScreen) -> list[str]:
    """What parse_routine says about the builder's text, as the builder shows it."""
    try:
        parse_routine(screen.check.text, screen.target)
    except RoutineError as error:
        return [problem_line(problem) for problem in error.problems]
    return []


# -- delete and undo ----------------------------------------------------------------------


async def test_delete_and_undo_put_things_back_in_place(app: MatworkApp) -> None:
    async with app.run_test() as pilot:
        screen = await new_routine(pilot, "Undo")
        await to_outline(pilot)
        await add(pilot, "dead bug", "dead-bug")
        await add(pilot, "bird dog", "bird-dog")
        await add(pilot, "child", "childs-pose")
        await pilot.press("up")  # bird-dog
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert ids(screen) == [["dead-bug", "childs-pose"]]
        await pilot.press("u")
        await pilot.pause()
        assert ids(screen) == [["dead-bug", "bird-dog", "childs-pose"]]
        assert screen.selection == Selection(0, 1)
        # A whole block, with ctrl+z.
        await pilot.press("home", "delete")
        await pilot.pause()
        assert screen.state.blocks == []
        assert screen.query_one("#builder-main").has_class("-empty")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert ids(screen) == [["dead-bug", "bird-dog", "childs-pose"]]
        await pilot.press("u")
        await pilot.pause()
        assert any("Nothing to undo" in note.message for note in app._notifications)


# -- saving -------------------------------------------------------------------------------


async def test_save_writes_a_file_the_loader_reads_as_the_builders_routine(
    app: MatworkApp,
) -> None:
    async with app.run_test() as pilot:
        screen = await new_routine(pilot, "Morning Back")
        await to_outline(pilot)
        await add(pilot, "bridge", "glute-bridge")
        await add(pilot, "bird dog", "bird-dog")
        state_routine = parse_routine(screen.state.to_toml(), "x.toml")
        await pilot.press("ctrl+s")
        await settle(pilot)
        target = test_paths().routines_dir / "morning-back.toml"
        assert target.is_file()
        assert load_routine(target) == state_routine == screen.check.routine
        assert target.read_text(encoding="utf-8").startswith("#:schema ")
        assert isinstance(app.screen, LibraryScreen)
        assert any("Saved morning-back.toml" in note.message for note in app._notifications)


async def test_an_existing_file_is_replaced_only_when_confirmed(app: MatworkApp) -> None:
    target = test_paths().routines_dir / "mine.toml"
    target.parent.mkdir(parents=True)
    target.write_text("#:schema x.json\nname = 'old'\n", encoding="utf-8")
    async with app.run_test() as pilot:
        screen = await new_routine(pilot, "Mine")
        await to_outline(pilot)
        await add(pilot, "bridge", "glute-bridge")
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert dialog.question == "mine.toml already exists in your routines. Replace it?"
        await pilot.press("n")
        await pilot.pause()
        assert builder(app) is screen
        assert target.read_text(encoding="utf-8") == "#:schema x.json\nname = 'old'\n"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert load_routine(target).name == "Mine"


async def test_replacing_a_commented_file_says_comments_are_lost(app: MatworkApp) -> None:
    target = test_paths().routines_dir / "core-basics-my-copy.toml"  # where C saves
    target.parent.mkdir(parents=True)
    target.write_text(ROUTINE, encoding="utf-8")
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("C")
        await pilot.pause()
        builder(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert "comments will not be kept" in dialog.question


# -- copy and edit, leaving ---------------------------------------------------------------


async def test_copy_and_edit_opens_the_builder_filled_and_saves_it_as_my_copy(
    app: MatworkApp, library_dir: Path
) -> None:
    original = load_routine(library_dir / "core-basics.toml")
    mine = msgspec.structs.replace(original, name="Core basics (my copy)")
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("C")
        await pilot.pause()
        screen = builder(app)
        assert screen.sub_title == "Copy of core-basics.toml"
        assert screen.query_one("#f-routine-name", Input).value == "Core basics (my copy)"
        assert screen.query_one("#f-routine-tags", Input).value == "core, back"
        assert screen.query_one("#f-defaults-breath", Input).value == "calm"
        assert ids(screen) == [["dead-bug", "bird-dog"], ["childs-pose"]]
        assert screen.selection == Selection(0, 0)
        assert screen.query_one("#f-use-tempo", Input).value == "3-1-3-0"
        assert screen.query_one("#f-use-sides", Select).value == "both"
        assert not screen.dirty
        await to_outline(pilot)
        await pilot.press("down")  # to bird-dog: its inline breath and list tempo
        await pilot.pause()
        assert screen.query_one("#f-use-breath", Input).value == "4-0-4-0"
        assert screen.query_one("#f-use-tempo", Input).value == "2-1-2-6"
        assert screen.query_one("#f-use-cues", Input).value == "Reach long | Hips level"
        assert not screen.dirty  # showing is not changing
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = test_paths().routines_dir / "core-basics-my-copy.toml"
        assert load_routine(saved) == mine
        assert isinstance(app.screen, LibraryScreen)


async def test_escape_asks_before_dropping_changes(app: MatworkApp) -> None:
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")  # nothing changed: straight back
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        screen = await new_routine(pilot, "Unsaved")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert builder(app) is screen
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert not test_paths().routines_dir.exists()


# -- the state, without the screen ---------------------------------------------------------


def test_field_values_convert_what_reads_and_keep_what_does_not() -> None:
    assert field_value("work", "40") == 40
    assert field_value("work", "2.5") == 2.5
    assert field_value("work", "forty") == "forty"
    assert field_value("work", " ") is None
    assert field_value("sets", "inf") == "inf"
    assert field_value("tags", "a, b,,c ") == ["a", "b", "c"]
    assert field_value("tempo", " 3-1-3-0 ") == "3-1-3-0"
    assert cues_value("one") == "one"
    assert cues_value("one | two") == ["one", "two"]
    assert cues_value(" | ") is None
    assert breath_value("calm") == "calm"
    assert breath_value("4-7-8-0") == {"inhale": 4, "hold": 7, "exhale": 8, "hold_out": 0}
    assert breath_value("4-7-8") == "4-7-8"  # three numbers: the built-in pattern's name


def test_comments_are_lines_starting_with_hash_except_the_schema_line() -> None:
    assert not has_comments('#:schema x.json\nname = "a # b"\n')
    assert has_comments("#:schema x.json\n  # note\n")


def test_state_moves_across_blocks_and_undoes_in_reverse_order() -> None:
    state = BuilderState()
    state.data["name"] = "S"
    first = state.add_exercise("dead-bug", None)
    state.add_block()
    state.add_exercise("cat-cow", Selection(1))
    assert state.move(first, -1) == first  # already at the top
    moved = state.move(first, 1)
    assert moved == Selection(1, 0)
    assert [[use["id"] for use in block.get("exercise", [])] for block in state.blocks] == [
        [],
        ["dead-bug", "cat-cow"],
    ]
    state.delete(Selection(1, 1))
    state.delete(Selection(0))
    assert state.undo() == Selection(0)
    assert state.undo() == Selection(1, 1)
    assert state.undo() is None


def test_the_empty_state_is_checked_like_a_file(tmp_path: Path) -> None:
    check = BuilderState().check(tmp_path / "routine.toml")
    assert not check.ok
    messages = [problem.message for problem in check.problems]
    assert messages == [  # both at once: a missing key does not hide a bad value
        "missing required key 'block' in the routine",
        'name: expected text in quotes with at least 1 character, found ""',
    ]


def test_picker_matching_looks_in_names_muscles_and_patterns() -> None:
    from matwork.core.catalog import builtin_catalog

    catalog = builtin_catalog()
    assert matching(catalog, "plank") == [
        "front-plank",
        "knee-plank",
        "knee-side-plank",
        "side-plank",
    ]
    assert "bird-dog" in matching(catalog, "trunk-extension")
    assert matching(catalog, "") == sorted(catalog, key=lambda key: catalog[key].name.casefold())


def test_open_reps_on_an_entry_with_a_tempo_are_written_as_tempo_none(tmp_path: Path) -> None:
    state = BuilderState()
    state.data["name"] = "Open"
    where = state.add_exercise("glute-bridge", None)
    use = state.item(where)
    entry = state.catalog()["glute-bridge"]
    assert entry.tempo is not None
    assert dosage_kind(use, entry) == "tempo"
    state.set_dosage(use, "open")
    assert use["tempo"] == "none"
    assert dosage_kind(use, entry) == "open"
    assert use_dosage(use, entry) == "10 reps, open"
    check = state.check(tmp_path / "open.toml")
    assert check.ok
    assert check.timeline is not None
    assert check.timeline.work_segments()[0].open
    state.set_dosage(use, "tempo")
    assert use["tempo"] == entry.tempo
    del use["tempo"]  # as a hand-written file has it: the catalog's tempo applies
    assert dosage_kind(use, entry) == "tempo"
    assert use_dosage(use, entry) == f"10 reps @ {entry.tempo}"
