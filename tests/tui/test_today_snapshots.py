"""SVG snapshots of Today, the morning check-in and the week view, at 80x24 and 120x36.

The log is the same hand-played week for every picture (built once, then copied into
each test's data folder): Back reconditioning from Monday 3 March 2025, sessions on
Monday and Wednesday, a check-in on Tuesday, desk-break reminders; the app's day is
Thursday, so the check-in is due.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from matwork.app.config import Config
from matwork.app.library import RoutineSource
from matwork.tui.app import make_app
from matwork.tui.history.dose_view import WeekScreen
from matwork.tui.today.checkin import CheckinQuestion
from matwork.tui.today.screen import TodayScreen

from helpers.language import shown_in
from helpers.pilot import wait_until
from helpers.today import MONDAY, played_week

THURSDAY = MONDAY + timedelta(days=3)
SIZES = [(80, 24), (120, 36)]

SnapCompare = Callable[..., bool]


@pytest.fixture(scope="module")
def week_log(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Where the played week's data folder is kept once built (filled by the first test)."""
    return {"folder": tmp_path_factory.mktemp("played-week") / "data"}


@pytest.fixture
def played(
    week_log: dict[str, Path], isolated_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """This test's data folder holds the played week."""
    kept = week_log["folder"]
    if not kept.exists():
        played_week(monkeypatch)
        shutil.copytree(isolated_dirs["data"], kept)
    else:
        shutil.copytree(kept, isolated_dirs["data"], dirs_exist_ok=True)


def app_for(config: Config, sources: list[RoutineSource]) -> Any:
    app = make_app(config=config, sources=sources, poll_seconds=0)
    app.local_day = lambda: THURSDAY
    return app


async def on(pilot: Pilot[Any], kind: type) -> None:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, kind), rounds=2000)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_today(
    snap_compare: SnapCompare,
    played: None,
    acknowledged: Config,
    sources: list[RoutineSource],
    size: tuple[int, int],
) -> None:
    async def show(pilot: Pilot[Any]) -> None:
        await on(pilot, CheckinQuestion)
        await pilot.press("escape")
        await on(pilot, TodayScreen)

    assert snap_compare(app_for(acknowledged, sources), terminal_size=size, run_before=show)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_morning_checkin(
    snap_compare: SnapCompare,
    played: None,
    acknowledged: Config,
    sources: list[RoutineSource],
    size: tuple[int, int],
) -> None:
    async def answer(pilot: Pilot[Any]) -> None:
        await on(pilot, CheckinQuestion)
        await pilot.press("2", "s")
        await pilot.pause()

    assert snap_compare(app_for(acknowledged, sources), terminal_size=size, run_before=answer)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_week_dose_meter(
    snap_compare: SnapCompare,
    played: None,
    acknowledged: Config,
    sources: list[RoutineSource],
    size: tuple[int, int],
) -> None:
    async def week(pilot: Pilot[Any]) -> None:
        await on(pilot, CheckinQuestion)
        await pilot.press("escape")
        await on(pilot, TodayScreen)
        await pilot.press("w")
        await on(pilot, WeekScreen)
        screen = pilot.app.screen
        await wait_until(pilot, lambda: screen.meter is not None)
        await pilot.pause()

    assert snap_compare(app_for(acknowledged, sources), terminal_size=size, run_before=week)


async def _today(pilot: Pilot[Any]) -> None:
    await on(pilot, CheckinQuestion)
    await pilot.press("escape")
    await on(pilot, TodayScreen)


async def _checkin(pilot: Pilot[Any]) -> None:
    await on(pilot, CheckinQuestion)
    await pilot.press("2", "s")
    await pilot.pause()


async def _week(pilot: Pilot[Any]) -> None:
    await _today(pilot)
    await pilot.press("w")
    await on(pilot, WeekScreen)
    screen = pilot.app.screen
    await wait_until(pilot, lambda: screen.meter is not None)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
@pytest.mark.parametrize("run_before", [_today, _checkin, _week], ids=["today", "checkin", "week"])
def test_in_german(
    snap_compare: SnapCompare,
    played: None,
    acknowledged: Config,
    sources: list[RoutineSource],
    size: tuple[int, int],
    run_before: Callable[[Pilot[Any]], Any],
) -> None:
    """The same three pictures in German (longer words: look for overflow by eye)."""
    with shown_in("de"):
        app = app_for(acknowledged, sources)
        assert snap_compare(app, terminal_size=size, run_before=run_before)
