"""The builder's outline: blocks and their exercises, one row each, in file order."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from matwork.core.model import CatalogEntry
from matwork.i18n import tui_
from matwork.tui.builder.state import (
    BuilderState,
    Selection,
    dosage_kind,
    tempo_text,
    value_text,
)


def row_id(selection: Selection) -> str:
    """The option id of a row: "b0" for a block, "b0e1" for an exercise."""
    if selection.exercise is None:
        return f"b{selection.block}"
    return f"b{selection.block}e{selection.exercise}"


def row_selection(option_id: str) -> Selection:
    """The selection an option id names (the inverse of ``row_id``)."""
    block, _, exercise = option_id[1:].partition("e")
    return Selection(int(block), int(exercise) if exercise else None)


def use_dosage(use: Mapping[str, Any], entry: CatalogEntry | None = None) -> str:
    """What a use dict asks for, in words, as typed (it may not be valid yet)."""
    kind = dosage_kind(use, entry)
    reps = value_text(use.get("reps"))
    if kind == "work":
        text = tui_("{seconds} s").format(seconds=value_text(use["work"]))
    elif kind == "tempo":
        tempo = use.get("tempo", entry.tempo if entry is not None else None)
        text = tui_("{reps} reps @ {tempo}").format(reps=reps, tempo=tempo_text(tempo))
    elif kind == "open":
        text = tui_("{reps} reps, open").format(reps=reps)
    else:
        text = tui_("catalog dosage")
    if use.get("sides") == "both":
        text += " " + tui_("per side")
    elif use.get("sides") == "alternate":
        text += " " + tui_("alternating")
    sets = use.get("sets", 1)
    if sets != 1:
        text = f"{value_text(sets)} × {text}"
    return text


def block_title(block: Mapping[str, Any], number: int) -> str:
    """A block's row: its name (or "Block N") and its rounds."""
    title = str(block.get("name") or tui_("Block {number}").format(number=number))
    rounds = block.get("rounds", 1)
    if rounds != 1:
        title += "  × " + tui_("{rounds} rounds").format(rounds=value_text(rounds))
    return title


class BuilderOutline(OptionList):
    """Blocks (bold) and their exercises (indented, with their dosage), for picking a row."""

    def show(
        self,
        state: BuilderState,
        catalog: Mapping[str, CatalogEntry],
        selection: Selection | None,
    ) -> None:
        """Refill from the state and highlight ``selection``."""
        options = []
        for row in state.rows():
            if row.exercise is None:
                title = block_title(state.blocks[row.block], row.block + 1)
                prompt = Content.styled(title, "bold")
            else:
                use = state.item(row)
                entry = catalog.get(str(use.get("id", "")))
                name = str(use.get("name") or (entry.name if entry else use.get("id", "?")))
                prompt = Content.assemble("  ", name, "  ", (use_dosage(use, entry), "dim"))
            options.append(Option(prompt, id=row_id(row)))
        self.set_options(options)
        if selection is not None and options:
            ids = [option.id for option in options]
            wanted = row_id(selection)
            self.highlighted = ids.index(wanted) if wanted in ids else 0

    @property
    def selection(self) -> Selection | None:
        """The highlighted row, or None when the outline is empty."""
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return row_selection(option.id)
