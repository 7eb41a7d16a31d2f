"""Find the line and column of a key path in TOML text.

``tomllib`` gives no positions for values, so this module scans the text once and
records where each table header and each key stands. A key path such as
``("block", 1, "exercise", 0, "work")`` then maps to the line of ``work = ...`` in
the first ``[[block.exercise]]`` of the second ``[[block]]``. It understands the TOML a
person writes: comments, quoted and dotted keys, arrays of tables, multi-line strings
and arrays, and inline tables (a key inside one maps to its own column).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

KeyPath = tuple[str | int, ...]
Position = tuple[int, int]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_INLINE_KEY = re.compile(r"(?:^|[{,])\s*([A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')\s*=")


def _split_key(text: str) -> tuple[list[str], int] | None:
    """Split a dotted key at the start of ``text``; return its parts and the end offset."""
    parts: list[str] = []
    index = 0
    while True:
        while index < len(text) and text[index] in " \t":
            index += 1
        if index >= len(text):
            return None
        char = text[index]
        if char in "\"'":
            end = text.find(char, index + 1)
            if end < 0:
                return None
            parts.append(text[index + 1 : end])
            index = end + 1
        else:
            match = _BARE_KEY.match(text, index)
            if not match:
                return None
            parts.append(match.group())
            index = match.end()
        while index < len(text) and text[index] in " \t":
            index += 1
        if index < len(text) and text[index] == ".":
            index += 1
            continue
        return parts, index


def _outside_strings(line: str) -> Iterator[tuple[int, str]]:
    """Yield (index, char) for each character of ``line`` that is not inside a string."""
    quote = ""
    index = 0
    while index < len(line):
        char = line[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        else:
            yield index, char
        index += 1


def _strip_comment(line: str) -> str:
    """Drop a trailing comment, leaving ``#`` inside strings alone."""
    for index, char in _outside_strings(line):
        if char == "#":
            return line[:index]
    return line


def _bracket_depth(text: str) -> int:
    """The net count of open ``[``/``{`` outside strings in ``text``."""
    opened = {"[": 1, "{": 1, "]": -1, "}": -1}
    return sum(opened.get(char, 0) for _, char in _outside_strings(text))


class Locator:
    """Positions of the table headers and keys of one TOML text."""

    def __init__(self, text: str) -> None:
        self.positions: dict[KeyPath, Position] = {}
        self._array_counts: dict[KeyPath, int] = {}
        self._scan(text.splitlines())

    def _resolve(self, parts: Sequence[str]) -> KeyPath:
        """Turn header parts into a key path, entering the last item of arrays of tables."""
        path: KeyPath = ()
        for part in parts:
            path = (*path, part)
            count = self._array_counts.get(path)
            if count:
                path = (*path, count - 1)
        return path

    def _scan(self, lines: list[str]) -> None:
        table: KeyPath = ()
        multiline_quote = ""
        open_brackets = 0
        for number, raw in enumerate(lines, start=1):
            if multiline_quote:
                if multiline_quote in raw:
                    multiline_quote = ""
                continue
            if open_brackets > 0:
                open_brackets += _bracket_depth(_strip_comment(raw))
                continue
            line = _strip_comment(raw)
            stripped = line.strip()
            if not stripped:
                continue
            col = len(line) - len(line.lstrip()) + 1
            if stripped.startswith("["):
                table = self._header(stripped, number, col) or table
                continue
            split = _split_key(line)
            if split is None:
                continue
            parts, end = split
            if end >= len(line) or line[end] != "=":
                continue
            key_path: KeyPath = (*table, *parts)
            self.positions.setdefault(key_path, (number, col))
            value = line[end + 1 :]
            self._inline_keys(key_path, value, number, end + 1)
            for quote in ('"""', "'''"):
                if value.count(quote) == 1:
                    multiline_quote = quote
            if not multiline_quote:
                open_brackets = _bracket_depth(value)

    def _header(self, stripped: str, number: int, col: int) -> KeyPath | None:
        is_array = stripped.startswith("[[")
        inner = stripped[2:] if is_array else stripped[1:]
        split = _split_key(inner)
        if split is None:
            return None
        parts, _ = split
        for depth in range(1, len(parts)):
            self.positions.setdefault(self._resolve(parts[:depth]), (number, col))
        if is_array:
            parent = self._resolve(parts[:-1])
            array_path = (*parent, parts[-1])
            index = self._array_counts.get(array_path, 0)
            self._array_counts[array_path] = index + 1
            self.positions.setdefault(array_path, (number, col))
            table: KeyPath = (*array_path, index)
        else:
            table = self._resolve(parts)
        self.positions.setdefault(table, (number, col))
        return table

    def _inline_keys(self, base: KeyPath, value: str, number: int, offset: int) -> None:
        """Record keys inside an inline table on the same line."""
        if "{" not in value:
            return
        start = value.index("{")
        for match in _INLINE_KEY.finditer(value, start):
            name = match.group(1).strip("\"'")
            self.positions.setdefault((*base, name), (number, offset + match.start(1) + 1))

    def find(self, path: KeyPath) -> Position:
        """The position of ``path``, or of its nearest located parent; (1, 1) at worst."""
        probe = tuple(path)
        while probe:
            found = self.positions.get(probe)
            if found:
                return found
            probe = probe[:-1]
        return (1, 1)
