"""The session summary: its numbers, and answers saved the moment they are given."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Input, Static

from matwork.app.config import Config
from matwork.app.library import RoutineSource
from matwork.store.writer import HistoryStore, SessionRecord
from matwork.tui.app import MatworkApp, make_app
from matwork.tui.history.summary import SummaryScreen, pain_flags, summary_facts
from matwork.tui.library.screen import LibraryScreen
from matwork.tui.modals.questions import RatingScale

from helpers.log_ui import NOW, TZ, make_session, make_set, session_uuid, stopped_session, write_log
from helpers.pilot import settle, wait_until

UUID = session_uuid(1)


@pytest.fixture
def log_path(isolated_dirs: dict[str, Path]) -> Path:
    """A log holding the stopped 'Core basics' session."""
    return write_log(isolated_dirs["data"], [stopped_session(1)])


def read_back(path: Path) -> SessionRecord:
    """The session as a fresh store (another connection) reads it."""
    with HistoryStore(path, create=False) as store:
        return store.get_session(UUID).session


def app_for(config: Config, sources: list[RoutineSource]) -> MatworkApp:
    return make_app(config=config, sources=sources, poll_seconds=0)


def facts(app: MatworkApp) -> str:
    return str(app.screen.query_one("#summary-facts", Static).content)


def test_summary_facts_of_a_hand_made_session() -> None:
    assert summary_facts(stopped_session(1)) == [
        ("Planned", "20:00"),
        ("Active time", "15:00  (pauses not counted)"),
        ("Completion", "75%"),
        ("Work time", "4:50 in 8 sets"),
        ("Sets", "6 done · 2 skipped"),
        ("Pain flags", "Bird dog · Side plank (right)"),
    ]


def test_pain_flags_count_repeats_and_keep_order() -> None:
    sets = [
        make_set(0, "Bird dog", started_at=NOW, pain_flag=True),
        make_set(1, "Dead bug", started_at=NOW),
        make_set(2, "Side plank", started_at=NOW, side="left", pain_flag=True),
        make_set(3, "Bird dog", started_at=NOW, pain_flag=True),
    ]
    assert pain_flags(sets) == ["Bird dog ×2", "Side plank (left)"]
    assert pain_flags(sets[1:2]) == []


async def test_summary_shows_the_numbers(
    log_path: Path, acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=(100, 40)) as pilot:
        with HistoryStore(log_path) as store:
            app.push_screen(SummaryScreen(store, UUID, tz=TZ))
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, SummaryScreen)
            assert not screen.has_class("-loading")
            assert screen.query_one("#summary-title").has_class("-not-completed")
            assert screen.query_one("#summary-facts").has_class("-pain-flagged")
            title = str(screen.query_one("#summary-title", Static).content)
            assert "Core basics · stopped early · Thu 05 Mar 2026, 17:00" in title
            shown = facts(app)
            for expected in ("20:00", "15:00", "75%", "6 done · 2 skipped", "Side plank (right)"):
                assert expected in shown


async def test_each_answer_is_saved_at_once(
    log_path: Path, acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=(100, 40)) as pilot:
        with HistoryStore(log_path) as store:
            app.push_screen(SummaryScreen(store, UUID, tz=TZ))
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, SummaryScreen)
            assert screen.query_one("#rpe", RatingScale).has_focus

            await pilot.press("7")
            await settle(pilot)
            assert read_back(log_path).rpe == 7
            await pilot.press("1", "0")
            await settle(pilot)
            assert read_back(log_path).rpe == 10

            screen.query_one("#pain-after", RatingScale).focus()
            await pilot.press("2")
            await settle(pilot)
            record = read_back(log_path)
            assert (record.rpe, record.pain_after, record.pain_before) == (10, 2, 4)

            screen.query_one("#note", Input).focus()
            await pilot.press(*"hips tight")
            await settle(pilot)
            assert read_back(log_path).notes == "hips tight"
            assert screen.saved == {"rpe": 10, "pain_after": 2, "notes": "hips tight"}
            assert "Saved" in str(screen.query_one("#save-state", Static).content)

            await pilot.press("backspace")  # taking an answer back is saved too
            screen.query_one("#pain-after", RatingScale).focus()
            await pilot.press("delete")
            await settle(pilot)
            record = read_back(log_path)
            assert (record.pain_after, record.notes) == (None, "hips tigh")
            assert isinstance(app.screen, SummaryScreen)  # all this before leaving


async def test_escape_leaves_at_once_and_loses_nothing(
    log_path: Path, acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=(100, 40)) as pilot:
        with HistoryStore(log_path) as store:
            app.push_screen(SummaryScreen(store, UUID, tz=TZ))
            await settle(pilot)
            # answers and escape in one go: no pause for the writes to land
            await pilot.press("6", "tab", "3", "tab", *"ok", "escape")
            await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))
            record = read_back(log_path)
            assert (record.rpe, record.pain_after, record.notes) == (6, 3, "ok")
            assert record.pain_before == 4
            assert record.status == "stopped"


class GatedStore(HistoryStore):
    """A log whose answer writes wait until the test opens the gate."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.gate = threading.Event()
        self.writes: list[dict[str, Any]] = []

    def annotate(self, session_uuid: str, **changes: Any) -> None:
        self.gate.wait()
        self.writes.append(changes)
        super().annotate(session_uuid, **changes)


async def test_escape_waits_for_slow_writes_and_loses_nothing(
    log_path: Path, acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(acknowledged, no_routines)
    store = GatedStore(log_path)
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            app.push_screen(SummaryScreen(store, UUID, tz=TZ))
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, SummaryScreen)
            # the first write hangs; the later answers queue up behind it
            await pilot.press("6", "tab", "3", "tab", *"ok")
            # Escape without Pilot.press, which would wait for the (busy) screen
            app.post_message(events.Key("escape", None))
            for _ in range(10_000):
                if screen.leaving:
                    break
                await asyncio.sleep(0)
            assert screen.leaving
            assert app.screen is screen  # still writing: not gone yet
            assert read_back(log_path).rpe is None
            store.gate.set()
            await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))
            record = read_back(log_path)
            assert (record.rpe, record.pain_after, record.notes) == (6, 3, "ok")
            # one write under way, then everything given meanwhile in one go
            assert store.writes == [{"rpe": 6}, {"pain_after": 3, "notes": "ok"}]
    finally:
        store.gate.set()
        store.close()


async def test_escape_without_answers_writes_nothing(
    log_path: Path, acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    before = read_back(log_path)
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=(100, 40)) as pilot:
        with HistoryStore(log_path) as store:
            app.push_screen(SummaryScreen(store, UUID, tz=TZ))
            await settle(pilot)
            await pilot.press("escape")
            await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))
    assert read_back(log_path) == before


async def test_done_returns_to_the_library(
    log_path: Path, acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=(100, 40)) as pilot:
        with HistoryStore(log_path) as store:
            results: list[Any] = []
            app.push_screen(SummaryScreen(store, UUID, tz=TZ), results.append)
            await settle(pilot)
            await pilot.press("5")
            await pilot.click("#done")
            await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))
            assert results == [None]
    assert read_back(log_path).rpe == 5


async def test_answers_already_in_the_log_are_shown_not_rewritten(
    isolated_dirs: dict[str, Path], acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    session = make_session(1, started_at=NOW - 3600, rpe=4, pain_after=1, notes="earlier")
    path = write_log(isolated_dirs["data"], [session])
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=(100, 40)) as pilot:
        with HistoryStore(path) as store:
            app.push_screen(SummaryScreen(store, UUID, tz=TZ))
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, SummaryScreen)
            assert screen.query_one("#rpe", RatingScale).value == 4
            assert screen.query_one("#pain-after", RatingScale).value == 1
            assert screen.query_one("#note", Input).value == "earlier"
            assert screen.saved == {}
            assert screen.query_one("#summary-title").has_class("-completed")
            assert "none" in facts(app)


async def test_an_unknown_session_says_so_and_escape_leaves(
    log_path: Path, acknowledged: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=(100, 40)) as pilot:
        with HistoryStore(log_path) as store:
            app.push_screen(SummaryScreen(store, session_uuid(99), tz=TZ))
            await settle(pilot)
            assert app.screen.has_class("-failed")
            assert "no session" in str(app.screen.query_one("#summary-title", Static).content)
            await pilot.press("escape")
            await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))


@pytest.mark.parametrize(
    ("keys", "answers"),
    [
        (("5", "2"), (2, None)),  # the second digit replaces the first, in the same scale
        (("5", "enter", "2"), (5, 2)),
        (("5", "tab", "2"), (5, 2)),
        (("1", "0"), (10, None)),
        (("1", "1", "0"), (10, None)),
        (("1", "enter", "0"), (1, 0)),
        (("1", "tab", "shift+tab", "0"), (0, None)),  # any other key ends the "1"
        (("enter", "7"), (None, 7)),
    ],
)
async def test_digits_stay_in_their_scale_and_moving_on_is_enter_or_tab(
    keys: tuple[str, ...],
    answers: tuple[int | None, int | None],
    log_path: Path,
    acknowledged: Config,
    no_routines: list[RoutineSource],
) -> None:
    app = app_for(acknowledged, no_routines)
    async with app.run_test(size=(100, 40)) as pilot:
        with HistoryStore(log_path) as store:
            app.push_screen(SummaryScreen(store, UUID, tz=TZ))
            await settle(pilot)
            await pilot.press(*keys)
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, SummaryScreen)
            shown = (
                screen.query_one("#rpe", RatingScale).value,
                screen.query_one("#pain-after", RatingScale).value,
            )
            assert shown == answers
            record = read_back(log_path)
            assert (record.rpe, record.pain_after) == answers
