"""SVG snapshots of the library and the safety notice (pytest-textual-snapshot)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from matwork.config import Config
from matwork.core.library import RoutineSource
from matwork.tui.app import make_app

from .conftest import BROKEN_TEXT
from .helpers import library, settle

SIZE = (100, 30)

SnapCompare = Callable[..., bool]


def test_library_with_preview(
    snap_compare: SnapCompare, sources: list[RoutineSource], acknowledged: Config
) -> None:
    app = make_app(config=acknowledged, sources=sources, poll_seconds=0)
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_library_with_a_broken_file(
    snap_compare: SnapCompare,
    library_dir: Path,
    sources: list[RoutineSource],
    acknowledged: Config,
) -> None:
    (library_dir / "broken.toml").write_text(BROKEN_TEXT, encoding="utf-8")
    app = make_app(config=acknowledged, sources=sources, poll_seconds=0)

    async def show_broken(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        library(pilot.app).query_one("#broken").focus()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=show_broken)


def test_safety_notice(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = make_app(sources=[RoutineSource("user", tmp_path / "none")], poll_seconds=0)
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)
