"""The library shows its first frame before the scan is done, then fills completely.

The scan's loader is held at a gate, so "before" is an ordering, not a timing: the
first frame must come while files are still waiting to load, and the list must then
grow to every file. A screen that loaded everything before its first frame would show
a full list at the first frame (the gate gives way after GATE_SECONDS so such a
screen fails the assertions instead of hanging).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual import events
from textual.widgets import OptionList

import matwork.tui.library.scanning as library_scanning
import matwork.tui.library.screen as library_screen
from matwork.app.config import Config
from matwork.app.library import LibraryEntry, RoutineSource
from matwork.tui.app import MatworkApp, make_app

from helpers.pilot import settle, wait_until
from helpers.tui import library, listed, routine_text, text_of

FILES = 60
FIRST_BATCH = 20
"""Files the loader lets through before it waits at the gate."""
GATE_SECONDS = 10.0
"""A guard against a hang, not a limit under test."""


class GatedLoader:
    """``load_entry`` that loads FIRST_BATCH files, then waits until ``gate`` is opened."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.started = 0
        self.real = library_screen.load_entry

    def __call__(self, path: Path, origin: str = "path") -> LibraryEntry:
        self.started += 1
        if self.started > FIRST_BATCH and not self.gate.wait(GATE_SECONDS):
            self.gate.set()  # waited in vain (a screen loading on its thread): go on
        return self.real(path, origin)


def write_routines(folder: Path, count: int) -> list[str]:
    """``count`` valid routine files; their names in the order the library sorts them."""
    folder.mkdir(parents=True)
    names = [f"Routine {number:02d}" for number in range(count)]
    for number, name in enumerate(names):
        text = routine_text(name, tags=("even" if number % 2 == 0 else "odd",))
        (folder / f"routine-{number:02d}.toml").write_text(text, encoding="utf-8")
    return names


async def test_first_frame_before_the_scan_finishes_then_every_routine(
    tmp_path: Path, acknowledged: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = write_routines(tmp_path / "many", FILES)
    loader = GatedLoader()
    monkeypatch.setattr(library_scanning, "load_entry", loader)  # what the scan loads with
    first_frame: list[tuple[int, int, str]] = []

    def on_ready(app: MatworkApp, event: events.Ready) -> None:
        # Textual sends Ready once the first frame has been displayed.
        screen = library(app)
        shown = screen.query_one("#routines", OptionList).option_count
        first_frame.append((shown, loader.started, text_of(app, "#list-note")))

    monkeypatch.setattr(MatworkApp, "on_ready", on_ready, raising=False)
    sources = [RoutineSource("user", tmp_path / "many")]
    app = make_app(config=acknowledged, sources=sources, poll_seconds=0)
    async with app.run_test() as pilot:
        try:
            await wait_until(pilot, lambda: bool(first_frame), workers=False)
            ((shown, started, note),) = first_frame
            assert not loader.gate.is_set()
            assert started <= FIRST_BATCH + 1 < FILES  # the scan was still going
            assert shown <= FIRST_BATCH
            if shown == 0:
                assert note == "Loading routines…"

            # The first batch is listed while the scan still waits at the gate.
            await wait_until(pilot, lambda: len(listed(app)) == FIRST_BATCH, workers=False)
            await pilot.pause()
            assert loader.started == FIRST_BATCH + 1
            assert listed(app) == names[:FIRST_BATCH]
            assert library(app).query_one("#routines", OptionList).option_count == FIRST_BATCH

            loader.gate.set()
            await wait_until(pilot, lambda: len(listed(app)) == FILES)
            await settle(pilot)
            assert listed(app) == names
            options = library(app).query_one("#routines", OptionList)
            assert options.option_count == FILES
            assert str(options.get_option_at_index(FILES - 1).prompt).startswith("Routine 59\n")
            assert library(app).broken == []
            assert text_of(app, "#list-note") == ""
            assert loader.started == FILES
        finally:
            loader.gate.set()  # never leave the scan thread waiting
