"""Driving the assessment's screens: the red-flag check, about you and the test panel."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input

from matwork.core.clock import FakeClock
from matwork.core.cues import RecordingSink
from matwork.core.kinds import SegmentKind
from matwork.core.test_spec import TestKind
from matwork.tui.assess.about import AboutScreen
from matwork.tui.assess.flow import start_assessment
from matwork.tui.assess.player import TestPlayerScreen
from matwork.tui.assess.red_flags import RedFlagScreen

from helpers.paths import test_paths as matwork_paths
from helpers.pilot import wait_until


async def answer_red_flags(pilot: Pilot[Any], yes: frozenset[str] = frozenset()) -> RedFlagScreen:
    """On the red-flag screen: tick the questions in ``yes``, then Done."""
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, RedFlagScreen))
    screen = pilot.app.screen
    assert isinstance(screen, RedFlagScreen)
    await wait_until(pilot, lambda: bool(screen.query(Checkbox)) and screen.is_mounted)
    for question in yes:
        screen.query_one(f"#q-{question}", Checkbox).value = True
    await pilot.pause()
    await pilot.click("#flags-done")
    await pilot.pause()
    return screen


async def start_tests(pilot: Pilot[Any], clock: FakeClock, sink: RecordingSink) -> TestPlayerScreen:
    """The flow up to the tests: no red flag, Go on, Start the tests; the player, started."""
    start_assessment(pilot.app, matwork_paths(), clock=clock, cues=sink)
    await answer_red_flags(pilot)
    await pilot.click("#flags-go")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, AboutScreen))
    await pilot.click("#about-start")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, TestPlayerScreen))
    screen = pilot.app.screen
    assert isinstance(screen, TestPlayerScreen)
    await wait_until(pilot, lambda: screen.session is not None and screen.session.player.started)
    return screen


async def advance(pilot: Pilot[Any], screen: TestPlayerScreen, clock: FakeClock, s: float) -> None:
    """Move the clock on and wake the screen as its timers would."""
    clock.advance(s)
    screen.wake()
    await pilot.pause()


async def to_next_test(pilot: Pilot[Any], screen: TestPlayerScreen, clock: FakeClock) -> None:
    """Let the get-ready, rest or switch run out, up to the next test set."""
    assert screen.session is not None
    player = screen.session.player
    while (segment := player.current()) is not None and segment.kind is not SegmentKind.WORK:
        await advance(pilot, screen, clock, player.segment_remaining())


async def do_hold(pilot: Pilot[Any], screen: TestPlayerScreen, clock: FakeClock, s: float) -> None:
    """Hold for ``s`` seconds, then press d (or, past the ceiling, let it end by itself)."""
    await to_next_test(pilot, screen, clock)
    assert screen.session is not None
    segment = screen.session.player.current()
    assert segment is not None
    assert segment.exercise.test is not None
    assert segment.exercise.test.kind is TestKind.HOLD
    await advance(pilot, screen, clock, s)
    if screen.session.player.current() is segment:
        await pilot.press("d")
        await pilot.pause()


async def type_answer(
    pilot: Pilot[Any], screen: TestPlayerScreen, clock: FakeClock, typed: str
) -> None:
    """In a number or score measurement: type the answer and press Enter."""
    await to_next_test(pilot, screen, clock)
    await advance(pilot, screen, clock, 5)
    await pilot.pause()
    entry = screen.query_one("#test-value", Input)
    entry.focus()
    entry.value = typed
    await pilot.press("enter")
    await pilot.pause()


async def tick_answer(
    pilot: Pilot[Any], screen: TestPlayerScreen, clock: FakeClock, *ticks: int
) -> None:
    """In a yes/no measurement: tick the questions numbered ``ticks``, then Save."""
    await to_next_test(pilot, screen, clock)
    await advance(pilot, screen, clock, 5)
    await pilot.pause()
    for index in ticks:
        screen.query_one(f"#test-q{index}", Checkbox).value = True
    await pilot.click("#test-save")
    await pilot.pause()


async def whole_assessment(
    pilot: Pilot[Any],
    screen: TestPlayerScreen,
    clock: FakeClock,
    holds: tuple[float, float, float, float, float],
    fingertip: str,
) -> None:
    """Every test: the five holds (seconds), Thomas right positive, fingertip, ASLR 0 and 1."""
    for seconds in holds:
        await do_hold(pilot, screen, clock, seconds)
    await tick_answer(pilot, screen, clock)
    await tick_answer(pilot, screen, clock, 0)
    await type_answer(pilot, screen, clock, fingertip)
    await type_answer(pilot, screen, clock, "0")
    await type_answer(pilot, screen, clock, "1")
