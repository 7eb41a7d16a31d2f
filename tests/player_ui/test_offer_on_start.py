"""The assessment offer waits for the library: `matwork history` first, or a quit on the
safety notice, never mounts it into a screen that is not there (a MountError once)."""

from __future__ import annotations

from matwork.app.config import Config, SessionSettings
from matwork.app.library import RoutineSource
from matwork.tui.app import make_app
from matwork.tui.history.screen import HistoryScreen
from matwork.tui.library.assess_offer import AssessOffer
from matwork.tui.library.screen import LibraryScreen
from matwork.tui.modals.safety import SafetyScreen

from helpers.pilot import settle, wait_until

ACKNOWLEDGED = Config(session=SessionSettings(safety_acknowledged=True))


async def test_history_first_then_the_library_gets_the_offer(
    no_routines: list[RoutineSource],
) -> None:
    app = make_app(config=ACKNOWLEDGED, sources=no_routines, poll_seconds=0, start_screen="history")
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await settle(pilot)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await wait_until(pilot, lambda: bool(app.screen.query(AssessOffer)))
        assert len(app.screen.query(AssessOffer)) == 1


async def test_quitting_on_the_safety_notice_over_history_ends_cleanly(
    no_routines: list[RoutineSource],
) -> None:
    app = make_app(config=Config(), sources=no_routines, poll_seconds=0, start_screen="history")
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, SafetyScreen))
        await pilot.press("q")
        await settle(pilot)
    assert app.return_code in (0, None)
