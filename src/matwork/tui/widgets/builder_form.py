"""The builder's forms: the routine and its defaults, the selected block, the selected exercise.

Every input's ``name`` is "<scope>.<key>" (scope: routine, defaults, block, use), so
one handler on the screen turns any edit into a change of the state dict.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from matwork.tui.widgets.builder_state import DOSAGES, dosage_kind, field_text

SIDES: tuple[tuple[str, str], ...] = (
    ("none", "none"),
    ("both", "both"),
    ("alternate", "alternate"),
)
"""Choices of the sides select: (label, value)."""


class FieldRow(Horizontal):
    """A label and a one-line input editing one state key ("<scope>.<key>")."""

    def __init__(self, label: str, name: str, *, placeholder: str = "") -> None:
        key = name.partition(".")[2]
        super().__init__(classes=f"field field-{key.replace('_', '-')}")
        self.label = label
        self.field_name = name
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        """Label, then input."""
        yield Label(self.label, classes="field-label")
        yield Input(
            name=self.field_name,
            placeholder=self.placeholder,
            compact=True,
            id="f-" + self.field_name.replace(".", "-").replace("_", "-"),
        )


class ChoiceRow(Horizontal):
    """A label and a select editing one state key ("<scope>.<key>")."""

    def __init__(self, label: str, name: str, options: tuple[tuple[str, str], ...]) -> None:
        _, _, key = name.partition(".")
        super().__init__(classes=f"field field-{key}")
        self.label = label
        self.field_name = name
        self.options = options

    def compose(self) -> ComposeResult:
        """Label, then select."""
        yield Label(self.label, classes="field-label")
        yield Select(
            self.options,
            name=self.field_name,
            allow_blank=False,
            compact=True,
            id="f-" + self.field_name.replace(".", "-"),
        )


def fill_inputs(widget: Widget, table: Mapping[str, Any]) -> None:
    """Show a state table's values in a form's inputs (the caller prevents Changed messages)."""
    for field in widget.query(Input):
        _, _, key = (field.name or "").partition(".")
        field.value = field_text(key, table.get(key))
        field.cursor_position = len(field.value)


class RoutineForm(Vertical):
    """Name, description, tags and the defaults every exercise inherits."""

    def compose(self) -> ComposeResult:
        """The routine's fields over a grid of defaults."""
        yield Static("Routine", classes="section-title")
        yield FieldRow("Name", "routine.name", placeholder="e.g. Morning back")
        yield FieldRow("Description", "routine.description")
        yield FieldRow("Tags", "routine.tags", placeholder="comma-separated, e.g. back, desk")
        yield Static("Defaults (seconds)", classes="section-title")
        with Grid(classes="field-grid"):
            yield FieldRow("Work", "defaults.work", placeholder="30")
            yield FieldRow("Rest", "defaults.rest", placeholder="15")
            yield FieldRow("Prepare", "defaults.prepare", placeholder="10")
            yield FieldRow("Switch", "defaults.switch", placeholder="5")
            yield FieldRow("Round rest", "defaults.round_rest", placeholder="30")
            yield FieldRow("Block rest", "defaults.block_rest", placeholder="30")
            yield FieldRow("Breath", "defaults.breath", placeholder="none")

    def fill(self, data: Mapping[str, Any]) -> None:
        """Show the routine's values and its defaults."""
        for field in self.query(Input):
            scope, _, key = (field.name or "").partition(".")
            table = data if scope == "routine" else data.get("defaults")
            value = table.get(key) if isinstance(table, Mapping) else None
            field.value = field_text(key, value)


class BlockForm(Vertical):
    """The selected block: name, rounds, and the rests around its rounds."""

    def compose(self) -> ComposeResult:
        """Title over a grid of the block's fields."""
        yield Static("Block", classes="section-title", id="block-form-title")
        with Grid(classes="field-grid"):
            yield FieldRow("Name", "block.name")
            yield FieldRow("Rounds", "block.rounds", placeholder="1")
            yield FieldRow("Round rest", "block.round_rest", placeholder="default")
            yield FieldRow("Rest after", "block.rest_after", placeholder="default")

    def fill(self, block: Mapping[str, Any], number: int) -> None:
        """Show a block's values."""
        self.query_one("#block-form-title", Static).update(f"Block {number}")
        fill_inputs(self, block)


class ExerciseForm(Vertical):
    """The selected exercise: dosage, sets, sides, rest, breath, cues, load.

    CSS classes ``-work``, ``-tempo``, ``-open`` and ``-default`` (the dosage kind)
    show only the inputs that kind uses.
    """

    def compose(self) -> ComposeResult:
        """Title over a grid of the use's fields."""
        yield Static("Exercise", classes="section-title", id="use-form-title")
        with Grid(classes="field-grid"):
            yield ChoiceRow("Dosage", "use.dosage", tuple((label, v) for v, label in DOSAGES))
            yield FieldRow("Work s", "use.work")
            yield FieldRow("Reps", "use.reps")
            yield FieldRow("Tempo", "use.tempo", placeholder="3-1-3-0")
            yield FieldRow("Sets", "use.sets", placeholder="1")
            yield ChoiceRow("Sides", "use.sides", SIDES)
            yield FieldRow("Rest", "use.rest", placeholder="default")
            yield FieldRow("Breath", "use.breath", placeholder="default")
            yield FieldRow("Load", "use.load", placeholder="e.g. 8 kg")
        yield FieldRow("Cues", "use.cues", placeholder="separate cues with |")

    def fill(self, use: Mapping[str, Any], title: str) -> None:
        """Show a use's values and its dosage kind."""
        self.query_one("#use-form-title", Static).update(title)
        fill_inputs(self, use)
        kind = dosage_kind(use)
        self.query_one("#f-use-dosage", Select).value = kind
        self.query_one("#f-use-sides", Select).value = str(use.get("sides") or "none")
        self.show_kind(kind)

    def show_kind(self, kind: str) -> None:
        """Show the inputs of one dosage kind."""
        for value, _ in DOSAGES:
            self.set_class(value == kind, f"-{value}")
