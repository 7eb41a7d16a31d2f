"""What the library's search and filter chips look at, worked out once per loaded file."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

from matwork.app.library import LibraryEntry
from matwork.core.names import query_words, search_form
from matwork.core.search import exercise_text, holds_words

Order = tuple[int, str]
"""Where an entry sorts in the library: (source index, path within the source)."""

LENGTHS: dict[str, tuple[float, float]] = {
    "≤10 min": (0, 600),
    "10-20 min": (600, 1200),
    "20-40 min": (1200, 2400),
    ">40 min": (2400, math.inf),
}
"""Length filter choices: (more than, at most) seconds."""


def categories(entry: LibraryEntry) -> set[str]:
    """The exercise categories a routine's work uses."""
    if entry.timeline is None:
        return set()
    return {segment.exercise.entry.category for segment in entry.timeline.work_segments()}


def search_text(entry: LibraryEntry) -> str:
    """Everything the search looks in: name, description, tags, and each exercise's
    name with what it is found by in the catalog (id, aliases, muscles, groups)."""
    parts = [entry.name, entry.path.stem]
    if entry.routine is not None:
        parts += [entry.routine.description, *entry.routine.tags]
    if entry.timeline is not None:
        seen: set[tuple[str, str]] = set()
        for segment in entry.timeline.work_segments():
            exercise = segment.exercise
            if (exercise.id, exercise.name) not in seen:
                seen.add((exercise.id, exercise.name))
                parts += [exercise.name, exercise_text(exercise.id, exercise.entry)]
    return search_form("\n".join(parts))


class LibraryRow:
    """One loaded file as the library holds it: the entry, where it sorts, and what
    the filters look at, each worked out the first time it is asked for.

    A file that changes arrives as a new entry and gets a new row, so nothing cached
    here outlives the file it was worked out from.
    """

    def __init__(self, entry: LibraryEntry, order: Order = (0, "")) -> None:
        self.entry = entry
        """The loaded (or broken) file."""
        self.order = order
        """Where it sorts: (source index, path within the source)."""

    @cached_property
    def search_text(self) -> str:
        """The text (in search form) the search words are looked for in."""
        return search_text(self.entry)

    @cached_property
    def categories(self) -> frozenset[str]:
        """The exercise categories the routine's work uses."""
        return frozenset(categories(self.entry))

    @cached_property
    def tags(self) -> tuple[str, ...]:
        """The routine's tags (none for a broken file)."""
        routine = self.entry.routine
        return tuple(routine.tags) if routine is not None else ()


@dataclass(frozen=True)
class LibraryFilter:
    """What the user narrowed the list to: search words, tag, category, length."""

    text: str = ""
    tag: str | None = None
    category: str | None = None
    length: str | None = None

    def matches(self, entry: LibraryEntry) -> bool:
        """True when a loaded routine passes every filter."""
        return self.admits(LibraryRow(entry))

    def admits(self, row: LibraryRow) -> bool:
        """``matches`` for a row, using (and filling) the row's cached search text."""
        entry = row.entry
        timeline = entry.timeline
        if entry.routine is None or timeline is None:
            return False
        if self.tag is not None and self.tag not in row.tags:
            return False
        if self.category is not None and self.category not in row.categories:
            return False
        if self.length is not None:
            low, high = LENGTHS[self.length]
            if not low < timeline.total_seconds <= high:
                return False
        return holds_words(row.search_text, query_words(self.text))
