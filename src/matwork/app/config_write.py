"""Changing one key of the user's config.toml, keeping everything else as the user wrote it.

tomlkit edits the document in place: comments, blank lines, key order and unrelated
tables stay exactly as they were. The new text replaces the file through a temporary
file and a rename, so a crash never leaves half a config.
"""

from __future__ import annotations

import os
from pathlib import Path

import tomlkit
import tomlkit.exceptions
from tomlkit.items import InlineTable, Table


class ConfigWriteError(Exception):
    """The config file cannot be changed; the message says why."""


def save_config_value(file: Path, table: str, key: str, value: bool | int | float | str) -> None:
    """Set ``[table] key = value`` in the config file at ``file``, keeping all else.

    Creates the file and its folder when missing. Raises ConfigWriteError when the
    file cannot be read, is not valid TOML, or names ``table`` as something else.
    """
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigWriteError(f"{file}: cannot read it ({error})") from error
    try:
        document = tomlkit.parse(text)
    except tomlkit.exceptions.ParseError as error:
        raise ConfigWriteError(f"{file}: not valid TOML ({error})") from error
    section = document.get(table)
    if section is None:
        section = tomlkit.table()
        document.add(table, section)
    if not isinstance(section, Table | InlineTable):
        raise ConfigWriteError(f"{file}: '{table}' is not a table")
    section[key] = value
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        temporary = file.with_name(f".{file.name}.{os.getpid()}.tmp")
        temporary.write_text(tomlkit.dumps(document), encoding="utf-8")
        os.replace(temporary, file)
    except OSError as error:
        raise ConfigWriteError(f"{file}: cannot write it ({error.strerror or error})") from error
