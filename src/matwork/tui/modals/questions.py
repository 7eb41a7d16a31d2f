"""The questions around a session: pain before, resume, and a session log that cannot be used.

Each is a typed modal, used with a callback or ``await app.push_screen_wait(...)``:

* ``PainQuestion()`` -> ``int | None``: pain 0-10 before the session, None when skipped;
* ``ResumeQuestion(record)`` -> ``bool``: True to continue the interrupted session;


The 0-10 answers use ``widgets.rating_scale.RatingScale``, shared with the summary.
"""

from __future__ import annotations

import time
from datetime import tzinfo

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Static

from matwork.app.resume_offer import resume_text as resume_text
from matwork.app.resume_offer import when_text as when_text
from matwork.i18n import lazy_tui_, tui_
from matwork.store.writer import (
    SessionRecord,
)
from matwork.tui.widgets.bindings_text import lazy_binding
from matwork.tui.widgets.rating_scale import RatingScale

LEG_SYMPTOMS = lazy_tui_("New numbness, tingling, weakness or pain in a leg")
"""The box ticked for new leg symptoms (they run the red-flag check, issue 13)."""


class PainQuestion(ModalScreen[int | None]):
    """Asks for back pain 0-10 before a session; dismisses with it, or None when skipped."""

    CSS_PATH = "questions.tcss"

    BINDINGS = [
        lazy_binding("escape", "skip", lazy_tui_("Skip"), id="pain_skip"),
    ]

    AUTO_FOCUS = "#pain-before"

    def __init__(self, *, value: int | None = None) -> None:
        super().__init__(classes="question")
        self.initial = value
        self.leg_symptoms = False
        """Ticked: new numbness, tingling, weakness or pain in a leg (runs the red-flag check)."""

    def compose(self) -> ComposeResult:
        """The question, the scale, and Start / Skip."""
        with Vertical(classes="question-box"):
            yield Static(tui_("Any back pain right now?"), classes="question-title")
            yield Static(
                tui_(
                    "0 = none, 10 = the worst you can imagine. "
                    "Type a number (1 then 0 for 10) or use the arrows."
                ),
                classes="question-text",
            )
            yield RatingScale(self.initial, id="pain-before")
            yield Checkbox(str(LEG_SYMPTOMS), id="leg-symptoms")
            yield Static(tui_("Enter: start · Esc: skip"), classes="question-hint")
            with Horizontal(classes="question-buttons"):
                yield Button(tui_("Start"), id="answer", variant="primary")
                yield Button(tui_("Skip"), id="skip")

    @on(RatingScale.Submitted)
    def _submitted(self, event: RatingScale.Submitted) -> None:
        self.dismiss(event.value)

    @on(Checkbox.Changed, "#leg-symptoms")
    def _legs(self, event: Checkbox.Changed) -> None:
        self.leg_symptoms = event.value

    @on(Button.Pressed, "#answer")
    def _answer(self) -> None:
        self.dismiss(self.query_one(RatingScale).value)

    @on(Button.Pressed, "#skip")
    def _skip(self) -> None:
        self.dismiss(None)

    def action_skip(self) -> None:
        """Start without a pain rating."""
        self.dismiss(None)


class ResumeQuestion(ModalScreen[bool]):
    """Offers to continue an interrupted session: True to resume, False to start over."""

    CSS_PATH = "questions.tcss"

    BINDINGS = [
        lazy_binding("y,r", "answer(True)", lazy_tui_("Resume"), id="resume_yes"),
        lazy_binding("n,escape", "answer(False)", lazy_tui_("Start over"), id="resume_no"),
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
            yield Static(tui_("Interrupted session"), classes="question-title")
            yield Static(
                resume_text(self.record, now=self.now, tz=self.tz),
                id="resume-text",
                classes="question-text",
                markup=False,
            )
            with Horizontal(classes="question-buttons"):
                yield Button(tui_("Resume"), id="resume", variant="primary")
                yield Button(tui_("Start over"), id="start-over")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "resume")

    def action_answer(self, answer: bool) -> None:
        """Resume (True) or start over (False)."""
        self.dismiss(answer)
