"""A tomllib syntax error in words, at tomllib's line and column."""

from __future__ import annotations

import re
import tomllib

from matwork.core.errors import RoutineError
from matwork.i18n import _, lazy_

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$|\s*\(at end of document\)$")
_TOML_HINTS = {
    "Cannot overwrite a value": lazy_("a key or table is defined twice"),
    "Cannot declare": lazy_("a table is defined twice"),
    "Invalid value": lazy_('text needs quotes, e.g. name = "Bridge"'),
    "Expected '=' after a key": lazy_("write key = value"),
    "Unclosed": lazy_("a bracket or quote is not closed"),
    "Illegal character '\\n'": lazy_("a string is missing its closing quote"),
    "Invalid statement": lazy_("each line is key = value, [table] or [[array]]"),
}


def syntax_error(error: tomllib.TOMLDecodeError, text: str, path: str) -> RoutineError:
    """A tomllib error as a RoutineError at tomllib's line and column, with a hint."""
    message = str(error)
    match = _TOML_POSITION.search(message)
    if match and match.group(1):
        line, col = int(match.group(1)), int(match.group(2))
    else:
        line, col = text.count("\n") + 1, 1
    message = _TOML_POSITION.sub("", message)
    hint = next((str(hint) for start, hint in _TOML_HINTS.items() if message.startswith(start)), "")
    words = _("TOML syntax: {message}").format(message=message)
    return RoutineError.single(path, line, col, words, hint)
