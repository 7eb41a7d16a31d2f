"""The dosage guidance and the engine's numbers, each with its source (data/guidance.toml).

``localized_guidance(language)`` gives the same entries with ``means``,
``does_not_mean`` and ``unit`` in that language (``data/guidance.de.toml``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

import msgspec

from matwork.core import vocab
from matwork.core.data_translation import localized_data

GUIDANCE_RESOURCE = "guidance.toml"


class Guidance(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """One number (or range) of guidance: what it means, what not, and where it is from."""

    means: str
    does_not_mean: str
    source: str
    cite: str = ""
    """The source in a few words, for a screen line ("WHO 2020 guidelines (Bull et al. 2020)")."""
    unit: str = ""
    min: float | None = None
    max: float | None = None
    value: float | None = None
    applies_to: list[str] = []
    """Catalog ids the entry is about (the held stretches, for the stretch dosage)."""


def guidance_text() -> str:
    """The text of the shipped guidance file."""
    return (resources.files("matwork") / "data" / GUIDANCE_RESOURCE).read_text(encoding="utf-8")


@cache
def guidance() -> Mapping[str, Guidance]:
    """Every guidance entry by id; read from the package once per process."""
    raw = tomllib.loads(guidance_text())
    entries = {key: msgspec.convert(table, Guidance, strict=True) for key, table in raw.items()}
    return MappingProxyType(entries)


@cache
def localized_guidance(language: str) -> Mapping[str, Guidance]:
    """Every guidance entry with its texts in ``language``; the English ones for "en"."""
    if language == vocab.SOURCE_LANGUAGE:
        return guidance()
    raw = localized_data(GUIDANCE_RESOURCE, language)
    entries = {key: msgspec.convert(table, Guidance, strict=True) for key, table in raw.items()}
    return MappingProxyType(entries)
