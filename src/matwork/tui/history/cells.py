"""The cells of the History tables: a session row and a set row, styled by the theme.

The words come from ``core.log_text`` (shared with ``matwork log`` and ``show``); the
colours from the tables' component classes, which history.tcss sets from the theme's
variables ($warning, $error, $success), so a user's theme colours them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from matwork.core.kinds import SessionStatus
from matwork.core.log_text import (
    completion_percent,
    pain_text,
    percent_text,
    rating_text,
    readable,
    reps_text,
    side_text,
)
from matwork.core.results import SetResult
from matwork.core.timefmt import clock
from matwork.i18n import LazyString, lazy_tui_, tui_
from matwork.store.records import SessionRecord, unreadable_of
from matwork.tui.history.filters import STATUS_CHOICE_LABELS, status_choice_label
from matwork.tui.widgets.bindings_text import lazy_tui_pgettext
from matwork.tui.widgets.words import side_label, table_started_text

Cell = str | Text
"""What a DataTable cell holds."""


NO_STYLE = Style()
"""A style that changes nothing."""


@dataclass(frozen=True)
class CellStyles:
    """The styles of the marked cells, read from a table's component classes."""

    stopped: Style = NO_STYLE
    interrupted: Style = NO_STYLE
    running: Style = NO_STYLE
    skipped: Style = NO_STYLE
    pain: Style = NO_STYLE

    def status(self, status: SessionStatus) -> Style:
        """The style of a status cell (completed is plain)."""
        return {
            SessionStatus.STOPPED: self.stopped,
            SessionStatus.INTERRUPTED: self.interrupted,
            SessionStatus.RUNNING: self.running,
        }.get(status, NO_STYLE)


SESSION_COLUMNS: tuple[tuple[LazyString, str, int], ...] = (
    (lazy_tui_pgettext("sessions column", "Started"), "started", 20),
    (lazy_tui_pgettext("sessions column", "Routine"), "routine", 14),
    (lazy_tui_pgettext("sessions column", "Status"), "status", 11),
    (lazy_tui_pgettext("sessions column", "Active"), "active", 7),
    # TRANSLATORS: the completion column (a percentage), at most 4 cells
    (lazy_tui_pgettext("sessions column", "Done"), "done", 4),
    # TRANSLATORS: the pain before→after column, at most 5 cells
    (lazy_tui_pgettext("sessions column", "Pain"), "pain", 5),
    (lazy_tui_pgettext("sessions column", "RPE"), "rpe", 3),
)
"""The sessions table's columns: label (translated when shown), key and width.

Widths are fixed (a longer routine name is cut): DataTable measures auto widths only
when idle and may keep lines drawn before that, so a page could show cut-off cells.
With their padding they take 78 columns: the whole table fits an 80-column terminal.
``session_column_widths`` fits the status to its words and the routine to the room.
"""

ROUTINE_ROOM = (8, 40)
"""The fewest and the most cells the routine column takes."""


def session_column_widths(terminal_width: int) -> list[tuple[str, str, int]]:
    """The columns as shown: labels translated, the status as wide as its longest word
    (German "abgeschlossen"), the routine given what is left of the terminal's width."""
    status_width = max(cell_len(str(label)) for label in STATUS_CHOICE_LABELS.values())
    fixed = {"status": max(status_width, 6)}
    widths = {key: fixed.get(key, width) for _, key, width in SESSION_COLUMNS}
    padding = 2 * len(SESSION_COLUMNS)
    others = sum(width for key, width in widths.items() if key != "routine")
    least, most = ROUTINE_ROOM
    widths["routine"] = max(least, min(most, terminal_width - 2 - padding - others))
    return [(str(label), key, widths[key]) for label, key, _ in SESSION_COLUMNS]


SET_COLUMNS: tuple[LazyString | str, ...] = (
    "#",
    lazy_tui_("Exercise"),
    lazy_tui_("Side"),
    lazy_tui_("Block"),
    # TRANSLATORS: round·set, as "2·1"
    lazy_tui_("R·S"),
    lazy_tui_("Time"),
    lazy_tui_("Reps"),
    lazy_tui_("Load"),
    "",
)
"""The sets table's column labels."""


def session_cells(record: SessionRecord, tz: tzinfo | None, styles: CellStyles) -> tuple[Cell, ...]:
    """One sessions row: date, routine, status, active time, completion, pain, RPE.

    A value the log could not read shows as "?" (``SessionRecord.unreadable``).
    """
    bad = unreadable_of(record)
    percent = completion_percent(record.active_seconds, record.planned_seconds)
    return (
        readable(table_started_text(record.started_at, tz), bad, "started_at"),
        Text(readable(record.routine_name, bad, "routine_name")),
        Text(
            readable(status_choice_label(record.status), bad, "status"),
            style=styles.status(record.status),
        ),
        Text(readable(clock(record.active_seconds), bad, "active_seconds"), justify="right"),
        Text(
            readable(percent_text(percent), bad, "active_seconds", "planned_seconds"),
            justify="right",
        ),
        Text(
            readable(
                pain_text(record.pain_before, record.pain_after), bad, "pain_before", "pain_after"
            ),
            justify="center",
        ),
        Text(readable(rating_text(record.rpe), bad, "rpe"), justify="right"),
    )


def set_cells(result: SetResult, styles: CellStyles) -> tuple[Cell, ...]:
    """One sets row: number, exercise, side, block, round·set, time, reps, load, marks.

    A value the log could not read shows as "?" (``UnreadableSet.unreadable``).
    """
    bad = unreadable_of(result)
    notes = []
    if "skipped" in bad or "pain_flag" in bad:
        notes.append(Text("?"))
    if result.skipped:
        notes.append(Text(tui_("skipped"), style=styles.skipped))
    if result.pain_flag:
        notes.append(Text(tui_("⚑ pain"), style=styles.pain))
    actual = readable(clock(result.actual_seconds), bad, "actual_seconds")
    planned = readable(clock(result.planned_seconds), bad, "planned_seconds")
    return (
        Text(readable(str(result.segment + 1), bad, "segment"), justify="right"),
        Text(readable(result.exercise_name, bad, "exercise_name")),
        readable(side_label(side_text(result.side)), bad, "side"),
        Text(readable(result.block_name, bad, "block_name")),
        f"{readable(str(result.round), bad, 'round')}·{readable(str(result.set), bad, 'set')}",
        Text(f"{actual}/{planned}", justify="right"),
        readable(
            reps_text(result.reps_done, result.reps_planned), bad, "reps_done", "reps_planned"
        ),
        Text(readable(result.load or "", bad, "load")),
        Text(" ").join(notes),
    )


def cell_width(cell: Cell) -> int:
    """Cells a cell takes on screen."""
    return cell.cell_len if isinstance(cell, Text) else cell_len(cell)
