"""Refuse control characters in the text of a routine or config file.

A name holding ``\\u001b]0;...\\u0007`` (an OSC sequence) would retitle the terminal,
clear it or set the clipboard wherever it is printed; a stray ``\\r`` or backspace
rewrites what is shown. TOML lets such characters in through escapes, and U+0080 to
U+009F (C1) even raw, so every decoded string and key is checked: no C0 control
character but the tab, no DEL, no C1. Long texts (a description, notes,
instructions, cautions) may also hold line breaks; every other text is one line.
Keys hold no control character at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from matwork.core.locate import KeyPath
from matwork.i18n import LazyString, _, lazy_

LONG_TEXT_FIELDS = frozenset({"description", "note", "instructions", "cautions"})
"""Fields whose text may hold line breaks."""

_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_TAB = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_CONTROL_BUT_TAB_AND_NEWLINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NAMES: dict[str, str | LazyString] = {
    "\x00": "NUL",
    "\x07": "BEL",
    "\x08": "BS",
    "\t": "TAB",
    "\n": lazy_("line break"),
    "\x0b": "VT",
    "\x0c": "FF",
    "\r": "CR",
    "\x1b": lazy_("ESC, which starts terminal escape sequences"),
    "\x7f": "DEL",
    "\x85": "NEL",
    "\x9b": lazy_("CSI, which starts terminal escape sequences"),
    "\x9d": lazy_("OSC, which starts terminal commands"),
}


def describe_char(char: str) -> str:
    """A control character in words: ``U+001B (ESC, ...)``."""
    name = _NAMES.get(char)
    code = f"U+{ord(char):04X}"
    return f"{code} ({name})" if name else code


def visible(text: str) -> str:
    """``text`` with every control character written as ``\\uXXXX``, safe to print."""
    return _ANY_CONTROL.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _label(path: KeyPath) -> str:
    return next((str(part) for part in reversed(path) if isinstance(part, str)), "text")


def _field(path: KeyPath) -> str:
    return next((part for part in reversed(path) if isinstance(part, str)), "")


def control_problems(data: Any) -> Iterator[tuple[KeyPath, str, str]]:
    """Yield (path, message, hint) for each string or key holding a control character."""
    stack: list[tuple[Any, KeyPath]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            long_text = _field(path) in LONG_TEXT_FIELDS
            pattern = _CONTROL_BUT_TAB_AND_NEWLINE if long_text else _CONTROL_BUT_TAB
            found = pattern.search(value)
            if found:
                hint = (
                    _("only tabs and line breaks are allowed in this text")
                    if long_text
                    else _("this text is one line of plain characters")
                )
                char = describe_char(found.group())
                message = _("{key}: control character {char} is not allowed")
                yield path, message.format(key=_label(path), char=char), hint
        elif isinstance(value, dict):
            items = list(value.items())
            for key, item in reversed(items):
                stack.append((item, (*path, key)))
            for key, _item in items:
                found = _ANY_CONTROL.search(key)
                if found:
                    char = describe_char(found.group())
                    message = _("a key holds control character {char}: '{key}'")
                    yield (
                        (*path, key),
                        message.format(char=char, key=visible(key)),
                        _("keys are plain names"),
                    )
        elif isinstance(value, list):
            stack.extend((item, (*path, index)) for index, item in reversed(list(enumerate(value))))
