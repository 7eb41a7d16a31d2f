"""The builder: make or change a routine with forms, checked like a file on every change.

The screen keeps a ``BuilderState`` (a Routine-shaped dict). Each edit writes it as
TOML with the writer and checks it with ``parse_routine`` against the file it would
save to, so the problems shown are those ``matwork check`` would print, and Save is
refused until there are none. Saving writes ``<your routines>/<slug>.toml``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, Select, Static

from matwork.core.authoring import schema_reference, slug
from matwork.core.model import Block, Defaults, ExerciseUse, Routine
from matwork.core.writer import save_routine
from matwork.i18n import lazy_tui_, tui_, tui_ngettext
from matwork.shipped import shipped_dir
from matwork.tui.builder.catalog_picker import CatalogPicker
from matwork.tui.builder.form import BlockForm, ExerciseForm, RoutineForm
from matwork.tui.builder.outline import BuilderOutline
from matwork.tui.builder.panel import BuilderPanel
from matwork.tui.builder.state import (
    BuilderState,
    Check,
    Selection,
    dosage_kind,
    field_value,
    has_comments,
)
from matwork.tui.modals.confirm import ConfirmScreen
from matwork.tui.widgets.bindings_text import lazy_binding
from matwork.tui.widgets.key_footer import KeyFooter

SCOPES: dict[str, type[msgspec.Struct]] = {
    "routine": Routine,
    "defaults": Defaults,
    "block": Block,
    "use": ExerciseUse,
}
"""The model struct each form scope edits: its field order is the file's key order."""


def schema_line() -> str | None:
    """What the saved file's ``#:schema`` line names: the shipped JSON Schema, if present."""
    schema = (shipped_dir("schema") / "routine.schema.json").resolve()
    return schema_reference(schema) if schema.is_file() else None


def ordered_assign(table: dict[str, Any], key: str, value: Any, scope: str) -> None:
    """Set or remove ``table[key]``, keeping the table's keys in the model's field order."""
    BuilderState.assign(table, key, value, keep_empty=(scope, key) == ("routine", "name"))
    names = [field.name for field in msgspec.structs.fields(SCOPES[scope])]
    ranked = sorted(table.items(), key=lambda pair: _rank(names, pair[0]))
    table.clear()
    table.update(ranked)


def _rank(names: list[str], key: str) -> int:
    return names.index(key) if key in names else len(names)


class BuilderScreen(Screen[Path | None]):
    """Build a routine: fields, blocks and exercises, a live plan, save when valid.

    Dismisses with the saved file's path, or None when left without saving. CSS
    classes on ``#builder-main`` (not the screen, so a toggle restyles only the forms):
    ``-block`` / ``-exercise`` (what the outline's cursor is on, which form shows) and
    ``-empty`` (no blocks yet); the panel has ``-invalid`` while there are problems.
    """

    CSS_PATH = "builder.tcss"

    BINDINGS = [
        lazy_binding("ctrl+s", "save_routine", lazy_tui_("Save"), id="save_routine"),
        lazy_binding("a", "add_exercise", lazy_tui_("Add exercise"), id="add_exercise"),
        lazy_binding("b", "add_block", lazy_tui_("Add block"), id="add_block"),
        lazy_binding("x,delete", "delete_item", lazy_tui_("Delete"), id="delete_item"),
        lazy_binding("u,ctrl+z", "undo", lazy_tui_("Undo"), id="undo_delete"),
        lazy_binding("left_square_bracket,ctrl+up", "move(-1)", lazy_tui_("Up"), id="move_up"),
        lazy_binding(
            "right_square_bracket,ctrl+down", "move(1)", lazy_tui_("Down"), id="move_down"
        ),
        lazy_binding("escape,q", "leave", lazy_tui_("Back"), id="leave_builder"),
    ]

    AUTO_FOCUS = "#f-routine-name"

    def __init__(
        self, routine: Routine | None = None, *, source: Path | None = None, routines_dir: Path
    ) -> None:
        super().__init__(id="builder")
        self.routines_dir = routines_dir
        """Where Save writes: the user's own routines folder."""
        self.state = BuilderState.from_routine(routine) if routine else BuilderState()
        self.source = source
        self.schema = schema_line()
        rows = self.state.rows()
        self.selection: Selection | None = rows[1] if len(rows) > 1 else None
        self.check = Check("", None, None)
        self._saved_data = self.state.snapshot()

    # -- layout ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Forms and outline on the left, the live panel on the right."""
        yield Header()
        with Horizontal(id="builder-body"):
            with VerticalScroll(id="builder-main"):
                yield RoutineForm(id="routine-form")
                yield Static(tui_("Blocks and exercises"), classes="section-title")
                yield Static(
                    tui_("a add exercise · b add block · [ ] move · x delete · u undo"),
                    id="outline-help",
                )
                yield BuilderOutline(id="outline")
                yield Static(
                    tui_("No blocks yet: Tab here and press a to add an exercise."),
                    id="outline-empty",
                )
                yield BlockForm(id="block-form")
                yield ExerciseForm(id="use-form")
            yield BuilderPanel(id="builder-panel")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill the forms, the outline and the panel."""
        if self.source:
            self.sub_title = tui_("Copy of {name}").format(name=self.source.name)
        else:
            self.sub_title = tui_("New routine")
        with self.prevent(Input.Changed):
            self.query_one(RoutineForm).fill(self.state.data)
        self._select(self.selection)
        self._changed()

    @property
    def target(self) -> Path:
        """The file Save writes: your routines folder, named after the routine."""
        name = self.state.data.get("name")
        stem = slug(name) if isinstance(name, str) else ""
        return self.routines_dir / f"{stem or 'routine'}.toml"

    @property
    def dirty(self) -> bool:
        """True when the routine changed since it was opened or saved."""
        return self.state.data != self._saved_data

    # -- keeping everything in step -------------------------------------------------

    def _changed(self, *, outline: bool = True) -> None:
        """Check the state as a file; refresh the panel (and the outline's rows)."""
        self.check = self.state.check(self.target, self.schema)
        if outline:
            self.query_one(BuilderOutline).show(self.state, self.state.catalog(), self.selection)
        self.query_one(BuilderPanel).show(self.check, self.target.name)
        self.query_one("#builder-main").set_class(not self.state.blocks, "-empty")

    def _select(self, selection: Selection | None) -> None:
        """Show a row's form; ``_changed`` then puts the outline's cursor on it."""
        self.selection = selection
        main = self.query_one("#builder-main")
        main.set_class(selection is not None and selection.exercise is None, "-block")
        main.set_class(selection is not None and selection.exercise is not None, "-exercise")
        if selection is None:
            return
        with self.prevent(Input.Changed, Select.Changed):
            if selection.exercise is None:
                block = self.state.item(selection)
                self.query_one(BlockForm).fill(block, selection.block + 1)
            else:
                use = self.state.item(selection)
                entry = self.state.catalog().get(str(use.get("id", "")))
                name = entry.name if entry else str(use.get("id", ""))
                title = tui_("Exercise: {name}").format(name=name)
                self.query_one(ExerciseForm).fill(use, title, entry)

    @on(BuilderOutline.OptionHighlighted, "#outline")
    def _row_highlighted(self) -> None:
        selection = self.query_one(BuilderOutline).selection
        if selection != self.selection:
            self._select(selection)

    @on(Input.Changed)
    def _edited(self, event: Input.Changed) -> None:
        scope, _, key = (event.input.name or "").partition(".")
        if scope not in SCOPES:
            return
        value = field_value(key, event.value)
        if scope == "routine":
            ordered_assign(self.state.data, key, value, scope)
        elif scope == "defaults":
            defaults = self.state.data.setdefault("defaults", {})
            ordered_assign(defaults, key, value, scope)
            if not defaults:
                del self.state.data["defaults"]
        elif self.selection is not None:
            ordered_assign(self.state.item(self.selection), key, value, scope)
        self._changed(outline=scope in ("block", "use"))

    @staticmethod
    def _chosen_by_user(event: Select.Changed) -> bool:
        """A select posts Changed when it mounts too; only a focused one was the user's."""
        return event.select.has_focus_within

    @on(Select.Changed, "#f-use-dosage")
    def _dosage_chosen(self, event: Select.Changed) -> None:
        if not self._chosen_by_user(event) or self.selection is None:
            return
        if self.selection.exercise is None:
            return
        use = self.state.item(self.selection)
        if event.value == dosage_kind(use, self.state.catalog().get(str(use.get("id", "")))):
            return
        self.state.set_dosage(use, str(event.value))
        self._select(self.selection)
        self._changed()

    @on(Select.Changed, "#f-use-sides")
    def _sides_chosen(self, event: Select.Changed) -> None:
        if not self._chosen_by_user(event) or self.selection is None:
            return
        if self.selection.exercise is None:
            return
        use = self.state.item(self.selection)
        sides = None if event.value == "none" else str(event.value)
        if sides == use.get("sides"):
            return
        ordered_assign(use, "sides", sides, "use")
        self._changed()

    # -- blocks and exercises -------------------------------------------------------

    def action_add_exercise(self) -> None:
        """Pick an exercise from the catalog and add it after the selected row."""
        self.app.push_screen(CatalogPicker(self.state.catalog()), self._exercise_picked)

    def _exercise_picked(self, exercise_id: str | None) -> None:
        if exercise_id is None:
            return
        self._select(self.state.add_exercise(exercise_id, self.selection))
        self._changed()
        self.query_one(BuilderOutline).focus()

    def action_add_block(self) -> None:
        """Add an empty block after the selected one."""
        after = self.selection.block if self.selection is not None else None
        self._select(self.state.add_block(after))
        self._changed()
        self.query_one(BuilderOutline).focus()

    def action_delete_item(self) -> None:
        """Delete the selected block or exercise (u brings it back)."""
        if self.selection is None:
            return
        if self.selection.exercise is None:
            said = tui_("Deleted the block. Press u to undo.")
        else:
            said = tui_("Deleted the exercise. Press u to undo.")
        self._select(self.state.delete(self.selection))
        self._changed()
        self.notify(said, timeout=4)

    def action_undo(self) -> None:
        """Restore the last deleted block or exercise at its place."""
        restored = self.state.undo()
        if restored is None:
            self.notify(tui_("Nothing to undo."), timeout=3)
            return
        self._select(restored)
        self._changed()

    def action_move(self, offset: int) -> None:
        """Move the selected block or exercise up (-1) or down (1)."""
        if self.selection is None:
            return
        self._select(self.state.move(self.selection, offset))
        self._changed()

    # -- saving and leaving ---------------------------------------------------------

    def action_save_routine(self) -> None:
        """Save to your routines folder; refused while the checker finds problems."""
        routine = self.check.routine
        if routine is None:
            count = len(self.check.problems)
            self.notify(
                tui_ngettext(
                    "Cannot save: fix the {count} problem first.",
                    "Cannot save: fix the {count} problems first.",
                    count,
                ).format(count=count),
                severity="error",
            )
            return
        target = self.target
        if target.exists():
            self._ask_replace(routine, target)
        else:
            self._write(routine, target, overwrite=False)

    def _ask_replace(self, routine: Routine, target: Path) -> None:
        try:
            commented = has_comments(target.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            commented = False
        question = tui_("{name} already exists in your routines. Replace it?")
        question = question.format(name=target.name)
        if commented:
            question += " " + tui_("Its comments will not be kept.")

        def answered(replace: bool | None) -> None:
            if replace:
                self._write(routine, target, overwrite=True)

        confirm = ConfirmScreen(question, yes=tui_("Replace"), no=tui_("Cancel"))
        self.app.push_screen(confirm, answered)

    def _write(self, routine: Routine, target: Path, *, overwrite: bool) -> None:
        try:
            save_routine(routine, target, overwrite=overwrite, schema=self.schema)
        except FileExistsError:
            self._ask_replace(routine, target)
            return
        except OSError as error:
            reason = error.strerror or error
            said = tui_("Could not save {name}: {reason}").format(name=target.name, reason=reason)
            self.notify(said, severity="error")
            return
        self._saved_data = self.state.snapshot()
        self.app.notify(tui_("Saved {name} to your routines.").format(name=target.name))
        self.dismiss(target)

    def action_leave(self) -> None:
        """Back to the library; asks first when there are unsaved changes."""
        if not self.dirty:
            self.dismiss(None)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        question = tui_("Leave the builder? Your changes are not saved.")
        confirm = ConfirmScreen(question, yes=tui_("Leave"), no=tui_("Stay"))
        self.app.push_screen(confirm, answered)
