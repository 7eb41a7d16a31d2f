"""The library's scan worker and the handlers of what it reports (a part of LibraryScreen).

``LibraryScanning`` is mixed into the library screen: ``start_scan`` runs
``library_scan.scan`` on a thread worker that only posts messages; the handlers here
keep what it found and ask the screen to rebuild its lists.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from textual import work
from textual.message import Message
from textual.worker import get_current_worker

from matwork.app.library import RoutineSource, load_entry
from matwork.tui.library import scan as library_scan
from matwork.tui.library.lists import LibraryRows, Throttle
from matwork.tui.library.scan import Loader, Stamp


class LibraryScanning:
    """Scanning the sources for routine files, for the library screen it is mixed into."""

    sources: tuple[RoutineSource, ...]
    rows: LibraryRows
    _stamps: dict[Path, Stamp]
    _scanning: bool
    _scanned_once: bool
    _rebuilds: Throttle
    _request_rebuild: Callable[..., None]
    post_message: Callable[[Message], bool]

    def start_scan(self) -> None:
        """Look for new, changed and removed routine files, unless a scan is running."""
        if self._scanning:
            return
        self._scanning = True
        self._scan(self.sources, dict(self._stamps), load_entry)

    @work(thread=True, group="library-scan")
    def _scan(
        self, sources: Sequence[RoutineSource], known: dict[Path, Stamp], load: Loader
    ) -> None:
        """Run ``library_scan.scan``: it only posts its results to this screen."""
        worker = get_current_worker()
        library_scan.scan(sources, known, load, self.post_message, lambda: worker.is_cancelled)

    def on_library_screen_entries_loaded(self, message: library_scan.EntriesLoaded) -> None:
        """Keep the (re)loaded entries and refresh the lists (soon, while scanning)."""
        for entry, order in message.loaded:
            self.rows.put(entry, order)
        self._request_rebuild()

    def on_library_screen_entries_removed(self, message: library_scan.EntriesRemoved) -> None:
        """Forget deleted files and refresh the lists."""
        for path in message.paths:
            self.rows.remove(path)
        self._request_rebuild()

    def on_library_screen_scan_finished(self, message: library_scan.ScanFinished) -> None:
        """Keep the stamps as the next scan's baseline; show what is left; allow the next scan."""
        self._stamps = message.stamps
        self._scanning = False
        if self._rebuilds.pending or not self._scanned_once:
            self._scanned_once = True
            self._request_rebuild()
