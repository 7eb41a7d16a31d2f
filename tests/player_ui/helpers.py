"""Driving the player screen on a fake clock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from matwork.config import Config
from matwork.core.clock import FakeClock
from matwork.core.cues import RecordingSink
from matwork.core.library import LibraryEntry, RoutineSource
from matwork.tui.app import MatworkApp, make_app
from matwork.tui.screens.player import PlayerScreen
from matwork.tui.widgets.session_header import SessionHeader

START = 1000.0
"""Where the fake clock starts."""


async def wait_for(pilot: Pilot[Any], condition: Callable[[], bool], seconds: float = 5) -> None:
    """Pause until ``condition()`` holds, failing after ``seconds``."""
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await pilot.pause(0.02)
    assert condition(), "condition not met in time"


def app_for(config: Config, sources: list[RoutineSource]) -> MatworkApp:
    """The app with an empty library, for the player to be pushed over."""
    return make_app(config=config, sources=sources, poll_seconds=0)


class Rig:
    """A player screen on a fake clock, recording its cues."""

    def __init__(
        self, pilot: Pilot[Any], screen: PlayerScreen, clock: FakeClock, sink: RecordingSink
    ):
        self.pilot = pilot
        self.screen = screen
        self.clock = clock
        self.sink = sink

    @property
    def player(self) -> Any:
        """The session's player."""
        assert self.screen.session is not None
        return self.screen.session.player

    async def advance(self, seconds: float) -> None:
        """Move the clock on and wake the screen as its timers would."""
        self.clock.advance(seconds)
        self.screen.wake()
        await self.pilot.pause()

    async def press(self, *keys: str) -> None:
        """Press keys and let the screen handle them."""
        await self.pilot.press(*keys)
        await self.pilot.pause()

    def text(self, selector: str) -> str:
        """The plain text of a Static on the player."""
        return str(self.screen.query_one(selector, Static).content)

    def header(self) -> dict[str, str]:
        """The header's parts."""
        return self.screen.query_one(SessionHeader).texts

    def classes(self) -> set[str]:
        """The screen's state classes."""
        return {name for name in self.screen.classes if name.startswith("-")}


async def open_player(
    pilot: Pilot[Any],
    entry: LibraryEntry,
    config: Config,
    *,
    start: bool = True,
    **options: Any,
) -> Rig:
    """Push the player for ``entry`` on a fake clock; wait until it has started."""
    clock = FakeClock(START)
    sink = RecordingSink()
    screen = PlayerScreen(entry, config=config, clock=clock, cues=sink, **options)
    pilot.app.push_screen(screen)
    rig = Rig(pilot, screen, clock, sink)
    if start:
        await wait_for(pilot, lambda: screen.session is not None and screen.session.player.started)
        await pilot.pause()
    return rig
