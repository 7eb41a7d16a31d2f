"""The next-morning check-in as a modal: pain now (0-10), and better, same or worse.

``CheckinQuestion(question)`` dismisses with a ``CheckinAnswer``, or None when skipped.
A skipped check-in is stored as nothing: the engine reads it as no information,
never as fine, and the modal says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from matwork.core.progression import Compared
from matwork.i18n import LazyString, lazy_tui_, tui_
from matwork.tui.widgets.bindings_text import lazy_binding
from matwork.tui.widgets.rating_scale import RatingScale

COMPARED_LABELS: dict[Compared, LazyString] = {
    Compared.BETTER: lazy_tui_("Better"),
    Compared.SAME: lazy_tui_("Same"),
    Compared.WORSE: lazy_tui_("Worse"),
}
"""The three answers to "compared with before the session", as their buttons say them."""

COMPARED_WORDS: dict[Compared, LazyString] = {
    Compared.BETTER: lazy_tui_("better"),
    Compared.SAME: lazy_tui_("same"),
    Compared.WORSE: lazy_tui_("worse"),
}
"""The three answers in a sentence: "Checked in: pain 2/10, better."."""


@dataclass(frozen=True)
class CheckinAnswer:
    """A morning check-in as given: pain now, and compared with before the session."""

    pain: int
    compared: Compared


class CheckinQuestion(ModalScreen[CheckinAnswer | None]):
    """Asks the morning check-in; dismisses with the answer, or None when skipped."""

    CSS_PATH = ["../modals/questions.tcss", "today.tcss"]

    BINDINGS = [
        lazy_binding("escape", "skip", lazy_tui_("Skip"), id="checkin_skip"),
        lazy_binding("b", "compare('better')", lazy_tui_("Better"), id="checkin_better"),
        lazy_binding("s", "compare('same')", lazy_tui_("Same"), id="checkin_same"),
        lazy_binding("w", "compare('worse')", lazy_tui_("Worse"), id="checkin_worse"),
    ]

    AUTO_FOCUS = "#checkin-pain"

    def __init__(self, question: str) -> None:
        super().__init__(classes="question")
        self.question = question
        self.compared: Compared | None = None
        """The better/same/worse answer, once chosen."""

    def compose(self) -> ComposeResult:
        """The question, the pain scale, better/same/worse, and Save / Skip."""
        with Vertical(classes="question-box", id="checkin-box"):
            yield Static(tui_("Morning check-in"), classes="question-title")
            yield Static(
                self.question, classes="question-text", id="checkin-question", markup=False
            )
            yield Static(
                tui_(
                    "Pain now: 0 = none, 10 = the worst you can imagine "
                    "(type it, or use the arrows)."
                ),
                classes="question-hint",
            )
            yield RatingScale(id="checkin-pain")
            yield Static(
                tui_("Compared with before that session (b, s or w):"), classes="question-hint"
            )
            with Horizontal(id="checkin-compared"):
                for compared, label in COMPARED_LABELS.items():
                    yield Button(str(label), id=f"compared-{compared.value}", classes="compared")
            yield Static(
                tui_("Esc skips: no answer counts as no information, never as fine."),
                classes="question-hint",
                id="checkin-skip-note",
            )
            with Horizontal(classes="question-buttons"):
                yield Button(tui_("Save"), id="checkin-save", variant="primary")
                yield Button(tui_("Skip"), id="checkin-skip-button")

    def action_compare(self, value: str) -> None:
        """Choose better, same or worse."""
        self.compared = Compared(value)
        for button in self.query(".compared").results(Button):
            button.set_class(button.id == f"compared-{value}", "-chosen")
        if self.query_one(RatingScale).value is not None:
            self.query_one("#checkin-save", Button).focus()

    @on(Button.Pressed, ".compared")
    def _compared_pressed(self, event: Button.Pressed) -> None:
        self.action_compare((event.button.id or "").removeprefix("compared-"))

    @on(RatingScale.Submitted)
    def _pain_submitted(self) -> None:
        if self.compared is None:
            self.query_one(f"#compared-{Compared.SAME.value}", Button).focus()
        else:
            self.action_save()

    @on(Button.Pressed, "#checkin-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#checkin-skip-button")
    def _skip_pressed(self) -> None:
        self.action_skip()

    def action_save(self) -> None:
        """Dismiss with the answer once both parts are given; else say what is missing."""
        pain = self.query_one(RatingScale).value
        if pain is None or self.compared is None:
            if pain is None:
                said = tui_("Choose your pain now (0-10), or Esc to skip.")
            else:
                said = tui_("Choose better, same or worse, or Esc to skip.")
            self.notify(said, severity="warning")
            return
        self.dismiss(CheckinAnswer(pain, self.compared))

    def action_skip(self) -> None:
        """Close without a check-in."""
        self.dismiss(None)
