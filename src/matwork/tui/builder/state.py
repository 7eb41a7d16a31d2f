"""The builder's state: a Routine-shaped dict edited in place, checked like a file.

Nothing here imports Textual. The dict holds what the user typed, converted where it
reads as a number or a list; what does not convert stays text, so the routine's own
checker (``parse_routine``) says what is wrong, on the line the file would have it.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from matwork.core.catalog import builtin_catalog
from matwork.core.errors import Problem
from matwork.core.exercise import NO_TEMPO
from matwork.core.model import CatalogEntry, ExerciseUse, Routine
from matwork.core.routine import RoutineError, compile_timeline, parse_routine
from matwork.core.timeline import Timeline
from matwork.core.writer import data_to_toml, routine_data
from matwork.tui.builder.values import (
    breath_value,
    cues_value,
    field_text,
    field_value,
    list_value,
    number_value,
    tempo_text,
    value_text,
)

__all__ = [
    "DEFAULT_TEMPO",
    "DOSAGES",
    "BuilderState",
    "Check",
    "Deleted",
    "Selection",
    "breath_value",
    "cues_value",
    "dosage_kind",
    "field_text",
    "field_value",
    "has_comments",
    "list_value",
    "number_value",
    "tempo_text",
    "value_text",
]

DOSAGES: tuple[tuple[str, str], ...] = (
    ("work", "seconds"),
    ("tempo", "reps+tempo"),
    ("open", "open reps"),
    ("default", "default"),
)
"""Dosage kinds (value, label) an exercise can take."""

DEFAULT_TEMPO = "2-1-2-0"
"""The tempo a use gets when switched to timed reps without one of its own or the catalog's."""


def dosage_kind(use: Mapping[str, Any], entry: CatalogEntry | None = None) -> str:
    """Which dosage a use dict gives: work, tempo, open, or default (none given).

    Reps without a tempo of their own take the catalog ``entry``'s tempo, if it has one;
    ``tempo = "none"`` makes them an open set (docs/routines.md, "The dosage").
    """
    if "work" in use:
        return "work"
    if "reps" in use:
        tempo = use.get("tempo")
        if tempo == NO_TEMPO:
            return "open"
        has_tempo = tempo is not None or (entry is not None and entry.tempo is not None)
        return "tempo" if has_tempo else "open"
    return "default"


def has_comments(text: str) -> bool:
    """True when a line's first non-blank character is '#' (the #:schema line aside)."""
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith("#") and not stripped.startswith("#:schema"):
            return True
    return False


# -- the state ------------------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """A row of the outline: a block (``exercise`` None) or one of its exercises."""

    block: int
    exercise: int | None = None


@dataclass(frozen=True)
class Deleted:
    """A deleted block or exercise, and where it was, for undo."""

    block: int
    exercise: int | None
    item: dict[str, Any]


@dataclass(frozen=True)
class Check:
    """The state checked as a file: the routine and timeline, or the problems."""

    text: str
    routine: Routine | None
    timeline: Timeline | None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the routine loads."""
        return self.routine is not None


@dataclass
class BuilderState:
    """A routine being built: its Routine-shaped dict and the deletions undo can restore."""

    data: dict[str, Any] = field(default_factory=lambda: {"format": 1, "name": ""})
    deleted: list[Deleted] = field(default_factory=list)

    @classmethod
    def from_routine(cls, routine: Routine) -> BuilderState:
        """A state holding everything a routine says (its minimal dict)."""
        return cls(data=routine_data(routine))

    # -- reading ---------------------------------------------------------------------

    @property
    def blocks(self) -> list[dict[str, Any]]:
        """The block dicts (an empty list when there are none)."""
        blocks = self.data.get("block")
        return blocks if isinstance(blocks, list) else []

    def uses(self, block: int) -> list[dict[str, Any]]:
        """The exercise use dicts of one block."""
        uses = self.blocks[block].setdefault("exercise", [])
        return uses if isinstance(uses, list) else []

    def item(self, selection: Selection) -> dict[str, Any]:
        """The dict a selection points at."""
        if selection.exercise is None:
            return self.blocks[selection.block]
        return self.uses(selection.block)[selection.exercise]

    def rows(self) -> list[Selection]:
        """Every block and exercise, in outline order."""
        rows = []
        for block_index in range(len(self.blocks)):
            rows.append(Selection(block_index))
            rows += [Selection(block_index, index) for index in range(len(self.uses(block_index)))]
        return rows

    def snapshot(self) -> dict[str, Any]:
        """A deep copy of the data, to compare for unsaved changes."""
        return copy.deepcopy(self.data)

    def catalog(self) -> dict[str, CatalogEntry]:
        """The built-in catalog with the routine's own entries (those that read) on top."""
        entries = dict(builtin_catalog())
        own = self.data.get("catalog")
        if isinstance(own, Mapping):
            for key, table in own.items():
                try:
                    entries[str(key)] = msgspec.convert(table, CatalogEntry)
                except msgspec.ValidationError:
                    continue
        return entries

    # -- editing ---------------------------------------------------------------------

    @staticmethod
    def assign(table: dict[str, Any], key: str, value: Any, *, keep_empty: bool = False) -> None:
        """Set ``table[key]``; None (or "" and [] unless ``keep_empty``) removes the key."""
        if value is None or (not keep_empty and value in ("", [])):
            table.pop(key, None)
        else:
            table[key] = value

    def set_dosage(self, use: dict[str, Any], kind: str) -> None:
        """Switch a use to a dosage kind, keeping its numbers or taking the catalog's."""
        entry = self.catalog().get(str(use.get("id", "")))
        if kind == "work":
            fallback = entry.work if entry and entry.work else self._default_work()
            use["work"] = use.get("work", fallback)
            use.pop("reps", None)
            use.pop("tempo", None)
        elif kind in ("tempo", "open"):
            use["reps"] = use.get("reps", entry.reps if entry and entry.reps else 10)
            use.pop("work", None)
            if kind == "tempo":
                tempo = entry.tempo if entry and entry.tempo else DEFAULT_TEMPO
                if use.get("tempo") in (None, NO_TEMPO):
                    use["tempo"] = tempo
            elif entry is not None and entry.tempo is not None:
                use["tempo"] = NO_TEMPO  # else the catalog's tempo would apply
            else:
                use.pop("tempo", None)
        else:
            for key in ("work", "reps", "tempo"):
                use.pop(key, None)
        self._reorder(use)

    def _default_work(self) -> Any:
        defaults = self.data.get("defaults")
        if isinstance(defaults, Mapping) and "work" in defaults:
            return defaults["work"]
        return 30

    @staticmethod
    def _reorder(use: dict[str, Any]) -> None:
        """Keep a use's keys in the model's order, so the file reads as usual."""
        names = [item.name for item in msgspec.structs.fields(ExerciseUse)]
        ranked = sorted(
            use.items(), key=lambda pair: names.index(pair[0]) if pair[0] in names else len(names)
        )
        use.clear()
        use.update(ranked)

    def add_block(self, after: int | None = None) -> Selection:
        """A new empty block after block ``after`` (at the end without one)."""
        blocks = self.data.setdefault("block", [])
        index = len(blocks) if after is None else after + 1
        blocks.insert(index, {"name": f"Block {len(blocks) + 1}", "exercise": []})
        return Selection(index)

    def add_exercise(self, exercise_id: str, where: Selection | None) -> Selection:
        """A use of ``exercise_id`` with its catalog dosage, after the selected row."""
        if not self.blocks:
            self.add_block()
        block = len(self.blocks) - 1 if where is None else min(where.block, len(self.blocks) - 1)
        uses = self.uses(block)
        if where is None or where.exercise is None:
            index = len(uses)
        else:
            index = min(where.exercise + 1, len(uses))
        use: dict[str, Any] = {"id": exercise_id}
        entry = self.catalog().get(exercise_id)
        if entry is not None:
            if entry.work is not None:
                use["work"] = entry.work
            elif entry.reps is not None:
                use["reps"] = entry.reps
                if entry.tempo is not None:
                    use["tempo"] = entry.tempo
            if entry.sided:
                use["sides"] = "both"
        uses.insert(index, use)
        return Selection(block, index)

    def move(self, selection: Selection, offset: int) -> Selection:
        """Move a block among blocks, or an exercise within (and across) blocks, by one."""
        blocks = self.blocks
        if selection.exercise is None:
            target = selection.block + offset
            if not 0 <= target < len(blocks):
                return selection
            blocks[selection.block], blocks[target] = blocks[target], blocks[selection.block]
            return Selection(target)
        uses = self.uses(selection.block)
        target = selection.exercise + offset
        if 0 <= target < len(uses):
            uses[selection.exercise], uses[target] = uses[target], uses[selection.exercise]
            return Selection(selection.block, target)
        other = selection.block + offset
        if not 0 <= other < len(blocks):
            return selection
        use = uses.pop(selection.exercise)
        other_uses = self.uses(other)
        index = len(other_uses) if offset < 0 else 0
        other_uses.insert(index, use)
        return Selection(other, index)

    def delete(self, selection: Selection) -> Selection | None:
        """Delete a row (keeping it for undo); the row to select next."""
        if selection.exercise is None:
            item = self.blocks.pop(selection.block)
            self.deleted.append(Deleted(selection.block, None, item))
            if not self.blocks:
                return None
            return Selection(min(selection.block, len(self.blocks) - 1))
        uses = self.uses(selection.block)
        item = uses.pop(selection.exercise)
        self.deleted.append(Deleted(selection.block, selection.exercise, item))
        if not uses:
            return Selection(selection.block)
        return Selection(selection.block, min(selection.exercise, len(uses) - 1))

    def undo(self) -> Selection | None:
        """Put the last deleted block or exercise back at its place; None if nothing to undo."""
        if not self.deleted:
            return None
        last = self.deleted.pop()
        blocks = self.data.setdefault("block", [])
        if last.exercise is None:
            index = min(last.block, len(blocks))
            blocks.insert(index, last.item)
            return Selection(index)
        if not blocks:
            self.add_block()
        block = min(last.block, len(self.blocks) - 1)
        uses = self.uses(block)
        index = min(last.exercise, len(uses))
        uses.insert(index, last.item)
        return Selection(block, index)

    # -- checking --------------------------------------------------------------------

    def to_toml(self, schema: str | None = None) -> str:
        """The state as the routine file it would save.

        A routine without blocks, or a block without exercises, leaves the key out, so
        the checker says it is missing rather than that an empty list is too short.
        """
        data = dict(self.data)
        if self.blocks:
            data["block"] = [
                {key: value for key, value in block.items() if key != "exercise" or value}
                for block in self.blocks
            ]
        else:
            data.pop("block", None)
        return data_to_toml(data, schema=schema)

    def check(self, path: Path, schema: str | None = None) -> Check:
        """Check the state as the file at ``path`` would be checked by ``matwork check``."""
        text = self.to_toml(schema)
        try:
            routine = parse_routine(text, path)
        except RoutineError as error:
            return Check(text, None, None, error.problems)
        return Check(text, routine, compile_timeline(routine))
