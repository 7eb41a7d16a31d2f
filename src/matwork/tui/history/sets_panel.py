"""The sets of the session highlighted in the History table, read by a worker of its own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from matwork.core.results import SetResult
from matwork.i18n import tui_, tui_ngettext
from matwork.store.records import SessionDetail
from matwork.store.writer import HistoryError, HistoryStore, SessionNotFoundError
from matwork.tui.history.cells import SET_COLUMNS, Cell, CellStyles, cell_width, set_cells
from matwork.tui.widgets.words import table_started_text

MAX_SET_COLUMN = 28
"""Widest a column of the sets table gets (a longer exercise name is cut)."""


class SetsTable(DataTable[Cell]):
    """The sets table; its component classes colour the skipped and pain marks."""

    COMPONENT_CLASSES = {"sets-table--skipped", "sets-table--pain"}

    def styles_for_cells(self) -> CellStyles:
        """The marks' styles, from the theme (see history.tcss)."""
        return CellStyles(
            skipped=self.get_component_rich_style("sets-table--skipped", partial=True),
            pain=self.get_component_rich_style("sets-table--pain", partial=True),
        )


def sets_title(detail: SessionDetail, tz: tzinfo | None) -> str:
    """The line over the sets: routine, start, sets done and skipped, pain flags, note."""
    record = detail.session
    flagged = sum(result.pain_flag for result in detail.sets)
    title = f"{record.routine_name} · {table_started_text(record.started_at, tz)}"
    done = tui_("{done} sets done, {skipped} skipped")
    title += " · " + done.format(done=record.sets_done, skipped=record.sets_skipped)
    if flagged:
        flags = tui_ngettext("{count} pain flag", "{count} pain flags", flagged)
        title += " · " + flags.format(count=flagged)
    if record.notes:
        title += f" · “{record.notes}”"
    return title


class SetsPanel(Vertical):
    """A title line over the sets table of one session."""

    @dataclass
    class DetailLoaded(Message):
        """A session's sets were read. Handled by the panel itself."""

        detail: SessionDetail

    @dataclass
    class Gone(Message):
        """The session vanished before its sets were read. Handled by the panel itself."""

        error: HistoryError

    @dataclass
    class Failed(Message):
        """The log could not be read. Handled by ``on_sets_panel_failed``."""

        error: HistoryError

    def __init__(self, *, tz: tzinfo | None, id: str) -> None:
        super().__init__(id=id)
        self.tz = tz
        self.shown_uuid: str | None = None
        """The session whose sets are shown (or on their way)."""

    def compose(self) -> ComposeResult:
        """The title, then the table."""
        yield Static("", id="sets-title")
        yield SetsTable(cursor_type="row", id="sets")

    def on_mount(self) -> None:
        """Start with the empty table's columns."""
        self.fill([])

    def show(self, store: HistoryStore, uuid: str | None) -> None:
        """Show the sets of session ``uuid`` (read in the background)."""
        if uuid is None or uuid == self.shown_uuid:
            return
        self.shown_uuid = uuid
        self._read(store, uuid)

    def clear(self) -> None:
        """Show nothing."""
        self.shown_uuid = None
        self.fill([])
        self.query_one("#sets-title", Static).update("")

    @work(thread=True, exclusive=True, group="history-detail")
    def _read(self, store: HistoryStore, uuid: str) -> None:
        """Read one session's sets; post DetailLoaded, or say it is gone."""
        try:
            detail = store.get_session(uuid)
        except SessionNotFoundError as error:
            self.post_message(self.Gone(error))
            return
        except HistoryError as error:
            self.post_message(self.Failed(error))
            return
        self.post_message(self.DetailLoaded(detail))

    @on(DetailLoaded)
    def _loaded(self, message: DetailLoaded) -> None:
        message.stop()
        if message.detail.session.uuid != self.shown_uuid:
            return
        self.fill(message.detail.sets)
        title = sets_title(message.detail, self.tz)
        self.query_one("#sets-title", Static).update(Text(title, no_wrap=True, overflow="ellipsis"))

    @on(Gone)
    def _gone(self, message: Gone) -> None:
        message.stop()
        self.fill([])
        self.query_one("#sets-title", Static).update(Text(str(message.error)))

    def fill(self, results: list[SetResult]) -> None:
        """Refill the table, its columns sized to these rows before anything is drawn."""
        table = self.query_one(SetsTable)
        styles = table.styles_for_cells()
        rows = [set_cells(result, styles) for result in results]
        table.clear(columns=True)
        for index, label in enumerate(SET_COLUMNS):
            shown = str(label)
            width = max([cell_len(shown), *(cell_width(row[index]) for row in rows)])
            table.add_column(shown, width=min(width, MAX_SET_COLUMN))
        table.add_rows(rows)
