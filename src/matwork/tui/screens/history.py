"""The session history: a paged table of sessions, the chosen one's sets, and charts.

Everything is read by thread workers that only post messages; the handlers own the
rows. The table is filled a page at a time (``recent_sessions(limit, offset)``) and
asks for the next page when the cursor or the scrollbar nears its end, so a log of
tens of thousands of sessions opens as fast as an empty one. The charts are computed
after the first page, from the last 26 weeks only.

A log that cannot be read (damaged, not matwork's, from a newer matwork) shows why in
place of the table; a damaged one can be moved aside from there.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Static
from textual.worker import get_current_worker

from matwork.core.history import (
    CorruptHistoryError,
    HistoryError,
    HistoryStore,
    SessionDetail,
    SessionNotFoundError,
    SessionRecord,
    default_path,
)
from matwork.core.results import SetResult
from matwork.core.stats import (
    StatsSummary,
    local_date,
    local_midnight,
    summarize,
    window_start_day,
)
from matwork.core.timefmt import clock
from matwork.tui.screens.confirm import ConfirmScreen
from matwork.tui.screens.questions import MOVE_ASIDE_QUESTION, problem_title, try_move_aside
from matwork.tui.screens.summary import completion_percent
from matwork.tui.widgets.charts import (
    calendar_heatmap,
    category_bars,
    daily_minutes,
    pain_chart,
    week_bars,
)
from matwork.tui.widgets.filter_chip import FilterChip

PAGE_SIZE = 100
"""Sessions read per query; a filtered request reads pages until it has this many."""

LOOKAHEAD = 20
"""The next page is asked for when the cursor comes this close to the last row."""

MAX_SET_COLUMN = 28
"""Widest a column of the sets table gets (a longer exercise name is cut)."""

CHART_WEEKS = 26
"""Weeks the heatmap, the pain chart and the category bars cover."""

BAR_WEEKS = 12
"""Weeks of the minutes-per-week bars."""

STATUSES: tuple[str, ...] = ("completed", "stopped", "interrupted", "running")
"""Session statuses the status filter offers."""

PERIODS: dict[str, int | None] = {
    "all time": None,
    "7 days": 7,
    "30 days": 30,
    "12 weeks": 84,
    "1 year": 365,
}
"""The since filter's choices: label and days back (None: no limit)."""

STATUS_STYLES: dict[str, str] = {
    "stopped": "#e5a50a",
    "interrupted": "#f66151",
    "running": "#57e389",
}
"""How a session status other than completed is coloured in the table."""


@dataclass(frozen=True)
class SessionFilter:
    """What the table is narrowed to: routine name words, status, days back."""

    routine: str = ""
    status: str | None = None
    since_days: int | None = None

    def matches(self, record: SessionRecord) -> bool:
        """True when a session passes the routine and status filters (since is SQL's)."""
        if self.status is not None and record.status != self.status:
            return False
        words = self.routine.casefold().split()
        name = record.routine_name.casefold()
        return all(word in name for word in words)

    def since(self, now: float) -> float | None:
        """The earliest start time the filter keeps, or None."""
        return None if self.since_days is None else now - self.since_days * 86400

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return self != SessionFilter()


def pain_text(before: int | None, after: int | None) -> str:
    """Pain before→after, "?" for a missing side, "-" when neither was given."""
    if before is None and after is None:
        return "-"
    return f"{'?' if before is None else before}→{'?' if after is None else after}"


def started_text(timestamp: float, tz: tzinfo | None) -> str:
    """A session start as shown in the table: weekday, date and time."""
    return f"{datetime.fromtimestamp(timestamp, tz):%a %Y-%m-%d %H:%M}"


def session_cells(record: SessionRecord, tz: tzinfo | None) -> tuple[str | Text, ...]:
    """One table row: date, routine, status, active time, completion, pain, RPE."""
    percent = completion_percent(record.active_seconds, record.planned_seconds)
    style = STATUS_STYLES.get(record.status, "")
    return (
        started_text(record.started_at, tz),
        record.routine_name,
        Text(record.status, style=style),
        Text(clock(record.active_seconds), justify="right"),
        Text("-" if percent is None else f"{percent}%", justify="right"),
        Text(pain_text(record.pain_before, record.pain_after), justify="center"),
        Text("-" if record.rpe is None else str(record.rpe), justify="right"),
    )


def _cell_width(cell: str | Text) -> int:
    return cell.cell_len if isinstance(cell, Text) else cell_len(cell)


def set_cells(result: SetResult) -> tuple[str | Text, ...]:
    """One row of the sets table."""
    reps = "-"
    if result.reps_done is not None or result.reps_planned is not None:
        done = "?" if result.reps_done is None else str(result.reps_done)
        reps = done if result.reps_planned is None else f"{done}/{result.reps_planned}"
    notes = []
    if result.skipped:
        notes.append(Text("skipped", style="#e5a50a"))
    if result.pain_flag:
        notes.append(Text("⚑ pain", style="bold #f66151"))
    return (
        Text(str(result.segment + 1), justify="right"),
        result.exercise_name,
        result.side or "",
        result.block_name,
        f"{result.round}·{result.set}",
        Text(f"{clock(result.actual_seconds)}/{clock(result.planned_seconds)}", justify="right"),
        reps,
        result.load or "",
        Text(" ").join(notes),
    )


SESSION_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("Started", "started", 20),
    ("Routine", "routine", 18),
    ("Status", "status", 11),
    ("Active", "active", 7),
    ("Done", "done", 4),
    ("Pain", "pain", 5),
    ("RPE", "rpe", 3),
)
"""The sessions table's columns: label, key and width.

Widths are fixed (a longer routine name is cut): DataTable measures auto widths only
when idle and may keep lines drawn before that, so a page could show cut-off cells.
"""

SET_COLUMNS: tuple[str, ...] = (
    "#",
    "Exercise",
    "Side",
    "Block",
    "R·S",
    "Time",
    "Reps",
    "Load",
    "",
)


class SessionTable(DataTable[str | Text]):
    """The sessions table: Home and End go to the first and last row (and load more)."""

    BINDINGS = [
        Binding("home", "scroll_top", "First", id="history_first", show=False),
        Binding("end", "scroll_bottom", "Last", id="history_last", show=False),
    ]


class HistoryScreen(Screen[None]):
    """Sessions newest first with filters, the highlighted one's sets, and charts.

    ``store`` is used as given (and left open); without one the screen opens the log
    in ``data_dir`` (default: the data folder) read-only and closes it when it goes.
    ``now`` and ``tz`` fix the clock and the time zone (tests); by default the time of
    each load and the local zone.
    """

    CSS_PATH = "../history.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back", id="history_back"),
        Binding("slash", "focus_filter", "Filter", id="history_filter"),
        Binding("s", "cycle('status')", "Status", id="history_filter_status"),
        Binding("d", "cycle('since')", "Since", id="history_filter_since"),
        Binding("c", "toggle_charts", "Charts", id="history_charts"),
        Binding("r", "reload", "Reload", id="history_reload", show=False),
        Binding("m", "move_aside", "Move aside", id="history_move_aside"),
    ]

    AUTO_FOCUS = "#sessions"

    class Opened(Message):
        """The log is open and counted. Handled by ``on_history_screen_opened``."""

        def __init__(self, store: HistoryStore, total: int) -> None:
            super().__init__()
            self.store = store
            self.total = total
            """Sessions in the whole log."""

    class PageLoaded(Message):
        """One page read by the page worker. Handled by ``on_history_screen_page_loaded``."""

        def __init__(
            self,
            generation: int,
            records: list[SessionRecord],
            next_offset: int,
            exhausted: bool,
            final: bool,
        ) -> None:
            super().__init__()
            self.generation = generation
            """The table fill this page belongs to (older fills are dropped)."""
            self.records = records
            """The sessions of the page that pass the filter."""
            self.next_offset = next_offset
            """Where the next page starts in the log."""
            self.exhausted = exhausted
            """No more sessions after this page."""
            self.final = final
            """The worker is done with this request."""

    class DetailLoaded(Message):
        """A session's sets were read. Handled by ``on_history_screen_detail_loaded``."""

        def __init__(self, detail: SessionDetail) -> None:
            super().__init__()
            self.detail = detail

    class DetailFailed(Message):
        """A session vanished before its sets were read.

        Handled by ``on_history_screen_detail_failed``.
        """

        def __init__(self, error: HistoryError) -> None:
            super().__init__()
            self.error = error

    class ChartsLoaded(Message):
        """Statistics for the charts. Handled by ``on_history_screen_charts_loaded``."""

        def __init__(self, summary: StatsSummary, days: dict[date, float], today: date) -> None:
            super().__init__()
            self.summary = summary
            self.days = days
            """Active minutes per local day."""
            self.today = today

    class LoadFailed(Message):
        """The log cannot be read. Handled by ``on_history_screen_load_failed``."""

        def __init__(self, error: HistoryError) -> None:
            super().__init__()
            self.error = error

    def __init__(
        self,
        store: HistoryStore | None = None,
        *,
        data_dir: Path | None = None,
        now: float | None = None,
        tz: tzinfo | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(id="history")
        self._given = store
        self._path = store.path if store is not None else default_path(data_dir)
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
        self._generation = 0
        self._offset = 0
        self._exhausted = False
        self._loading = False
        self._keys: set[str] = set()
        self._shown_uuid: str | None = None
        self._charts_due = False

    def now(self) -> float:
        """The injected time, or the clock's."""
        return time.time() if self._fixed_now is None else self._fixed_now

    # -- layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Filters, sessions and sets on the left, charts on the right; or the problem."""
        yield Header()
        with Horizontal(id="history-body"):
            with Vertical(id="history-left"):
                yield Input(placeholder="Routine name…  (/ to search)", id="filter-routine")
                with Horizontal(id="history-chips"):
                    yield FilterChip("status", ["any", *STATUSES], id="chip-status")
                    yield FilterChip("since", list(PERIODS), id="chip-since")
                yield SessionTable(cursor_type="row", zebra_stripes=True, id="sessions")
                yield Static("Opening the session log…", id="history-status")
                yield Static("", id="sets-title")
                yield DataTable(cursor_type="row", id="sets")
            with VerticalScroll(id="charts"):
                yield Static("", id="chart-weeks", classes="chart")
                yield Static("", id="chart-heatmap", classes="chart")
                yield Static("", id="chart-pain", classes="chart")
                yield Static("", id="chart-categories", classes="chart")
        with Vertical(id="history-problem"):
            yield Static("", id="problem-title")
            yield Static("", id="problem-text", markup=False)
            yield Button("Move aside…", id="move-aside", variant="warning")

    def on_mount(self) -> None:
        """Set up the tables and chart titles, then open the log."""
        sessions = self.query_one("#sessions", DataTable)
        for label, key, width in SESSION_COLUMNS:
            sessions.add_column(label, key=key, width=width)
        self._fill_sets([])
        titles = {
            "#chart-weeks": f"Minutes per week · last {BAR_WEEKS} weeks",
            "#chart-heatmap": f"Training days · last {CHART_WEEKS} weeks",
            "#chart-pain": "Pain before → after",
            "#chart-categories": f"Minutes per category · {CHART_WEEKS} weeks",
        }
        for selector, title in titles.items():
            self.query_one(selector, Static).border_title = title
        self.watch(sessions, "scroll_y", self._scrolled, init=False)
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
        """Keep the store; fill the first page and compute the charts."""
        self.store = message.store
        self.total = message.total
        self.error = None
        if self.has_class("-failed"):  # a class on the screen restyles all of it
            self.set_class(False, "-failed", "-corrupt")
        self._charts_due = True
        self._restart()

    def on_history_screen_load_failed(self, message: LoadFailed) -> None:
        """Show why the log cannot be read, with move-aside for a damaged one."""
        self.workers.cancel_group(self, "history-page")
        self._close_own_store()
        self.error = message.error
        self._loading = False
        self.set_class(True, "-failed")
        if not self.query(Footer):
            self.mount(Footer())
        self.set_class(isinstance(message.error, CorruptHistoryError), "-corrupt")
        self.query_one("#problem-title", Static).update(problem_title(message.error))
        self.query_one("#problem-text", Static).update(str(message.error))
        self.refresh_bindings()
        if isinstance(message.error, CorruptHistoryError):
            self.query_one("#move-aside", Button).focus()

    # -- pages ------------------------------------------------------------------------

    def _restart(self) -> None:
        """Empty the table and fill it again from the first page (after a filter change)."""
        self._generation += 1
        self._offset = 0
        self._exhausted = False
        self._loading = False
        self._keys.clear()
        self._shown_uuid = None
        self.query_one("#sessions", DataTable).clear()
        self._fill_sets([])
        self.query_one("#sets-title", Static).update("")
        self._request_page()

    def _request_page(self) -> None:
        """Ask the page worker for the next page, unless one is coming or none is left."""
        if self.store is None or self._loading or self._exhausted:
            return
        self._loading = True
        self._update_status()
        self._fetch(
            self.store,
            self.filter,
            self.filter.since(self.now()),
            self._offset,
            self._generation,
        )

    @work(thread=True, exclusive=True, group="history-page")
    def _fetch(
        self,
        store: HistoryStore,
        wanted: SessionFilter,
        since: float | None,
        offset: int,
        generation: int,
    ) -> None:
        """Read pages from ``offset`` until a page's worth passes the filter; post each."""
        worker = get_current_worker()
        found = 0
        try:
            while not worker.is_cancelled:
                records = store.recent_sessions(since=since, limit=self.page_size, offset=offset)
                offset += len(records)
                exhausted = len(records) < self.page_size
                matched = [record for record in records if wanted.matches(record)]
                found += len(matched)
                final = exhausted or found >= self.page_size
                self.post_message(self.PageLoaded(generation, matched, offset, exhausted, final))
                if final:
                    return
        except HistoryError as error:
            self.post_message(self.LoadFailed(error))

    def on_history_screen_page_loaded(self, message: PageLoaded) -> None:
        """Add the page's rows; show the first row's sets; go on if the cursor waits."""
        if message.generation != self._generation:
            return
        table = self.query_one("#sessions", DataTable)
        was_empty = table.row_count == 0
        for record in message.records:
            if record.uuid in self._keys:
                continue  # a session added meanwhile shifted the pages by one
            self._keys.add(record.uuid)
            table.add_row(*session_cells(record, self.tz), key=record.uuid)
        self._offset = message.next_offset
        self._exhausted = message.exhausted
        if message.final:
            self._loading = False
        if was_empty and table.row_count:
            self._show_sets(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        self._update_status()
        if message.final:
            # The table's size is known after the next refresh: then see if the view waits.
            self.call_after_refresh(self._scrolled)
            if not self.query(Footer):
                # Mounted once the table is filled: a footer there from the start is
                # composed again on every focus change while the screen comes up.
                self.mount(Footer())
            if self._charts_due and self.store is not None:
                # After the first page, so the table never waits behind the charts' reads.
                self._charts_due = False
                self.call_after_refresh(self._charts, self.store, self.now(), self.tz)

    def _near_end(self) -> bool:
        """Whether the cursor or the scroll position is close to the last loaded row."""
        table = self.query_one("#sessions", DataTable)
        if table.row_count == 0:
            return False
        # Rows are one line high: the last row in view is scroll_y + height (from row
        # counts, not from max_scroll_y, which lags behind rows just added).
        last_in_view = table.scroll_y + table.scrollable_content_region.height
        threshold = table.row_count - LOOKAHEAD
        return table.cursor_row >= threshold or last_in_view >= threshold

    def _scrolled(self) -> None:
        if self._near_end():
            self._request_page()

    def _update_status(self) -> None:
        rows = self.query_one("#sessions", DataTable).row_count
        status = self.query_one("#history-status", Static)
        status.set_class(self.total == 0, "-empty")
        status.set_class(rows == 0 and not self._loading, "-no-rows")
        if self.total == 0:
            text = "No sessions logged yet. Finish (or stop) a routine and it shows up here."
        elif rows == 0 and self._loading:
            text = "Reading sessions…"
        elif rows == 0:
            text = "No session matches the filters."
        else:
            noun = "session" if rows == 1 else "sessions"
            text = f"{rows:,} {noun}"
            if self.filter.active:
                text += " match"
            text += f" · {self.total:,} in the log"
            if self._loading:
                text += " · reading more…"
            elif not self._exhausted:
                text += " · more below"
        status.update(text)

    # -- the highlighted session's sets --------------------------------------------------

    @on(DataTable.RowHighlighted, "#sessions")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self._show_sets(event.row_key.value)
        if self._near_end():
            self._request_page()

    def _show_sets(self, uuid: str | None) -> None:
        if uuid is None or uuid == self._shown_uuid or self.store is None:
            return
        self._shown_uuid = uuid
        self._detail(self.store, uuid)

    @work(thread=True, exclusive=True, group="history-detail")
    def _detail(self, store: HistoryStore, uuid: str) -> None:
        """Read one session's sets; post DetailLoaded (or why not)."""
        try:
            detail = store.get_session(uuid)
        except SessionNotFoundError as error:
            self.post_message(self.DetailFailed(error))
            return
        except HistoryError as error:
            self.post_message(self.LoadFailed(error))
            return
        self.post_message(self.DetailLoaded(detail))

    def on_history_screen_detail_loaded(self, message: DetailLoaded) -> None:
        """Fill the sets table with the highlighted session's sets."""
        record = message.detail.session
        if record.uuid != self._shown_uuid:
            return
        self._fill_sets(message.detail.sets)
        flagged = sum(result.pain_flag for result in message.detail.sets)
        title = f"{record.routine_name} · {started_text(record.started_at, self.tz)}"
        title += f" · {record.sets_done} sets done, {record.sets_skipped} skipped"
        if flagged:
            title += f" · {flagged} pain flag{'s' if flagged > 1 else ''}"
        if record.notes:
            title += f" · “{record.notes}”"
        self.query_one("#sets-title", Static).update(Text(title, no_wrap=True, overflow="ellipsis"))

    def _fill_sets(self, results: list[SetResult]) -> None:
        """Refill the sets table, its columns sized to these rows before anything is drawn."""
        rows = [set_cells(result) for result in results]
        sets = self.query_one("#sets", DataTable)
        sets.clear(columns=True)
        for index, label in enumerate(SET_COLUMNS):
            width = max([cell_len(label), *(_cell_width(row[index]) for row in rows)])
            sets.add_column(label, width=min(width, MAX_SET_COLUMN))
        sets.add_rows(rows)

    def on_history_screen_detail_failed(self, message: DetailFailed) -> None:
        """Say the session is gone instead of showing its sets."""
        self._fill_sets([])
        self.query_one("#sets-title", Static).update(str(message.error))

    # -- charts -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="history-charts")
    def _charts(self, store: HistoryStore, now: float, tz: tzinfo | None) -> None:
        """Read the last weeks' rows and summarize them; post ChartsLoaded."""
        today = local_date(now, tz)
        since = local_midnight(window_start_day(today, CHART_WEEKS), tz)
        try:
            sessions, sets, starts = store.stats_rows(since)
        except HistoryError as error:
            self.post_message(self.LoadFailed(error))
            return
        summary = summarize(
            sessions, sets, weeks=CHART_WEEKS, tz=tz, now=now, training_starts=starts
        )
        self.post_message(self.ChartsLoaded(summary, daily_minutes(sessions, tz), today))

    def on_history_screen_charts_loaded(self, message: ChartsLoaded) -> None:
        """Draw the four charts."""
        summary = message.summary
        self.query_one("#chart-weeks", Static).update(week_bars(summary.weekly[-BAR_WEEKS:]))
        heatmap = self.query_one("#chart-heatmap", Static)
        heatmap.update(calendar_heatmap(message.days, message.today, CHART_WEEKS))
        streaks = summary.streaks
        heatmap.border_subtitle = (
            f"{summary.sessions} sessions · {summary.minutes:,.0f} min · "
            f"streak {streaks.current} (best {streaks.longest})"
        )
        pain = self.query_one("#chart-pain", Static)
        if summary.pain.weekly:
            pain.update(pain_chart([week.week for week in summary.weekly], summary.pain.weekly))
        else:
            pain.update(Text("No pain ratings in these weeks.", style="italic"))
        categories = self.query_one("#chart-categories", Static)
        if summary.minutes_by_category:
            categories.update(category_bars(summary.minutes_by_category))
        else:
            categories.update(Text("No sets in these weeks.", style="italic"))

    # -- filters ------------------------------------------------------------------------

    @on(Input.Changed, "#filter-routine")
    def _routine_changed(self, event: Input.Changed) -> None:
        self._set_filter(replace(self.filter, routine=event.value))

    @on(Input.Submitted, "#filter-routine")
    def _routine_submitted(self) -> None:
        self.query_one("#sessions", DataTable).focus()

    @on(FilterChip.Changed, "#chip-status")
    def _status_changed(self, event: FilterChip.Changed) -> None:
        self._set_filter(replace(self.filter, status=event.value))

    @on(FilterChip.Changed, "#chip-since")
    def _since_changed(self, event: FilterChip.Changed) -> None:
        days = None if event.value is None else PERIODS[event.value]
        self._set_filter(replace(self.filter, since_days=days))

    def _set_filter(self, wanted: SessionFilter) -> None:
        if wanted == self.filter:
            return
        self.filter = wanted
        if self.store is not None:
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
        """Show or hide the charts (more room for the tables)."""
        self.query_one("#charts").toggle_class("-hidden")

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
            self.app.push_screen(ConfirmScreen(MOVE_ASIDE_QUESTION, yes="Move aside"), self._moved)

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
