"""The German screens fit as the English ones do: no text cut or spilling at any size.

The library, every player moment with its help and stop question, the summary and the
questions around a session (tests/helpers/scenes.py), shown with ``use_language("de")``
and measured as tests/tui/test_fit.py measures them; English comes back after each.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.fit import faults
from helpers.language import shown_in
from helpers.scenes import SCENES, Scene

GERMAN_PREFIXES = (
    "library",
    "player_",
    "help",
    "confirm_stop",
    "summary",
    "pain_question",
    "resume_question",
)
"""The scenes measured in German (library_broken too: its error lines are German)."""

GERMAN_SCENES = [scene for scene in SCENES if scene.name.startswith(GERMAN_PREFIXES)]

SIZES = ((40, 12), (80, 24), (120, 36), (200, 60))
"""The sizes tests/tui/test_fit.py checks."""


@pytest.fixture
def german() -> Iterator[None]:
    """The app in German for one test."""
    with shown_in("de"):
        yield


@pytest.mark.parametrize("scene", GERMAN_SCENES, ids=[scene.name for scene in GERMAN_SCENES])
async def test_every_german_screen_fits_every_size(
    scene: Scene, tmp_path: Path, german: None
) -> None:
    app, run_before = scene.build(tmp_path)
    found: list[str] = []
    async with app.run_test(size=SIZES[1]) as pilot:
        await run_before(pilot)
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            found += [f"{width}x{height} {fault}" for fault in faults(app.screen, scene.keys)]
    assert found == []
