"""Copying routine files for the library's duplicate and edit, and finding the editor."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import tomli_w


def copy_name(folder: Path, stem: str) -> Path:
    """A free ``<stem>-copy.toml`` (then ``-copy-2``, ...) in a folder."""
    candidate = folder / f"{stem}-copy.toml"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-copy-{number}.toml"
        number += 1
    return candidate


_NAME_LINE = re.compile(r"^name\s*=.*$", re.MULTILINE)
_TABLE_LINE = re.compile(r"^\s*\[", re.MULTILINE)


def renamed(text: str, name: str) -> str:
    """A routine's TOML text with its top-level ``name`` replaced (if it has one)."""
    table = _TABLE_LINE.search(text)
    head_end = table.start() if table else len(text)
    match = _NAME_LINE.search(text, 0, head_end)
    if match is None:
        return text
    line = tomli_w.dumps({"name": name}).strip()
    return text[: match.start()] + line + text[match.end() :]


_SCHEMA_LINE = re.compile(r"^#:schema\s+(\S+)[ \t]*$", re.MULTILINE)


def relocated(text: str, origin: Path) -> str:
    """A routine's text with a relative ``#:schema`` path made absolute.

    A copy lives in another folder, where the shipped file's relative schema path
    would point nowhere; editors would lose completion and checks.
    """
    match = _SCHEMA_LINE.search(text)
    if match is None or "://" in match.group(1) or Path(match.group(1)).is_absolute():
        return text
    schema = (origin.parent / match.group(1)).resolve()
    if not schema.is_file():
        return text
    return text[: match.start(1)] + str(schema) + text[match.end(1) :]


def copy_routine(source: Path, target: Path, name: str | None = None) -> None:
    """Copy a routine file (renaming the routine when ``name`` is given), making the folder."""
    text = relocated(source.read_text(encoding="utf-8"), source)
    if name is not None:
        text = renamed(text, name)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def editor_command() -> list[str]:
    """The user's editor ($VISUAL, then $EDITOR, else vi) as an argument list."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    return shlex.split(editor)
