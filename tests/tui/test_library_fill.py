"""Filling the library cheaply: batched scan messages, few rebuilds, each option built once."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList

import matwork.tui.library.lists as library_lists
import matwork.tui.library.screen as library_screen
from matwork.app.config import Config
from matwork.app.library import LibraryEntry, RoutineSource, load_entry
from matwork.tui.app import make_app
from matwork.tui.library.scan import (
    EntriesLoaded,
    EntriesRemoved,
    Found,
    Loader,
    ScanFinished,
    scan,
)

from helpers.pilot import settle, wait_until
from helpers.tui import library, listed, routine_text


def write_routines(folder: Path, count: int) -> list[Path]:
    """``count`` valid routine files, in the order the scan finds them."""
    folder.mkdir(parents=True)
    files = [folder / f"routine-{number:03d}.toml" for number in range(count)]
    for number, path in enumerate(files):
        path.write_text(routine_text(f"Routine {number:03d}"), encoding="utf-8")
    return files


def slow_loader(seconds: float) -> Loader:
    """``load_entry`` taking at least ``seconds`` per file."""

    def load(path: Path, origin: str = "path") -> LibraryEntry:
        time.sleep(seconds)
        return load_entry(path, origin)

    return load


def test_the_scan_posts_batches_in_order_then_finishes(tmp_path: Path) -> None:
    files = write_routines(tmp_path / "lib", 40)
    sources = [RoutineSource("user", tmp_path / "lib")]
    posted: list[Message] = []
    scan(sources, {}, slow_loader(0.005), posted.append, lambda: False, batch_seconds=0.05)
    *batches, finished = posted
    assert isinstance(finished, ScanFinished)
    assert set(finished.stamps) == set(files)
    loads = [batch for batch in batches if isinstance(batch, EntriesLoaded)]
    assert loads == batches
    assert 2 <= len(loads) <= 10  # about 0.2 s of loading in 50 ms batches, not 40
    assert [entry.path for batch in loads for entry, _ in batch.loaded] == files
    orders = [order for batch in loads for _, order in batch.loaded]
    assert orders == [(0, path.name) for path in files]

    files[3].unlink()
    files[5].write_text(routine_text("Changed", work=45), encoding="utf-8")
    again: list[Message] = []
    scan(sources, finished.stamps, load_entry, again.append, lambda: False)
    removed, changed, done = again
    assert isinstance(removed, EntriesRemoved)
    assert removed.paths == (files[3],)
    assert isinstance(changed, EntriesLoaded)
    assert [entry.name for entry, _ in changed.loaded] == ["Changed"]
    assert isinstance(done, ScanFinished)


def test_a_file_reached_twice_is_listed_once(tmp_path: Path) -> None:
    files = write_routines(tmp_path / "lib", 3)
    (tmp_path / "lib" / "link.toml").symlink_to(files[1])
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "away.toml").symlink_to(files[2])
    sources = [
        RoutineSource("user", tmp_path / "lib"),
        RoutineSource("config", tmp_path / "lib"),  # the same folder again
        RoutineSource("config", tmp_path / "other"),
    ]
    found = Found(sources)
    assert list(found.stamps) == [tmp_path / "lib" / "link.toml", files[0], files[2]]
    assert set(found.origins.values()) == {"user"}


def test_a_slow_file_does_not_hold_back_the_ones_loaded_before_it(tmp_path: Path) -> None:
    files = write_routines(tmp_path / "lib", 8)
    gate = threading.Event()

    def load(path: Path, origin: str = "path") -> LibraryEntry:
        if path == files[5] and not gate.wait(10):
            raise AssertionError("the gate never opened")
        return load_entry(path, origin)

    posted: list[Message] = []
    sources = [RoutineSource("user", tmp_path / "lib")]
    thread = threading.Thread(target=scan, args=(sources, {}, load, posted.append, lambda: False))
    thread.start()
    try:
        deadline = time.monotonic() + 5
        while not posted and time.monotonic() < deadline:
            time.sleep(0.01)
        (first,) = posted
        assert isinstance(first, EntriesLoaded)
        assert [entry.path for entry, _ in first.loaded] == files[:5]
    finally:
        gate.set()
        thread.join(10)
    *loads, finished = posted
    assert isinstance(finished, ScanFinished)
    assert [entry.path for m in loads if isinstance(m, EntriesLoaded) for entry, _ in m.loaded] == (
        files
    )


async def test_a_long_scan_rebuilds_a_few_times_and_builds_each_option_once(
    tmp_path: Path, acknowledged: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = 80
    write_routines(tmp_path / "lib", count)
    monkeypatch.setattr(library_screen, "load_entry", slow_loader(0.01))
    prompts: list[str] = []
    real_prompt: Callable[[LibraryEntry], Content] = library_lists.routine_prompt

    def counted_prompt(entry: LibraryEntry) -> Content:
        prompts.append(entry.name)
        return real_prompt(entry)

    monkeypatch.setattr(library_lists, "routine_prompt", counted_prompt)
    shown: list[int] = []
    real_rebuild = library_screen.LibraryScreen._rebuild

    def counted_rebuild(self: library_screen.LibraryScreen) -> None:
        real_rebuild(self)
        shown.append(self.query_one("#routines", OptionList).option_count)

    monkeypatch.setattr(library_screen.LibraryScreen, "_rebuild", counted_rebuild)
    app = make_app(
        config=acknowledged, sources=[RoutineSource("user", tmp_path / "lib")], poll_seconds=0
    )
    async with app.run_test() as pilot:
        started = time.monotonic()
        await wait_until(pilot, lambda: len(listed(app)) == count, rounds=2000)
        elapsed = time.monotonic() - started
        await settle(pilot)
        assert shown[0] < count  # the list showed part of the scan while it ran
        assert shown[-1] == count
        # at most one rebuild per REBUILD_SECONDS while scanning, then one at the end
        assert len(shown) <= elapsed / library_screen.REBUILD_SECONDS + 2
        assert sorted(prompts) == [f"Routine {number:03d}" for number in range(count)]

        await pilot.press("slash", *"routine 00")
        await pilot.pause()
        assert len(listed(app)) == 10
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert len(listed(app)) == count
        assert len(prompts) == count  # filtering reuses the options
        options = library(app).query_one("#routines", OptionList)
        assert str(options.get_option_at_index(count - 1).prompt).startswith("Routine 079\n")
