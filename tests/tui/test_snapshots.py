"""SVG snapshots of the library (with a broken file too) and the safety notice.

The scenes are in tests/helpers/scenes.py (fixed data, a fake clock, UTC); each is
pictured at 80x24 and 120x36. Review a changed picture by eye before updating:
``rsvg-convert -w 1400 FILE.svg -o /tmp/x.png``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from helpers.scenes import Scene, scenes

SnapCompare = Callable[..., bool]


@pytest.mark.parametrize(("scene", "size"), scenes("library", "safety"))
def test_snapshot(
    snap_compare: SnapCompare, scene: Scene, size: tuple[int, int], tmp_path: Path
) -> None:
    app, run_before = scene.build(tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
