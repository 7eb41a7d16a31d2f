"""The app shell: safety notice on the first start only, key map, palette, start."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from textual.message import Message

from matwork.app.config import Config, SessionSettings
from matwork.app.config_write import save_config_value
from matwork.app.library import RoutineSource
from matwork.tui.app import make_app
from matwork.tui.library.screen import LibraryScreen
from matwork.tui.modals.confirm import ConfirmScreen
from matwork.tui.modals.safety import SafetyScreen

from helpers.paths import test_paths
from helpers.pilot import settle
from helpers.tui import library, listed


async def test_safety_notice_on_first_start_only(sources: list[RoutineSource]) -> None:
    config_file = test_paths().config_file
    config_file.parent.mkdir(parents=True)
    config_file.write_text(
        '[session]\npain_question = false\n\n[keys]\nquit = "ctrl+x"\n', encoding="utf-8"
    )

    app = make_app(sources=sources)
    async with app.run_test() as pilot:
        assert isinstance(app.screen, SafetyScreen)
        await pilot.click("#acknowledge")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.config.session.safety_acknowledged

    saved = tomllib.loads(config_file.read_text(encoding="utf-8"))
    assert saved == {
        "session": {"pain_question": False, "safety_acknowledged": True},
        "keys": {"quit": "ctrl+x"},
    }

    again = make_app(sources=sources)
    async with again.run_test() as pilot:
        await pilot.pause()
        assert isinstance(again.screen, LibraryScreen)
        assert not again.config.session.pain_question


async def test_safety_notice_creates_the_config_dir(sources: list[RoutineSource]) -> None:
    assert not test_paths().config_dir.exists()
    app = make_app(sources=sources)
    async with app.run_test() as pilot:
        await pilot.press("enter")  # the acknowledge button has the focus
        await pilot.pause()
    saved = tomllib.loads(test_paths().config_file.read_text(encoding="utf-8"))
    assert saved == {"session": {"safety_acknowledged": True}}


async def test_declining_the_safety_notice_quits_without_saving(
    sources: list[RoutineSource],
) -> None:
    app = make_app(sources=sources)
    async with app.run_test() as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code == 0
    assert not test_paths().config_file.exists()


def test_save_config_value_keeps_other_tables(tmp_path: Path) -> None:
    file = tmp_path / "deep" / "config.toml"
    save_config_value(file, "session", "safety_acknowledged", True)
    save_config_value(file, "audio", "volume", 0.5)
    assert tomllib.loads(file.read_text(encoding="utf-8")) == {
        "session": {"safety_acknowledged": True},
        "audio": {"volume": 0.5},
    }
    assert list(file.parent.iterdir()) == [file]


async def test_keys_from_config_remap_bindings(sources: list[RoutineSource]) -> None:
    config = Config(session=SessionSettings(safety_acknowledged=True), keys={"filter_length": "x"})
    app = make_app(config=config, sources=sources, poll_seconds=0)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("l")  # no longer bound
        await pilot.pause()
        assert len(listed(app)) == 3
        await pilot.press("x")
        await pilot.pause()
        assert listed(app) == ["Desk break"]


async def test_command_palette_reaches_the_screens(
    sources: list[RoutineSource], acknowledged: Config
) -> None:
    app = make_app(config=acknowledged, sources=sources, poll_seconds=0)
    async with app.run_test() as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Library", "Safety notice", "Reload routines"} <= set(titles)
        app.action_safety()
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        await pilot.press("escape")  # closing the notice read again does not quit
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, LibraryScreen)
        app.action_safety()
        await pilot.pause()
        app.action_library()
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_enter_posts_start_for_the_highlighted_routine(
    sources: list[RoutineSource], acknowledged: Config
) -> None:
    seen: list[Message] = []
    app = make_app(config=acknowledged, sources=sources, poll_seconds=0)
    async with app.run_test(message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
    # The hook sees a message once per node it reaches (the screen, then the app).
    starts = {id(message): message for message in seen if isinstance(message, LibraryScreen.Start)}
    assert [message.entry.name for message in starts.values()] == ["Desk break"]


async def test_confirm_dialog_answers_through_dismiss(
    sources: list[RoutineSource], acknowledged: Config
) -> None:
    answers: list[bool | None] = []
    app = make_app(config=acknowledged, sources=sources, poll_seconds=0)
    async with app.run_test() as pilot:
        app.push_screen(ConfirmScreen("Stop the session?"), answers.append)
        await pilot.pause()
        await pilot.press("y")
        app.push_screen(ConfirmScreen("Stop the session?"), answers.append)
        await pilot.pause()
        await pilot.press("enter")  # "No" has the focus
        app.push_screen(ConfirmScreen("Stop the session?"), answers.append)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert library(app) is app.screen
    assert answers == [True, False, False]


def test_importing_the_app_does_no_work(tmp_path: Path) -> None:
    env = {**os.environ, "MATWORK_CONFIG_DIR": str(tmp_path / "c")}
    env["MATWORK_DATA_DIR"] = str(tmp_path / "d")
    env["MATWORK_CACHE_DIR"] = str(tmp_path / "x")
    code = "import matwork.tui.app, matwork.tui.library.screen"
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    assert list(tmp_path.iterdir()) == []
