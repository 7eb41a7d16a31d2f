"""Shape checks before and during decoding: unknown keys, and msgspec errors in words."""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable, Iterator
from functools import cache
from types import UnionType
from typing import Any

import msgspec
from msgspec import inspect

from matwork.core.errors import did_you_mean
from matwork.core.locate import KeyPath
from matwork.i18n import _, lazy_, ngettext

_TYPE_WORDS = {
    "int": lazy_("a whole number"),
    "float": lazy_("a number"),
    "str": lazy_("text in quotes"),
    "array": lazy_("a list"),
    "object": lazy_("a table"),
    "bool": lazy_("true or false"),
}
_CONTAINER_WORDS = {
    "the routine": lazy_("the routine"),
    "the config": lazy_("the config"),
    "the programme": lazy_("the programme"),
}
"""The containers' names in words, in the language in use (a [table] name stays as is)."""
_PATH_TOKEN = re.compile(r"\.([A-Za-z0-9_-]+)|\[(\d+)\]")
_EXPECTED = re.compile(r"^Expected `(?P<types>[^`]+)`(?P<rest>.*?)(?:, got `(?P<got>[^`]+)`)?$")


def _container(container: str) -> str:
    return str(_CONTAINER_WORDS.get(container, container))


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


HINTED_UNKNOWN_KEYS = 100
"""Unknown keys that get a did-you-mean hint in one walk; the rest are listed without."""


class _HintBudget:
    """Did-you-mean hints for the first unknown keys of one walk only."""

    def __init__(self, left: int = HINTED_UNKNOWN_KEYS) -> None:
        self.left = left

    def hint(self, word: str, choices: Iterable[str]) -> str:
        if self.left <= 0:
            return ""
        self.left -= 1
        return did_you_mean(word, choices)


def unknown_keys(
    data: Any, info: inspect.Type, path: KeyPath = (), hints: _HintBudget | None = None
) -> Iterator[tuple[KeyPath, str, str]]:
    """Yield (path, message, hint) for every key the model does not know."""
    hints = hints or _HintBudget()
    struct = _struct_in(info)
    if struct is not None and isinstance(data, dict):
        fields = {field.encode_name: field for field in struct.fields}
        for key, value in data.items():
            field = fields.get(key)
            if field is None:
                message = _("unknown key '{key}'").format(key=key)
                yield (*path, key), message, hints.hint(key, fields)
            else:
                yield from unknown_keys(value, field.type, (*path, key), hints)
        return
    inner = _unwrap(info)
    if isinstance(inner, inspect.ListType) and isinstance(data, list):
        for index, item in enumerate(data):
            yield from unknown_keys(item, inner.item_type, (*path, index), hints)
    elif isinstance(inner, inspect.DictType) and isinstance(data, dict):
        for key, value in data.items():
            yield from unknown_keys(value, inner.value_type, (*path, key), hints)


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
        return _("a table")
    if isinstance(value, list):
        return _("a list")
    return str(value)


def _bound_words(rest: str, is_text: bool, is_list: bool) -> str:
    words = rest.strip()
    words = re.sub(r"(\d+)\.0\b", r"\1", words)
    length = re.fullmatch(r"of length ([<>]=?) (\d+)", words)
    if length:
        comparison, number = length.groups()
        count = int(number)
        if comparison.startswith(">"):
            if is_text:
                phrase = ngettext(
                    "with at least {n} character", "with at least {n} characters", count
                )
            else:
                phrase = ngettext("with at least {n} item", "with at least {n} items", count)
        elif is_text:
            phrase = ngettext("with at most {n} character", "with at most {n} characters", count)
        else:
            phrase = ngettext("with at most {n} item", "with at most {n} items", count)
        return " " + phrase.format(n=number)
    replacements = {
        ">=": lazy_("of at least {bound}"),
        "<=": lazy_("of at most {bound}"),
        ">": lazy_("greater than {bound}"),
        "<": lazy_("less than {bound}"),
    }
    for symbol, bound_words in replacements.items():
        if words.startswith(symbol + " "):
            return " " + str(bound_words).format(bound=words[len(symbol) + 1 :])
    return f" {words}" if words else ""


@cache
def _type_info(model: type) -> inspect.Type:
    """The msgspec type info of a model, computed once (it is slow to compute)."""
    return inspect.type_info(model)


def unknown_keys_cached(data: Any, model: type) -> Iterator[tuple[KeyPath, str, str]]:
    """``unknown_keys`` against a model class, with its type info cached."""
    return unknown_keys(data, _type_info(model))


def explain(
    error: msgspec.ValidationError,
    data: Any,
    container: str = "the routine",
    prefix: KeyPath = (),
) -> tuple[KeyPath, str]:
    """Turn a msgspec validation error into a key path and a message in words.

    ``data`` is what was converted; ``prefix`` is where it sits in the file, so the
    path returned and the key the message names are the file's.
    """
    text = str(error)
    body, _sep, where = text.partition(" - at `")
    inner: KeyPath = tuple(
        name if name else int(index) for name, index in _PATH_TOKEN.findall(where.rstrip("`"))
    )
    path: KeyPath = (*prefix, *inner)
    key = next((part for part in reversed(path) if isinstance(part, str)), "")
    missing = re.match(r"Object missing required field `([^`]+)`", body)
    if missing:
        where_words = f"'{key}'" if key else _container(container)
        message = _("missing required key '{key}' in {where}")
        return path, message.format(key=missing.group(1), where=where_words)
    match = _EXPECTED.match(body)
    if not match:
        return path, f"{key}: {body}" if key else body
    types = [name for name in match.group("types").split(" | ") if name != "null"]
    expected = _(" or ").join(str(_TYPE_WORDS.get(name, name)) for name in types)
    bounds = _bound_words(match.group("rest"), types == ["str"], types == ["array"])
    found = describe_value(value_at(data, inner))
    label = f"{key}: " if key else ""
    message = _("expected {expected}{bounds}, found {found}")
    return path, label + message.format(expected=expected, bounds=bounds, found=found)


def type_problems(
    data: Any, model: Any, container: str = "the routine", prefix: KeyPath = ()
) -> list[tuple[KeyPath, str]]:
    """Every type and range error of ``data`` against ``model``, as (key path, message).

    msgspec stops at the first error, so where ``data`` fails this goes down the
    model (struct fields, list items, table values) and converts each part on its
    own; a part that fails with no failing part inside is reported by ``explain``.
    Valid data costs one conversion.
    """
    return _problems(data, model, prefix, container, len(prefix))


def _problems(
    data: Any, model: Any, prefix: KeyPath, container: str, top: int
) -> list[tuple[KeyPath, str]]:
    """``type_problems`` below the top ``top`` parts of ``prefix`` (the container's path)."""
    try:
        msgspec.convert(data, model, strict=True)
    except msgspec.ValidationError as error:
        found = list(_part_problems(data, model, prefix, container, top))
        if found:
            return found
        path, message = explain(error, data, container, prefix[top:])
        return [((*prefix[:top], *path), message)]
    return []


def _part_problems(
    data: Any, model: Any, prefix: KeyPath, container: str, top: int
) -> Iterator[tuple[KeyPath, str]]:
    """The problems of the parts of ``data`` (none when it has no parts to look into)."""
    shape = _bare(model, data)
    if isinstance(shape, type) and issubclass(shape, msgspec.Struct) and isinstance(data, dict):
        for field in msgspec.structs.fields(shape):
            if field.encode_name in data:
                path = (*prefix, field.encode_name)
                yield from _problems(data[field.encode_name], field.type, path, container, top)
            elif field.required:
                key = next((part for part in reversed(prefix[top:]) if isinstance(part, str)), "")
                where = f"'{key}'" if key else _container(container)
                message = _("missing required key '{key}' in {where}")
                yield prefix, message.format(key=field.encode_name, where=where)
        return
    origin, arguments = typing.get_origin(shape), typing.get_args(shape)
    if origin is list and isinstance(data, list) and arguments:
        for index, item in enumerate(data):
            yield from _problems(item, arguments[0], (*prefix, index), container, top)
    elif origin is dict and isinstance(data, dict) and len(arguments) == 2:
        for key, value in data.items():
            yield from _problems(value, arguments[1], (*prefix, key), container, top)


def _bare(model: Any, data: Any) -> Any:
    """``model`` without Annotated and None, and of a union the member ``data`` is shaped as."""
    while typing.get_origin(model) is typing.Annotated:
        model = typing.get_args(model)[0]
    if typing.get_origin(model) in (typing.Union, UnionType):
        members = [_bare(member, data) for member in typing.get_args(model)]
        shaped = [member for member in members if _shaped_as(member, data)]
        return shaped[0] if len(shaped) == 1 else model
    return model


def _shaped_as(model: Any, data: Any) -> bool:
    """True when ``data`` has the container shape of ``model`` (a table or a list)."""
    if isinstance(model, type) and issubclass(model, msgspec.Struct):
        return isinstance(data, dict)
    origin = typing.get_origin(model)
    return (origin is list and isinstance(data, list)) or (
        origin is dict and isinstance(data, dict)
    )
