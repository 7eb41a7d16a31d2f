"""The library's lists: the loaded files, what the filter lets through, and their options.

Everything here is worked out once and kept until it can change: a file's option (its
prompt built from parts, no markup to parse) until the file is reloaded, the sorted
rows until a file comes or goes, the listed rows until then or until the filter
changes. Refilling an ``OptionList`` reuses the options, so their wrapped heights are
not worked out again, and a list that only grew gets the new options appended.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from pathlib import Path
from time import monotonic

from textual.content import Content
from textual.message_pump import MessagePump
from textual.timer import Timer
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from matwork.app.library import LibraryEntry
from matwork.tui.library.filters import LibraryFilter, LibraryRow, Order
from matwork.tui.library.preview import summary_line
from matwork.tui.widgets.filter_chip import FilterChip
from matwork.tui.widgets.words import origin_label

META_WIDTH = 38
"""The routine list's second line (length, tags, origin) is cut to this many cells."""


def routine_prompt(entry: LibraryEntry) -> Content:
    """A routine's two lines in the list: its name in bold, then length, tags and origin."""
    meta = summary_line(entry)
    if entry.origin != "shipped":
        meta += f" · {origin_label(entry.origin)}"
    if len(meta) > META_WIDTH:
        meta = meta[: META_WIDTH - 1].rstrip(" ,·") + "…"
    return Content.assemble((entry.name, "b"), "\n", (meta, "dim"))


def broken_prompt(entry: LibraryEntry) -> Content:
    """A broken file's two lines in the list: its file name, then its first error."""
    error = entry.error
    where = f"{error.line}:{error.col}: " if error and error.line else ""
    first = f"{where}{error.message}" if error else ""
    return Content.assemble((entry.path.name, "b"), "\n", (first, "$text-error"))


class ListedRow(LibraryRow):
    """A library row with its list option, built the first time it is listed."""

    @cached_property
    def option(self) -> Option:
        """The option for the routine list (or, for a broken file, the broken list)."""
        entry = self.entry
        prompt = routine_prompt(entry) if entry.ok else broken_prompt(entry)
        return Option(prompt, id=str(entry.path))


class LibraryRows:
    """The loaded files by path, in source order, and the good ones the filter admits."""

    def __init__(self) -> None:
        self._rows: dict[Path, ListedRow] = {}
        self._filter = LibraryFilter()
        self._sorted: list[ListedRow] | None = None
        self._listed: list[ListedRow] | None = None

    def put(self, entry: LibraryEntry, order: Order) -> None:
        """Keep a (re)loaded file's entry, replacing the row of its previous version."""
        self._rows[entry.path] = ListedRow(entry, order)
        self._sorted = self._listed = None

    def remove(self, path: Path) -> None:
        """Forget a file (no matter if it was never loaded)."""
        if self._rows.pop(path, None) is not None:
            self._sorted = self._listed = None

    def get(self, path: Path) -> LibraryEntry | None:
        """The entry loaded from a file, if any."""
        row = self._rows.get(path)
        return row.entry if row is not None else None

    @property
    def filter(self) -> LibraryFilter:
        """What ``listed`` lets through."""
        return self._filter

    @filter.setter
    def filter(self, chosen: LibraryFilter) -> None:
        if chosen != self._filter:
            self._filter = chosen
            self._listed = None

    def all(self) -> list[ListedRow]:
        """Every row, good and broken, in source order."""
        if self._sorted is None:
            self._sorted = sorted(self._rows.values(), key=lambda row: row.order)
        return self._sorted

    def listed(self) -> list[ListedRow]:
        """The good rows the filter admits, in source order."""
        if self._listed is None:
            admits = self._filter.admits
            self._listed = [row for row in self.all() if row.entry.ok and admits(row)]
        return self._listed

    def good(self) -> list[ListedRow]:
        """The rows that loaded, in source order."""
        return [row for row in self.all() if row.entry.ok]

    def broken(self) -> list[ListedRow]:
        """The rows that failed to load, in source order."""
        return [row for row in self.all() if not row.entry.ok]


def fill_options(options: OptionList, rows: Sequence[ListedRow], select: str | None) -> bool:
    """Show these rows in a list, keeping the highlighted option highlighted if still there.

    An unchanged list is left alone and one that only grew at its end gets the new
    options appended (the highlight and scroll stay put). When the option with id
    ``select`` is there it takes the highlight; returns whether it did.
    """
    new = [row.option for row in rows]
    old = list(options.options)
    if len(old) <= len(new) and all(a is b for a, b in zip(old, new, strict=False)):
        if len(new) > len(old):
            options.add_options(new[len(old) :])
        if options.highlighted is None and new:
            options.highlighted = 0
    else:
        current = options.highlighted_option
        options.set_options(new)
        index = index_of(new, current.id if current is not None else None)
        options.highlighted = index if index is not None else (0 if new else None)
    index = index_of(new, select)
    if index is None:
        return False
    options.highlighted = index
    return True


def index_of(options: Sequence[Option], option_id: str | None) -> int | None:
    """Where the option with this id is in a list of options (None: not there)."""
    if option_id is None:
        return None
    return next((index for index, option in enumerate(options) if option.id == option_id), None)


def offer_choices(chip: FilterChip, values: Iterable[str]) -> None:
    """Give a chip these values, sorted, after its "all" (unless it has them already)."""
    choices = ["all", *sorted(values)]
    if chip.choices != choices:
        chip.set_choices(choices)  # a layout pass: only when they change


class Throttle:
    """Runs a callback once after the messages already queued, however often it is asked
    to; asked with ``hold``, not sooner than ``seconds`` after the last run."""

    def __init__(self, owner: MessagePump, callback: Callable[[], object], seconds: float) -> None:
        self._owner = owner
        self._callback = callback
        self.seconds = seconds
        """The shortest time between two held runs."""
        self._pending = False
        self._queued = False
        self._timer: Timer | None = None
        self._last = -seconds

    @property
    def pending(self) -> bool:
        """True when a run was asked for and has not happened yet."""
        return self._pending

    def request(self, *, hold: bool = False) -> None:
        """Ask for a run: soon, or with ``hold`` once ``seconds`` have passed since the last."""
        self._pending = True
        if self._queued:
            return
        delay = self._last + self.seconds - monotonic() if hold else 0.0
        if delay <= 0:
            self._queued = True
            self._owner.call_later(self._run)
        elif self._timer is None:
            self._timer = self._owner.set_timer(delay, self._run)

    def _run(self) -> None:
        self._queued = False
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._pending:
            self._pending = False
            self._last = monotonic()
            self._callback()
