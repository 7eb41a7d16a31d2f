"""Shipped data files in another language: a sibling ``<name>.<language>.toml``.

The sibling (``guidance.de.toml`` beside ``guidance.toml``) has the same keys as the
English file, holding only the texts it translates: a table for each table, the same
arrays of tables in the same order (each with the ``id`` of its English item, where
the English item has one), a text for each text and a list of the same length for
each list of texts. ``localized_data`` lays the texts over the English file; anything
else in a sibling (a number, a key the English lacks, a list of another length) is an
error, so a translation can only change words, never a number or a rule.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

from matwork.core import vocab


class TranslationDataError(ValueError):
    """A translation file that does not match its English file."""


def translation_resource(resource: str, language: str) -> str:
    """The file name of ``resource`` in ``language``: "guidance.toml" -> "guidance.de.toml"."""
    stem, dot, suffix = resource.rpartition(".")
    return f"{stem}.{language}{dot}{suffix}"


def data_text(resource: str) -> str:
    """The text of a shipped data file (``src/matwork/data/<resource>``)."""
    return (resources.files("matwork") / "data" / resource).read_text(encoding="utf-8")


def _overlay_list(base: list[Any], translation: list[Any], where: str) -> list[Any]:
    if len(base) != len(translation):
        raise TranslationDataError(
            f"{where}: {len(translation)} items, the English has {len(base)}"
        )
    return [
        overlay(item, translated, f"{where}[{index}]")
        for index, (item, translated) in enumerate(zip(base, translation, strict=True))
    ]


def overlay(base: Any, translation: Any, where: str = "") -> Any:
    """``base`` (decoded English TOML) with the texts of ``translation`` laid over it.

    Raises ``TranslationDataError`` naming the place of anything that is not a text of
    the English file, and of an ``id`` that differs from the English item's.
    """
    if isinstance(base, dict) and isinstance(translation, dict):
        merged = dict(base)
        for key, value in translation.items():
            place = f"{where}.{key}" if where else key
            if key not in base:
                raise TranslationDataError(f"{place}: the English file has no such key")
            if key == "id" and value != base[key]:
                raise TranslationDataError(f"{place}: '{value}' is not the English '{base[key]}'")
            merged[key] = overlay(base[key], value, place)
        return merged
    if isinstance(base, list) and isinstance(translation, list):
        return _overlay_list(base, translation, where)
    if isinstance(base, str) and isinstance(translation, str):
        if not translation.strip():
            raise TranslationDataError(f"{where}: empty text")
        return translation
    raise TranslationDataError(f"{where}: only texts are translated, found {translation!r}")


def localized_data(resource: str, language: str) -> dict[str, Any]:
    """The decoded data file ``resource`` with its texts in ``language``."""
    english: dict[str, Any] = tomllib.loads(data_text(resource))
    if language == vocab.SOURCE_LANGUAGE:
        return english
    if language not in vocab.TRANSLATION_LANGUAGES:
        known = ", ".join(vocab.LANGUAGES)
        raise ValueError(f"unsupported language '{language}' (one of: {known})")
    name = translation_resource(resource, language)
    translation = tomllib.loads(data_text(name))
    try:
        merged: dict[str, Any] = overlay(english, translation)
    except TranslationDataError as error:
        raise TranslationDataError(f"{name}: {error}") from None
    return merged
