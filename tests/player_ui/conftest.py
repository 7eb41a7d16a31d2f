"""Routines, configs and a player app on a fake clock for the player's app tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from matwork.config import Config, SessionSettings
from matwork.core.library import LibraryEntry, RoutineSource, load_entry

TINY = """
name = "Tiny session"

[defaults]
prepare = 5
rest = 10
countdown = 3

[[block]]
name = "Main"
rounds = 2
round_rest = 15

[[block.exercise]]
id = "bridge"
work = 20
breath = "calm"
cues = ["Ribs down", "Press through the heels"]

[[block.exercise]]
id = "plank"
work = 12
sides = "both"
switch = 4
load = "bodyweight"

[catalog.bridge]
name = "Glute bridge"
category = "strength"
pattern = "hip-extension"
instructions = ["Lie on your back, knees bent.", "Lift the hips until knees, hips and shoulders line up."]

[catalog.plank]
name = "Side plank"
category = "strength"
sided = true
"""
"""Segments: 0 prepare 5, 1 bridge 20 (calm breath), 2 rest 10, 3 plank left 12, 4 switch 4,
5 plank right 12, 6 round rest 15, 7-11 round 2 the same: 136 s in all."""

REPS = """
name = "Reps"

[defaults]
prepare = 0
countdown = 0

[[block]]
[[block.exercise]]
id = "curl"
reps = 3
tempo = "2-1-3-0"
breath = "tempo"
sets = 2
rest = 5

[[block.exercise]]
id = "dog"
reps = 8

[catalog.curl]
name = "Curl up"
category = "pilates"

[catalog.dog]
name = "Bird dog"
category = "pilates"
"""
"""Two sets of 3 reps at 2-1-3-0 (18 s each) with the breath on the tempo, then an open set."""


def write(folder: Path, name: str, text: str) -> LibraryEntry:
    """Write a routine file and load it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    entry = load_entry(path, "user")
    assert entry.timeline is not None, entry.error
    return entry


@pytest.fixture
def tiny(tmp_path: Path) -> LibraryEntry:
    """The tiny two-round routine."""
    return write(tmp_path / "routines", "tiny", TINY)


@pytest.fixture
def reps(tmp_path: Path) -> LibraryEntry:
    """The routine with a tempo and an open set."""
    return write(tmp_path / "routines", "reps", REPS)


@pytest.fixture
def config() -> Config:
    """Safety acknowledged, no pain question."""
    return Config(session=SessionSettings(safety_acknowledged=True, pain_question=False))


@pytest.fixture
def asking() -> Config:
    """Safety acknowledged, with the pain question."""
    return Config(session=SessionSettings(safety_acknowledged=True, pain_question=True))


@pytest.fixture
def no_routines(tmp_path: Path) -> list[RoutineSource]:
    """An empty library underneath the player."""
    return [RoutineSource("user", tmp_path / "none")]
