"""The session history: a paged table of sessions, the chosen one's sets, and charts.

The screen composes three parts that each read the log on a worker of their own and
only post messages: ``SessionsTable`` (pages of sessions), ``SetsPanel`` (the
highlighted session's sets) and ``ChartsPanel`` (the last 26 weeks). The screen opens
the log, holds the filter, and shows why when the log cannot be read (damaged, not
matwork's, from a newer matwork); a damaged one can be moved aside from there.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import tzinfo
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Static

from matwork.app.formats import number_text
from matwork.core.kinds import SessionStatus
from matwork.i18n import lazy_tui_, tui_, tui_ngettext
from matwork.store.writer import CorruptHistoryError, HistoryError, HistoryStore
from matwork.tui.history.charts_panel import ChartsPanel
from matwork.tui.history.filters import (
    PERIODS,
    STATUSES,
    SessionFilter,
    period_label,
    status_choice_label,
)
from matwork.tui.history.sessions_table import PAGE_SIZE, SessionsTable
from matwork.tui.history.sets_panel import SetsPanel
from matwork.tui.modals.confirm import ConfirmScreen
from matwork.tui.modals.log_problem import MOVE_ASIDE_QUESTION, problem_title, try_move_aside
from matwork.tui.widgets.bindings_text import lazy_binding
from matwork.tui.widgets.filter_chip import FilterChip
from matwork.tui.widgets.key_footer import KeyFooter
from matwork.tui.widgets.size_classes import set_size_classes


def status_line(rows: int, total: int, *, loading: bool, exhausted: bool, filtered: bool) -> str:
    """The line under the table: how many sessions show, of how many, and what is coming."""
    if total == 0:
        return tui_("No sessions logged yet. Finish (or stop) a routine and it shows up here.")
    if rows == 0 and loading:
        return tui_("Reading sessions…")
    if rows == 0:
        return tui_("No session matches the filters.")
    count = number_text(rows, 0)
    if filtered:
        text = tui_ngettext("{count} session matches", "{count} sessions match", rows)
    else:
        text = tui_ngettext("{count} session", "{count} sessions", rows)
    text = text.format(count=count)
    text += " · " + tui_("{count} in the log").format(count=number_text(total, 0))
    if loading:
        text += " · " + tui_("reading more…")
    elif not exhausted:
        text += " · " + tui_("more below")
    return text


class HistoryScreen(Screen[None]):
    """Sessions newest first with filters, the highlighted one's sets, and charts.

    ``log`` is an open store (used as given, and left open) or the log's path (opened
    read-only, and closed when the screen goes). ``now`` and ``tz`` fix the clock and
    the time zone (tests); by default the time of each load and the local zone.
    """

    CSS_PATH = "history.tcss"

    BINDINGS = [
        lazy_binding("escape", "back", lazy_tui_("Back"), id="history_back"),
        lazy_binding("slash", "focus_filter", lazy_tui_("Filter"), id="history_filter"),
        lazy_binding("s", "cycle('status')", lazy_tui_("Status"), id="history_filter_status"),
        lazy_binding("d", "cycle('since')", lazy_tui_("Since"), id="history_filter_since"),
        lazy_binding("c", "toggle_charts", lazy_tui_("Charts"), id="history_charts"),
        lazy_binding("w", "week", lazy_tui_("This week"), id="history_week"),
        lazy_binding("a", "assessments", lazy_tui_("Assessments"), id="history_assessments"),
        lazy_binding("r", "reload", lazy_tui_("Reload"), id="history_reload", show=False),
        lazy_binding("m", "move_aside", lazy_tui_("Move aside"), id="history_move_aside"),
    ]

    AUTO_FOCUS = "#sessions"

    @dataclass
    class Opened(Message):
        """The log is open and counted. Handled by ``on_history_screen_opened``."""

        store: HistoryStore
        total: int
        """Sessions in the whole log."""

    @dataclass
    class LoadFailed(Message):
        """The log cannot be read. Handled by ``on_history_screen_load_failed``."""

        error: HistoryError

    def __init__(
        self,
        log: HistoryStore | Path,
        *,
        now: float | None = None,
        tz: tzinfo | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(id="history")
        self._given = log if isinstance(log, HistoryStore) else None
        self._path = log.path if isinstance(log, HistoryStore) else log
        self._fixed_now = now
        self.tz = tz
        self.page_size = page_size
        self.filter = SessionFilter()
        self.store: HistoryStore | None = None
        """The open log, once the open worker reported it."""
        self.error: HistoryError | None = None
        """Why the log cannot be read, while it cannot."""
        self.total = 0
        """Sessions in the whole log."""
        self._charts_due = False

    def now(self) -> float:
        """The injected time, or the clock's."""
        return time.time() if self._fixed_now is None else self._fixed_now

    # -- layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Filters, sessions and sets on the left, charts on the right; or the problem."""
        set_size_classes(self)  # the widgets below are styled once, for this size
        yield Header()
        with Horizontal(id="history-body"):
            with Vertical(id="history-left"):
                yield Input(placeholder=tui_("Routine name…  (/ to search)"), id="filter-routine")
                with Horizontal(id="history-chips"):
                    yield FilterChip(
                        tui_("status"),
                        ["any", *STATUSES],
                        id="chip-status",
                        shown=status_choice_label,
                    )
                    yield FilterChip(
                        tui_("since"), list(PERIODS), id="chip-since", shown=period_label
                    )
                yield SessionsTable(tz=self.tz, page_size=self.page_size, id="sessions")
                yield Static(tui_("Opening the session log…"), id="history-status")
                yield SetsPanel(tz=self.tz, id="sets-panel")
            yield ChartsPanel(id="charts")
        with Vertical(id="history-problem"):
            yield Static("", id="problem-title")
            yield Static("", id="problem-text", markup=False)
            yield Button(tui_("Move aside…"), id="move-aside", variant="warning")

    def on_mount(self) -> None:
        """Open the log."""
        self._open(self._given, self._path)

    def on_unmount(self) -> None:
        """Close the log if this screen opened it."""
        self._close_own_store()

    def _close_own_store(self) -> None:
        if self.store is not None and self.store is not self._given:
            self.store.close()
        self.store = None

    # -- opening --------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="history-open")
    def _open(self, given: HistoryStore | None, path: Path) -> None:
        """Open (unless given) and count the log; post Opened or LoadFailed."""
        store = given
        try:
            if store is None:
                store = HistoryStore(path, create=False)
            total = store.count_sessions()
        except HistoryError as error:
            if store is not None and store is not given:
                store.close()
            self.post_message(self.LoadFailed(error))
            return
        self.post_message(self.Opened(store, total))

    def on_history_screen_opened(self, message: Opened) -> None:
        """Keep the store; fill the first page (the charts follow it)."""
        self.store = message.store
        self.total = message.total
        self.error = None
        if self.has_class("-failed"):  # a class on the screen restyles all of it
            self.set_class(False, "-failed", "-corrupt")
        self._charts_due = True
        self._restart()

    def on_history_screen_load_failed(self, message: LoadFailed) -> None:
        """Show why the log cannot be read, with move-aside for a damaged one."""
        self.query_one(SessionsTable).stop()
        self._close_own_store()
        self.error = message.error
        self.set_class(True, "-failed")
        self._mount_footer()
        self.set_class(isinstance(message.error, CorruptHistoryError), "-corrupt")
        self.query_one("#problem-title", Static).update(problem_title(message.error))
        self.query_one("#problem-text", Static).update(str(message.error))
        self.refresh_bindings()
        if isinstance(message.error, CorruptHistoryError):
            self.query_one("#move-aside", Button).focus()

    def on_sessions_table_failed(self, message: SessionsTable.Failed) -> None:
        """The table could not read on: the log went bad."""
        self.post_message(self.LoadFailed(message.error))

    def on_sets_panel_failed(self, message: SetsPanel.Failed) -> None:
        """The sets could not be read: the log went bad."""
        self.post_message(self.LoadFailed(message.error))

    def on_charts_panel_failed(self, message: ChartsPanel.Failed) -> None:
        """The charts could not be read: the log went bad."""
        self.post_message(self.LoadFailed(message.error))

    def _mount_footer(self) -> None:
        # Mounted once the table is filled (or failed): a footer there from the start is
        # composed again on every focus change while the screen comes up.
        if not self.query(Footer):
            self.mount(KeyFooter())
            self.call_after_refresh(self.refresh_bindings)  # once the footer listens

    # -- the table ------------------------------------------------------------------------

    def _restart(self) -> None:
        """Empty the table and fill it again from the first page (after a filter change)."""
        if self.store is None:
            return
        self.query_one(SetsPanel).clear()
        self.query_one(SessionsTable).fill(self.store, self.filter, self.filter.since(self.now()))

    def on_sessions_table_progress(self, message: SessionsTable.Progress) -> None:
        """Update the status line; show the first row's sets; then the charts, once."""
        table = self.query_one(SessionsTable)
        status = self.query_one("#history-status", Static)
        status.set_class(self.total == 0, "-empty")
        status.set_class(message.rows == 0 and not message.loading, "-no-rows")
        status.update(
            status_line(
                message.rows,
                self.total,
                loading=message.loading,
                exhausted=message.exhausted,
                filtered=self.filter.active,
            )
        )
        if self.store is not None and self.query_one(SetsPanel).shown_uuid is None:
            self.query_one(SetsPanel).show(self.store, table.highlighted_uuid())
        if message.first_page_done:
            self._mount_footer()
            if self._charts_due and self.store is not None:
                # After the first page, so the table never waits behind the charts' reads.
                self._charts_due = False
                self.call_after_refresh(
                    self.query_one(ChartsPanel).load, self.store, self.now(), self.tz
                )

    @on(DataTable.RowHighlighted, "#sessions")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None and self.store is not None:
            self.query_one(SetsPanel).show(self.store, event.row_key.value)

    # -- filters ------------------------------------------------------------------------

    @on(Input.Changed, "#filter-routine")
    def _routine_changed(self, event: Input.Changed) -> None:
        self._set_filter(replace(self.filter, routine=event.value))

    @on(Input.Submitted, "#filter-routine")
    def _routine_submitted(self) -> None:
        self.query_one("#sessions", DataTable).focus()

    @on(FilterChip.Changed, "#chip-status")
    def _status_changed(self, event: FilterChip.Changed) -> None:
        status = None if event.value is None else SessionStatus(event.value)
        self._set_filter(replace(self.filter, status=status))

    @on(FilterChip.Changed, "#chip-since")
    def _since_changed(self, event: FilterChip.Changed) -> None:
        days = None if event.value is None else PERIODS[event.value]
        self._set_filter(replace(self.filter, since_days=days))

    def _set_filter(self, wanted: SessionFilter) -> None:
        if wanted == self.filter:
            return
        self.filter = wanted
        self._restart()

    # -- actions --------------------------------------------------------------------------

    def action_back(self) -> None:
        """From a filter back to the table; from the table back to the previous screen."""
        if self.query_one("#filter-routine", Input).has_focus:
            self.query_one("#sessions", DataTable).focus()
            return
        self.dismiss()

    def action_focus_filter(self) -> None:
        """Put the cursor in the routine filter."""
        self.query_one("#filter-routine", Input).focus()

    def action_cycle(self, name: str) -> None:
        """Move a filter chip (status or since) to its next value."""
        self.query_one(f"#chip-{name}", FilterChip).cycle()

    def action_toggle_charts(self) -> None:
        """Hide the charts beside the tables; narrower, show them in the tables' place."""
        self.toggle_class("-flip-charts")
        instead = self.has_class("-flip-charts") and not self.has_class("-very-wide")
        self.query_one("#charts" if instead else "#sessions").focus()

    def action_week(self) -> None:
        """The week against the programme and the guidance, and the desk breaks."""
        from matwork.tui.history.dose_view import for_app

        week = for_app(self.app, tz=self.tz)
        if week is not None:
            self.app.push_screen(week)

    def action_assessments(self) -> None:
        """Switch to the assessments and their ratios over time (Escape comes back)."""
        from matwork.tui.history.assessments import AssessmentsScreen

        self.app.push_screen(AssessmentsScreen(self._path))

    def action_reload(self) -> None:
        """Read the log again from the start."""
        self._close_own_store()
        self._open(self._given, self._path)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Move aside only for a damaged log."""
        if action == "move_aside":
            return isinstance(self.error, CorruptHistoryError)
        return True

    @on(Button.Pressed, "#move-aside")
    def _move_pressed(self) -> None:
        self.action_move_aside()

    def action_move_aside(self) -> None:
        """Ask, then rename the damaged log and start over with an empty one."""
        if isinstance(self.error, CorruptHistoryError):
            self.app.push_screen(
                ConfirmScreen(str(MOVE_ASIDE_QUESTION), yes=tui_("Move aside")), self._moved
            )

    def _moved(self, confirmed: bool | None) -> None:
        if not confirmed or self.error is None:
            return
        self._close_own_store()
        target, message = try_move_aside(self.error.path)
        self.notify(message, severity="information" if target else "error")
        if target is not None:
            self._given = None  # a store we were given still points at the moved file
            self._path = self.error.path
            self.action_reload()
