"""Shape checks before and during decoding: unknown keys, and msgspec errors in words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import msgspec
from msgspec import inspect

from matwork.core.errors import did_you_mean
from matwork.core.locate import KeyPath

_TYPE_WORDS = {
    "int": "a whole number",
    "float": "a number",
    "str": "text in quotes",
    "array": "a list",
    "object": "a table",
    "bool": "true or false",
}
_PATH_TOKEN = re.compile(r"\.([A-Za-z0-9_-]+)|\[(\d+)\]")
_EXPECTED = re.compile(r"^Expected `(?P<types>[^`]+)`(?P<rest>.*?)(?:, got `(?P<got>[^`]+)`)?$")


def _struct_in(info: inspect.Type) -> inspect.StructType | None:
    """The struct a (possibly optional or union) type holds, if any."""
    if isinstance(info, inspect.StructType):
        return info
    if isinstance(info, inspect.UnionType):
        for member in info.types:
            if isinstance(member, inspect.StructType):
                return member
    if isinstance(info, inspect.Metadata):
        return _struct_in(info.type)
    return None


def _unwrap(info: inspect.Type) -> inspect.Type:
    while isinstance(info, inspect.Metadata):
        info = info.type
    if isinstance(info, inspect.UnionType):
        for member in info.types:
            if not isinstance(member, inspect.NoneType):
                return _unwrap(member)
    return info


def unknown_keys(
    data: Any, info: inspect.Type, path: KeyPath = ()
) -> Iterator[tuple[KeyPath, str, str]]:
    """Yield (path, message, hint) for every key the model does not know."""
    struct = _struct_in(info)
    if struct is not None and isinstance(data, dict):
        fields = {field.encode_name: field for field in struct.fields}
        for key, value in data.items():
            field = fields.get(key)
            if field is None:
                yield (*path, key), f"unknown key '{key}'", did_you_mean(key, fields)
            else:
                yield from unknown_keys(value, field.type, (*path, key))
        return
    inner = _unwrap(info)
    if isinstance(inner, inspect.ListType) and isinstance(data, list):
        for index, item in enumerate(data):
            yield from unknown_keys(item, inner.item_type, (*path, index))
    elif isinstance(inner, inspect.DictType) and isinstance(data, dict):
        for key, value in data.items():
            yield from unknown_keys(value, inner.value_type, (*path, key))


def value_at(data: Any, path: KeyPath) -> Any:
    """The value at ``path`` in decoded TOML, or None when the path does not exist."""
    for part in path:
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return None
    return data


def describe_value(value: Any) -> str:
    """A short TOML-flavoured description of a found value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 40 else f'"{value[:37]}..."'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _bound_words(rest: str, is_text: bool, is_list: bool) -> str:
    words = rest.strip()
    words = re.sub(r"(\d+)\.0\b", r"\1", words)
    length = re.fullmatch(r"of length ([<>]=?) (\d+)", words)
    if length:
        comparison, number = length.groups()
        noun = "character" if is_text else "item"
        plural = "" if number == "1" else "s"
        if comparison.startswith(">"):
            return f" with at least {number} {noun}{plural}"
        return f" with at most {number} {noun}{plural}"
    replacements = {">=": "of at least", "<=": "of at most", ">": "greater than", "<": "less than"}
    for symbol, phrase in replacements.items():
        if words.startswith(symbol + " "):
            return f" {phrase} {words[len(symbol) + 1 :]}"
    return f" {words}" if words else ""


@cache
def _type_info(model: type) -> inspect.Type:
    """The msgspec type info of a model, computed once (it is slow to compute)."""
    return inspect.type_info(model)


def unknown_keys_cached(data: Any, model: type) -> Iterator[tuple[KeyPath, str, str]]:
    """``unknown_keys`` against a model class, with its type info cached."""
    return unknown_keys(data, _type_info(model))


def explain(
    error: msgspec.ValidationError, data: Any, container: str = "the routine"
) -> tuple[KeyPath, str]:
    """Turn a msgspec validation error into a key path and a message in words."""
    text = str(error)
    body, _, where = text.partition(" - at `")
    path: KeyPath = tuple(
        name if name else int(index) for name, index in _PATH_TOKEN.findall(where.rstrip("`"))
    )
    key = next((part for part in reversed(path) if isinstance(part, str)), "")
    missing = re.match(r"Object missing required field `([^`]+)`", body)
    if missing:
        where_words = f"'{key}'" if key else container
        return path, f"missing required key '{missing.group(1)}' in {where_words}"
    match = _EXPECTED.match(body)
    if not match:
        return path, f"{key}: {body}" if key else body
    types = [name for name in match.group("types").split(" | ") if name != "null"]
    expected = " or ".join(_TYPE_WORDS.get(name, name) for name in types)
    bounds = _bound_words(match.group("rest"), types == ["str"], types == ["array"])
    found = describe_value(value_at(data, path))
    label = f"{key}: " if key else ""
    return path, f"{label}expected {expected}{bounds}, found {found}"
