"""The library's scan: find routine files, load the new and changed ones, report in batches.

``scan`` is the body of the library screen's thread worker: it only calls ``post``
(the worker's ``post_message``) with the messages below, and never touches the screen.
Loaded entries go out in batches, one every ``BATCH_SECONDS`` at most, rather than one
message per file: a screen that rebuilt its list for every file would spend the main
thread (and, through the GIL, the scan's time too) on lists nobody sees. A file that is
slow to load does not hold back the ones loaded before it: the files are loaded on a
helper thread, and whatever has loaded is posted when the batch time is up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path

from textual.message import Message

from matwork.app.library import LibraryEntry, RoutineSource, routine_files
from matwork.tui.library.filters import Order

Stamp = tuple[int, int]
"""A file's modification time (ns) and size: a change in either means reload."""

Loader = Callable[[Path, str], LibraryEntry]
"""Loads one file for a source origin (``core.library.load_entry``)."""

BATCH_SECONDS = 0.05
"""Longest a loaded entry waits before it is posted to the screen."""


class EntriesLoaded(Message, namespace="library_screen"):
    """Files (re)loaded, in scan order. Handled by ``on_library_screen_entries_loaded``."""

    def __init__(self, loaded: Sequence[tuple[LibraryEntry, Order]]) -> None:
        super().__init__()
        self.loaded = tuple(loaded)
        """Each entry with where it sorts: (source index, path within the source)."""


class EntriesRemoved(Message, namespace="library_screen"):
    """Files the last scan saw are gone. Handled by ``on_library_screen_entries_removed``."""

    def __init__(self, paths: Sequence[Path]) -> None:
        super().__init__()
        self.paths = tuple(paths)
        """The files that are gone."""


class ScanFinished(Message, namespace="library_screen"):
    """The scan is done. Handled by ``on_library_screen_scan_finished``."""

    def __init__(self, stamps: dict[Path, Stamp]) -> None:
        super().__init__()
        self.stamps = stamps
        """Every file seen, with its stamp: the next scan's baseline."""


class Found:
    """The routine files in a list of sources: stamps, sort order and origin of each.

    A file reached twice (a folder in two sources, a symbolic link) counts once, where
    it is first found; it is told by its device and inode, which ``stat`` gives anyway
    (resolving every path costs as much again).
    """

    def __init__(self, sources: Sequence[RoutineSource]) -> None:
        self.stamps: dict[Path, Stamp] = {}
        """Each file's stamp, in the order found."""
        self.order: dict[Path, Order] = {}
        """Where each file sorts in the library."""
        self.origins: dict[Path, str] = {}
        """The origin of each file's source ("shipped", "user", "config")."""
        seen: set[tuple[int, int]] = set()
        for index, source in enumerate(sources):
            if not source.folder.is_dir():
                continue
            for path in routine_files(source.folder):
                try:
                    status = path.stat()
                except OSError:
                    try:  # a dangling or looping link: listed, as a broken entry
                        status = path.lstat()
                    except OSError:
                        continue
                identity = (status.st_dev, status.st_ino)
                if identity in seen:
                    continue
                seen.add(identity)
                self.stamps[path] = (status.st_mtime_ns, status.st_size)
                self.order[path] = (index, path.relative_to(source.folder).as_posix())
                self.origins[path] = source.origin


def scan(
    sources: Sequence[RoutineSource],
    known: dict[Path, Stamp],
    load: Loader,
    post: Callable[[Message], object],
    cancelled: Callable[[], bool],
    *,
    batch_seconds: float = BATCH_SECONDS,
) -> None:
    """Stat every routine file; load those new or changed since ``known``; post the results.

    Posts one ``EntriesRemoved`` (when files are gone), ``EntriesLoaded`` batches, then
    ``ScanFinished``; stops without ``ScanFinished`` once ``cancelled()`` is true.
    """
    found = Found(sources)
    removed = sorted(known.keys() - found.stamps.keys())
    if removed:
        post(EntriesRemoved(removed))
    changed = [path for path, stamp in found.stamps.items() if known.get(path) != stamp]
    calls = [(path, found.origins[path]) for path in changed]
    for batch in load_in_batches(calls, load, batch_seconds, cancelled):
        post(EntriesLoaded([(entry, found.order[entry.path]) for entry in batch]))
    if not cancelled():
        post(ScanFinished(found.stamps))


def load_in_batches(
    calls: Sequence[tuple[Path, str]],
    load: Loader,
    batch_seconds: float,
    cancelled: Callable[[], bool],
) -> Iterator[list[LibraryEntry]]:
    """Load files in order on a helper thread; yield what has loaded every ``batch_seconds``.

    The last batch comes as soon as the last file has loaded. An exception from
    ``load`` is raised here, with the batch it belongs to.
    """
    if not calls:
        return
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="library-load")
    try:
        futures: list[Future[LibraryEntry]] = [pool.submit(load, *call) for call in calls]
        taken = 0
        while taken < len(futures) and not cancelled():
            wait(futures[-1:], timeout=batch_seconds)  # one worker: they finish in order
            ready = taken
            while ready < len(futures) and futures[ready].done():
                ready += 1
            if ready > taken:
                yield [future.result() for future in futures[taken:ready]]
                taken = ready
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
