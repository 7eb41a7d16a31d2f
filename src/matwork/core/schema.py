"""The JSON Schema of the routine format, generated from the model."""

from __future__ import annotations

import json
from typing import Any

import msgspec

from matwork.core.model import Routine

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


def routine_schema() -> dict[str, Any]:
    """The JSON Schema of a routine file, version 1."""
    schema: dict[str, Any] = _without_null(msgspec.json.schema(Routine))
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "matwork routine, format 1",
        "description": "A workout routine for the matwork terminal player.",
        **schema,
    }


def routine_schema_text() -> str:
    """The schema as stable, indented JSON text ending in a newline."""
    return json.dumps(routine_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
