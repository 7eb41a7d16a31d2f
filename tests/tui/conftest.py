"""Small routine folders for the app tests, each routine defining its own exercises."""

from __future__ import annotations

from pathlib import Path

import pytest

from matwork.app.config import Config, SessionSettings
from matwork.app.library import RoutineSource

from helpers.tui import write_library


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
