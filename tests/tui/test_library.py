"""The library screen: loading, search, filters, preview, broken files, reload, copies."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pytest
from textual.widgets import Input

from matwork.app.config import Config
from matwork.app.library import LibraryEntry, RoutineSource, load_entry
from matwork.tui.app import make_app
from matwork.tui.library.preview import RoutinePreview
from matwork.tui.library.screen import (
    LibraryFilter,
    LibraryScreen,
    copy_name,
    relocated,
    renamed,
)
from matwork.tui.modals.confirm import ConfirmScreen

from helpers.paths import test_paths
from helpers.pilot import settle, wait_until
from helpers.tui import BROKEN_TEXT, library, listed, option_texts, routine_text, text_of


async def test_lists_every_routine_in_source_order(
    sources: list[RoutineSource], acknowledged: Config
) -> None:
    app = make_app(config=acknowledged, sources=sources, poll_seconds=0)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert listed(app) == ["Core basics", "Desk break", "Long session"]
        assert option_texts(app, "routines")[0] == "Core basics\n13 min · core · user"


async def test_search_filters_by_name_tag_and_exercise(
    sources: list[RoutineSource], acknowledged: Config
) -> None:
    app = make_app(config=acknowledged, sources=sources, poll_seconds=0)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("slash", *"desk")
        await pilot.pause()
        assert listed(app) == ["Desk break"]
        await pilot.press(*["backspace"] * 4, *"hip flexor")  # an exercise name
        await pilot.pause()
        assert listed(app) == ["Desk break", "Long session"]
        await pilot.press(*["backspace"] * 10, *"nothing like this")
        await pilot.pause()
        assert listed(app) == []
        assert "No routine matches" in text_of(app, "#list-note")
        await pilot.press("escape", "escape")  # back to the list, then clear the search
        await pilot.pause()
        assert len(listed(app)) == 3


async def test_filter_chips_narrow_the_list(
    sources: list[RoutineSource], acknowledged: Config
) -> None:
    app = make_app(config=acknowledged, sources=sources, poll_seconds=0)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("l")  # length: ≤10 min
        await pilot.pause()
        assert listed(app) == ["Desk break"]
        assert library(app).query_one("#chip-length").has_class("-active")
        await pilot.press("l")  # 10-20 min
        await pilot.pause()
        assert listed(app) == ["Core basics"]
        await pilot.press("l", "l", "l")  # 20-40, >40, any
        await pilot.pause()
        assert len(listed(app)) == 3
        await pilot.press("t")  # tags, sorted: core first
        await pilot.pause()
        assert listed(app) == ["Core basics", "Long session"]
        await pilot.press("c")  # categories, sorted: mobility first
        await pilot.pause()
        assert listed(app) == ["Long session"]


@pytest.mark.parametrize(
    ("chosen", "names"),
    [
        (LibraryFilter(text="QUICK chair"), ["Desk break"]),
        (LibraryFilter(text="back-raise"), ["Core basics", "Desk break", "Long session"]),
        (LibraryFilter(category="pilates"), ["Core basics", "Long session"]),
        (LibraryFilter(length=">40 min"), ["Long session"]),
        (LibraryFilter(tag="core", length="10-20 min"), ["Core basics"]),
    ],
)
def test_library_filter(library_dir: Path, chosen: LibraryFilter, names: list[str]) -> None:
    entries = [load_entry(path, "user") for path in sorted(library_dir.glob("*.toml"))]
    assert [entry.name for entry in entries if chosen.matches(entry)] == names


async def test_preview_shows_the_highlighted_routine(
    sources: list[RoutineSource], acknowledged: Config
) -> None:
    app = make_app(config=acknowledged, sources=sources, poll_seconds=0)
    async with app.run_test() as pilot:
        await settle(pilot)
        head = text_of(app, "#preview-head")
        assert "Core basics" in head
        assert "Total 13:25" in head
        assert text_of(app, "#preview-outline").splitlines() == [
            "Main  × 5 rounds",
            "  Curl up     60 s",
            "  Back raise  60 s",
        ]
        assert "rectus abdominis" in text_of(app, "#preview-muscles")
        balance = library(app).query_one("#preview-balance")
        assert not balance.has_class("-lopsided")

        await pilot.press("down")
        await pilot.pause()
        assert "Total 2:00" in text_of(app, "#preview-head")
        outline = text_of(app, "#preview-outline")
        assert "Hip flexor stretch  30 s per side" in outline
        assert balance.has_class("-lopsided")  # back raise only


async def test_broken_files_are_listed_apart_with_their_error(
    library_dir: Path, sources: list[RoutineSource], acknowledged: Config
) -> None:
    (library_dir / "broken.toml").write_text(BROKEN_TEXT, encoding="utf-8")
    app = make_app(config=acknowledged, sources=sources, poll_seconds=0)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert listed(app) == ["Core basics", "Desk break", "Long session"]
        assert library(app).has_class("-has-broken")
        assert option_texts(app, "broken") == ["broken.toml\n6:1: unknown key 'wrok'"]
        library(app).query_one("#broken").focus()
        preview = library(app).query_one(RoutinePreview)
        await wait_until(pilot, lambda: preview.has_class("-broken"))  # the preview follows
        assert "line 6, column 1: unknown key 'wrok'" in text_of(app, "#preview-outline")


async def test_the_list_fills_as_entries_arrive(
    library_dir: Path, tmp_path: Path, acknowledged: Config
) -> None:
    # The scan worker posts EntriesLoaded batches; each shows up as it comes.
    empty = [RoutineSource("user", tmp_path / "empty")]
    app = make_app(config=acknowledged, sources=empty, poll_seconds=0)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert text_of(app, "#list-note") == "No routines found."
        screen = library(app)
        for count, stem in enumerate(["desk-break", "core-basics"], start=1):
            entry = load_entry(library_dir / f"{stem}.toml", "user")
            screen.post_message(screen.EntriesLoaded([(entry, (0, f"{stem}.toml"))]))
            await pilot.pause()
            assert len(listed(app)) == count
            assert len(option_texts(app, "routines")) == count
        assert listed(app) == ["Core basics", "Desk break"]
        assert option_texts(app, "routines") == [
            "Core basics\n13 min · core · user",
            "Desk break\n2 min · desk, quick · user",
        ]
        assert text_of(app, "#list-note") == ""
        screen.post_message(screen.EntriesRemoved([library_dir / "desk-break.toml"]))
        await pilot.pause()
        assert option_texts(app, "routines") == ["Core basics\n13 min · core · user"]


async def test_the_footer_shows_new_copy_and_history(
    sources: list[RoutineSource], acknowledged: Config
) -> None:
    app = make_app(config=acknowledged, sources=sources, poll_seconds=0)
    async with app.run_test() as pilot:
        await settle(pilot)
        shown = {
            key: active.binding.description
            for key, active in app.active_bindings.items()
            if active.binding.show
        }
        assert {"n": "New", "C": "Copy", "h": "History", "q": "Quit"}.items() <= shown.items()
        await pilot.press("slash", "h")  # in the search box h is a letter
        await pilot.pause()
        assert library(app).query_one("#search", Input).value == "h"
        assert app.screen is library(app)


async def test_reloads_when_a_routine_file_changes(
    library_dir: Path, sources: list[RoutineSource], acknowledged: Config
) -> None:
    app = make_app(config=acknowledged, sources=sources, poll_seconds=0.05)
    async with app.run_test() as pilot:
        await settle(pilot)
        (library_dir / "new").mkdir()
        (library_dir / "new" / "evening.toml").write_text(
            routine_text("Evening unwind", tags=("evening",)), encoding="utf-8"
        )
        await wait_until(pilot, lambda: "Evening unwind" in listed(app))

        (library_dir / "desk-break.toml").write_text(
            routine_text("Desk break, longer", work=45), encoding="utf-8"
        )
        await wait_until(pilot, lambda: "Desk break, longer" in listed(app))

        (library_dir / "core-basics.toml").unlink()
        await wait_until(pilot, lambda: "Core basics" not in listed(app))

        (library_dir / "long-session.toml").write_text(BROKEN_TEXT, encoding="utf-8")
        await wait_until(pilot, lambda: bool(library(app).broken))
        assert listed(app) == ["Desk break, longer", "Evening unwind"]


async def test_duplicate_copies_into_the_user_folder(
    library_dir: Path, acknowledged: Config
) -> None:
    sources = [
        RoutineSource("shipped", library_dir),
        RoutineSource("user", test_paths().routines_dir),
    ]
    app = make_app(config=acknowledged, sources=sources, poll_seconds=0)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("d")  # Core basics is highlighted
        await wait_until(pilot, lambda: "Core basics (copy)" in listed(app))
        copy = test_paths().routines_dir / "core-basics-copy.toml"
        assert load_entry(copy).name == "Core basics (copy)"
        highlighted = library(app).highlighted_entry()
        assert highlighted is not None
        assert highlighted.path == copy


async def test_edit_copies_a_shipped_routine_first_under_a_name_of_its_own(
    library_dir: Path, acknowledged: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "true")
    sources = [
        RoutineSource("shipped", library_dir),
        RoutineSource("user", test_paths().routines_dir),
    ]
    app = make_app(config=acknowledged, sources=sources, poll_seconds=0)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("e")
        await wait_until(pilot, lambda: "Core basics (my copy)" in listed(app))
        assert listed(app).count("Core basics") == 1
    copy = test_paths().routines_dir / "core-basics-my-copy.toml"
    original = (library_dir / "core-basics.toml").read_text(encoding="utf-8")
    assert copy.read_text(encoding="utf-8") == renamed(original, "Core basics (my copy)")
    assert load_entry(copy).name == "Core basics (my copy)"


def test_copy_name_and_renamed(tmp_path: Path) -> None:
    assert copy_name(tmp_path, "a") == tmp_path / "a-copy.toml"
    (tmp_path / "a-copy.toml").touch()
    assert copy_name(tmp_path, "a") == tmp_path / "a-copy-2.toml"
    text = 'name = "Old"\n\n[[block]]\nname = "Block"\n'
    assert renamed(text, 'New "one"') == 'name = "New \\"one\\""\n\n[[block]]\nname = "Block"\n'
    assert renamed("[[block]]\nname = 'x'\n", "y") == "[[block]]\nname = 'x'\n"


def test_entry_type_is_the_core_one() -> None:
    # The screen works on core's LibraryEntry; nothing UI-specific leaks into it.
    assert LibraryEntry.__module__ == "matwork.app.library"


async def test_polling_pauses_under_another_screen(
    library_dir: Path, sources: list[RoutineSource], acknowledged: Config
) -> None:
    app = make_app(config=acknowledged, sources=sources, poll_seconds=0.05)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert library(app).polling
        app.push_screen(ConfirmScreen("Stop the session?"))
        await pilot.pause()
        assert not library(app).polling
        (library_dir / "later.toml").write_text(routine_text("Later"), encoding="utf-8")
        await settle(pilot)
        assert "Later" not in listed(app)
        app.pop_screen()
        await pilot.pause()
        assert library(app).polling
        await wait_until(pilot, lambda: "Later" in listed(app))


def test_relocated_makes_the_schema_path_absolute(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    schema = tmp_path / "schema" / "routine.schema.json"
    schema.write_text("{}", encoding="utf-8")
    origin = tmp_path / "routines" / "a.toml"
    text = '#:schema ../schema/routine.schema.json\nname = "A"\n'
    assert relocated(text, origin) == f'#:schema {schema}\nname = "A"\n'
    missing = '#:schema ../nowhere.json\nname = "A"\n'
    assert relocated(missing, origin) == missing
    assert relocated('name = "A"\n', origin) == 'name = "A"\n'


@pytest.mark.parametrize("start", ["library", "history"])
async def test_the_library_is_styled_whether_its_stylesheet_came_first_or_later(
    sources: list[RoutineSource], acknowledged: Config, start: Literal["library", "history"]
) -> None:
    """A start on the library parses library.tcss with the app's; a start on the History
    leaves it out, and Textual reads it when the library mode is first shown."""
    app = make_app(config=acknowledged, sources=sources, poll_seconds=0, start_screen=start)
    names = {path.name for path in app.css_path}
    assert ("library.tcss" in names) == (start == "library")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        if start == "history":
            await pilot.press("escape")  # leave the History: the library is built now
            await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))
            await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert screen.query_one("#library-side").outer_size.width == 48
        assert screen.query_one(RoutinePreview).styles.padding.left == 2
