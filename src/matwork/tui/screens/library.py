"""The library: every routine found, searchable and filterable, with a preview.

Routine files are read by a thread worker that only posts messages; the screen's
handlers own the entries. The same worker, started every couple of seconds by a
timer, compares the files' modification stamps with the last scan and reloads only
what changed, so editing a routine in another window updates the list.
"""

from __future__ import annotations

import math
import os
import re
import shlex
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import tomli_w
from textual import on, work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import DescendantFocus
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from matwork import paths
from matwork.core.library import LibraryEntry, RoutineSource, load_entry, routine_files
from matwork.tui.screens.builder import BuilderScreen
from matwork.tui.widgets.filter_chip import FilterChip
from matwork.tui.widgets.routine_preview import RoutinePreview, summary_line

Stamp = tuple[int, int]
"""A file's modification time (ns) and size: a change in either means reload."""

META_WIDTH = 38
"""The routine list's second line (length, tags, origin) is cut to this many cells."""

LENGTHS: dict[str, tuple[float, float]] = {
    "≤10 min": (0, 600),
    "10-20 min": (600, 1200),
    "20-40 min": (1200, 2400),
    ">40 min": (2400, math.inf),
}
"""Length filter choices: (more than, at most) seconds."""


@dataclass(frozen=True)
class LibraryFilter:
    """What the user narrowed the list to: search words, tag, category, length."""

    text: str = ""
    tag: str | None = None
    category: str | None = None
    length: str | None = None

    def matches(self, entry: LibraryEntry) -> bool:
        """True when a loaded routine passes every filter."""
        routine, timeline = entry.routine, entry.timeline
        if routine is None or timeline is None:
            return False
        if self.tag is not None and self.tag not in routine.tags:
            return False
        if self.category is not None and self.category not in categories(entry):
            return False
        if self.length is not None:
            low, high = LENGTHS[self.length]
            if not low < timeline.total_seconds <= high:
                return False
        words = self.text.casefold().split()
        if words:
            haystack = search_text(entry)
            return all(word in haystack for word in words)
        return True


def categories(entry: LibraryEntry) -> set[str]:
    """The exercise categories a routine's work uses."""
    if entry.timeline is None:
        return set()
    return {segment.exercise.entry.category for segment in entry.timeline.work_segments()}


def search_text(entry: LibraryEntry) -> str:
    """Everything the search looks in: name, description, tags, exercise names and ids."""
    parts = [entry.name, entry.path.stem]
    if entry.routine is not None:
        parts += [entry.routine.description, *entry.routine.tags]
    if entry.timeline is not None:
        for segment in entry.timeline.work_segments():
            parts += [segment.exercise.name, segment.exercise.id]
    return "\n".join(parts).casefold()


def copy_name(folder: Path, stem: str) -> Path:
    """A free ``<stem>-copy.toml`` (then ``-copy-2``, ...) in a folder."""
    candidate = folder / f"{stem}-copy.toml"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-copy-{number}.toml"
        number += 1
    return candidate


_NAME_LINE = re.compile(r"^name\s*=.*$", re.MULTILINE)
_TABLE_LINE = re.compile(r"^\s*\[", re.MULTILINE)


def renamed(text: str, name: str) -> str:
    """A routine's TOML text with its top-level ``name`` replaced (if it has one)."""
    table = _TABLE_LINE.search(text)
    head_end = table.start() if table else len(text)
    match = _NAME_LINE.search(text, 0, head_end)
    if match is None:
        return text
    line = tomli_w.dumps({"name": name}).strip()
    return text[: match.start()] + line + text[match.end() :]


_SCHEMA_LINE = re.compile(r"^#:schema\s+(\S+)[ \t]*$", re.MULTILINE)


def relocated(text: str, origin: Path) -> str:
    """A routine's text with a relative ``#:schema`` path made absolute.

    A copy lives in another folder, where the shipped file's relative schema path
    would point nowhere; editors would lose completion and checks.
    """
    match = _SCHEMA_LINE.search(text)
    if match is None or "://" in match.group(1) or Path(match.group(1)).is_absolute():
        return text
    schema = (origin.parent / match.group(1)).resolve()
    if not schema.is_file():
        return text
    return text[: match.start(1)] + str(schema) + text[match.end(1) :]


def copy_routine(source: Path, target: Path, name: str | None = None) -> None:
    """Copy a routine file (renaming the routine when ``name`` is given), making the folder."""
    text = relocated(source.read_text(encoding="utf-8"), source)
    if name is not None:
        text = renamed(text, name)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def editor_command() -> list[str]:
    """The user's editor ($VISUAL, then $EDITOR, else vi) as an argument list."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    return shlex.split(editor)


class LibraryScreen(Screen[None]):
    """The routines found in the sources, with search, filters and a preview."""

    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="search"),
        Binding("t", "cycle('tag')", "Tag", id="filter_tag"),
        Binding("c", "cycle('category')", "Category", id="filter_category"),
        Binding("l", "cycle('length')", "Length", id="filter_length"),
        Binding("e", "edit", "Edit", id="edit"),
        Binding("d", "duplicate", "Duplicate", id="duplicate"),
        Binding("n", "new_routine", "New", id="new_routine", show=False),
        Binding("C", "copy_routine", "Copy & edit", id="copy_routine", show=False),
        Binding("r", "reload", "Reload", id="reload", show=False),
        Binding("escape", "leave_search", "Back to list", id="leave_search", show=False),
    ]

    AUTO_FOCUS = "#routines"

    class Start(Message):
        """The user chose a routine to do. Handled by the app's ``on_library_screen_start``."""

        def __init__(self, entry: LibraryEntry) -> None:
            super().__init__()
            self.entry = entry

    class EntryLoaded(Message):
        """The scan worker (re)loaded a file. Handled by ``on_library_screen_entry_loaded``."""

        def __init__(self, entry: LibraryEntry, order: tuple[int, str]) -> None:
            super().__init__()
            self.entry = entry
            self.order = order
            """Where it sorts: (source index, path within the source)."""

    class EntryRemoved(Message):
        """A file the last scan saw is gone. Handled by ``on_library_screen_entry_removed``."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    class ScanFinished(Message):
        """The scan worker is done. Handled by ``on_library_screen_scan_finished``."""

        def __init__(self, stamps: dict[Path, Stamp]) -> None:
            super().__init__()
            self.stamps = stamps
            """Every file seen, with its stamp: the next scan's baseline."""

    def __init__(self, sources: Sequence[RoutineSource], *, poll_seconds: float = 2.0) -> None:
        super().__init__(id="library")
        self.sources = tuple(sources)
        self.poll_seconds = poll_seconds
        self.filter = LibraryFilter()
        self._entries: dict[Path, LibraryEntry] = {}
        self._order: dict[Path, tuple[int, str]] = {}
        self._stamps: dict[Path, Stamp] = {}
        self._scanning = False
        self._scanned_once = False
        self._rebuild_pending = False
        self._select_next: Path | None = None
        self._poll: Timer | None = None

    # -- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Search and chips over the routine and broken lists; the preview beside them."""
        yield Header()
        with Horizontal(id="library-body"):
            with Vertical(id="library-side"):
                yield Input(placeholder="Search: name, tag, exercise…", id="search")
                with Horizontal(id="chips"):
                    yield FilterChip("tag", ["all"], id="chip-tag")
                    yield FilterChip("category", ["all"], id="chip-category")
                    yield FilterChip("length", ["any", *LENGTHS], id="chip-length")
                yield Static("Loading routines…", id="list-note")
                yield OptionList(id="routines")
                yield Static("Broken files", id="broken-title")
                yield OptionList(id="broken")
            yield RoutinePreview(id="preview")
        yield Footer()

    def on_mount(self) -> None:
        """Start the first scan and the polling timer."""
        self.start_scan()
        if self.poll_seconds > 0:
            self._poll = self.set_interval(self.poll_seconds, self.start_scan)

    def on_screen_suspend(self) -> None:
        """Stop polling while another screen (a session) is on top."""
        if self._poll is not None:
            self._poll.pause()

    def on_screen_resume(self) -> None:
        """Poll again, starting with a scan now."""
        if self._poll is not None:
            self._poll.resume()
            self.start_scan()

    # -- the scan worker and its messages -------------------------------------

    def start_scan(self) -> None:
        """Look for new, changed and removed routine files, unless a scan is running."""
        if self._scanning:
            return
        self._scanning = True
        self._scan(self.sources, dict(self._stamps))

    @work(thread=True, group="library-scan")
    def _scan(self, sources: Sequence[RoutineSource], known: dict[Path, Stamp]) -> None:
        """Stat every routine file; load those that are new or changed; post the results."""
        stamps: dict[Path, Stamp] = {}
        order: dict[Path, tuple[int, str]] = {}
        origins: dict[Path, str] = {}
        seen: set[Path] = set()
        for index, source in enumerate(sources):
            if not source.folder.is_dir():
                continue
            for path in routine_files(source.folder):
                try:
                    resolved = path.resolve()
                    status = path.stat()
                except OSError:
                    continue
                if resolved in seen:
                    continue
                seen.add(resolved)
                stamps[path] = (status.st_mtime_ns, status.st_size)
                order[path] = (index, path.relative_to(source.folder).as_posix())
                origins[path] = source.origin
        for path in known.keys() - stamps.keys():
            self.post_message(self.EntryRemoved(path))
        for path, stamp in stamps.items():
            if known.get(path) != stamp:
                self.post_message(self.EntryLoaded(load_entry(path, origins[path]), order[path]))
        self.post_message(self.ScanFinished(stamps))

    def on_library_screen_entry_loaded(self, message: EntryLoaded) -> None:
        """Keep the (re)loaded entry and refresh the lists."""
        path = message.entry.path
        self._entries[path] = message.entry
        self._order[path] = message.order
        self._schedule_rebuild()

    def on_library_screen_entry_removed(self, message: EntryRemoved) -> None:
        """Forget a deleted file and refresh the lists."""
        self._entries.pop(message.path, None)
        self._order.pop(message.path, None)
        self._schedule_rebuild()

    def on_library_screen_scan_finished(self, message: ScanFinished) -> None:
        """Keep the stamps as the next scan's baseline; allow the next scan."""
        self._stamps = message.stamps
        self._scanning = False
        if not self._scanned_once:
            self._scanned_once = True
            self._schedule_rebuild()

    # -- the lists --------------------------------------------------------------

    @property
    def entries(self) -> list[LibraryEntry]:
        """Every loaded entry, good and broken, in source order."""
        return [self._entries[path] for path in sorted(self._entries, key=self._order.__getitem__)]

    @property
    def listed(self) -> list[LibraryEntry]:
        """The good entries that pass the filter, as listed."""
        return [entry for entry in self.entries if entry.ok and self.filter.matches(entry)]

    @property
    def broken(self) -> list[LibraryEntry]:
        """The entries that failed to load, as listed."""
        return [entry for entry in self.entries if not entry.ok]

    def _schedule_rebuild(self) -> None:
        # Messages already queued (more loaded entries) run first: one rebuild per batch.
        if not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_later(self._rebuild)

    def _rebuild(self) -> None:
        self._rebuild_pending = False
        good = [entry for entry in self.entries if entry.ok]
        tags = sorted(
            {tag for entry in good for tag in (entry.routine.tags if entry.routine else [])}
        )
        self.query_one("#chip-tag", FilterChip).set_choices(["all", *tags])
        found = sorted({category for entry in good for category in categories(entry)})
        self.query_one("#chip-category", FilterChip).set_choices(["all", *found])
        self._fill(self.query_one("#routines", OptionList), self.listed, self._routine_prompt)
        broken = self.broken
        self._fill(self.query_one("#broken", OptionList), broken, self._broken_prompt)
        self.set_class(bool(broken), "-has-broken")
        note = self.query_one("#list-note", Static)
        if self.listed:
            note.update("")
        elif not self._scanned_once:
            note.update("Loading routines…")
        elif good:
            note.update("No routine matches the search and filters.")
        else:
            note.update("No routines found.")
        self.set_class(not self.listed, "-no-routines")
        self._show_preview()

    def _fill(
        self,
        options: OptionList,
        entries: list[LibraryEntry],
        prompt: Callable[[LibraryEntry], Content],
    ) -> None:
        """Refill a list, keeping the highlighted file highlighted when it is still there.

        A file just duplicated or copied for editing takes the highlight once it loads.
        """
        ids = [str(entry.path) for entry in entries]
        current = options.highlighted_option
        keep = current.id if current is not None else None
        wanted = str(self._select_next) if self._select_next is not None else None
        if wanted in ids:
            keep = wanted
            self._select_next = None
        options.set_options(Option(prompt(entry), id=str(entry.path)) for entry in entries)
        if keep in ids:
            options.highlighted = ids.index(keep)
            if keep == wanted:
                options.focus()
        elif entries:
            options.highlighted = 0

    @staticmethod
    def _routine_prompt(entry: LibraryEntry) -> Content:
        meta = summary_line(entry)
        if entry.origin != "shipped":
            meta += f" · {entry.origin}"
        if len(meta) > META_WIDTH:
            meta = meta[: META_WIDTH - 1].rstrip(" ,·") + "…"
        return Content.from_markup("[b]$name[/b]\n[dim]$meta[/]", name=entry.name, meta=meta)

    @staticmethod
    def _broken_prompt(entry: LibraryEntry) -> Content:
        error = entry.error
        first = f"{error.line}:{error.col}: {error.message}" if error else ""
        return Content.from_markup(
            "[b]$file[/b]\n[$text-error]$first[/]", file=entry.path.name, first=first
        )

    # -- the preview ------------------------------------------------------------

    def highlighted_entry(self) -> LibraryEntry | None:
        """The entry under the cursor of the focused list (the routine list otherwise)."""
        broken = self.query_one("#broken", OptionList)
        options = broken if broken.has_focus else self.query_one("#routines", OptionList)
        option = options.highlighted_option
        if option is None or option.id is None:
            return None
        return self._entries.get(Path(option.id))

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
        entry = self._entries.get(Path(event.option.id or ""))
        if entry is not None:
            self.post_message(self.Start(entry))

    @on(OptionList.OptionSelected, "#broken")
    def _start_broken(self) -> None:
        self.notify("This file has errors: press e to fix it in your editor.", severity="warning")

    # -- search and filters -------------------------------------------------------

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.filter = replace(self.filter, text=event.value)
        self._schedule_rebuild()

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
        self._schedule_rebuild()

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
        """Open the highlighted routine in $EDITOR; a shipped one is copied to yours first."""
        entry = self.highlighted_entry()
        if entry is None:
            return
        target = entry.path
        if entry.origin == "shipped":
            target = paths.user_routines_dir() / entry.path.name
            if target.exists():
                self.notify(f"Editing your copy: {target.name}")
            else:
                try:
                    copy_routine(entry.path, target)
                except (OSError, UnicodeDecodeError) as error:
                    self.notify(f"Could not copy it: {error}", severity="error")
                    return
                self.notify(f"Copied to your routines: {target.name}")
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
                    failure = f"Could not run {command[0]}: {error.strerror or error}"
        except SuspendNotSupported:
            failure = "Cannot open an editor here: the terminal cannot be handed over."
        if failure:
            self.notify(failure, severity="error")

    def action_duplicate(self) -> None:
        """Copy the highlighted routine into your routines folder, as "<name> (copy)"."""
        entry = self.highlighted_entry()
        if entry is None:
            return
        folder = paths.user_routines_dir()
        target = copy_name(folder, entry.path.stem)
        name = f"{entry.routine.name} (copy)" if entry.routine is not None else None
        try:
            copy_routine(entry.path, target, name)
        except (OSError, UnicodeDecodeError) as error:
            self.notify(f"Could not duplicate it: {error}", severity="error")
            return
        self._select_next = target
        self.notify(f"Duplicated to your routines: {target.name}")
        self.start_scan()

    # -- the builder ------------------------------------------------------------------

    def action_new_routine(self) -> None:
        """Build a new routine in the builder."""
        self.app.push_screen(BuilderScreen(), self._built)

    def action_copy_routine(self) -> None:
        """Open the highlighted routine in the builder, to save as a routine of yours."""
        entry = self.highlighted_entry()
        if entry is None or entry.routine is None:
            self.notify("Highlight a routine that loads to copy it.", severity="warning")
            return
        self.app.push_screen(BuilderScreen(entry.routine, source=entry.path), self._built)

    def _built(self, saved: Path | None) -> None:
        """The builder closed: highlight the file it saved once the scan finds it."""
        if saved is not None:
            self._select_next = saved
            self.start_scan()
