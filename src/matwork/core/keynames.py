"""Key names for ``[keys]`` in config.toml: the binding ids and the keys Textual can send.

Textual matches a binding's key string against the name of the key pressed: one
character (``q``, ``?``), a named key (``space``, ``f5``, ``pageup``), or a character's
name (``question_mark``), after modifiers in alphabetical order (``ctrl+shift+up``).
``set_keymap`` turns a lone character into its name and ignores anything else it
does not know, so ``""``, ``"ctrl+"`` or ``"f99"`` would silently bind nothing. This
module says so instead. It follows ``textual.keys`` without importing Textual (the
config is read before any UI starts); tests/test_keynames.py checks it against
Textual's own tables and the ids against every ``Binding`` in ``matwork.tui``.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from matwork.core.errors import did_you_mean
from matwork.core.textguard import visible
from matwork.i18n import _

BINDING_IDS: frozenset[str] = frozenset(
    {
        "about_cancel", "add_block", "add_exercise", "assess", "assessments_back",
        "back", "checkin_better", "checkin_same", "checkin_skip", "checkin_worse",
        "command_palette", "confirm_no", "confirm_yes", "copy_routine", "delete_item", "done",
        "duplicate",
        "edit", "extend", "filter_category", "filter_length", "filter_tag", "flag_pain",
        "help", "help_close", "history", "history_assessments", "history_back",
        "history_charts", "history_filter", "history_filter_since",
        "history_filter_status", "history_first", "history_last", "history_move_aside",
        "history_reload", "history_week", "hold_done", "instructions", "leave_builder",
        "leave_search", "move_down", "move_up", "mute", "new_routine", "pain_skip",
        "pause", "picker_cancel", "picker_next", "picker_previous", "problem_close",
        "problem_move_aside", "quit", "rating_clear", "rating_less", "rating_more",
        "rating_submit", "red_flags_cancel", "red_flags_done", "reload", "reps_back",
        "reps_fewer", "reps_more", "resume_no", "resume_yes", "safety_quit",
        "save_routine", "search", "shorten", "skip", "stop", "summary_skip", "today",
        "today_checkin", "today_history", "today_library", "today_play",
        "today_play_selected", "today_reload", "today_week", "undo_delete", "voice",
        "week_after", "week_back", "week_before", "week_reload",
    }
)  # fmt: skip
"""Every binding id of the app, the names ``[keys]`` may remap."""

MODIFIERS: tuple[str, ...] = ("alt", "ctrl", "hyper", "meta", "shift", "super")
"""Modifiers Textual reports, in the (alphabetical) order it joins them."""

NAMED_KEYS: frozenset[str] = frozenset(
    {
        "backspace", "delete", "down", "end", "enter", "escape", "home", "insert", "left",
        "pagedown", "pageup", "return", "right", "space", "tab", "up",
        *(f"f{number}" for number in range(1, 25)),
    }
)  # fmt: skip
"""Keys with a name of their own (``textual.keys.Keys`` without modifiers)."""

_NAME_REPLACEMENTS = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}


def character_key(char: str) -> str:
    """The key name Textual gives one character: itself if alphanumeric, else its name."""
    if char.isalnum():
        return char
    if char == "\t":
        return "tab"
    try:
        name = unicodedata.name(char).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        return char
    return _NAME_REPLACEMENTS.get(name, name)


_CHARACTER_NAMES = frozenset(character_key(chr(code)) for code in range(0x20, 0x7F))
_KNOWN = sorted(NAMED_KEYS | {name for name in _CHARACTER_NAMES if len(name) > 1})


@cache
def _bmp_names() -> frozenset[str]:
    """The key name of every character in the Basic Multilingual Plane (built on a miss)."""
    return frozenset(character_key(chr(code)) for code in range(0x20, 0x10000))


def _is_character_name(name: str) -> bool:
    """True for the name Textual gives some character, e.g. ``question_mark``, ``euro_sign``."""
    if name in _CHARACTER_NAMES:
        return True
    try:
        char = unicodedata.lookup(name.replace("_", " "))
    except KeyError:
        return name in _bmp_names()
    return character_key(char) == name


def key_problem(key: str) -> tuple[str, str] | None:
    """Why one key (``"ctrl+x"``) can never be pressed, as (message, hint); None if it can."""
    if not key:
        return _("an empty key"), _('name a key, e.g. "space" or "ctrl+p"')
    if len(key) == 1:
        return None if key.isprintable() else (_unprintable(key), "")
    *modifiers, base = key.split("+")
    if not base or not all(modifiers):
        message = _("'{key}' has a '+' with no key after it").format(key=key)
        return message, _('write e.g. "ctrl+p" or "plus"')
    unknown = [modifier for modifier in modifiers if modifier not in MODIFIERS]
    if unknown:
        message = _("'{modifier}' in '{key}' is not a modifier").format(
            modifier=unknown[0], key=key
        )
        return message, _("one of: {choices}").format(choices=", ".join(MODIFIERS))
    if len(set(modifiers)) != len(modifiers) or modifiers != sorted(modifiers):
        tidy = "+".join([*sorted(set(modifiers)), base])
        message = _("'{key}' never matches: Textual names it '{tidy}'").format(key=key, tidy=tidy)
        return message, _('write "{tidy}"').format(tidy=tidy)
    if len(base) == 1:
        return None if base.isprintable() else (_unprintable(key), "")
    if base in NAMED_KEYS or _is_character_name(base):
        return None
    message = _("'{key}' is not a key name").format(key=base)
    return message, did_you_mean(base, _KNOWN) or _("e.g. space, f5, pageup")


def _unprintable(key: str) -> str:
    return _("'{key}' is not a printable key").format(key=visible(key))


def binding_problems(keys: str) -> tuple[str, list[tuple[str, str]]]:
    """The usable keys of a binding string (comma-separated) and the problem of each other."""
    usable: list[str] = []
    problems: list[tuple[str, str]] = []
    for part in keys.split(","):
        key = part.strip()
        problem = key_problem(key)
        if problem:
            problems.append(problem)
        else:
            usable.append(key)
    return ",".join(usable), problems
