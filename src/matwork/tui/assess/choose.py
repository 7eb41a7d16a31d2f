"""Which player screen a routine gets: the player, or the player with the test panel.

Kept apart from ``tui.assess.player`` so that ``matwork play`` of a routine without test
sets never imports the test panel, the findings and their norms (about 20 ms at start).
"""

from __future__ import annotations

from typing import Any

from matwork.app.library import LibraryEntry
from matwork.app.paths import Paths
from matwork.app.session import PlayOptions
from matwork.core.timeline import Timeline
from matwork.tui.player.screen import PlayerScreen


def has_test_sets(timeline: Timeline | None) -> bool:
    """True when a timeline has a test set."""
    return timeline is not None and any(
        segment.open and segment.exercise.test is not None for segment in timeline.segments
    )


def player_class_for(entry: LibraryEntry) -> type[PlayerScreen]:
    """The player screen's class for ``entry``: with the test panel when it has test sets."""
    if has_test_sets(entry.timeline):
        from matwork.tui.assess.player import TestPlayerScreen

        return TestPlayerScreen
    return PlayerScreen


def player_screen_for(
    entry: LibraryEntry, options: PlayOptions | None = None, *, paths: Paths, **given: Any
) -> PlayerScreen:
    """The player for ``entry``, as ``player_class_for`` chooses it."""
    return player_class_for(entry)(entry, options, paths=paths, **given)
