"""The keys of a screen, read from its bindings (so the list never goes stale)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from matwork.i18n import lazy_tui_, tui_
from matwork.tui.widgets.bindings_text import lazy_binding


@dataclass(frozen=True)
class KeyHelp:
    """One binding as the help lists it."""

    id: str
    """The binding id (the name to remap it by in config [keys])."""
    keys: str
    """The keys bound now, as shown: "space", "n / →"."""
    description: str
    """What it does."""


def key_help(screen: Screen[Any]) -> list[KeyHelp]:
    """Every binding with an id declared by ``screen``'s class, with the keys bound now.

    Keys come from the bindings as key presses find them (the app's keymap applied),
    so a remap in config [keys] shows.
    """
    declared = [b for b in type(screen).BINDINGS if isinstance(b, Binding) and b.id]
    chain = dict(screen._binding_chain)
    live = chain[screen].key_to_bindings if screen in chain else {}
    rows = []
    for binding in declared:
        keys = [
            screen.app.get_key_display(bound)
            for bound_list in live.values()
            for bound in bound_list
            if bound.id == binding.id
        ]
        description = str(binding.tooltip or binding.description)
        rows.append(KeyHelp(str(binding.id), " / ".join(dict.fromkeys(keys)), description))
    return rows


def help_text(rows: list[KeyHelp]) -> Text:
    """The rows as aligned lines: keys, what they do, and the id to remap them by."""
    width = max((len(row.keys) for row in rows), default=0) + 2
    described = max((len(row.description) for row in rows), default=0)
    text = Text()
    for index, row in enumerate(rows):
        if index:
            text.append("\n")
        text.append(f"{row.keys:>{width}}  ", "bold")
        text.append(f"{row.description:<{described}}  ")
        text.append(f"[{row.id}]", "dim")
    return text


class HelpScreen(ModalScreen[None]):
    """Lists keys over the screen it was opened from; any of escape, ? or q closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen #help-box {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        overflow-y: auto;
        border: thick $primary 60%;
        padding: 0 1;
        background: $surface;
    }
    HelpScreen.-slim #help-box, HelpScreen.-tiny #help-box {
        border: round $primary 60%;
        padding: 0;
        scrollbar-size-vertical: 1;
    }
    HelpScreen #help-title {
        text-style: bold;
        margin-bottom: 1;
    }
    HelpScreen #help-note {
        color: $text-warning;
        margin-bottom: 1;
    }
    HelpScreen #help-hint {
        color: $text-muted;
        margin-top: 1;
    }
    """

    BINDINGS = [
        lazy_binding("escape,question_mark,q", "close", lazy_tui_("Close"), id="help_close"),
    ]

    def __init__(self, rows: list[KeyHelp], title: str = "", *, note: str = "") -> None:
        super().__init__(classes="help")
        self.rows = rows
        self.title_text = title or tui_("Keys")
        """The title over the keys ("Keys" when not given)."""
        self.note = note
        """A line under the title (the player: it paused the session)."""

    def compose(self) -> ComposeResult:
        """The title, the keys, and how to remap them."""
        with Vertical(id="help-box"):
            yield Static(self.title_text, id="help-title")
            if self.note:
                yield Static(self.note, id="help-note")
            yield Static(help_text(self.rows), id="help-keys")
            yield Static(
                tui_('Remap a key in config.toml, e.g. [keys] pause = "space,k". Esc closes.'),
                id="help-hint",
                markup=False,
            )

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
