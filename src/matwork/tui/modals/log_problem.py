"""The dialog that says why the session log cannot be used, and offers to move it aside."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from matwork.i18n import lazy_tui_, tui_
from matwork.store.files import os_error_words
from matwork.store.writer import (
    CorruptHistoryError,
    DiskFullError,
    HistoryBusyError,
    HistoryError,
    HistoryPermissionError,
    NewerSchemaError,
    NotOursError,
    ReadOnlyHistoryError,
    move_aside,
)
from matwork.tui.modals.confirm import ConfirmScreen
from matwork.tui.widgets.bindings_text import lazy_binding


def problem_title(error: HistoryError) -> str:
    """A headline for what is wrong with the session log."""
    if isinstance(error, CorruptHistoryError):
        return tui_("The session log is damaged")
    if isinstance(error, NotOursError):
        return tui_("The session log file is not matwork's")
    if isinstance(error, NewerSchemaError):
        return tui_("The session log is from a newer matwork")
    if isinstance(error, HistoryBusyError):
        return tui_("The session log is busy")
    if isinstance(error, DiskFullError):
        return tui_("The disk is full")
    if isinstance(error, ReadOnlyHistoryError):
        return tui_("The session log is on a read-only disk")
    if isinstance(error, HistoryPermissionError):
        return tui_("The session log may not be written")
    return tui_("The session log cannot be used")


MOVE_ASIDE_QUESTION = lazy_tui_(
    "Move the damaged log aside? It is renamed, not deleted, and a new log starts "
    "with the next session."
)
"""What the move-aside confirmation asks."""


def try_move_aside(path: Path) -> tuple[Path | None, str]:
    """Rename a damaged log; returns (its new path, a message) or (None, why it failed)."""
    try:
        target = move_aside(path)
    except OSError as error:
        said = tui_("Could not move {name} aside: {reason}")
        return None, said.format(name=path.name, reason=os_error_words(error))
    return target, tui_("Moved the damaged log to {name}").format(name=target.name)


class HistoryProblem(ModalScreen[Path | None]):
    """Says why the session log cannot be used; for a damaged one, offers to move it aside.

    Dismisses with the path the damaged file was moved to, or None when left as it is.
    """

    CSS_PATH = "questions.tcss"

    BINDINGS = [
        lazy_binding("escape", "close", lazy_tui_("Close"), id="problem_close"),
        lazy_binding("m", "move_aside", lazy_tui_("Move aside"), id="problem_move_aside"),
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
                yield Button(tui_("Move aside…"), id="problem-move", variant="warning")
                yield Button(tui_("Close"), id="problem-close", variant="primary")

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
            question = ConfirmScreen(str(MOVE_ASIDE_QUESTION), yes=tui_("Move aside"))
            self.app.push_screen(question, self._moved)

    def _moved(self, confirmed: bool | None) -> None:
        if not confirmed:
            return
        target, message = try_move_aside(self.error.path)
        self.notify(message, severity="information" if target else "error")
        if target is not None:
            self.dismiss(target)
