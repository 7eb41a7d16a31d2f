"""Textual's own command-palette commands (Theme, Quit, Keys...) in the language shown."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from textual.app import SystemCommand

from matwork.i18n import LazyString, lazy_tui_

TEXTUAL_TEXTS: dict[str, LazyString] = {
    "Theme": lazy_tui_("Theme"),
    "Change the current theme": lazy_tui_("Change the current theme"),
    "Quit": lazy_tui_("Quit"),
    "Quit the application as soon as possible": lazy_tui_(
        "Quit the application as soon as possible"
    ),
    "Keys": lazy_tui_("Keys"),
    "Hide the keys and widget help panel": lazy_tui_("Hide the keys and widget help panel"),
    "Show help for the focused widget and a summary of available keys": lazy_tui_(
        "Show help for the focused widget and a summary of available keys"
    ),
    "Minimize": lazy_tui_("Minimize"),
    "Minimize the widget and restore to normal size": lazy_tui_(
        "Minimize the widget and restore to normal size"
    ),
    "Maximize": lazy_tui_("Maximize"),
    "Maximize the focused widget": lazy_tui_("Maximize the focused widget"),
    "Screenshot": lazy_tui_("Screenshot"),
    "Save an SVG 'screenshot' of the current screen": lazy_tui_(
        "Save an SVG 'screenshot' of the current screen"
    ),
}
"""Textual's command titles and help lines (as Textual words them), translated."""


def translated_text(text: str) -> str:
    """One of Textual's command texts in the language shown (an unknown one as it is)."""
    translated = TEXTUAL_TEXTS.get(text)
    return text if translated is None else str(translated)


def translated_commands(commands: Iterable[SystemCommand]) -> Iterator[SystemCommand]:
    """Textual's system commands with their title and help in the language shown."""
    for command in commands:
        yield command._replace(
            title=translated_text(command.title), help=translated_text(command.help)
        )
