"""Text helpers for writing routine files: file names, the ``#:schema`` line, the name line.

Pure functions over strings and paths-as-values, shared by ``matwork new``, the
Builder and the library's copies, so all three write the same lines.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import PurePath

import tomli_w

_NOT_WORD = re.compile(r"[\W_]+")
_TABLE_LINE = re.compile(r"^[ \t]*\[", re.MULTILINE)
_NAME_LINE = re.compile(r"^name[ \t]*=.*$", re.MULTILINE)
_NAME_VALUE = re.compile(
    "^name[ \\t]*=[ \\t]*("
    '"""[\\s\\S]*?"""'  # a multi-line basic string
    "|'''[\\s\\S]*?'''"  # a multi-line literal string
    '|"(?:[^"\\\\\\n]|\\\\.)*"'  # a basic string
    "|'[^'\\n]*')",  # a literal string
    re.MULTILINE,
)
_SCHEMA_LINE = re.compile(r"^#:schema[ \t]+(\S+)[ \t]*$", re.MULTILINE)


def slug(name: str) -> str:
    """A file stem for a routine name: lower case, accents dropped, words joined by '-'."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub("-", plain.casefold()).strip("-")


def schema_reference(schema: PurePath) -> str:
    """How the ``#:schema`` line names the schema file, for Taplo and Even Better TOML.

    Both read the first word after ``#:schema``: a plain absolute POSIX path works and
    reads best. A path with whitespace would be cut at the first blank, and a Windows
    path such as ``C:\\...`` would be read as a URL with the scheme ``c``, so those get
    a ``file://`` URI instead.
    """
    text = str(schema)
    if os.name == "nt" or any(char.isspace() for char in text):
        return schema.as_uri()
    return text


def schema_line(schema: PurePath) -> str:
    """The ``#:schema ...`` line naming ``schema`` (an absolute path), with its newline."""
    return f"#:schema {schema_reference(schema)}\n"


def schema_target(text: str) -> str | None:
    """What a file's ``#:schema`` line names, or None when it has none."""
    match = _SCHEMA_LINE.search(text)
    return match.group(1) if match else None


def with_schema(text: str, schema: PurePath) -> str:
    """``text`` with its ``#:schema`` line naming ``schema`` (replaced, or added on top)."""
    match = _SCHEMA_LINE.search(text)
    if match is None:
        return schema_line(schema) + text
    return text[: match.start()] + schema_line(schema).rstrip("\n") + text[match.end() :]


def has_name(text: str) -> bool:
    """Whether the text has a top-level ``name = ...`` line (before any table)."""
    table = _TABLE_LINE.search(text)
    return _NAME_LINE.search(text, 0, table.start() if table else len(text)) is not None


def renamed(text: str, name: str) -> str:
    """A routine's TOML text with its top-level ``name`` replaced (if it has one).

    A one-line string value is replaced in place, so a comment after it stays.
    """
    table = _TABLE_LINE.search(text)
    head_end = table.start() if table else len(text)
    line = tomli_w.dumps({"name": name}).strip()
    value = _NAME_VALUE.search(text, 0, head_end)
    if value is not None:  # keep what follows the value, e.g. a comment
        return text[: value.start()] + line + text[value.end() :]
    match = _NAME_LINE.search(text, 0, head_end)
    if match is None:
        return text
    return text[: match.start()] + line + text[match.end() :]
