"""Helpers for driving the library in app tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App
from textual.widgets import OptionList, Static

from matwork.tui.library.screen import LibraryScreen


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


CATALOG = """
[catalog.curl-up]
name = "Curl up"
category = "pilates"
pattern = "trunk-flexion"
muscles = ["rectus-abdominis"]

[catalog.back-raise]
name = "Back raise"
category = "strength"
pattern = "trunk-extension"
muscles = ["erector-spinae", "glute-max"]

[catalog.hip-stretch]
name = "Hip flexor stretch"
category = "mobility"
pattern = "stretch"
muscles = ["hip-flexors"]
sided = true
"""


def routine_text(
    name: str,
    *,
    description: str = "",
    tags: tuple[str, ...] = (),
    work: int = 30,
    rounds: int = 1,
    exercises: tuple[str, ...] = ("curl-up", "back-raise"),
) -> str:
    """A valid routine: one block of the given exercises, ``work`` seconds each."""
    tag_list = ", ".join(f'"{tag}"' for tag in tags)
    uses = "".join(
        f'\n[[block.exercise]]\nid = "{exercise}"\nwork = {work}\n'
        + ('sides = "both"\n' if exercise == "hip-stretch" else "")
        for exercise in exercises
    )
    return (
        f'name = "{name}"\ndescription = "{description}"\ntags = [{tag_list}]\n\n'
        f"[defaults]\nprepare = 10\nrest = 15\nround_rest = 30\n"
        f'{CATALOG}\n[[block]]\nname = "Main"\nrounds = {rounds}\n{uses}'
    )


BROKEN_TEXT = 'name = "Oops"\n\n[[block]]\n[[block.exercise]]\nid = "curl-up"\nwrok = 30\n'
"""A routine with an unknown key (and an unknown exercise id) in it."""


def write_library(folder: Path) -> Path:
    """Three good routines of different lengths and tags."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "desk-break.toml").write_text(
        routine_text(
            "Desk break",
            description="A short break from the chair.",
            tags=("desk", "quick"),
            work=30,
            exercises=("hip-stretch", "back-raise"),
        ),
        encoding="utf-8",
    )
    (folder / "core-basics.toml").write_text(
        routine_text(
            "Core basics",
            description="Front and back of the trunk, evenly.",
            tags=("core",),
            work=60,
            rounds=5,
        ),
        encoding="utf-8",
    )
    (folder / "long-session.toml").write_text(
        routine_text(
            "Long session",
            description="Everything, many rounds.",
            tags=("core", "long"),
            work=120,
            rounds=12,
            exercises=("curl-up", "back-raise", "hip-stretch"),
        ),
        encoding="utf-8",
    )
    return folder
