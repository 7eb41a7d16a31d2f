"""Catalog ids by any of their names: the id itself or an alias, however it is written.

``id = "plank"`` in a routine means ``front-plank``; so do "Front Plank" and
"front_plank". Lookup order: an exact id, then any id in ``name_key`` form, then the
aliases of a routine's own entries, then the aliases of the built-in ones, then the
built-in ones' names and aliases in the other languages (``id = "Brücke"``).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from functools import cache

from matwork.core.catalog import builtin_catalog, translated_names
from matwork.core.errors import hint_text
from matwork.core.model import CatalogEntry
from matwork.core.names import name_key


@cache
def _other_languages() -> dict[str, str]:
    """The built-in entries' names in other languages, in ``name_key`` form, to their ids."""
    return {
        name_key(name): exercise_id
        for exercise_id, names in translated_names().items()
        for name in names
    }


def _index(catalog: Mapping[str, CatalogEntry], own: frozenset[str]) -> dict[str, str]:
    index = {
        key: exercise_id
        for key, exercise_id in _other_languages().items()
        if exercise_id in catalog and exercise_id not in own
    }
    builtin_first = [key for key in catalog if key not in own] + [k for k in catalog if k in own]
    for exercise_id in builtin_first:
        for alias in catalog[exercise_id].aliases:
            index[name_key(alias)] = exercise_id
    for exercise_id in catalog:
        index[name_key(exercise_id)] = exercise_id
    return index


@cache
def _builtin_index() -> dict[str, str]:
    return _index(builtin_catalog(), frozenset())


def name_index(catalog: Mapping[str, CatalogEntry]) -> Mapping[str, str]:
    """Every name of every entry, in ``name_key`` form, to the id it stands for."""
    builtin = builtin_catalog()
    if catalog is builtin:
        return _builtin_index()
    own = frozenset(key for key, entry in catalog.items() if builtin.get(key) is not entry)
    return _index(catalog, own)


def canonical_id(name: str, catalog: Mapping[str, CatalogEntry]) -> str | None:
    """The id ``name`` stands for in ``catalog`` (itself, or by an alias), or None."""
    if name in catalog:
        return name
    return name_index(catalog).get(name_key(name))


def id_hint(name: str, catalog: Mapping[str, CatalogEntry]) -> str:
    """A "did you mean" naming the ids whose names are closest to ``name``, or ""."""
    index = name_index(catalog)
    close = difflib.get_close_matches(name_key(name), list(index), n=6, cutoff=0.6)
    ids = list(dict.fromkeys(index[key] for key in close))[:3]
    if not ids:
        return ""
    return hint_text(ids)


def all_names(catalog: Mapping[str, CatalogEntry]) -> list[str]:
    """Every id and alias as written in the catalog: ids first, then aliases, each once."""
    names = list(catalog)
    for entry in catalog.values():
        names.extend(alias for alias in entry.aliases if alias not in names)
    return names
