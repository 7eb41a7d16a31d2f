"""The red-flag check on screen: tick the signs that apply, then whom to see.

``RedFlagScreen(log_file, reason)`` lists every question of ``data/red_flags.toml`` as
a checkbox (a tick is a yes, the rest are no), stores the check in the log when the
user is done, and shows what it says: plainly whom to see, "get care now" for the
urgent group, and that nothing is diagnosed. It dismisses with True when training may
go on (the check is clear) and False when a warning sign is open or the check was left
unfinished. Given ``open_found`` (the newest stored check, still open) it starts by
showing that check, with "Answer again".
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Static

from matwork.app.red_flag_checks import save_check_at
from matwork.core.red_flags import CheckReason, RedFlagCheck, localized_red_flags, reason_words
from matwork.i18n import current_language, lazy_tui_, tui_
from matwork.store.assessment_log import RedFlagRecord
from matwork.tui.assess.styles import ASSESS_CSS
from matwork.tui.assess.tick_row import TickRow
from matwork.tui.widgets.bindings_text import lazy_binding

TICK_HINT = lazy_tui_(
    "Tick (space) every question you would answer yes; the others count as no. d: done."
)
"""The line under the reason."""


def check_text(check: RedFlagCheck) -> Text:
    """What a check says, line by line; each group's line (whom to see) in bold."""
    text = Text()
    heads = tuple(f"{group.name}:" for group in check.groups)
    for index, line in enumerate(check.lines):
        if index:
            text.append("\n")
        text.append(line, "bold" if heads and line.startswith(heads) else "")
    return text


class RedFlagScreen(Screen[bool]):
    """The red-flag questions, then the outcome; True when training may go on."""

    CSS_PATH = ASSESS_CSS

    BINDINGS = [
        lazy_binding("d", "done", lazy_tui_("Done: check"), id="red_flags_done"),
        lazy_binding("escape", "cancel", lazy_tui_("Cancel"), id="red_flags_cancel"),
    ]

    def __init__(
        self,
        log_file: Path,
        reason: CheckReason,
        *,
        open_found: tuple[RedFlagRecord, RedFlagCheck] | None = None,
        session_uuid: str | None = None,
        now: float | None = None,
    ) -> None:
        super().__init__(id="red-flags", classes="-asking")
        self.log_file = log_file
        self.reason = reason
        self.session_uuid = session_uuid
        self.now = now
        self.open_found = open_found
        self.check: RedFlagCheck | None = open_found[1] if open_found else None
        """The outcome shown (the stored one, or the one just answered)."""
        self.problem: str | None = None
        """Why the check could not be stored, if it could not."""

    def compose(self) -> ComposeResult:
        """The questions over Done; the outcome (hidden until answered) over its buttons."""
        flags = localized_red_flags(current_language())
        with VerticalScroll(id="flags-box"):
            yield Static(tui_("Red-flag check"), id="flags-title")
            yield Static(reason_words(self.reason), id="flags-why", markup=False)
            with Vertical(id="flags-questions"):
                yield Static(str(TICK_HINT), id="flags-hint", markup=False)
                for _, question in flags.questions():
                    yield TickRow(f"q-{question.id}", question.text, classes="flag-question")
            yield Static("", id="flags-result")
            with Horizontal(id="flags-buttons"):
                yield Button(tui_("Done: check my answers"), id="flags-done", variant="primary")
                yield Button(tui_("Answer again"), id="flags-again")
                yield Button(tui_("Go on"), id="flags-go", variant="success")
                yield Button(tui_("Close"), id="flags-close")
        yield Footer()

    def on_mount(self) -> None:
        """Show the stored open check first, when there is one."""
        if self.open_found is not None:
            record, check = self.open_found
            self._show(check, stored=record)
        else:
            self.call_after_refresh(self._focus_first)

    def _focus_first(self) -> None:
        for box in self.query(Checkbox).results(Checkbox):
            box.focus()
            return

    def answers(self) -> dict[str, bool]:
        """Every question's answer as ticked now."""
        return {
            question.id: self.query_one(f"#q-{question.id}", Checkbox).value
            for _, question in localized_red_flags(current_language()).questions()
        }

    def _show(self, check: RedFlagCheck, stored: RedFlagRecord | None = None) -> None:
        self.check = check
        text = Text()
        if stored is not None:
            text.append(tui_("A warning sign from your last check is open.") + "\n\n", "bold")
        text.append_text(check_text(check))
        if self.problem:
            text.append("\n\n" + tui_("Note: {note}").format(note=self.problem), "italic")
        self.query_one("#flags-result", Static).update(text)
        urgent = check.most_urgent is not None and check.most_urgent.urgency == "now"
        self.set_class(False, "-asking")
        self.set_class(True, "-answered")
        self.refresh_bindings()
        self.set_class(check.blocks_training, "-open")
        self.set_class(urgent, "-urgent")
        self.set_class(not check.blocks_training, "-clear")
        button = "#flags-again" if check.blocks_training else "#flags-go"
        self.query_one(button, Button).focus()
        self.query_one("#flags-box", VerticalScroll).scroll_home(animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Done only while the questions are asked."""
        if action == "done":
            return self.has_class("-asking")
        return True

    @on(Button.Pressed, "#flags-done")
    def action_done(self) -> None:
        """Check the answers as ticked (the rest count as no), store them, show the outcome."""
        check, self.problem = save_check_at(
            self.log_file,
            self.answers(),
            self.reason,
            now=self.now,
            session_uuid=self.session_uuid,
        )
        self._show(check)

    @on(Button.Pressed, "#flags-again")
    def _again(self) -> None:
        for box in self.query(Checkbox):
            box.value = False
        self.reason = CheckReason.RECHECK
        self.query_one("#flags-why", Static).update(reason_words(self.reason))
        self.set_class(False, "-answered", "-open", "-urgent", "-clear")
        self.set_class(True, "-asking")
        self.refresh_bindings()
        self._focus_first()

    @on(Button.Pressed, "#flags-go")
    def _go(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#flags-close")
    def _close(self) -> None:
        self.dismiss(self.check is not None and not self.check.blocks_training)

    def action_cancel(self) -> None:
        """Leave: an unfinished or open check keeps training paused."""
        self.dismiss(self.check is not None and not self.check.blocks_training)
