"""Copying routine files for the library's duplicate and edit, and finding the editor.

The text changes (the name line, the ``#:schema`` line) are ``core.authoring``'s, the
same ones ``matwork new`` and the Builder write."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import msgspec

from matwork.core.authoring import renamed, schema_target, with_schema
from matwork.core.model import Routine

MY_COPY = "(my copy)"
"""What a routine's name gets when it is copied into the user's folder to be changed."""


def my_copy_name(name: str) -> str:
    """The name of the user's copy of a routine: "Hip-flexor reset (my copy)".

    A copy must not answer to the original's name, or the library lists two routines
    of one name and ``matwork play NAME`` cannot tell them apart.
    """
    return name if name.endswith(MY_COPY) else f"{name} {MY_COPY}"


def my_copy(routine: Routine) -> Routine:
    """A routine renamed as the user's copy of it (see ``my_copy_name``)."""
    return msgspec.structs.replace(routine, name=my_copy_name(routine.name))


def my_copy_path(folder: Path, stem: str) -> Path:
    """Where the user's copy of the routine file ``stem`` goes: ``<stem>-my-copy.toml``."""
    return folder / f"{stem}-my-copy.toml"


def copy_name(folder: Path, stem: str) -> Path:
    """A free ``<stem>-copy.toml`` (then ``-copy-2``, ...) in a folder."""
    candidate = folder / f"{stem}-copy.toml"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-copy-{number}.toml"
        number += 1
    return candidate


def relocated(text: str, origin: Path) -> str:
    """A routine's text with a relative ``#:schema`` path made absolute.

    A copy lives in another folder, where the shipped file's relative schema path
    would point nowhere; editors would lose completion and checks.
    """
    target = schema_target(text)
    if target is None or "://" in target or Path(target).is_absolute():
        return text
    schema = (origin.parent / target).resolve()
    if not schema.is_file():
        return text
    return with_schema(text, schema)


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
