"""The pain-before question, the resume question, the log problem dialog, the 0-10 scale."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import msgspec
import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from matwork.store.writer import CorruptHistoryError, HistoryError, HistoryStore, NotOursError
from matwork.tui.modals.confirm import ConfirmScreen
from matwork.tui.modals.log_problem import HistoryProblem
from matwork.tui.modals.questions import PainQuestion, ResumeQuestion, resume_text, when_text
from matwork.tui.widgets.rating_scale import RatingScale

from helpers.log_ui import DAY, NOW, TZ, make_session


class Harness(App[None]):
    """Pushes one modal on start and keeps what it dismissed with."""

    def __init__(self, modal: Screen[Any]) -> None:
        super().__init__()
        self.modal = modal
        self.results: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Static("underneath")

    def on_mount(self) -> None:
        self.push_screen(self.modal, self.results.append)


@pytest.mark.parametrize(
    ("keys", "answer"),
    [
        (["4", "enter"], 4),
        (["1", "0", "enter"], 10),
        (["1", "enter"], 1),
        (["0", "enter"], 0),
        (["1", "0", "0", "enter"], 0),
        (["7", "right", "right", "enter"], 9),
        (["right", "enter"], 5),
        (["3", "backspace", "enter"], None),
        (["enter"], None),
        (["6", "escape"], None),
    ],
)
async def test_pain_question_returns_the_value_or_none(keys: list[str], answer: int | None) -> None:
    app = Harness(PainQuestion())
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
    assert app.results == [answer]


async def test_pain_question_buttons() -> None:
    app = Harness(PainQuestion(value=3))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen.query_one(RatingScale).value == 3
        await pilot.click("#answer")
        await pilot.pause()
    assert app.results == [3]

    app = Harness(PainQuestion(value=3))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.click("#skip")
        await pilot.pause()
    assert app.results == [None]


async def test_rating_scale_click_picks_a_number_and_marks_unset() -> None:
    app = Harness(PainQuestion())
    async with app.run_test() as pilot:
        await pilot.pause()
        scale = app.screen.query_one(RatingScale)
        assert scale.has_class("-unset")
        await pilot.click(RatingScale, offset=(8 * 4 + 1, 0))
        await pilot.pause()
        assert scale.value == 8
        assert not scale.has_class("-unset")
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [8]


def interrupted(started_at: float, active: float = 754.0, segment: int = 6) -> Any:
    return make_session(
        1,
        started_at=started_at,
        routine="Core basics",
        status="interrupted",
        active=active,
        resume_segment=segment,
    ).session


def test_resume_text_says_sets_and_time_done_from_the_log() -> None:
    record = msgspec.structs.replace(interrupted(NOW - 3 * 3600), sets_done=3, sets_skipped=1)
    assert resume_text(record, now=NOW, tz=TZ) == (
        "An interrupted session of Core basics from today at 15:00: "
        "3 sets done, 1 skipped, 12:34 active, stopped at segment 7. Resume?"
    )
    short = msgspec.structs.replace(interrupted(NOW - DAY, active=20), sets_done=1)
    assert resume_text(short, now=NOW, tz=TZ) == (
        "An interrupted session of Core basics from yesterday at 18:00: "
        "1 set done, 0:20 active, stopped at segment 7. Resume?"
    )
    none = interrupted(NOW - DAY, active=8)
    assert "no set done yet, 0:08 active" in resume_text(none, now=NOW, tz=TZ)
    assert when_text(NOW - 3 * DAY, now=NOW, tz=TZ) == "Mon 02 Mar at 18:00"


async def test_the_resume_question_shows_what_the_log_holds() -> None:
    record = msgspec.structs.replace(interrupted(NOW - 3600), sets_done=3)
    app = Harness(ResumeQuestion(record, now=NOW, tz=TZ))
    async with app.run_test() as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#resume-text", Static).content)
        assert "3 sets done, 12:34 active" in text
        assert "less than a minute" not in text


@pytest.mark.parametrize(
    ("keys", "answer"),
    [(["y"], True), (["r"], True), (["enter"], True), (["n"], False), (["escape"], False)],
)
async def test_resume_question(keys: list[str], answer: bool) -> None:
    app = Harness(ResumeQuestion(interrupted(NOW - 3600), now=NOW, tz=TZ))
    async with app.run_test() as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#resume-text", Static).content)
        assert "Core basics" in text
        assert "segment 7" in text
        await pilot.press(*keys)
        await pilot.pause()
    assert app.results == [answer]


async def test_resume_question_start_over_button() -> None:
    app = Harness(ResumeQuestion(interrupted(NOW - 3600), now=NOW, tz=TZ))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.click("#start-over")
        await pilot.pause()
    assert app.results == [False]


def corrupt_file(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "history.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    return path


async def test_problem_dialog_moves_a_corrupt_log_aside(tmp_path: Path) -> None:
    path = corrupt_file(tmp_path / "data")
    with pytest.raises(CorruptHistoryError) as caught:
        HistoryStore(path)
    app = Harness(HistoryProblem(caught.value))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen.has_class("-corrupt")
        assert "not a readable SQLite database" in str(
            app.screen.query_one("#problem-text", Static).content
        )
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert len(app.results) == 1
    moved = app.results[0]
    assert isinstance(moved, Path)
    assert moved.name.startswith("history.sqlite3.corrupt-")
    assert moved.read_bytes().startswith(b"this is not a database")
    assert not path.exists()


async def test_problem_dialog_declined_move_keeps_the_file(tmp_path: Path) -> None:
    path = corrupt_file(tmp_path / "data")
    app = Harness(HistoryProblem(CorruptHistoryError(path, "damaged")))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.click("#problem-move")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HistoryProblem)
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]
    assert path.exists()


async def test_problem_dialog_offers_no_move_for_a_foreign_file(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.close()
    with pytest.raises(NotOursError) as caught:
        HistoryStore(path)
    error: HistoryError = caught.value
    app = Harness(HistoryProblem(error))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#problem-move").display
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, HistoryProblem)
        assert "not a matwork session log" in str(
            app.screen.query_one("#problem-text", Static).content
        )
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]
    assert path.exists()
