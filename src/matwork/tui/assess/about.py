"""Before the tests: who is measured (for the norms) and what holds the legs in the extensor hold.

``AboutScreen`` dismisses with an ``AboutYou`` (each answer optional), or None when
cancelled.
"""

from __future__ import annotations

import msgspec
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, RadioButton, RadioSet, Static

from matwork.core.assessment_runs import AboutYou
from matwork.i18n import LazyString, lazy_tui_, tui_
from matwork.tui.assess.styles import ASSESS_CSS
from matwork.tui.widgets.bindings_text import lazy_binding

SEXES: tuple[tuple[str, LazyString], ...] = (
    ("female", lazy_tui_("Female")),
    ("male", lazy_tui_("Male")),
    ("", lazy_tui_("Rather not say")),
)
"""The sex choices: the value stored and the label."""
SETUPS: tuple[tuple[str, LazyString], ...] = (
    ("straps", lazy_tui_("Straps around the bench")),
    ("helper", lazy_tui_("A helper holds my ankles")),
    ("heels-hooked", lazy_tui_("Heels hooked under a heavy sofa (helper-free)")),
    ("", lazy_tui_("I have no bench or fixed point: I will skip the extensor hold")),
)
"""What can hold the legs in the extensor hold: the value stored and the label."""


class AboutScreen(ModalScreen[AboutYou | None]):
    """Two optional questions before the tests; AboutYou, or None to cancel."""

    CSS_PATH = ASSESS_CSS

    BINDINGS = [
        lazy_binding("escape", "cancel", lazy_tui_("Cancel"), id="about_cancel"),
    ]

    def __init__(self) -> None:
        super().__init__(id="about")

    def compose(self) -> ComposeResult:
        """The two questions and Start / Cancel."""
        with VerticalScroll(id="about-box"):
            yield Static(tui_("Before the tests"), classes="about-title")
            yield Static(
                tui_(
                    "Both are optional. The norms differ for women and men; the extensor "
                    "hold needs a bench and something that holds your legs down."
                ),
                classes="about-text",
            )
            with RadioSet(id="about-sex"):
                for index, (_, label) in enumerate(SEXES):
                    yield RadioButton(str(label), value=index == len(SEXES) - 1)
            with RadioSet(id="about-setup"):
                for index, (_, label) in enumerate(SETUPS):
                    yield RadioButton(str(label), value=index == 0)
            with Horizontal(id="about-buttons"):
                yield Button(tui_("Start the tests"), id="about-start", variant="primary")
                yield Button(tui_("Cancel"), id="about-cancel")

    def on_mount(self) -> None:
        """Start from the first question."""
        self.query_one("#about-sex", RadioSet).focus()

    def about(self) -> AboutYou:
        """The answers as chosen now."""
        sex = SEXES[max(0, self.query_one("#about-sex", RadioSet).pressed_index)][0]
        setup = SETUPS[max(0, self.query_one("#about-setup", RadioSet).pressed_index)][0]
        chosen = {"sex": sex, "extensor_setup": setup}
        return msgspec.convert({key: value for key, value in chosen.items() if value}, AboutYou)

    @on(Button.Pressed, "#about-start")
    def _start(self) -> None:
        self.dismiss(self.about())

    @on(Button.Pressed, "#about-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        """Do not start the tests."""
        self.dismiss(None)
