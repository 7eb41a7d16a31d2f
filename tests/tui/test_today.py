"""Today, the morning check-in and the week view, driven with Pilot."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from matwork.app.checkin_ask import last_asked
from matwork.app.config import Config
from matwork.app.library import RoutineSource
from matwork.app.session import PlayOptions
from matwork.core.progression import Compared
from matwork.store.programme_log import ProgrammeLog
from matwork.store.writer import HistoryStore
from matwork.tui.app import MatworkApp, make_app
from matwork.tui.history.dose_view import WeekScreen
from matwork.tui.history.screen import HistoryScreen
from matwork.tui.library.screen import LibraryScreen
from matwork.tui.modals.questions import PainQuestion
from matwork.tui.player.screen import PlayerScreen
from matwork.tui.today.checkin import CheckinQuestion
from matwork.tui.today.screen import TodayScreen

from helpers.paths import test_paths as isolated_paths
from helpers.pilot import wait_until
from helpers.store import log_path
from helpers.today import MONDAY, played_week, start

THURSDAY = MONDAY + timedelta(days=3)


def app_on(day: date, config: Config, sources: list[RoutineSource]) -> MatworkApp:
    app = make_app(config=config, sources=sources, poll_seconds=0)
    app.local_day = lambda: day
    return app


def text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def opened(pilot: Pilot[Any], kind: type) -> Any:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, kind))
    await pilot.pause()
    return pilot.app.screen


def checkins() -> list[tuple[str, int, str]]:
    with HistoryStore(log_path(), create=False) as store:
        return [
            (r.checkin.day.isoformat(), r.checkin.pain, r.checkin.compared.value)
            for r in ProgrammeLog(store).checkins()
        ]


async def test_without_a_programme_the_app_opens_on_the_library(
    acknowledged: Config, sources: list[RoutineSource]
) -> None:
    app = app_on(THURSDAY, acknowledged, sources)
    async with app.run_test() as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("T")  # Today on demand says there is none, and goes back
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))


async def test_with_a_programme_the_app_opens_on_today_with_the_session_due(
    acknowledged: Config, sources: list[RoutineSource]
) -> None:
    start()
    app = app_on(MONDAY, acknowledged, sources)
    async with app.run_test(size=(120, 36)) as pilot:
        today = await opened(pilot, TodayScreen)
        assert text(today, "#today-programme") == "Back reconditioning: 6 weeks"
        assert text(today, "#today-week") == "Week 1 · session 1 of 4 · Stabilise"
        assert text(today, "#today-when") == "Stabilise, planned for today"
        titles = [one.title for one in today.playable]
        assert titles == ["Stabilise", "Desk break (0 of 1 today)"]
        assert "Side plank (left)   15 s" in text(today, "#today-doses")
        assert text(today, "#today-why-title").startswith("No session played yet")
        assert today.has_class("-no-notes")
        await pilot.press("l")  # back to the library, and T brings Today back
        await opened(pilot, LibraryScreen)
        await pilot.press("T")
        await opened(pilot, TodayScreen)


async def test_enter_plays_the_dosed_session_and_logs_it_against_the_programme(
    acknowledged: Config, sources: list[RoutineSource]
) -> None:
    start()
    app = app_on(MONDAY, acknowledged, sources)
    async with app.run_test(size=(120, 36)) as pilot:
        today = await opened(pilot, TodayScreen)
        today.play_options = PlayOptions(sound=False)
        expected = today.playable[0].session
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen_stack[-1], PainQuestion))
        player = app.screen_stack[-2]
        assert isinstance(player, PlayerScreen)
        assert player.entry is expected.entry  # the routine with today's doses in
        await pilot.press("escape")  # no pain rating before: the session starts
        await wait_until(pilot, lambda: player.session is not None and player.session.log.uuid)
        uuid = player.session.log.uuid
        with HistoryStore(log_path(), create=False) as store:
            log = ProgrammeLog(store)
            run = log.active_run()
            assert run is not None
            played = log.played(run.id)
        assert [(one.session_uuid, one.week, one.number, one.slot) for one in played] == [
            (uuid, 1, 1, expected.slot.key)
        ]


async def test_the_first_start_after_a_session_asks_the_checkin_and_saves_it(
    acknowledged: Config, sources: list[RoutineSource], monkeypatch: pytest.MonkeyPatch
) -> None:
    played_week(monkeypatch)
    app = app_on(THURSDAY, acknowledged, sources)
    async with app.run_test(size=(120, 36)) as pilot:
        question = await opened(pilot, CheckinQuestion)
        assert text(question, "#checkin-question") == (
            "How is your back this morning compared with before yesterday's session?"
        )
        today = app.screen_stack[-2]
        assert isinstance(today, TodayScreen)
        assert any("No check-in since Wednesday" in note for note in _notes(today))
        await pilot.press("3")
        await pilot.press("enter")  # pain given, not yet better/same/worse: not saved
        assert isinstance(app.screen, CheckinQuestion)
        await pilot.press("w")
        assert question.compared is Compared.WORSE
        await pilot.press("enter")
        await opened(pilot, TodayScreen)
        await wait_until(pilot, lambda: len(checkins()) == 2)
        await wait_until(pilot, lambda: not any("No check-in" in n for n in _notes(today)))
    assert checkins()[-1] == (THURSDAY.isoformat(), 3, "worse")
    assert last_asked(isolated_paths()) == THURSDAY


def _notes(today: TodayScreen) -> list[str]:
    return text(today, "#today-notes").splitlines()


async def test_a_skipped_checkin_stores_nothing_and_is_not_asked_again_that_day(
    acknowledged: Config, sources: list[RoutineSource], monkeypatch: pytest.MonkeyPatch
) -> None:
    played_week(monkeypatch)
    app = app_on(THURSDAY, acknowledged, sources)
    async with app.run_test(size=(120, 36)) as pilot:
        await opened(pilot, CheckinQuestion)
        await pilot.press("escape")
        today = await opened(pilot, TodayScreen)
        assert any("no information, never as fine" in note for note in _notes(today))
    assert len(checkins()) == 1  # Tuesday's only
    again = app_on(THURSDAY, acknowledged, sources)
    async with again.run_test(size=(120, 36)) as pilot:
        await opened(pilot, TodayScreen)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert not any(isinstance(s, CheckinQuestion) for s in again.screen_stack)
        await pilot.press("k")  # Today's k still takes one
        await opened(pilot, CheckinQuestion)
    friday = app_on(THURSDAY + timedelta(days=1), acknowledged, sources)
    async with friday.run_test(size=(120, 36)) as pilot:
        await opened(pilot, CheckinQuestion)  # still none since Wednesday: asked again


async def test_the_week_view_shows_the_dose_meter_from_today_and_from_history(
    acknowledged: Config, sources: list[RoutineSource], monkeypatch: pytest.MonkeyPatch
) -> None:
    played_week(monkeypatch)
    app = app_on(THURSDAY, acknowledged, sources)
    async with app.run_test(size=(120, 36)) as pilot:
        await opened(pilot, CheckinQuestion)
        await pilot.press("escape")
        await opened(pilot, TodayScreen)
        await pilot.press("w")
        week = await opened(pilot, WeekScreen)
        await wait_until(pilot, lambda: week.meter is not None)
        assert text(week, "#week-title") == (
            "Week 1 of Back reconditioning: 6 weeks · Mon 3 Mar - Sun 9 Mar (so far)"
        )
        lines = "\n".join(str(row.content) for row in week.query(".meter-text").results(Static))
        assert "Strength days" in lines
        assert "2 days (Mon, Wed)" in lines
        assert "WHO 2020 guidelines (Bull et al. 2020)" in lines
        assert "Desk breaks" in lines
        desk = text(week, "#week-desk").splitlines()
        assert desk[0].startswith("Mon  3 Mar  1 break")
        assert "1 of 2 reminders taken (50%)" in desk[0]
        assert "Last 8 weeks: 3 reminders on 2 workdays" in text(week, "#week-totals")
        await pilot.press("left")
        await wait_until(pilot, lambda: week.meter is not None and week.meter.week is None)
        assert text(week, "#week-title") == "Week of Mon 24 Feb - Sun 2 Mar"
        await pilot.press("right")
        await wait_until(pilot, lambda: week.meter is not None and week.meter.week == 1)
        await pilot.press("escape")
        await opened(pilot, TodayScreen)
        await pilot.press("h")
        history = await opened(pilot, HistoryScreen)
        assert isinstance(history, HistoryScreen)
        await pilot.press("w")
        await opened(pilot, WeekScreen)


async def test_a_broken_active_programme_is_said_and_the_library_stays(
    acknowledged: Config, sources: list[RoutineSource], tmp_path: Path
) -> None:
    own = tmp_path / "mine.toml"
    shipped = Path(__file__).resolve().parents[2] / "programmes" / "desk-worker.toml"
    own.write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    start(str(own))
    own.write_text(own.read_text(encoding="utf-8") + "\nbogus = 1\n", encoding="utf-8")
    app = app_on(MONDAY, acknowledged, sources)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert any("cannot be used" in str(n.message) for n in app._notifications)
