"""The JSON Schema of the programme format, generated from the model like the routine's."""

from __future__ import annotations

import json
from typing import Any

import msgspec

from matwork.core.programme_model import Programme
from matwork.core.schema import SCHEMA_DIALECT, _without_null


def programme_schema() -> dict[str, Any]:
    """The JSON Schema of a programme file, version 1."""
    schema: dict[str, Any] = _without_null(msgspec.json.schema(Programme))
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "matwork programme, format 1",
        "description": "A training programme over weeks for the matwork terminal player.",
        **schema,
    }


def programme_schema_text() -> str:
    """The schema as stable, indented JSON text ending in a newline."""
    return json.dumps(programme_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
