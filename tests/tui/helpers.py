"""Helpers for driving the library in app tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from matwork.tui.screens.library import LibraryScreen


async def settle(pilot: Pilot[Any]) -> None:
    """Let the scan worker finish and its messages be handled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def wait_for(pilot: Pilot[Any], condition: Callable[[], bool], seconds: float = 5) -> None:
    """Pause until ``condition()`` holds, failing after ``seconds``."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition(), "condition not met in time"


def library(app: App[Any]) -> LibraryScreen:
    """The library screen (the app's bottom screen)."""
    screen = app.screen_stack[0]
    assert isinstance(screen, LibraryScreen)
    return screen


def listed(app: App[Any]) -> list[str]:
    """Names of the routines in the list, top to bottom."""
    return [entry.name for entry in library(app).listed]


def option_texts(app: App[Any], list_id: str) -> list[str]:
    """The plain text of each option of one of the library's lists."""
    options = library(app).query_one(f"#{list_id}", OptionList)
    return [str(option.prompt) for option in options.options]


def text_of(app: App[Any], selector: str) -> str:
    """The plain text of a Static on the library screen."""
    return str(library(app).query_one(selector, Static).content)
