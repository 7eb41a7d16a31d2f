"""Fixtures for the session summary, history and question screens."""

from __future__ import annotations

from pathlib import Path

import pytest

from matwork.app.config import Config, SessionSettings
from matwork.app.library import RoutineSource


@pytest.fixture
def acknowledged() -> Config:
    """A config whose safety notice is already acknowledged."""
    return Config(session=SessionSettings(safety_acknowledged=True))


@pytest.fixture
def no_routines(tmp_path: Path) -> list[RoutineSource]:
    """A routine source with nothing in it: the library underneath stays quiet."""
    return [RoutineSource("user", tmp_path / "no-routines")]
