"""SVG snapshots of the summary, the history with its charts, and the two questions.

Logs are hand-made with fixed times, and every screen is given ``now`` and UTC, so the
pictures do not move with the calendar or the machine's time zone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Static

from matwork.config import Config
from matwork.core.history import HistoryStore
from matwork.core.library import RoutineSource
from matwork.tui.app import make_app
from matwork.tui.screens.history import HistoryScreen
from matwork.tui.screens.questions import PainQuestion, ResumeQuestion
from matwork.tui.screens.summary import SummaryScreen

from .log_helpers import (
    DAY,
    NOW,
    TZ,
    history_log,
    make_session,
    session_uuid,
    settle,
    stopped_session,
    write_log,
)

SIZE = (150, 46)

SnapCompare = Callable[..., bool]


@pytest.fixture
def store(isolated_dirs: dict[str, Path]) -> Iterator[HistoryStore]:
    """A log with 120 sessions over 26 weeks, plus the stopped 'Core basics' one."""
    path = write_log(
        isolated_dirs["data"], [stopped_session(1000), *history_log(120, every=1.5 * DAY)]
    )
    with HistoryStore(path) as opened:
        yield opened


def test_summary_screen(
    snap_compare: SnapCompare,
    store: HistoryStore,
    acknowledged: Config,
    no_routines: list[RoutineSource],
) -> None:
    app = make_app(config=acknowledged, sources=no_routines, poll_seconds=0)

    async def answer(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        app.push_screen(SummaryScreen(store, session_uuid(1000), tz=TZ))
        await settle(pilot)
        await pilot.press("7", "tab", "2", "tab", *"left hip tight on bridges")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 34), run_before=answer)


def test_history_screen_with_charts(
    snap_compare: SnapCompare,
    store: HistoryStore,
    acknowledged: Config,
    no_routines: list[RoutineSource],
) -> None:
    app = make_app(config=acknowledged, sources=no_routines, poll_seconds=0)

    async def show(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        app.push_screen(HistoryScreen(now=NOW, tz=TZ))
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=show)


class Host(App[None]):
    """A plain screen under the modals, so their pictures do not change with the library's."""

    def compose(self) -> ComposeResult:
        yield Static("(the player would be here)")


def test_pain_question(snap_compare: SnapCompare) -> None:
    app = Host()

    async def ask(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        app.push_screen(PainQuestion())
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 30), run_before=ask)


def test_resume_question(snap_compare: SnapCompare) -> None:
    app = Host()
    record = make_session(
        1,
        started_at=NOW - 5400,
        routine="Core basics",
        status="interrupted",
        planned=1200.0,
        active=754.0,
        resume_segment=9,
    ).session

    async def ask(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        app.push_screen(ResumeQuestion(record, now=NOW, tz=TZ))
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 30), run_before=ask)
