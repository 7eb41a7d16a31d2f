"""Routines, configs and a player app on a fake clock for the player's app tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from matwork.app.config import Config, SessionSettings
from matwork.app.library import LibraryEntry, RoutineSource

from helpers.player_ui import REPS, TINY, write


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
