"""The built-in exercise catalog, shipped as a TOML data file inside the package."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

import msgspec

from matwork.core.model import CatalogEntry

CATALOG_RESOURCE = "catalog.toml"


def catalog_text() -> str:
    """The text of the shipped catalog file."""
    return (resources.files("matwork") / "data" / CATALOG_RESOURCE).read_text(encoding="utf-8")


@cache
def builtin_catalog() -> Mapping[str, CatalogEntry]:
    """Every built-in exercise by id; read from the package once per process."""
    raw = tomllib.loads(catalog_text())
    entries = {
        exercise_id: msgspec.convert(table, CatalogEntry, strict=True)
        for exercise_id, table in raw.items()
    }
    return MappingProxyType(entries)


def merged_catalog(own: Mapping[str, CatalogEntry]) -> Mapping[str, CatalogEntry]:
    """The built-in catalog with a routine's own ``[catalog.<id>]`` entries on top."""
    if not own:
        return builtin_catalog()
    return MappingProxyType({**builtin_catalog(), **own})
