"""The questions around a session: pain before, resume, and a session log that cannot be used.

Each is a typed modal, used with a callback or ``await app.push_screen_wait(...)``:

* ``PainQuestion()`` -> ``int | None``: pain 0-10 before the session, None when skipped;
* ``ResumeQuestion(record)`` -> ``bool``: True to continue the interrupted session;
* ``HistoryProblem(error)`` -> ``Path | None``: where a damaged log was moved, or None.

``RatingScale`` is the 0-10 answer widget they share with the session summary.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, tzinfo
from pathlib import Path

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Static

from matwork.core.history import (
    CorruptHistoryError,
    HistoryBusyError,
    HistoryError,
    NewerSchemaError,
    NotOursError,
    SessionRecord,
    move_aside,
)
from matwork.tui.screens.confirm import ConfirmScreen

CELL_WIDTH = 4
"""Cells each value of a RatingScale takes (" 10 " fits)."""


class RatingScale(Widget, can_focus=True):
    """A 0-10 rating: digits pick (1 then 0 makes 10), arrows move, backspace clears.

    Carries the CSS class ``-unset`` while no value is chosen.
    """

    DEFAULT_CSS = """
    RatingScale {
        width: 44;
        height: 1;
    }
    """

    COMPONENT_CLASSES = {"rating-scale--selected", "rating-scale--value"}

    BINDINGS = [
        Binding("left", "move(-1)", "Less", id="rating_less", show=False),
        Binding("right", "move(1)", "More", id="rating_more", show=False),
        Binding("backspace,delete", "clear", "Clear", id="rating_clear", show=False),
        Binding("enter", "submit", "Answer", id="rating_submit", show=False),
    ]

    value: reactive[int | None] = reactive(None, init=False)

    class Changed(Message):
        """The chosen value changed. Handled by ``on_rating_scale_changed``."""

        def __init__(self, scale: RatingScale, value: int | None) -> None:
            super().__init__()
            self.scale = scale
            self.value = value
            """0-10, or None when cleared."""

        @property
        def control(self) -> RatingScale:
            """The scale that changed."""
            return self.scale

    class Submitted(Message):
        """Enter was pressed on the scale. Handled by ``on_rating_scale_submitted``."""

        def __init__(self, scale: RatingScale, value: int | None) -> None:
            super().__init__()
            self.scale = scale
            self.value = value
            """0-10, or None when nothing was chosen."""

        @property
        def control(self) -> RatingScale:
            """The scale that was submitted."""
            return self.scale

    def __init__(
        self, value: int | None = None, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._after_one = False
        self.set_reactive(RatingScale.value, value)
        self.set_class(value is None, "-unset")

    def watch_value(self, value: int | None) -> None:
        """Show the new value and tell the screen."""
        self.set_class(value is None, "-unset")
        self.post_message(self.Changed(self, value))

    def render(self) -> Text:
        """The eleven values in a row, the chosen one highlighted."""
        chosen = self.get_component_rich_style("rating-scale--selected")
        plain = self.get_component_rich_style("rating-scale--value")
        text = Text(no_wrap=True)
        for number in range(11):
            text.append(f"{number:^{CELL_WIDTH}}", chosen if number == self.value else plain)
        return text

    def on_key(self, event: events.Key) -> None:
        """A digit picks its value; "1" then "0" picks 10."""
        character = event.character
        if character is None or not character.isdigit() or len(character) != 1:
            self._after_one = False
            return
        event.stop()
        digit = int(character)
        if digit == 0 and self._after_one:
            self.value = 10
            self._after_one = False
            return
        self.value = digit
        self._after_one = digit == 1

    def on_click(self, event: events.Click) -> None:
        """Clicking a number picks it."""
        number = event.x // CELL_WIDTH
        if 0 <= number <= 10:
            self.value = number
        self._after_one = False

    def action_move(self, step: int) -> None:
        """Move the choice by ``step`` (from the middle when nothing is chosen)."""
        self._after_one = False
        start = 5 - step if self.value is None else self.value
        self.value = min(10, max(0, start + step))

    def action_clear(self) -> None:
        """Take the answer back."""
        self._after_one = False
        self.value = None

    def action_submit(self) -> None:
        """Confirm the current value."""
        self._after_one = False
        self.post_message(self.Submitted(self, self.value))


class PainQuestion(ModalScreen[int | None]):
    """Asks for back pain 0-10 before a session; dismisses with it, or None when skipped."""

    CSS_PATH = "../history.tcss"

    BINDINGS = [
        Binding("escape", "skip", "Skip", id="pain_skip"),
    ]

    AUTO_FOCUS = "#pain-before"

    def __init__(self, *, value: int | None = None) -> None:
        super().__init__(classes="question")
        self.initial = value

    def compose(self) -> ComposeResult:
        """The question, the scale, and Start / Skip."""
        with Vertical(classes="question-box"):
            yield Static("Any back pain right now?", classes="question-title")
            yield Static(
                "0 = none, 10 = the worst you can imagine. "
                "Type a number (1 then 0 for 10) or use the arrows.",
                classes="question-text",
            )
            yield RatingScale(self.initial, id="pain-before")
            yield Static("Enter: start · Esc: skip", classes="question-hint")
            with Horizontal(classes="question-buttons"):
                yield Button("Start", id="answer", variant="primary")
                yield Button("Skip", id="skip")

    @on(RatingScale.Submitted)
    def _submitted(self, event: RatingScale.Submitted) -> None:
        self.dismiss(event.value)

    @on(Button.Pressed, "#answer")
    def _answer(self) -> None:
        self.dismiss(self.query_one(RatingScale).value)

    @on(Button.Pressed, "#skip")
    def _skip(self) -> None:
        self.dismiss(None)

    def action_skip(self) -> None:
        """Start without a pain rating."""
        self.dismiss(None)


def when_text(timestamp: float, *, now: float, tz: tzinfo | None) -> str:
    """A recent time as people say it: "today at 07:30", "yesterday at 22:10"."""
    moment = datetime.fromtimestamp(timestamp, tz)
    today = datetime.fromtimestamp(now, tz).date()
    clock_time = moment.strftime("%H:%M")
    if moment.date() == today:
        return f"today at {clock_time}"
    if moment.date() == today - timedelta(days=1):
        return f"yesterday at {clock_time}"
    return f"{moment:%a %d %b} at {clock_time}"


def resume_text(record: SessionRecord, *, now: float, tz: tzinfo | None) -> str:
    """The resume question for an interrupted session."""
    minutes = round(record.active_seconds / 60)
    done = "less than a minute done" if minutes < 1 else f"{minutes} min done"
    return (
        f"An interrupted session of {record.routine_name} from "
        f"{when_text(record.started_at, now=now, tz=tz)} "
        f"(stopped at segment {record.resume_segment + 1}, {done}). Resume?"
    )


class ResumeQuestion(ModalScreen[bool]):
    """Offers to continue an interrupted session: True to resume, False to start over."""

    CSS_PATH = "../history.tcss"

    BINDINGS = [
        Binding("y,r", "answer(True)", "Resume", id="resume_yes"),
        Binding("n,escape", "answer(False)", "Start over", id="resume_no"),
    ]

    AUTO_FOCUS = "#resume"

    def __init__(
        self, record: SessionRecord, *, now: float | None = None, tz: tzinfo | None = None
    ) -> None:
        super().__init__(classes="question")
        self.record = record
        self.now = time.time() if now is None else now
        self.tz = tz

    def compose(self) -> ComposeResult:
        """The question over Resume / Start over."""
        with Vertical(classes="question-box"):
            yield Static("Interrupted session", classes="question-title")
            yield Static(
                resume_text(self.record, now=self.now, tz=self.tz),
                id="resume-text",
                classes="question-text",
                markup=False,
            )
            with Horizontal(classes="question-buttons"):
                yield Button("Resume", id="resume", variant="primary")
                yield Button("Start over", id="start-over")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "resume")

    def action_answer(self, answer: bool) -> None:
        """Resume (True) or start over (False)."""
        self.dismiss(answer)


def problem_title(error: HistoryError) -> str:
    """A headline for what is wrong with the session log."""
    if isinstance(error, CorruptHistoryError):
        return "The session log is damaged"
    if isinstance(error, NotOursError):
        return "The session log file is not matwork's"
    if isinstance(error, NewerSchemaError):
        return "The session log is from a newer matwork"
    if isinstance(error, HistoryBusyError):
        return "The session log is busy"
    return "The session log cannot be used"


MOVE_ASIDE_QUESTION = (
    "Move the damaged log aside? It is renamed, not deleted, and a new log starts "
    "with the next session."
)
"""What the move-aside confirmation asks."""


def try_move_aside(path: Path) -> tuple[Path | None, str]:
    """Rename a damaged log; returns (its new path, a message) or (None, why it failed)."""
    try:
        target = move_aside(path)
    except OSError as error:
        return None, f"Could not move {path.name} aside: {error.strerror or error}"
    return target, f"Moved the damaged log to {target.name}"


class HistoryProblem(ModalScreen[Path | None]):
    """Says why the session log cannot be used; for a damaged one, offers to move it aside.

    Dismisses with the path the damaged file was moved to, or None when left as it is.
    """

    CSS_PATH = "../history.tcss"

    BINDINGS = [
        Binding("escape", "close", "Close", id="problem_close"),
        Binding("m", "move_aside", "Move aside", id="problem_move_aside"),
    ]

    AUTO_FOCUS = "#problem-close"

    def __init__(self, error: HistoryError) -> None:
        super().__init__(classes="question")
        self.error = error
        self.set_class(isinstance(error, CorruptHistoryError), "-corrupt")

    def compose(self) -> ComposeResult:
        """The headline, the error text, and the buttons."""
        with Vertical(classes="question-box"):
            yield Static(problem_title(self.error), classes="question-title")
            yield Static(str(self.error), id="problem-text", classes="question-text", markup=False)
            with Horizontal(classes="question-buttons"):
                yield Button("Move aside…", id="problem-move", variant="warning")
                yield Button("Close", id="problem-close", variant="primary")

    @on(Button.Pressed, "#problem-move")
    def _move_pressed(self) -> None:
        self.action_move_aside()

    @on(Button.Pressed, "#problem-close")
    def _close_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        """Leave the file as it is."""
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Moving aside is offered for a damaged log only."""
        if action == "move_aside":
            return isinstance(self.error, CorruptHistoryError)
        return True

    def action_move_aside(self) -> None:
        """Ask, then rename the damaged log."""
        if isinstance(self.error, CorruptHistoryError):
            self.app.push_screen(ConfirmScreen(MOVE_ASIDE_QUESTION, yes="Move aside"), self._moved)

    def _moved(self, confirmed: bool | None) -> None:
        if not confirmed:
            return
        target, message = try_move_aside(self.error.path)
        self.notify(message, severity="information" if target else "error")
        if target is not None:
            self.dismiss(target)
