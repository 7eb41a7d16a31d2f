"""SVG snapshots of the builder: empty, a routine with its live panel, a validation error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from matwork.config import Config, SessionSettings
from matwork.core.library import RoutineSource
from matwork.tui.app import MatworkApp, make_app
from matwork.tui.screens.builder import BuilderScreen
from matwork.tui.widgets.builder_outline import BuilderOutline

SIZE = (110, 34)

SnapCompare = Callable[..., bool]

ROUTINE = """\
name = "Core basics"
description = "Front and back of the trunk, evenly."
tags = ["core", "back"]

[defaults]
rest = 20

[[block]]
name = "Main"
rounds = 2
round_rest = 40

[[block.exercise]]
id = "dead-bug"
reps = 6
tempo = "3-1-3-0"
sides = "both"
cues = ["Low back stays heavy", "Exhale as you reach"]

[[block.exercise]]
id = "bird-dog"
reps = 5
tempo = [2, 1, 2, 6]
sides = "both"

[[block.exercise]]
id = "goblet-squat"
sets = 2
reps = 8
load = "12 kg"

[[block]]
name = "Stretch"

[[block.exercise]]
id = "childs-pose"
work = 45
"""


@pytest.fixture
def app(tmp_path: Path) -> MatworkApp:
    """The app over a folder with one routine, safety acknowledged, not polling."""
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "core-basics.toml").write_text(ROUTINE, encoding="utf-8")
    return make_app(
        config=Config(session=SessionSettings(safety_acknowledged=True)),
        sources=[RoutineSource("user", folder)],
        config_file=tmp_path / "config.toml",
        poll_seconds=0,
    )


async def open_builder(pilot: Pilot[Any], key: str) -> BuilderScreen:
    """Let the library load, open the builder with ``key``, focus the outline."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, BuilderScreen)
    # The outline has the focus: no blinking text cursor in the picture.
    screen.query_one(BuilderOutline).focus()
    await pilot.pause()
    return screen


def test_empty_builder(snap_compare: SnapCompare, app: MatworkApp) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await open_builder(pilot, "n")

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_builder_with_blocks_and_panel(snap_compare: SnapCompare, app: MatworkApp) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        screen = await open_builder(pilot, "C")
        assert screen.check.ok

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_builder_validation_error(snap_compare: SnapCompare, app: MatworkApp) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        screen = await open_builder(pilot, "C")
        await pilot.press("down")  # bird-dog
        screen.query_one("#f-use-breath", Input).focus()
        await pilot.press(*"clam")
        screen.query_one(BuilderOutline).focus()
        await pilot.pause()
        assert not screen.check.ok

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
