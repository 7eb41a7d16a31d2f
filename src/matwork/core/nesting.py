"""Refuse TOML nested deeper than any routine or config needs, before anything recurses.

``tomllib`` parses nested arrays and inline tables recursively, and so do the walkers
after it, so ten thousand ``[`` end in a RecursionError. ``bracket_problem`` scans the
text first (strings and comments skipped) for the first bracket that opens a level
past the limit; ``too_deep`` then checks the decoded data, whose depth dotted keys and
headers (``[a.b.c...]``) can also grow, without recursing.
"""

from __future__ import annotations

import re
from typing import Any

from matwork.core.locate import KeyPath, string_end
from matwork.i18n import lazy_

MAX_NESTING = 32
"""The deepest nesting read; a routine needs about 5 levels (block, exercise, breath)."""

NESTING_MESSAGE = lazy_("values nested more than 32 levels deep")
"""The problem's words, for brackets and for keys alike (its number is MAX_NESTING)."""

_SIGNIFICANT = re.compile(r"[\"'#\[\]{}]")


def bracket_problem(text: str, limit: int = MAX_NESTING) -> tuple[int, int] | None:
    """The line and column of the first ``[``/``{`` that opens level ``limit + 1``, or None."""
    if text.count("[") + text.count("{") <= limit:
        return None
    depth = 0
    index = 0
    while True:
        match = _SIGNIFICANT.search(text, index)
        if match is None:
            return None
        index = match.start()
        char = text[index]
        if char in "\"'":
            index = string_end(text, index)
            continue
        if char == "#":
            end = text.find("\n", index)
            if end < 0:
                return None
            index = end
            continue
        if char in "[{":
            depth += 1
            if depth > limit:
                line = text.count("\n", 0, index) + 1
                return line, index - (text.rfind("\n", 0, index) + 1) + 1
        else:
            depth = max(0, depth - 1)
        index += 1


def too_deep(data: Any, limit: int = MAX_NESTING) -> KeyPath | None:
    """The path (cut at ``limit + 1`` parts) of a value nested past ``limit``, or None."""
    stack: list[tuple[Any, KeyPath]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if len(path) > limit:
            return path
        if isinstance(value, dict):
            stack.extend((item, (*path, key)) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, (*path, index)) for index, item in enumerate(value))
    return None
