"""Every screen fits every size: no text cut or spilling, no key widget squeezed away.

Each scene (tests/helpers/scenes.py) is mounted once and resized through the sizes, so
the size classes and the resize handlers run as they do when a user drags the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Region
from textual.screen import Screen
from textual.widgets._toast import Toast

from helpers.fit import cut_text, faults, shown
from helpers.scenes import SCENES, Scene, player_scene

SIZES = ((40, 12), (80, 24), (120, 36), (200, 60))
"""Usable at the smallest, readable at the others."""


@pytest.mark.parametrize("scene", SCENES, ids=[scene.name for scene in SCENES])
async def test_every_screen_fits_every_size(scene: Scene, tmp_path: Path) -> None:
    app, run_before = scene.build(tmp_path)
    found: list[str] = []
    async with app.run_test(size=SIZES[1]) as pilot:
        await run_before(pilot)
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            found += [f"{width}x{height} {fault}" for fault in faults(app.screen, scene.keys)]
    assert found == []


async def test_the_measure_sees_a_cut_text(tmp_path: Path) -> None:
    """The check can fail: a detail line forced to one row under a long text is cut."""
    app, run_before = player_scene(2.2, ())(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_before(pilot)
        detail = app.screen.query_one("#detail")
        detail.update("word " * 60)  # type: ignore[attr-defined]
        detail.styles.height = 1
        await pilot.pause()
        assert cut_text(detail) == "needs 4 rows, has 1"  # type: ignore[arg-type]
        assert any("#detail" in fault or "detail" in fault for fault in faults(app.screen, ()))


def toast_cells(screen: Screen[Any], region: Region) -> int:
    """How many cells of ``region`` show a toast (what is on top there, as a click finds)."""
    return sum(
        isinstance(screen.get_widget_at(x, y)[0], Toast)
        for y in range(region.y, region.bottom)
        for x in range(region.x, region.right)
    )


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_toasts_never_cover_the_timer_or_a_progress_line(
    size: tuple[int, int], tmp_path: Path
) -> None:
    app, run_before = player_scene(14.6, ())(tmp_path)
    async with app.run_test(size=size, notifications=True) as pilot:
        await run_before(pilot)
        for number in range(4):  # more than fit: the rack scrolls, it does not grow
            app.notify(f"Notice {number}: " + "a longer message that wraps " * 3, timeout=60)
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert toast_cells(screen, screen.region) > 0  # the toasts show
        for selector in ("#timer", "#segment-bar", "#session-bar"):
            widget = screen.query_one(selector)
            assert shown(widget)
            assert toast_cells(screen, widget.region) == 0, selector
