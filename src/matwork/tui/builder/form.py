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

from matwork.core.model import CatalogEntry
from matwork.i18n import LazyString, lazy_tui_, tui_
from matwork.tui.builder.state import DOSAGES, dosage_kind, field_text

SIDES: tuple[tuple[LazyString, str], ...] = (
    (lazy_tui_("none"), "none"),
    (lazy_tui_("both"), "both"),
    (lazy_tui_("alternate"), "alternate"),
)
"""Choices of the sides select: (label, translated when shown, value)."""

DOSAGE_LABELS: dict[str, LazyString] = {
    "work": lazy_tui_("seconds"),
    "tempo": lazy_tui_("reps+tempo"),
    "open": lazy_tui_("open reps"),
    "default": lazy_tui_("default"),
}
"""The dosage select's labels, by dosage kind (``state.DOSAGES``' labels, translated)."""


def dosage_choices() -> tuple[tuple[str, str], ...]:
    """The dosage select's (label, value) choices in the language shown."""
    return tuple((str(DOSAGE_LABELS.get(value, label)), value) for value, label in DOSAGES)


def side_choices() -> tuple[tuple[str, str], ...]:
    """The sides select's (label, value) choices in the language shown."""
    return tuple((str(label), value) for label, value in SIDES)


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
        yield Static(tui_("Routine"), classes="section-title")
        yield FieldRow(tui_("Name"), "routine.name", placeholder=tui_("e.g. Morning back"))
        yield FieldRow(tui_("Description"), "routine.description")
        yield FieldRow(
            tui_("Tags"), "routine.tags", placeholder=tui_("comma-separated, e.g. back, desk")
        )
        yield Static(tui_("Defaults (seconds)"), classes="section-title")
        with Grid(classes="field-grid"):
            yield FieldRow(tui_("Work"), "defaults.work", placeholder="30")
            yield FieldRow(tui_("Rest"), "defaults.rest", placeholder="15")
            yield FieldRow(tui_("Prepare"), "defaults.prepare", placeholder="10")
            yield FieldRow(tui_("Switch"), "defaults.switch", placeholder="5")
            yield FieldRow(tui_("Round rest"), "defaults.round_rest", placeholder="30")
            yield FieldRow(tui_("Block rest"), "defaults.block_rest", placeholder="30")
            yield FieldRow(tui_("Breath"), "defaults.breath", placeholder="none")

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
        yield Static(tui_("Block"), classes="section-title", id="block-form-title")
        with Grid(classes="field-grid"):
            yield FieldRow(tui_("Name"), "block.name")
            yield FieldRow(tui_("Rounds"), "block.rounds", placeholder="1")
            yield FieldRow(tui_("Round rest"), "block.round_rest", placeholder=tui_("default"))
            yield FieldRow(tui_("Rest after"), "block.rest_after", placeholder=tui_("default"))

    def fill(self, block: Mapping[str, Any], number: int) -> None:
        """Show a block's values."""
        self.query_one("#block-form-title", Static).update(
            tui_("Block {number}").format(number=number)
        )
        fill_inputs(self, block)


class ExerciseForm(Vertical):
    """The selected exercise: dosage, sets, sides, rest, breath, cues, load.

    CSS classes ``-work``, ``-tempo``, ``-open`` and ``-default`` (the dosage kind)
    show only the inputs that kind uses.
    """

    def compose(self) -> ComposeResult:
        """Title over a grid of the use's fields."""
        yield Static(tui_("Exercise"), classes="section-title", id="use-form-title")
        with Grid(classes="field-grid"):
            yield ChoiceRow(tui_("Dosage"), "use.dosage", dosage_choices())
            yield FieldRow(tui_("Work s"), "use.work")
            yield FieldRow(tui_("Reps"), "use.reps")
            yield FieldRow(tui_("Tempo"), "use.tempo", placeholder="3-1-3-0")
            yield FieldRow(tui_("Sets"), "use.sets", placeholder="1")
            yield ChoiceRow(tui_("Sides"), "use.sides", side_choices())
            yield FieldRow(tui_("Rest"), "use.rest", placeholder=tui_("default"))
            yield FieldRow(tui_("Breath"), "use.breath", placeholder=tui_("default"))
            yield FieldRow(tui_("Load"), "use.load", placeholder=tui_("e.g. 8 kg"))
        yield FieldRow(tui_("Cues"), "use.cues", placeholder=tui_("separate cues with |"))

    def fill(self, use: Mapping[str, Any], title: str, entry: CatalogEntry | None = None) -> None:
        """Show a use's values and its dosage kind (``entry``: its catalog entry)."""
        self.query_one("#use-form-title", Static).update(title)
        fill_inputs(self, use)
        kind = dosage_kind(use, entry)
        self.query_one("#f-use-dosage", Select).value = kind
        self.query_one("#f-use-sides", Select).value = str(use.get("sides") or "none")
        self.show_kind(kind)

    def show_kind(self, kind: str) -> None:
        """Show the inputs of one dosage kind."""
        for value, _ in DOSAGES:
            self.set_class(value == kind, f"-{value}")
