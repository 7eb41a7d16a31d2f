"""The library: every routine found, searchable and filterable, with a preview.

Routine files are read by a thread worker (``library_scan.scan``) that only posts
messages, a batch of loaded entries at a time; the screen's handlers own the entries.
The same worker, started every couple of seconds by a timer, compares the files'
modification stamps with the last scan and reloads only what changed, so editing a
routine in another window updates the list.

Hundreds of files fill the list quickly: each file's option is built once
(``library_lists``), and while a scan runs the lists are rebuilt at most every
``REBUILD_SECONDS``, then once more when it finishes.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from textual import on
from textual.app import ComposeResult, SuspendNotSupported
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, OptionList, Static

from matwork.app import routine_copies as copies
from matwork.app.library import LibraryEntry, RoutineSource, load_entry
from matwork.app.routine_copies import copy_name, copy_routine, editor_command, relocated
from matwork.core.authoring import renamed
from matwork.i18n import lazy_tui_, tui_
from matwork.tui.builder.screen import BuilderScreen
from matwork.tui.library import scan as library_scan
from matwork.tui.library.filters import LENGTHS, LibraryFilter, categories, search_text
from matwork.tui.library.lists import (
    LibraryRows,
    ListedRow,
    Throttle,
    fill_options,
    offer_choices,
)
from matwork.tui.library.preview import RoutinePreview
from matwork.tui.library.scan import Stamp
from matwork.tui.library.scanning import LibraryScanning
from matwork.tui.widgets.bindings_text import lazy_binding
from matwork.tui.widgets.filter_chip import FilterChip
from matwork.tui.widgets.key_footer import KeyFooter
from matwork.tui.widgets.size_classes import set_size_classes
from matwork.tui.widgets.words import category_choice_label

__all__ = [
    "LENGTHS",
    "REBUILD_SECONDS",
    "LibraryFilter",
    "LibraryScreen",
    "Stamp",
    "categories",
    "copy_name",
    "copy_routine",
    "editor_command",
    "load_entry",
    "relocated",
    "renamed",
    "search_text",
]

REBUILD_SECONDS = 0.2
"""While a scan runs, the lists are rebuilt at most this often."""


class LibraryScreen(LibraryScanning, Screen[None]):
    """The routines found in the sources, with search, filters and a preview."""

    CSS_PATH = "library.tcss"

    BINDINGS = [
        lazy_binding(
            "slash", "focus_search", lazy_tui_("Search"), id="search", show=False
        ),  # in the placeholder
        lazy_binding("t", "cycle('tag')", lazy_tui_("Tag"), id="filter_tag"),
        lazy_binding("c", "cycle('category')", lazy_tui_("Category"), id="filter_category"),
        lazy_binding("l", "cycle('length')", lazy_tui_("Length"), id="filter_length"),
        lazy_binding("e", "edit", lazy_tui_("Edit"), id="edit"),
        lazy_binding("d", "duplicate", lazy_tui_("Duplicate"), id="duplicate"),
        lazy_binding("n", "new_routine", lazy_tui_("New"), id="new_routine"),
        lazy_binding("C", "copy_routine", lazy_tui_("Copy"), id="copy_routine"),
        # The app binds h too (hidden); shown here, where it works.
        lazy_binding("h", "app.history", lazy_tui_("History"), id="history"),
        lazy_binding("r", "reload", lazy_tui_("Reload"), id="reload", show=False),
        lazy_binding(
            "escape", "leave_search", lazy_tui_("Back to list"), id="leave_search", show=False
        ),
    ]

    AUTO_FOCUS = "#routines"

    class Start(Message):
        """The user chose a routine to do. Handled by the app's ``on_library_screen_start``."""

        def __init__(self, entry: LibraryEntry) -> None:
            super().__init__()
            self.entry = entry

    class Shown(Message):
        """The library is mounted (it may be first shown after another screen, e.g.
        ``matwork history``). Handled by the app's ``on_library_screen_shown``."""

    EntriesLoaded = library_scan.EntriesLoaded
    EntriesRemoved = library_scan.EntriesRemoved
    ScanFinished = library_scan.ScanFinished

    def __init__(
        self,
        sources: Sequence[RoutineSource],
        *,
        routines_dir: Path,
        poll_seconds: float = 2.0,
    ) -> None:
        super().__init__(id="library")
        self.sources = tuple(sources)
        self.routines_dir = routines_dir
        """The user's own routines folder: where copies and new routines go."""
        self.poll_seconds = poll_seconds
        self.rows = LibraryRows()
        """The loaded files; the lists show them as of the last rebuild."""
        self._stamps: dict[Path, Stamp] = {}
        self._scanning = False
        self._scanned_once = False
        self._listed: list[ListedRow] = []
        self._broken: list[ListedRow] = []
        self._rebuilds = Throttle(self, lambda: self._rebuild(), REBUILD_SECONDS)
        self._select_next: Path | None = None
        self._poll: Timer | None = None
        self._covered = False

    # -- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Search and chips over the routine and broken lists; the preview beside them."""
        set_size_classes(self)  # the widgets below are styled once, for this size
        yield Header()
        with Horizontal(id="library-body"):
            with Vertical(id="library-side"):
                yield Input(placeholder=tui_("Search (/): name, tag, exercise…"), id="search")
                with Horizontal(id="chips"):
                    yield FilterChip(tui_("tag"), ["all"], id="chip-tag")
                    yield FilterChip(
                        tui_("category"), ["all"], id="chip-category", shown=category_choice_label
                    )
                    yield FilterChip(tui_("length"), ["any", *LENGTHS], id="chip-length")
                yield Static(tui_("Loading routines…"), id="list-note")
                yield OptionList(id="routines")
                yield Static(tui_("Broken files"), id="broken-title")
                yield OptionList(id="broken")
            yield RoutinePreview(id="preview")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Start the first scan once the first frame is drawn; start the polling timer."""
        self.post_message(self.Shown())
        self.call_after_refresh(self.start_scan)
        if self.poll_seconds > 0:
            self._poll = self.set_interval(self.poll_seconds, self.start_scan)

    def on_screen_suspend(self) -> None:
        """Stop polling while another screen (a session) is on top."""
        if self._poll is not None:
            self._poll.pause()
        self._covered = True

    def on_screen_resume(self) -> None:
        """Poll again, starting with a scan once the screen is drawn."""
        self._covered = False
        if self._poll is not None:
            self._poll.resume()
            self.call_after_refresh(self.start_scan)

    @property
    def polling(self) -> bool:
        """Whether the library looks for changed files now (not while covered)."""
        return self._poll is not None and not self._covered

    # -- the lists --------------------------------------------------------------

    @property
    def filter(self) -> LibraryFilter:
        """What the list is narrowed to; setting it refreshes the list at once."""
        return self.rows.filter

    @filter.setter
    def filter(self, chosen: LibraryFilter) -> None:
        if chosen != self.rows.filter:
            self.rows.filter = chosen
            self._request_rebuild(now=True)

    @property
    def entries(self) -> list[LibraryEntry]:
        """Every loaded entry, good and broken, in source order."""
        return [row.entry for row in self.rows.all()]

    @property
    def listed(self) -> list[LibraryEntry]:
        """The good entries that passed the filter, as the routine list shows them."""
        return [row.entry for row in self._listed]

    @property
    def broken(self) -> list[LibraryEntry]:
        """The entries that failed to load, as the broken list shows them."""
        return [row.entry for row in self._broken]

    def _request_rebuild(self, *, now: bool = False) -> None:
        """Rebuild the lists after the messages already queued; while a scan runs, at most
        every REBUILD_SECONDS (its last entries come with ScanFinished) unless ``now``."""
        self._rebuilds.request(hold=self._scanning and not now)

    def _rebuild(self) -> None:
        """Refill the chips' choices, both lists and the note from the rows and the filter."""
        good, broken = self.rows.good(), self.rows.broken()
        tags = {tag for row in good for tag in row.tags}
        offer_choices(self.query_one("#chip-tag", FilterChip), tags)
        found = {category for row in good for category in row.categories}
        offer_choices(self.query_one("#chip-category", FilterChip), found)
        self._listed = listed = self.rows.listed()
        self._broken = broken
        self._fill("#routines", listed)
        self._fill("#broken", broken)
        self.set_class(bool(broken), "-has-broken")
        if listed:
            text = ""
        elif not self._scanned_once:
            text = tui_("Loading routines…")
        elif good:
            text = tui_("No routine matches the search and filters.")
        else:
            text = tui_("No routines found.")
        note = self.query_one("#list-note", Static)
        if str(note.content) != text:
            note.update(text)  # a layout pass each time: only when it changes
        self.set_class(not listed, "-no-routines")
        self._show_preview()

    def _fill(self, list_id: str, rows: Sequence[ListedRow]) -> None:
        """Refill a list; a file just duplicated or copied takes the highlight once it loads."""
        options = self.query_one(list_id, OptionList)
        select = str(self._select_next) if self._select_next is not None else None
        if fill_options(options, rows, select):
            self._select_next = None
            options.focus()

    # -- the preview ------------------------------------------------------------

    def highlighted_entry(self) -> LibraryEntry | None:
        """The entry under the cursor of the focused list (the routine list otherwise)."""
        broken = self.query_one("#broken", OptionList)
        options = broken if broken.has_focus else self.query_one("#routines", OptionList)
        option = options.highlighted_option
        if option is None or option.id is None:
            return None
        return self.rows.get(Path(option.id))

    def _show_preview(self) -> None:
        preview = self.query_one(RoutinePreview)
        entry = self.highlighted_entry()
        if entry is not preview.entry:
            preview.show(entry)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self._show_preview()

    @on(DescendantFocus)
    def _focus_moved(self) -> None:
        self._show_preview()

    @on(OptionList.OptionSelected, "#routines")
    def _start(self, event: OptionList.OptionSelected) -> None:
        entry = self.rows.get(Path(event.option.id or ""))
        if entry is not None:
            self.post_message(self.Start(entry))

    @on(OptionList.OptionSelected, "#broken")
    def _start_broken(self) -> None:
        said = tui_("This file has errors: press e to fix it in your editor.")
        self.notify(said, severity="warning")

    # -- search and filters -------------------------------------------------------

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.filter = replace(self.filter, text=event.value)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.query_one("#routines", OptionList).focus()

    @on(FilterChip.Changed)
    def _chip_changed(self, event: FilterChip.Changed) -> None:
        value = event.value
        if event.chip.id == "chip-tag":
            self.filter = replace(self.filter, tag=value)
        elif event.chip.id == "chip-category":
            self.filter = replace(self.filter, category=value)
        elif event.chip.id == "chip-length":
            self.filter = replace(self.filter, length=value)

    def action_focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.query_one("#search", Input).focus()

    def action_leave_search(self) -> None:
        """Back from the search box to the list (clearing the search if already there)."""
        search = self.query_one("#search", Input)
        if not search.has_focus:
            search.value = ""
        self.query_one("#routines", OptionList).focus()

    def action_cycle(self, name: str) -> None:
        """Move a filter chip (tag, category or length) to its next value."""
        self.query_one(f"#chip-{name}", FilterChip).cycle()

    def action_reload(self) -> None:
        """Scan the folders now rather than at the next tick."""
        self.start_scan()

    # -- edit and duplicate ---------------------------------------------------------

    def action_edit(self) -> None:
        """Open the highlighted routine in $EDITOR; a shipped one is copied first, "(my copy)"."""
        entry = self.highlighted_entry()
        if entry is None:
            return
        target = entry.path
        if entry.origin == "shipped":
            target = copies.my_copy_path(self.routines_dir, entry.path.stem)
            if target.exists():
                self.notify(tui_("Editing your copy: {name}").format(name=target.name))
            else:
                try:
                    copy_routine(entry.path, target, copies.my_copy_name(entry.name))
                except (OSError, UnicodeDecodeError) as error:
                    said = tui_("Could not copy it: {reason}").format(reason=error)
                    self.notify(said, severity="error")
                    return
                self.notify(tui_("Copied to your routines: {name}").format(name=target.name))
            self._select_next = target
        self._run_editor(target)
        self.start_scan()

    def _run_editor(self, path: Path) -> None:
        command = [*editor_command(), str(path)]
        failure = ""
        try:
            with self.app.suspend():
                try:
                    subprocess.run(command, check=False)
                except OSError as error:
                    failure = tui_("Could not run {command}: {reason}").format(
                        command=command[0], reason=error.strerror or error
                    )
        except SuspendNotSupported:
            failure = tui_("Cannot open an editor here: the terminal cannot be handed over.")
        if failure:
            self.notify(failure, severity="error")

    def action_duplicate(self) -> None:
        """Copy the highlighted routine into your routines folder, as "<name> (copy)"."""
        entry = self.highlighted_entry()
        if entry is None:
            return
        folder = self.routines_dir
        target = copy_name(folder, entry.path.stem)
        routine = entry.routine
        name = tui_("{name} (copy)").format(name=routine.name) if routine is not None else None
        try:
            copy_routine(entry.path, target, name)
        except (OSError, UnicodeDecodeError) as error:
            said = tui_("Could not duplicate it: {reason}").format(reason=error)
            self.notify(said, severity="error")
            return
        self._select_next = target
        self.notify(tui_("Duplicated to your routines: {name}").format(name=target.name))
        self.start_scan()

    # -- the builder ------------------------------------------------------------------

    def action_new_routine(self) -> None:
        """Build a new routine in the builder."""
        self.app.push_screen(BuilderScreen(routines_dir=self.routines_dir), self._built)

    def action_copy_routine(self) -> None:
        """Open the highlighted routine in the builder, to save as "<name> (my copy)"."""
        entry = self.highlighted_entry()
        if entry is None or entry.routine is None:
            self.notify(tui_("Highlight a routine that loads to copy it."), severity="warning")
            return
        routine = copies.my_copy(entry.routine)
        self.app.push_screen(
            BuilderScreen(routine, source=entry.path, routines_dir=self.routines_dir),
            self._built,
        )

    def _built(self, saved: Path | None) -> None:
        """The builder closed: highlight the file it saved once the scan finds it."""
        if saved is not None:
            self._select_next = saved
            self.start_scan()
