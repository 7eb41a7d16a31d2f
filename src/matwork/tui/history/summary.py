"""The end of a session: what was done, then three optional questions saved as answered.

``SummaryScreen(store, uuid)`` shows planned and active time, completion, sets done and
skipped, work time and the exercises a pain flag was raised on; then asks for effort
(RPE 0-10), pain now (0-10) and a note. Each answer is written to the log at once, by
a worker, one write after the other in the order given. Escape or Done leaves after
the last write has landed; the session row itself was written by the player.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import Any

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Static
from textual.worker import Worker

from matwork.core.kinds import SessionStatus
from matwork.core.log_text import completion_percent
from matwork.core.results import SetResult
from matwork.core.timefmt import clock
from matwork.i18n import lazy_tui_, tui_, tui_ngettext
from matwork.store.writer import HistoryError, HistoryStore, SessionDetail
from matwork.tui.widgets.bindings_text import lazy_binding
from matwork.tui.widgets.key_footer import KeyFooter
from matwork.tui.widgets.rating_scale import RatingScale
from matwork.tui.widgets.words import side_label, started_text, status_label

NO_STYLE = Style()
"""A style that changes nothing."""


def pain_flags(sets: Sequence[SetResult]) -> list[str]:
    """The exercises a pain flag was raised on, in session order, counted when repeated."""
    counts: dict[str, int] = {}
    for result in sets:
        if result.pain_flag:
            name = result.exercise_name + (f" ({side_label(result.side)})" if result.side else "")
            counts[name] = counts.get(name, 0) + 1
    return [name if count == 1 else f"{name} ×{count}" for name, count in counts.items()]


def summary_facts(detail: SessionDetail) -> list[tuple[str, str]]:
    """The summary's rows: planned, active, completion, work time, sets, pain flags."""
    record = detail.session
    percent = completion_percent(record.active_seconds, record.planned_seconds)
    work_seconds = sum(result.actual_seconds for result in detail.sets)
    flags = pain_flags(detail.sets)
    set_count = len(detail.sets)
    skipped = sum(result.skipped for result in detail.sets)
    active = tui_("{time}  (pauses not counted)").format(time=clock(record.active_seconds))
    work_time = tui_ngettext("{time} in {count} set", "{time} in {count} sets", set_count)
    sets = tui_("{done} done · {skipped} skipped").format(done=set_count - skipped, skipped=skipped)
    return [
        (tui_("Planned"), clock(record.planned_seconds)),
        (tui_("Active time"), active),
        (tui_("Completion"), "-" if percent is None else f"{percent}%"),
        (tui_("Work time"), work_time.format(time=clock(work_seconds), count=set_count)),
        (tui_("Sets"), sets),
        (tui_("Pain flags"), " · ".join(flags) if flags else tui_("none")),
    ]


def facts_text(facts: Sequence[tuple[str, str]], flagged: Style = NO_STYLE) -> Text:
    """The facts as aligned label/value lines; pain flags, when there are any, ``flagged``."""
    width = max((len(label) for label, _ in facts), default=0) + 2
    text = Text()
    for index, (label, value) in enumerate(facts):
        if index:
            text.append("\n")
        text.append(f"{label:<{width}}", "bold")
        painful = label == tui_("Pain flags") and value != tui_("none")
        text.append(value, flagged if painful else NO_STYLE)
    return text


class SummaryScreen(Screen[None]):
    """A finished (or stopped) session's numbers and the after-session questions.

    Dismisses with None (Done or Escape) once every answer given is saved.
    """

    CSS_PATH = "summary.tcss"

    BINDINGS = [
        lazy_binding("escape", "leave", lazy_tui_("Skip the rest"), id="summary_skip"),
    ]

    AUTO_FOCUS = "#rpe"

    class Loaded(Message):
        """The session was read. Handled by ``on_summary_screen_loaded``."""

        def __init__(self, detail: SessionDetail) -> None:
            super().__init__()
            self.detail = detail

    class LoadFailed(Message):
        """The session could not be read. Handled by ``on_summary_screen_load_failed``."""

        def __init__(self, error: HistoryError) -> None:
            super().__init__()
            self.error = error

    class Saved(Message):
        """Answers were written. Handled by ``on_summary_screen_saved``."""

        def __init__(self, changes: dict[str, Any]) -> None:
            super().__init__()
            self.changes = changes

    class SaveFailed(Message):
        """Answers could not be written. Handled by ``on_summary_screen_save_failed``."""

        def __init__(self, changes: dict[str, Any], error: HistoryError) -> None:
            super().__init__()
            self.changes = changes
            self.error = error

    def __init__(self, store: HistoryStore, uuid: str, *, tz: tzinfo | None = None) -> None:
        super().__init__(id="summary", classes="-loading")
        self.store = store
        self.uuid = uuid
        self.tz = tz
        self.detail: SessionDetail | None = None
        """The session as read when the screen opened."""
        self.saved: dict[str, Any] = {}
        """The answers written so far (rpe, pain_after, notes)."""
        self._pending: dict[str, Any] = {}
        self._writer: Worker[HistoryError | None] | None = None
        self._touched: set[str] = set()
        self._leaving = False

    @property
    def leaving(self) -> bool:
        """True once Escape or Done was pressed: the screen closes after the last write."""
        return self._leaving

    def compose(self) -> ComposeResult:
        """The numbers over the three questions and Done."""
        yield Header()
        with VerticalScroll(id="summary-box"):
            yield Static(tui_("Reading the session…"), id="summary-title")
            yield Static("", id="summary-facts")
            yield Static(
                tui_(
                    "Three optional questions. Type a number (1 then 0 for 10; another digit "
                    "replaces it) or use ← →. Enter or Tab: the next question. Each answer "
                    "is saved as you give it; Esc skips the rest."
                ),
                id="summary-hint",
            )
            yield Static(
                tui_("How hard was it?  [dim]RPE: 0 = rest, 10 = the hardest you could do[/]"),
                classes="summary-question",
            )
            yield RatingScale(id="rpe")
            yield Static(
                tui_("Back pain now?  [dim]0 = none, 10 = the worst you can imagine[/]"),
                classes="summary-question",
            )
            yield RatingScale(id="pain-after")
            yield Static(tui_("A note for next time"), classes="summary-question")
            yield Input(placeholder=tui_("What felt good, what hurt, what to change…"), id="note")
            with Horizontal(id="summary-bottom"):
                yield Static("", id="save-state")
                yield Button(tui_("Done"), id="done", variant="primary")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Read the session."""
        self.query_one("#summary-facts", Static).border_title = tui_("This session")
        self._load(self.store, self.uuid)

    # -- loading ----------------------------------------------------------------------

    @work(thread=True, group="summary-load")
    def _load(self, store: HistoryStore, uuid: str) -> None:
        """Read the session and its sets; post Loaded or LoadFailed."""
        try:
            detail = store.get_session(uuid)
        except HistoryError as error:
            self.post_message(self.LoadFailed(error))
            return
        self.post_message(self.Loaded(detail))

    def on_summary_screen_loaded(self, message: Loaded) -> None:
        """Show the numbers; show answers already in the log (unless changed meanwhile)."""
        self.detail = message.detail
        record = message.detail.session
        self.set_class(False, "-loading")
        title_widget = self.query_one("#summary-title", Static)
        title_widget.set_class(record.status is SessionStatus.COMPLETED, "-completed")
        title_widget.set_class(record.status is not SessionStatus.COMPLETED, "-not-completed")
        started = datetime.fromtimestamp(record.started_at, self.tz)
        title = Text()
        title.append(record.routine_name, "bold")
        title.append(f" · {status_label(record.status)}", "bold")
        title.append(f" · {started_text(started)}", "dim")
        title_widget.update(title)
        facts = self.query_one("#summary-facts", Static)
        error = self.app.theme_variables.get("text-error")
        flagged = Style(color=error[:7] if error else None, bold=True)
        facts.update(facts_text(summary_facts(message.detail), flagged))
        facts.set_class(any(result.pain_flag for result in message.detail.sets), "-pain-flagged")
        with self.prevent(RatingScale.Changed, Input.Changed):
            if "rpe" not in self._touched:
                self.query_one("#rpe", RatingScale).value = record.rpe
            if "pain_after" not in self._touched:
                self.query_one("#pain-after", RatingScale).value = record.pain_after
            if "notes" not in self._touched:
                self.query_one("#note", Input).value = record.notes

    def on_summary_screen_load_failed(self, message: LoadFailed) -> None:
        """Say why the session cannot be shown; Escape still leaves."""
        self.set_class(False, "-loading")
        self.set_class(True, "-failed")
        self.query_one("#summary-title", Static).update(str(message.error))
        self.query_one("#done", Button).focus()

    # -- answers, saved as they come ------------------------------------------------------

    @on(RatingScale.Changed, "#rpe")
    def _rpe_changed(self, event: RatingScale.Changed) -> None:
        self._save("rpe", event.value)

    @on(RatingScale.Changed, "#pain-after")
    def _pain_changed(self, event: RatingScale.Changed) -> None:
        self._save("pain_after", event.value)

    @on(Input.Changed, "#note")
    def _note_changed(self, event: Input.Changed) -> None:
        self._save("notes", event.value)

    @on(RatingScale.Submitted, "#rpe")
    def _rpe_submitted(self) -> None:
        self.query_one("#pain-after", RatingScale).focus()

    @on(RatingScale.Submitted, "#pain-after")
    def _pain_submitted(self) -> None:
        self.query_one("#note", Input).focus()

    @on(Input.Submitted, "#note")
    def _note_submitted(self) -> None:
        self.query_one("#done", Button).focus()

    def _save(self, name: str, value: Any) -> None:
        if self._leaving:
            return
        self._touched.add(name)
        self._pending[name] = value
        self._flush()

    def _flush(self) -> None:
        """Start writing what is pending, unless a write is under way (it flushes next)."""
        if self._writer is not None or not self._pending:
            return
        changes, self._pending = self._pending, {}
        self.query_one("#save-state", Static).set_class(True, "-saving")
        self._writer = self._write(self.store, self.uuid, changes)

    @work(thread=True, group="summary-save")
    def _write(
        self, store: HistoryStore, uuid: str, changes: dict[str, Any]
    ) -> HistoryError | None:
        """Write answers to the log; post Saved or SaveFailed (and return the error)."""
        try:
            store.annotate(uuid, **changes)
        except HistoryError as error:
            self.post_message(self.SaveFailed(changes, error))
            return error
        self.post_message(self.Saved(changes))
        return None

    def on_summary_screen_saved(self, message: Saved) -> None:
        """Note what is saved; write what came in meanwhile."""
        if self._leaving:
            return
        self._writer = None
        self.saved.update(message.changes)
        state = self.query_one("#save-state", Static)
        state.set_class(False, "-saving", "-save-failed")
        state.update(tui_("Saved."))
        self._flush()

    def on_summary_screen_save_failed(self, message: SaveFailed) -> None:
        """Say the answers are not saved; keep them to try again with the next one."""
        if self._leaving:
            return
        self._writer = None
        self._pending = {**message.changes, **self._pending}
        state = self.query_one("#save-state", Static)
        state.set_class(False, "-saving")
        state.set_class(True, "-save-failed")
        state.update(tui_("Not saved: {reason}").format(reason=message.error))

    # -- leaving ------------------------------------------------------------------------

    @on(Button.Pressed, "#done")
    async def _done(self) -> None:
        await self.action_leave()

    async def action_leave(self) -> None:
        """Wait for the answers under way and write any left; then close the summary."""
        if self._leaving:
            return
        self._leaving = True
        failure: HistoryError | None = None
        while self._writer is not None or (self._pending and failure is None):
            if self._writer is None:
                changes, self._pending = self._pending, {}
                self._writer = self._write(self.store, self.uuid, changes)
            failure = await self._writer.wait()
            self._writer = None
        if failure is not None:
            said = tui_("Some answers were not saved: {reason}").format(reason=failure)
            self.app.notify(said, severity="error")
        self.dismiss()
