"""Small builders for routine text used across core tests."""

from __future__ import annotations

from pathlib import Path

from matwork.core import Timeline, compile_timeline, parse_routine

CATALOG = """
[catalog.a]
name = "A"
category = "strength"

[catalog.b]
name = "B"
category = "strength"
sided = true

[catalog.c]
name = "C"
category = "mobility"
"""


def timeline_of(body: str, path: Path | str = "routine.toml") -> Timeline:
    """Compile a routine made of ``body`` plus the A/B/C catalog."""
    text = 'name = "T"\n' + body + CATALOG
    return compile_timeline(parse_routine(text, path))


def shape(timeline: Timeline) -> list[tuple[str, str, float]]:
    """(kind, exercise id, duration) of each segment."""
    return [(s.kind, s.exercise.id, s.duration) for s in timeline.segments]
