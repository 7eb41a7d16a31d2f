"""User text is text: names, descriptions, block names, notes with Rich markup in them are
shown as written by every command and screen that shows them, never parsed (issue 10.5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import OptionList, Static

from matwork.app.config import Config, SessionSettings
from matwork.app.library import RoutineSource
from matwork.cli import main as cli_main
from matwork.tui.app import make_app

from helpers.pilot import settle, wait_until

NAME = "[/]Morning [bold red]x"
"""A closing tag with nothing to close: Rich raises MarkupError if it parses it."""
DESCRIPTION = "Week 1 [easy] [link=http://example.org]y[/link]"
BLOCK = "[b]Main[/b] [easy]"
EXERCISE = "Curl [red]up[/red]"

ROUTINE = f"""
name = "{NAME}"
description = "{DESCRIPTION}"
tags = ["[i]tag"]

[[block]]
name = "{BLOCK}"

[[block.exercise]]
id = "curl"
work = 2

[catalog.curl]
name = "{EXERCISE}"
category = "strength"
"""


@pytest.fixture
def routine(tmp_path: Path) -> Path:
    """The routine with markup in every text, in a folder of its own."""
    folder = tmp_path / "routines"
    folder.mkdir()
    path = folder / "markup.toml"
    path.write_text(ROUTINE, encoding="utf-8")
    return path


def _run(*arguments: str) -> str:
    done = CliRunner().invoke(cli_main, list(arguments), env={"COLUMNS": "250"})
    assert done.exception is None or isinstance(done.exception, SystemExit), done.output
    assert done.exit_code == 0, done.output
    return done.output


def test_plan_shows_the_names_as_written(routine: Path) -> None:
    shown = _run("plan", str(routine))
    assert NAME in shown
    assert EXERCISE in shown


def test_a_logged_session_reads_back_as_written(routine: Path) -> None:
    _run("play", str(routine), "--plain", "--no-sound", "--speed", "1000", "--log")
    listed = _run("log")
    assert "[/]Morning" in listed  # the routine column may wrap the rest of the name
    shown = _run("show", "1")
    assert NAME in shown
    assert EXERCISE in shown
    assert "[/]Morning" in _run("export", "--format", "csv")
    _run("stats")


async def test_the_library_and_its_preview_show_the_names_as_written(routine: Path) -> None:
    config = Config(session=SessionSettings(safety_acknowledged=True))
    app = make_app(config=config, sources=[RoutineSource("user", routine.parent)], poll_seconds=0)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: bool(app.screen.query(OptionList)))
        await settle(pilot)
        texts = [str(static.render()) for static in app.screen.query(Static)]
        options = app.screen.query_one("#routines", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        everything = "\n".join([*texts, *prompts])
        assert NAME in everything
        assert DESCRIPTION in everything
        assert BLOCK in everything
        assert EXERCISE in everything
