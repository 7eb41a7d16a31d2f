"""The library's offer to a new user: "Start with a 15-minute check".

``AssessOffer`` sits over the library's lists while the log holds no assessment (and
the offer was not dismissed with "Not now", saved as ``[session] assessment_offer =
false`` in config.toml). It reads the log on a thread worker; "Start the check" (or
``a`` anywhere in the library) runs the red-flag check and the assessment.
``offer_on(library)`` mounts it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Static

from matwork.app.assessments import has_assessment
from matwork.app.config_write import ConfigWriteError, save_config_value
from matwork.i18n import lazy_tui_, tui_
from matwork.store.errors import HistoryError

OFFER_TEXT = lazy_tui_(
    "New here? Start with a 15-minute check: holds and length tests show what to train (a)."
)
"""The offer's words."""


class AssessOffer(Horizontal):
    """The offer of the first assessment; hidden (``-hidden``) unless it is due."""

    DEFAULT_CSS = """
    AssessOffer {
        height: auto;
        padding: 0 1;
        background: $boost;
        border-bottom: solid $accent 40%;
    }
    AssessOffer.-hidden {
        display: none;
    }
    AssessOffer #offer-text {
        width: 1fr;
    }
    AssessOffer Button {
        margin-left: 1;
    }
    """

    class Due(Message):
        """Whether the offer is due (no assessment yet). Handled by ``on_assess_offer_due``."""

        def __init__(self, due: bool) -> None:
            super().__init__()
            self.due = due

    def __init__(self, log_file: Path, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="-hidden")
        self.log_file = log_file

    def compose(self) -> ComposeResult:
        """The words and the two buttons."""
        yield Static(str(OFFER_TEXT), id="offer-text", markup=False)
        yield Button(tui_("Start the check"), id="offer-start", variant="primary", compact=True)
        yield Button(tui_("Not now"), id="offer-dismiss", compact=True)

    def on_mount(self) -> None:
        """Find out whether the offer is due."""
        self.recheck()

    def recheck(self) -> None:
        """Read the log again (after an assessment, the offer goes)."""
        config = getattr(self.app, "config", None)
        if config is not None and not config.session.assessment_offer:
            self.set_class(True, "-hidden")
            return
        self._read(self.log_file)

    @work(thread=True, exclusive=True, group="assess-offer")
    def _read(self, log_file: Path) -> None:
        try:
            due = not has_assessment(log_file)
        except HistoryError:
            due = False  # the log cannot be read: the library says so elsewhere
        self.post_message(self.Due(due))

    def on_assess_offer_due(self, message: Due) -> None:
        """Show or hide the offer."""
        self.set_class(not message.due, "-hidden")

    @on(Button.Pressed, "#offer-start")
    async def _start(self) -> None:
        await self.app.run_action("assess")

    @on(Button.Pressed, "#offer-dismiss")
    def _dismiss(self) -> None:
        self.set_class(True, "-hidden")
        app: Any = self.app
        config = getattr(app, "config", None)
        paths = getattr(app, "paths", None)
        if config is None or paths is None:
            return
        session = msgspec.structs.replace(config.session, assessment_offer=False)
        app.config = msgspec.structs.replace(config, session=session)
        try:
            save_config_value(paths.config_file, "session", "assessment_offer", False)
        except ConfigWriteError as error:
            self.notify(tui_("Not saved: {reason}").format(reason=error), severity="warning")


def offer_on(library: Screen[Any], log_file: Path) -> AssessOffer:
    """Mount the offer at the top of the library (under its header)."""
    offer = AssessOffer(log_file, id="assess-offer")
    library.mount(offer, before="#library-body")
    return offer
