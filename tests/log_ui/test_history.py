"""The history screen: sessions, sets, filters, paging, and a log that cannot be read."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from textual.widgets import Button, DataTable, Input, LoadingIndicator, Static

from matwork.app.config import Config
from matwork.app.library import RoutineSource
from matwork.app.paths import Paths
from matwork.core.kinds import SessionStatus
from matwork.store.schema import SCHEMA_VERSION
from matwork.store.writer import HistoryStore
from matwork.tui.app import MatworkApp, make_app
from matwork.tui.history.filters import SessionFilter
from matwork.tui.history.screen import HistoryScreen
from matwork.tui.history.sessions_table import SessionsTable
from matwork.tui.library.later import LibraryLater
from matwork.tui.library.screen import LibraryScreen
from matwork.tui.modals.confirm import ConfirmScreen
from matwork.tui.widgets.filter_chip import FilterChip

from helpers.log_ui import (
    DAY,
    NOW,
    TZ,
    history_log,
    make_session,
    make_set,
    session_uuid,
    write_log,
)
from helpers.pilot import settle, wait_until
from helpers.store import log_path

SIZE = (150, 46)


def app_for(config: Config, sources: list[RoutineSource], **options: Any) -> MatworkApp:
    return make_app(config=config, sources=sources, poll_seconds=0, **options)


def history(app: MatworkApp) -> HistoryScreen:
    screen = app.screen
    assert isinstance(screen, HistoryScreen)
    return screen


def table(app: MatworkApp, which: str = "#sessions") -> DataTable[Any]:
    found: DataTable[Any] = history(app).query_one(which, DataTable)
    return found


def routines_listed(app: MatworkApp) -> list[str]:
    sessions = table(app)
    return [str(sessions.get_row_at(index)[1]) for index in range(sessions.row_count)]


def status_text(app: MatworkApp) -> str:
    return str(history(app).query_one("#history-status", Static).content)


async def open_history(pilot: Any, app: MatworkApp, **options: Any) -> HistoryScreen:
    app.push_screen(HistoryScreen(log_path(), now=NOW, tz=TZ, **options))
    await settle(pilot)
    return history(app)


def small_log() -> list[Any]:
    """Five sessions, newest first: numbers 0-4, one a day."""
    routines = ["Desk reset", "Core basics", "Back strength", "Core basics", "Breathe"]
    statuses = ["completed", "stopped", "completed", "interrupted", "completed"]
    details = []
    for number, (routine, status) in enumerate(zip(routines, statuses, strict=True)):
        start = NOW - 7200 - number * DAY
        details.append(
            make_session(
                number,
                started_at=start,
                routine=routine,
                status=status,
                planned=1200.0,
                active=1200.0 if status == "completed" else 600.0,
                rpe=5 + number,
                pain_before=3 if number == 1 else None,
                pain_after=1 if number == 1 else None,
                sets=[
                    make_set(segment, f"Move {number}.{segment}", started_at=start)
                    for segment in range(number + 1)
                ],
            )
        )
    return details


async def test_lists_sessions_newest_first(
    isolated_dirs: dict[str, Path], acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    write_log(isolated_dirs["data"], small_log())
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot, app)
        assert routines_listed(app) == [
            "Desk reset",
            "Core basics",
            "Back strength",
            "Core basics",
            "Breathe",
        ]
        second = [str(cell) for cell in table(app).get_row_at(1)]
        assert second == [
            "Wed 2026-03-04 16:00",
            "Core basics",
            "stopped",
            "10:00",
            "50%",
            "3→1",
            "6",
        ]
        assert status_text(app) == "5 sessions · 5 in the log"
        # the first session's sets are shown without moving
        assert table(app, "#sets").row_count == 1


async def test_selecting_a_session_shows_its_sets(
    isolated_dirs: dict[str, Path], acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    write_log(isolated_dirs["data"], small_log())
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot, app)
        await pilot.press("down", "down", "down")
        await settle(pilot)
        sets = table(app, "#sets")
        assert sets.row_count == 4
        assert [str(sets.get_row_at(index)[1]) for index in range(4)] == [
            "Move 3.0",
            "Move 3.1",
            "Move 3.2",
            "Move 3.3",
        ]
        title = str(history(app).query_one("#sets-title", Static).content)
        assert title.startswith("Core basics · Mon 2026-03-02 16:00 · 4 sets done, 0 skipped")


async def test_filters_narrow_the_table(
    isolated_dirs: dict[str, Path], acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    write_log(isolated_dirs["data"], small_log())
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot, app)
        await pilot.press("slash", *"CORE")
        await settle(pilot)
        assert routines_listed(app) == ["Core basics", "Core basics"]
        assert status_text(app) == "2 sessions match · 5 in the log"

        await pilot.press("enter")  # back to the table, where s and d cycle the chips
        await pilot.press("s", "s", "s")
        await settle(pilot)
        assert str(screen.query_one("#chip-status", FilterChip).render()) == "status: interrupted"
        assert [str(table(app).get_row_at(0)[2])] == ["interrupted"]
        assert table(app).row_count == 1

        screen.query_one("#filter-routine", Input).value = ""
        await pilot.press("s", "s")  # running, then back to any
        await pilot.press("d")  # the last 7 days
        await settle(pilot)
        assert screen.filter == SessionFilter(since_days=7)
        assert table(app).row_count == 5
        await pilot.press(*"dddd")  # all time again
        screen.query_one("#filter-routine", Input).value = "no such routine"
        await settle(pilot)
        assert table(app).row_count == 0
        assert screen.query_one("#history-status").has_class("-no-rows")
        assert status_text(app) == "No session matches the filters."

        screen.query_one("#filter-routine", Input).focus()
        await pilot.press("escape")  # from the filter back to the table
        assert table(app).has_focus
        await pilot.press("escape")  # and back to the library
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_since_filter_drops_older_sessions(
    isolated_dirs: dict[str, Path], acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    write_log(isolated_dirs["data"], history_log(40, every=DAY))
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot, app)
        await pilot.press("d")
        await settle(pilot)
        sessions = table(app)
        assert 0 < sessions.row_count < 10
        starts = [str(sessions.get_row_at(index)[0]) for index in range(sessions.row_count)]
        assert all(start >= "2026-02-26" for start in (text[4:] for text in starts))


def test_session_filter_matches_words_and_status() -> None:
    record = make_session(1, started_at=NOW, routine="Core Basics", status="stopped").session
    assert SessionFilter().matches(record)
    assert SessionFilter(routine="basics core").matches(record)
    assert not SessionFilter(routine="desk").matches(record)
    assert SessionFilter(status=SessionStatus.STOPPED).matches(record)
    assert not SessionFilter(status=SessionStatus.COMPLETED).matches(record)
    assert SessionFilter(since_days=7).since(NOW) == NOW - 7 * DAY
    assert SessionFilter().since(NOW) is None
    assert not SessionFilter().active
    assert SessionFilter(status=SessionStatus.STOPPED).active


async def test_paging_loads_more_at_the_end(
    isolated_dirs: dict[str, Path], acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    write_log(isolated_dirs["data"], history_log(250, every=DAY / 3, sets=1))
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot, app)
        sessions = table(app)
        assert sessions.row_count == 100
        assert status_text(app) == "100 sessions · 250 in the log · more below"
        await pilot.press("end")
        await settle(pilot)
        assert sessions.row_count == 200
        await pilot.press("end")
        await settle(pilot)
        assert sessions.row_count == 250
        assert status_text(app) == "250 sessions · 250 in the log"
        keys = [sessions.coordinate_to_cell_key((row, 0)).row_key.value for row in range(250)]
        assert sorted(keys) == sorted(session_uuid(number) for number in range(250))
        starts = [str(sessions.get_row_at(row)[0])[4:] for row in range(250)]
        assert starts == sorted(starts, reverse=True)  # newest first across the pages


async def test_scrolling_to_the_end_loads_more(
    isolated_dirs: dict[str, Path], acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    write_log(isolated_dirs["data"], history_log(250, every=DAY / 3, sets=1))
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot, app)
        sessions = table(app)
        assert sessions.row_count == 100
        sessions.scroll_end(animate=False)
        await wait_until(pilot, lambda: sessions.row_count == 200)
        assert sessions.cursor_row == 0  # the cursor stays where it was


async def test_a_filter_that_matches_rarely_reads_on_until_a_page_is_full(
    isolated_dirs: dict[str, Path], acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    write_log(isolated_dirs["data"], history_log(250, every=DAY / 3, sets=1))
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot, app)
        screen.query_one("#filter-routine", Input).value = "breathe"
        await settle(pilot)
        assert routines_listed(app) == ["Breathe"] * 50


async def test_empty_log(acknowledged: Config, no_routines: list[RoutineSource]) -> None:
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot, app)
        assert screen.query_one("#history-status").has_class("-empty")
        assert table(app).row_count == 0
        assert status_text(app).startswith("No sessions logged yet.")
    assert not (Path(os.environ["MATWORK_DATA_DIR"]) / "history.sqlite3").exists()


async def test_charts_are_drawn(
    isolated_dirs: dict[str, Path], acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    write_log(isolated_dirs["data"], small_log())
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot, app)
        weeks = str(screen.query_one("#chart-weeks", Static).content)
        assert weeks.split("\n")[-1].split()[-1] == "10"  # this ISO week last
        heatmap = screen.query_one("#chart-heatmap", Static)
        assert "▪" in str(heatmap.content)
        assert heatmap.border_subtitle is not None
        assert heatmap.border_subtitle.startswith("4 sessions · 70 min")
        assert "●" in str(screen.query_one("#chart-pain", Static).content)
        assert "pilates" in str(screen.query_one("#chart-categories", Static).content)
        await pilot.press("c")  # 150 columns: beside the tables, and c hides them
        assert screen.has_class("-flip-charts")
        assert not screen.query_one("#charts").display


async def test_narrower_the_charts_give_the_tables_the_room_and_c_shows_them_instead(
    isolated_dirs: dict[str, Path], acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    write_log(isolated_dirs["data"], small_log())
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_history(pilot, app)
        charts, left = screen.query_one("#charts"), screen.query_one("#history-left")
        assert not charts.display
        assert screen.query_one("#sessions").size.width >= 78  # every column shows
        await pilot.press("c")
        await pilot.pause()
        assert charts.display
        assert not left.display
        assert charts.size.width > 100
        assert app.focused is charts  # arrows scroll them
        await pilot.press("c")
        await pilot.pause()
        assert not charts.display
        assert left.display
        assert app.focused is screen.query_one("#sessions")


def damage(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "history.sqlite3"
    path.write_bytes(b"\x00garbage, not SQLite\x00" * 200)
    return path


async def test_a_corrupt_log_is_explained_and_moved_aside(
    isolated_dirs: dict[str, Path], acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    path = damage(isolated_dirs["data"])
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot, app)
        assert screen.has_class("-failed")
        assert screen.has_class("-corrupt")
        assert not screen.query_one("#history-body").display
        assert screen.query_one("#move-aside", Button).display
        title = str(screen.query_one("#problem-title", Static).content)
        assert title == "The session log is damaged"
        assert "not a readable SQLite database" in str(
            screen.query_one("#problem-text", Static).content
        )
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        assert not screen.has_class("-failed")
        assert screen.query_one("#history-status").has_class("-empty")
    moved = list(path.parent.glob("history.sqlite3.corrupt-*"))
    assert len(moved) == 1
    assert moved[0].read_bytes().startswith(b"\x00garbage")
    assert not path.exists()


async def test_a_foreign_file_is_explained_and_left_alone(
    isolated_dirs: dict[str, Path], acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    isolated_dirs["data"].mkdir(parents=True)
    path = isolated_dirs["data"] / "history.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot, app)
        assert screen.has_class("-failed")
        assert not screen.has_class("-corrupt")
        assert not screen.query_one("#move-aside", Button).display
        assert "not a matwork session log" in str(screen.query_one("#problem-text", Static).content)
        await pilot.press("m")
        await pilot.pause()
        assert app.screen is screen
    assert path.exists()


async def test_a_newer_log_says_to_upgrade(
    isolated_dirs: dict[str, Path], acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    path = write_log(isolated_dirs["data"], small_log())
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot, app)
        assert screen.has_class("-failed")
        assert "newer matwork" in str(screen.query_one("#problem-title", Static).content)
        assert "upgrade matwork" in str(screen.query_one("#problem-text", Static).content)


async def test_a_given_store_is_used_and_left_open(
    tmp_path: Path, acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    path = write_log(tmp_path / "elsewhere", small_log())
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        with HistoryStore(path) as store:
            app.push_screen(HistoryScreen(store, now=NOW, tz=TZ))
            await settle(pilot)
            assert table(app).row_count == 5
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, LibraryScreen)
            assert store.count_sessions() == 5  # still open


async def test_h_opens_the_history_from_the_library_only(
    isolated_dirs: dict[str, Path], acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    write_log(isolated_dirs["data"], small_log())
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await settle(pilot)
        assert table(app).row_count == 5
        await pilot.press("h")  # not a second history on top
        await pilot.pause()
        assert len(app.screen_stack) == 2
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_palette_has_a_history_command(
    acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        commands = {command.title: command for command in app.get_system_commands(app.screen)}
        assert "History" in commands
        commands["History"].callback()
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)


async def test_app_can_open_on_the_history(
    isolated_dirs: dict[str, Path], acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    write_log(isolated_dirs["data"], small_log())
    app = app_for(acknowledged, no_routines, start_screen="history")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert table(app).row_count == 5
        assert isinstance(app.screen_stack[0], LibraryLater)  # built on the way back
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert len(app.screen_stack) == 1
        await pilot.press("h")  # the library works as ever: History again, and back
        await settle(pilot)
        assert table(app).row_count == 5
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_reading_a_page_never_covers_the_table(
    isolated_dirs: dict[str, Path], acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    # Widget.loading would lay Textual's loading indicator over the rows (and cost a
    # mount and a prune per page); the status line says that a page is being read.
    write_log(isolated_dirs["data"], small_log())
    app = app_for(acknowledged, no_routines, start_screen="history")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sessions = history(app).query_one(SessionsTable)
        store = history(app).store
        assert store is not None
        sessions.fill(store, SessionFilter(), None)
        assert sessions.reading
        assert not sessions.loading
        await settle(pilot)
        assert not sessions.reading
        assert not app.screen.query(LoadingIndicator)
        assert sessions.row_count == 5


def test_history_command_opens_the_app_on_the_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matwork.cli.history_cmd import history as history_command

    seen: list[tuple[str, Path]] = []
    environment_before = dict(os.environ)

    def fake_run_app(*, paths: Paths, start_screen: str = "library") -> int:
        seen.append((start_screen, paths.data_dir))
        return 0

    monkeypatch.setattr("matwork.tui.app.run_app", fake_run_app)
    result = CliRunner().invoke(history_command, ["--data-dir", str(tmp_path / "logs")])
    assert result.exit_code == 0, result.output
    assert seen == [("history", (tmp_path / "logs").resolve())]
    assert dict(os.environ) == environment_before  # the folder is passed, not set
