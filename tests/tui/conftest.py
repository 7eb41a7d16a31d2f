"""Small routine folders for the app tests, each routine defining its own exercises."""

from __future__ import annotations

from pathlib import Path

import pytest

from matwork.config import Config, SessionSettings
from matwork.core.library import RoutineSource

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


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    """A folder with three good routines."""
    return write_library(tmp_path / "lib")


@pytest.fixture
def sources(library_dir: Path) -> list[RoutineSource]:
    """The routine folder as the app's only source."""
    return [RoutineSource("user", library_dir)]


@pytest.fixture
def acknowledged() -> Config:
    """A config whose safety notice is already acknowledged."""
    return Config(session=SessionSettings(safety_acknowledged=True))
