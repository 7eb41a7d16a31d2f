"""The sessions table of the History screen: it reads the log a page at a time itself.

``fill(store, wanted, since)`` empties the table and asks its page worker for the
first page; the next page is asked for when the cursor or the view nears the last
row, so a log of tens of thousands of sessions opens as fast as an empty one. The
worker only posts ``PageLoaded``; the handler owns the rows. Each change of what is
shown is told to the screen as ``Progress``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from textual import on, work
from textual.message import Message
from textual.widgets import DataTable
from textual.worker import get_current_worker

from matwork.i18n import lazy_tui_
from matwork.store.records import SessionRecord
from matwork.store.writer import HistoryError, HistoryStore
from matwork.tui.history.cells import Cell, CellStyles, session_cells, session_column_widths
from matwork.tui.history.filters import SessionFilter
from matwork.tui.widgets.bindings_text import lazy_binding

PAGE_SIZE = 100
"""Sessions read per query; a filtered request reads pages until it has this many."""

LOOKAHEAD = 20
"""The next page is asked for when the cursor comes this close to the last row."""


class SessionsTable(DataTable[Cell]):
    """The sessions, newest first; Home and End go to the first and last row (and load more)."""

    BINDINGS = [
        lazy_binding("home", "scroll_top", lazy_tui_("First"), id="history_first", show=False),
        lazy_binding("end", "scroll_bottom", lazy_tui_("Last"), id="history_last", show=False),
    ]

    COMPONENT_CLASSES = {
        "sessions-table--stopped",
        "sessions-table--interrupted",
        "sessions-table--running",
    }

    @dataclass
    class PageLoaded(Message):
        """One page read by the page worker. Handled by the table itself."""

        generation: int
        """The fill this page belongs to (older fills are dropped)."""
        records: list[SessionRecord]
        """The sessions of the page that pass the filter."""
        next_offset: int
        """Where the next page starts in the log."""
        exhausted: bool
        """No more sessions after this page."""
        final: bool
        """The worker is done with this request."""

    @dataclass
    class Progress(Message):
        """Rows were added or a read began or ended. Handled by ``on_sessions_table_progress``."""

        rows: int
        loading: bool
        exhausted: bool
        first_page_done: bool
        """True once, when the first page of a fill is in."""

    @dataclass
    class Failed(Message):
        """The log could not be read. Handled by ``on_sessions_table_failed``."""

        error: HistoryError

    def __init__(self, *, tz: tzinfo | None, page_size: int = PAGE_SIZE, id: str) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id)
        self.tz = tz
        self.page_size = page_size
        self.reading = False
        """A page is being read."""
        self.exhausted = False
        """Every session the filter passes is in the table."""
        self._store: HistoryStore | None = None
        self._wanted = SessionFilter()
        self._since: float | None = None
        self._generation = 0
        self._offset = 0
        self._keys: set[str] = set()
        self._first_page_done = False

    def on_mount(self) -> None:
        """Add the columns; watch the scroll position to read on in time."""
        for label, key, width in session_column_widths(self.app.size.width):
            self.add_column(label, key=key, width=width)
        self.watch(self, "scroll_y", self._scrolled, init=False)

    def _styles(self) -> CellStyles:
        return CellStyles(
            stopped=self.get_component_rich_style("sessions-table--stopped", partial=True),
            interrupted=self.get_component_rich_style("sessions-table--interrupted", partial=True),
            running=self.get_component_rich_style("sessions-table--running", partial=True),
        )

    def fill(self, store: HistoryStore, wanted: SessionFilter, since: float | None) -> None:
        """Empty the table and fill it again from the first page."""
        self._store, self._wanted, self._since = store, wanted, since
        self._generation += 1
        self._offset = 0
        self.exhausted = False
        self.reading = False
        self._first_page_done = False
        self._keys.clear()
        self.clear()
        self.request_page()

    def stop(self) -> None:
        """Forget the store and stop reading (the log went away)."""
        self.workers.cancel_group(self, "history-page")
        self._store = None
        self.reading = False

    def request_page(self) -> None:
        """Ask the page worker for the next page, unless one is coming or none is left."""
        if self._store is None or self.reading or self.exhausted:
            return
        self.reading = True
        self._tell(False)
        self._fetch(self._store, self._wanted, self._since, self._offset, self._generation)

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
            self.post_message(self.Failed(error))

    @on(PageLoaded)
    def _page_loaded(self, message: PageLoaded) -> None:
        """Add the page's rows; go on if the cursor waits."""
        message.stop()
        if message.generation != self._generation:
            return
        styles = self._styles()
        for record in message.records:
            if record.uuid in self._keys:
                continue  # a session added meanwhile shifted the pages by one
            self._keys.add(record.uuid)
            self.add_row(*session_cells(record, self.tz, styles), key=record.uuid)
        self._offset = message.next_offset
        self.exhausted = message.exhausted
        first = False
        if message.final:
            self.reading = False
            first = not self._first_page_done
            self._first_page_done = True
            # The table's size is known after the next refresh: then see if the view waits.
            self.call_after_refresh(self._scrolled)
        self._tell(first)

    def _tell(self, first_page_done: bool) -> None:
        self.post_message(
            self.Progress(self.row_count, self.reading, self.exhausted, first_page_done)
        )

    def highlighted_uuid(self) -> str | None:
        """The uuid of the session under the cursor, if any."""
        if self.row_count == 0:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def near_end(self) -> bool:
        """Whether the cursor or the scroll position is close to the last loaded row."""
        if self.row_count == 0:
            return False
        # Rows are one line high: the last row in view is scroll_y + height (from row
        # counts, not from max_scroll_y, which lags behind rows just added).
        last_in_view = self.scroll_y + self.scrollable_content_region.height
        threshold = self.row_count - LOOKAHEAD
        return self.cursor_row >= threshold or last_in_view >= threshold

    def _scrolled(self) -> None:
        if self.near_end():
            self.request_page()

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        if self.near_end():
            self.request_page()
