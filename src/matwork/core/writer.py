"""Write a routine as TOML: the inverse of ``parse_routine``, laid out like the format page.

``routine_to_toml(routine)`` writes only what differs from the model's defaults, in the
order of the format page (format, name, description, tags, level, author, [defaults],
[breathing.x], [catalog.x], [sounds], [[block]] with its [[block.exercise]], then
[translations.x] with its [translations.x.text]), with
breathing patterns given inline as ``{ inhale = 4, exhale = 6 }``. tomli-w formats
every key and value, so quoting and escapes are its, not ours.

``data_to_toml`` lays out any Routine-shaped mapping the same way, including values of
the wrong type: the builder writes what the user typed and lets ``parse_routine`` say
what is wrong, with the line it is on. ``save_routine`` writes a file atomically.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import msgspec
import tomli_w

from matwork.core.model import BreathPattern, Routine

ROUTINE_ORDER: tuple[str, ...] = (
    "format",
    "name",
    "description",
    "tags",
    "level",
    "author",
    "defaults",
    "breathing",
    "catalog",
    "sounds",
    "block",
    "translations",
)
"""Top-level keys in the order the format page gives them."""

LINE_WIDTH = 88
"""A list longer than this on its key's line is written one item a line."""

_TABLE_OF_TABLES = ("breathing", "catalog")
_ALWAYS_WRITTEN = frozenset({"format"})


def _plain(value: Any) -> Any:
    """A model value as TOML-ready builtins: whole floats as integers, structs as dicts."""
    if isinstance(value, msgspec.Struct):
        return struct_data(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    return value


def struct_data(struct: msgspec.Struct) -> dict[str, Any]:
    """A struct's fields in declaration order, leaving out those equal to their default."""
    data: dict[str, Any] = {}
    for field in msgspec.structs.fields(struct):
        value = getattr(struct, field.name)
        if field.name not in _ALWAYS_WRITTEN:
            if field.default is not msgspec.NODEFAULT and value == field.default:
                continue
            if field.default_factory is not msgspec.NODEFAULT and value == field.default_factory():
                continue
        data[field.name] = _plain(value)
    return data


def routine_data(routine: Routine) -> dict[str, Any]:
    """A routine as the minimal Routine-shaped dict its TOML file holds."""
    return struct_data(routine)


def _key(key: str) -> str:
    """A key as TOML writes it: bare when it can be, quoted otherwise."""
    return tomli_w.dumps({key: 0})[: -len(" = 0\n")]


def _value(value: Any, room: int | None = None) -> str:
    """A value as TOML writes it; mappings become inline tables.

    A list stays on one line when it fits in ``room`` cells (always, without a room),
    else it takes one line per item.
    """
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        items = ", ".join(f"{_key(str(key))} = {_value(item)}" for key, item in value.items())
        return "{ " + items + " }"
    if isinstance(value, list | tuple):
        parts = [_value(item) for item in value]
        one_line = "[" + ", ".join(parts) + "]"
        if room is None or not parts or len(one_line) <= room:
            return one_line
        return "[\n" + "".join(f"    {part},\n" for part in parts) + "]"
    line = tomli_w.dumps({"k": value})
    return line[len("k = ") :].rstrip("\n")


def _lines(table: Mapping[str, Any]) -> Iterator[str]:
    """``key = value`` lines of a table whose nested mappings are written inline."""
    for key, value in table.items():
        written = _key(str(key))
        yield f"{written} = {_value(value, LINE_WIDTH - len(written) - 3)}\n"


def _is_tables(value: Any) -> bool:
    return isinstance(value, Mapping) and all(isinstance(item, Mapping) for item in value.values())


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, Mapping) for item in value)


def _chunks(data: Mapping[str, Any]) -> Iterator[str]:
    """The document's parts: top-level values, then each table, separated by blank lines."""
    keys = [key for key in ROUTINE_ORDER if key in data]
    keys += [key for key in data if key not in ROUTINE_ORDER]
    head: dict[str, Any] = {}
    tables: list[tuple[str, Any]] = []
    for key in keys:
        value = data[key]
        if key in ("defaults", "sounds") and isinstance(value, Mapping):
            tables.append((key, value))
        elif key in _TABLE_OF_TABLES and _is_tables(value):
            tables.append((key, value))
        elif key == "block" and _is_table_list(value) and value:
            tables.append((key, value))
        elif key == "translations" and _is_tables(value) and value:
            tables.append((key, value))
        else:
            head[key] = value
    if head:
        yield "".join(_lines(head))
    for key, value in tables:
        if key in _TABLE_OF_TABLES:
            for name, table in value.items():
                yield f"[{key}.{_key(str(name))}]\n" + "".join(_lines(table))
        elif key == "block":
            yield from _block_chunks(value)
        elif key == "translations":
            yield from _translation_chunks(value)
        else:
            yield f"[{key}]\n" + "".join(_lines(value))


def _block_chunks(blocks: list[Mapping[str, Any]]) -> Iterator[str]:
    for block in blocks:
        uses = block.get("exercise")
        nested = isinstance(uses, list) and bool(uses) and _is_table_list(uses)
        own = {key: value for key, value in block.items() if not (nested and key == "exercise")}
        yield "[[block]]\n" + "".join(_lines(own))
        if nested and isinstance(uses, list):
            for use in uses:
                yield "[[block.exercise]]\n" + "".join(_lines(use))


def _translation_chunks(translations: Mapping[str, Mapping[str, Any]]) -> Iterator[str]:
    for language, translation in translations.items():
        header = f"translations.{_key(str(language))}"
        texts = translation.get("text")
        nested = isinstance(texts, Mapping)
        own = {key: value for key, value in translation.items() if not (nested and key == "text")}
        if own or not nested:
            yield f"[{header}]\n" + "".join(_lines(own))
        if nested and isinstance(texts, Mapping):
            yield f"[{header}.text]\n" + "".join(_lines(texts))


def data_to_toml(data: Mapping[str, Any], *, schema: str | None = None) -> str:
    """Lay out a Routine-shaped mapping as a routine file, with an optional ``#:schema`` line."""
    text = "\n".join(_chunks(_plain(data)))
    if schema is not None:
        text = f"#:schema {schema}\n" + text
    return text


def routine_to_toml(routine: Routine, *, schema: str | None = None) -> str:
    """A routine's TOML text: minimal, in the format page's order, ``#:schema`` first if given."""
    return data_to_toml(routine_data(routine), schema=schema)


def breath_text(pattern: BreathPattern) -> str:
    """A breathing pattern as "inhale-hold-exhale-hold_out" seconds, e.g. "4-0-6-0"."""
    parts = (pattern.inhale, pattern.hold, pattern.exhale, pattern.hold_out)
    return "-".join(f"{part:g}" for part in parts)


def save_text(text: str, path: Path, *, overwrite: bool = False) -> None:
    """Write text to ``path`` atomically (a temporary file renamed over it), making the folder.

    Raises ``FileExistsError`` when the file exists and ``overwrite`` is false.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        if overwrite:
            os.replace(temporary, path)
        else:
            _link_new(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _link_new(temporary: str, path: Path) -> None:
    """Put the written file at ``path`` only if nothing is there yet."""
    try:
        # A hard link never replaces an existing file, so the check cannot race.
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:
        # No hard links on this file system: check, then rename.
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(temporary, path)


def save_routine(
    routine: Routine, path: Path, *, overwrite: bool = False, schema: str | None = None
) -> None:
    """Write a routine's TOML to ``path`` atomically; ``FileExistsError`` unless ``overwrite``."""
    save_text(routine_to_toml(routine, schema=schema), path, overwrite=overwrite)


__all__ = [
    "ROUTINE_ORDER",
    "breath_text",
    "data_to_toml",
    "routine_data",
    "routine_to_toml",
    "save_routine",
    "save_text",
    "struct_data",
]
