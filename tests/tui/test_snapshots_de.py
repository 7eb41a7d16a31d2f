"""SVG snapshots in German, 80x24 and 120x36: library, player, summary, History, Builder.

The same scenes as the English snapshots (tests/helpers/scenes.py), shown with
``use_language("de")``; English comes back after each. Review a changed picture by
eye for overflow before updating (German words are longer):
``rsvg-convert -w 1400 FILE.svg -o /tmp/x.png``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from matwork.i18n import tui_

from helpers.language import shown_in
from helpers.scenes import SNAPSHOT_SIZES, Scene, scenes

SnapCompare = Callable[..., bool]

GERMAN_SCENES = [
    param
    for param in scenes(
        "library",
        "safety",
        "player_",
        "help",
        "confirm_stop",
        "summary",
        "history",
        "builder",
        "pain_question",
        "resume_question",
    )
    if param.values[1] in SNAPSHOT_SIZES and param.values[0].name != "library_broken"
]
"""The library, the safety notice, every player moment, its help and stop question, the
summary, History, the Builder and the questions around a session, at the two sizes."""


@pytest.fixture
def german() -> Iterator[None]:
    """The app in German for one test."""
    with shown_in("de"):
        yield


def test_german_is_on(german: None) -> None:
    assert tui_("GET READY") == "MACH DICH BEREIT"


def test_english_is_back_after() -> None:
    assert tui_("GET READY") == "GET READY"


@pytest.mark.parametrize(("scene", "size"), GERMAN_SCENES)
def test_snapshot_de(
    snap_compare: SnapCompare, scene: Scene, size: tuple[int, int], tmp_path: Path, german: None
) -> None:
    app, run_before = scene.build(tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
