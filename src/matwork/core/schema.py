"""The JSON Schema of the routine format, generated from the model.

Names an editor should offer (exercise ids and aliases, in English and then in the
other languages, e.g. "Brücke"; breathing pattern names) are
added as an ``anyOf`` of an ``enum`` and a plain string: Taplo and VS Code complete
the enum's values, and a routine's own ``[catalog.x]`` ids and ``[breathing.x]``
names still validate; ``matwork check`` is what flags an unknown one.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec

from matwork.core.aliases import all_names
from matwork.core.catalog import builtin_catalog, translated_names
from matwork.core.model import BUILTIN_BREATHING, Routine

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _without_null(node: Any) -> Any:
    """Drop ``null`` alternatives and ``null`` defaults: TOML cannot write a null."""
    if isinstance(node, list):
        return [_without_null(item) for item in node]
    if not isinstance(node, dict):
        return node
    cleaned = {key: _without_null(value) for key, value in node.items()}
    if cleaned.get("default", 0) is None:
        del cleaned["default"]
    options = cleaned.get("anyOf")
    if isinstance(options, list):
        kept = [option for option in options if option != {"type": "null"}]
        if len(kept) == 1:
            del cleaned["anyOf"]
            cleaned = {**kept[0], **cleaned}
        else:
            cleaned["anyOf"] = kept
    return cleaned


def _offering(names: list[str], free: dict[str, Any], what: str) -> list[dict[str, Any]]:
    """An enum of ``names`` to complete, then ``free`` for names of the routine's own."""
    return [{"enum": names, "description": what}, free]


def _with_names(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with the exercise ids, aliases and breath names offered for completion."""
    definitions = schema["$defs"]
    use_id = definitions["ExerciseUse"]["properties"]["id"]
    own_id = {"type": "string", "description": "An id from the routine's own [catalog.<id>]."}
    other_languages = [name for names in translated_names().values() for name in names]
    names = list(dict.fromkeys([*all_names(builtin_catalog()), *other_languages]))
    use_id["anyOf"] = _offering(names, own_id, "A built-in id or alias (any language).")
    breaths = [*BUILTIN_BREATHING, "tempo", "none"]
    for struct in ("Defaults", "CatalogEntry", "ExerciseUse"):
        options = definitions[struct]["properties"]["breath"]["anyOf"]
        text = next(option for option in options if option.get("type") == "string")
        index = options.index(text)
        options[index : index + 1] = _offering(breaths, text, "A built-in pattern, tempo or none.")
    return schema


def model_schema(model: type, title: str, description: str) -> dict[str, Any]:
    """The JSON Schema of a msgspec model, without the nulls TOML cannot write."""
    schema: dict[str, Any] = _without_null(msgspec.json.schema(model))
    return {"$schema": SCHEMA_DIALECT, "title": title, "description": description, **schema}


def schema_text(schema: dict[str, Any]) -> str:
    """A schema as stable, indented JSON text ending in a newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def routine_schema() -> dict[str, Any]:
    """The JSON Schema of a routine file, version 1."""
    schema: dict[str, Any] = _with_names(_without_null(msgspec.json.schema(Routine)))
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "matwork routine, format 1",
        "description": "A workout routine for the matwork terminal player.",
        **schema,
    }


def routine_schema_text() -> str:
    """The schema as stable, indented JSON text ending in a newline."""
    return json.dumps(routine_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
