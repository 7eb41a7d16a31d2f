"""SVG snapshots of the player in each state, on a fake clock so the digits hold still."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

import pytest
from textual.pilot import Pilot

from matwork.config import Config
from matwork.core.library import LibraryEntry, RoutineSource

from .helpers import app_for, open_player

SIZE = (100, 30)

SnapCompare = Callable[..., bool]
RunBefore = Callable[[Pilot[Any]], Coroutine[Any, Any, None]]


def at(entry: LibraryEntry, config: Config, seconds: float, *keys: str) -> RunBefore:
    """Open the player, run ``seconds`` of session time, press ``keys``."""

    async def run_before(pilot: Pilot[Any]) -> None:
        rig = await open_player(pilot, entry, config)
        rig.screen.FINISH_PAUSE = 3600.0
        await rig.advance(seconds)
        for key in keys:
            await rig.press(key)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize(
    ("seconds", "keys"),
    [
        pytest.param(1.2, (), id="prepare"),
        pytest.param(7.3, (), id="work_with_breath"),
        pytest.param(27.6, (), id="rest_with_next_up"),
        pytest.param(49.0, (), id="switch_sides"),
        pytest.param(136.5, (), id="finished"),
    ],
)
def test_player(
    snap_compare: SnapCompare,
    tiny: LibraryEntry,
    config: Config,
    no_routines: list[RoutineSource],
    seconds: float,
    keys: tuple[str, ...],
) -> None:
    app = app_for(config, no_routines)
    assert snap_compare(app, terminal_size=SIZE, run_before=at(tiny, config, seconds, *keys))


def test_player_paused_in_a_tempo_set(
    snap_compare: SnapCompare,
    reps: LibraryEntry,
    config: Config,
    no_routines: list[RoutineSource],
) -> None:
    app = app_for(config, no_routines)
    assert snap_compare(app, terminal_size=SIZE, run_before=at(reps, config, 7.5, "space"))


def test_player_compact(
    snap_compare: SnapCompare,
    tiny: LibraryEntry,
    config: Config,
    no_routines: list[RoutineSource],
) -> None:
    app = app_for(config, no_routines)
    assert snap_compare(app, terminal_size=(40, 12), run_before=at(tiny, config, 7.3))
