"""Find the line and column of a key path in TOML text.

``tomllib`` gives no positions for values, so this module scans the text once and
records where each table header and each key stands. A key path such as
``("block", 1, "exercise", 0, "work")`` then maps to the line of ``work = ...`` in
the first ``[[block.exercise]]`` of the second ``[[block]]``. It understands the TOML a
person writes: comments, quoted and dotted keys, arrays of tables, strings of every
kind (three quotes of the other kind inside a string are text), arrays over several
lines, and inline tables, also inside arrays (a key inside one maps to
its own line and column, an inline table in an array to its ``{``).

Only ``\\n`` ends a line, as in TOML: U+2028, U+2029 and U+0085 are text. The scan is
linear in the length of the text: it never recurses, and paths deeper than
``MAX_LOCATED_DEPTH`` are recorded at their ancestor of that depth (the loader refuses
such files anyway, and each one names the line of that ancestor).
"""

from __future__ import annotations

import re
import tomllib

KeyPath = tuple[str | int, ...]
Position = tuple[int, int]

MAX_LOCATED_DEPTH = 64
"""Key paths are recorded up to this many parts; deeper ones map to that ancestor."""

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SPACE = " \t\r"
_SCALAR_END = ",]}\n#"


def _child(path: KeyPath, part: str | int) -> KeyPath:
    """``path`` extended by ``part``, unless it is already as deep as is recorded."""
    return path if len(path) >= MAX_LOCATED_DEPTH else (*path, part)


class _Frame:
    """An open array or inline table while a value is scanned."""

    __slots__ = ("index", "is_array", "path")

    def __init__(self, is_array: bool, path: KeyPath) -> None:
        self.is_array = is_array
        self.path = path
        self.index = 0


class Locator:
    """Positions of the table headers and keys of one TOML text."""

    def __init__(self, text: str) -> None:
        self.positions: dict[KeyPath, Position] = {}
        self.values: dict[KeyPath, Position] = {}
        """Where the value of each key, and each item of an array, starts."""
        self._written: set[KeyPath] = set()
        self._array_counts: dict[KeyPath, int] = {}
        self._text = text
        self._line = 1
        self._line_start = 0
        self._scan()

    # -- public ---------------------------------------------------------------------

    def find(self, path: KeyPath) -> Position:
        """The position of ``path``, or of its nearest located parent; (1, 1) at worst."""
        probe = tuple(path)[:MAX_LOCATED_DEPTH]
        while probe:
            found = self.positions.get(probe)
            if found:
                return found
            probe = probe[:-1]
        return (1, 1)

    def find_value(self, path: KeyPath) -> Position:
        """The position of the value at ``path`` (a key's, an array item's); else ``find``."""
        return self.values.get(tuple(path)[:MAX_LOCATED_DEPTH]) or self.find(path)

    def written(self, path: KeyPath) -> bool:
        """True when ``path`` was written as a key or a header, not only implied by one."""
        return tuple(path) in self._written

    # -- positions ------------------------------------------------------------------

    def _at(self, index: int) -> Position:
        return (self._line, index - self._line_start + 1)

    def _newlines(self, start: int, end: int) -> None:
        """Count the line breaks in ``text[start:end]``."""
        count = self._text.count("\n", start, end)
        if count:
            self._line += count
            self._line_start = self._text.rfind("\n", start, end) + 1

    def _record(self, path: KeyPath, index: int) -> None:
        self.positions.setdefault(path, self._at(index))

    # -- the statement level --------------------------------------------------------

    def _scan(self) -> None:
        text = self._text
        size = len(text)
        table: KeyPath = ()
        index = 0
        while index < size:
            char = text[index]
            if char in _SPACE:
                index += 1
            elif char == "\n":
                self._newlines(index, index + 1)
                index += 1
            elif char == "#":
                index = self._line_end(index)
            elif char == "[":
                table = self._header(index) or table
                index = self._line_end(index)
            else:
                index = self._key_value(index, table)

    def _line_end(self, index: int) -> int:
        """The index of the next line break (or the end), skipping strings on the way."""
        text = self._text
        size = len(text)
        while index < size:
            char = text[index]
            if char == "\n":
                return index
            if char in "\"'":
                index = self._string(index)
            elif char == "#":
                end = text.find("\n", index)
                return size if end < 0 else end
            else:
                index += 1
        return size

    def _header(self, index: int) -> KeyPath | None:
        text = self._text
        is_array = text.startswith("[[", index)
        split = self._key(index + (2 if is_array else 1))
        if split is None:
            return None
        parts = split[0][:MAX_LOCATED_DEPTH]
        path: KeyPath = ()
        for part in parts[:-1]:
            path = _child(path, part)
            count = self._array_counts.get(path)
            if count:
                path = _child(path, count - 1)
            self._record(path, index)
        if is_array:
            array_path = _child(path, parts[-1])
            count = self._array_counts.get(array_path, 0)
            self._array_counts[array_path] = count + 1
            self._record(array_path, index)
            self._written.add(array_path)
            table = _child(array_path, count)
        else:
            table = _child(path, parts[-1])
            self._written.add(table)
            count = self._array_counts.get(table, 0)
            if count:
                table = _child(table, count - 1)
        self._record(table, index)
        return table

    def _key_value(self, index: int, table: KeyPath) -> int:
        split = self._key(index)
        if split is None:
            return self._line_end(index)
        parts, end = split
        end = self._skip_space(end)
        if end >= len(self._text) or self._text[end] != "=":
            return self._line_end(index)
        path = self._dotted(table, parts, index)
        return self._value(end + 1, path)

    def _dotted(self, base: KeyPath, parts: list[str], index: int) -> KeyPath:
        """Record a (dotted) key and each of its prefixes at ``index``; its full path."""
        path = base
        for part in parts:
            path = _child(path, part)
            self._record(path, index)
            self._written.add(path)
        return path

    # -- keys -----------------------------------------------------------------------

    def _skip_space(self, index: int) -> int:
        text = self._text
        while index < len(text) and text[index] in " \t":
            index += 1
        return index

    def _key(self, index: int) -> tuple[list[str], int] | None:
        """Split a dotted key starting at ``index``; its parts and the index after it."""
        text = self._text
        parts: list[str] = []
        while True:
            index = self._skip_space(index)
            if index >= len(text):
                return None
            char = text[index]
            if char in "\"'":
                end = self._string(index)
                if end > len(text) or text[end - 1] != char or end - index < 2:
                    return None
                parts.append(_key_text(text[index:end]))
                index = end
            else:
                match = _BARE_KEY.match(text, index)
                if not match:
                    return None
                parts.append(match.group())
                index = match.end()
            index = self._skip_space(index)
            if index < len(text) and text[index] == ".":
                index += 1
                continue
            return parts, index

    # -- strings --------------------------------------------------------------------

    def _string(self, index: int) -> int:
        """The index just after the string that starts at ``index``."""
        end = string_end(self._text, index)
        self._newlines(index, end)
        return end

    # -- values ---------------------------------------------------------------------

    def _value(self, index: int, path: KeyPath) -> int:
        """Scan the value of ``path`` starting at ``index``; the index after it."""
        text = self._text
        size = len(text)
        stack: list[_Frame] = []
        state = "value"
        target = path
        while index < size:
            char = text[index]
            if char in _SPACE:
                index += 1
                continue
            if char == "\n":
                if not stack:
                    return index
                self._newlines(index, index + 1)
                index += 1
                continue
            if char == "#":
                index = self._line_end(index)
                continue
            if state == "key":
                if char in ",}":
                    state = "after"
                    continue
                split = self._key(index)
                if split is None:
                    index += 1
                    continue
                parts, end = split
                target = self._dotted(stack[-1].path, parts, index)
                index = self._skip_space(end)
                if index < size and text[index] == "=":
                    index += 1
                    state = "value"
                continue
            if state == "value":
                if char in "]}" and stack:
                    state = "after"
                    continue
                self.values.setdefault(target, self._at(index))
                if char == "[":
                    stack.append(_Frame(True, target))
                    target = _child(target, 0)
                    index += 1
                    continue
                if char == "{":
                    if stack and stack[-1].is_array:
                        self._record(target, index)
                    stack.append(_Frame(False, target))
                    state = "key"
                    index += 1
                    continue
                if char in "\"'":
                    index = self._string(index)
                else:
                    while index < size and text[index] not in _SCALAR_END:
                        index += 1
                state = "after"
                if not stack:
                    return index
                continue
            # state == "after": a separator or a closing bracket
            if not stack:
                return index
            index += 1
            if char == ",":
                frame = stack[-1]
                if frame.is_array:
                    frame.index += 1
                    target = _child(frame.path, frame.index)
                    state = "value"
                else:
                    state = "key"
            elif char in "]}":
                stack.pop()
                if not stack:
                    return index
        return index


def string_end(text: str, index: int) -> int:
    """The index just after the TOML string whose opening quote is at ``text[index]``.

    A one-line string ends at its line's end at the latest; an unclosed multi-line
    string at the end of the text.
    """
    quote = text[index]
    escapes = quote == '"'
    if text.startswith(quote * 3, index):
        end = _closing(text, index + 3, quote * 3, escapes, len(text))
        extra = 0
        while extra < 2 and end < len(text) and text[end] == quote:
            end += 1
            extra += 1
        return end
    line_end = text.find("\n", index + 1)
    if line_end < 0:
        line_end = len(text)
    return _closing(text, index + 1, quote, escapes, line_end)


def _closing(text: str, start: int, quote: str, escapes: bool, limit: int) -> int:
    """The index after the first unescaped ``quote`` in ``text[start:limit]``, or ``limit``."""
    while True:
        found = text.find(quote, start, limit)
        if found < 0:
            return limit
        if escapes:
            slashes = 0
            while found - slashes - 1 >= start and text[found - slashes - 1] == "\\":
                slashes += 1
            if slashes % 2:
                start = found + 1
                continue
        return found + len(quote)


def _key_text(quoted: str) -> str:
    """The text of a quoted key, with a basic string's escapes decoded."""
    if quoted[0] == "'" or "\\" not in quoted:
        return quoted[1:-1]
    try:
        value = tomllib.loads(f"k = {quoted}")["k"]
    except tomllib.TOMLDecodeError:
        return quoted[1:-1]
    return value if isinstance(value, str) else quoted[1:-1]
