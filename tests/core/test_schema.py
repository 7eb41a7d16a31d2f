"""The committed JSON Schema matches the model."""

from __future__ import annotations

import json
from pathlib import Path

from matwork.core.schema import routine_schema, routine_schema_text

COMMITTED = Path(__file__).resolve().parents[2] / "schema" / "routine.schema.json"


def test_committed_schema_is_fresh() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == routine_schema_text(), (
        "schema/routine.schema.json is stale: run `matwork schema > schema/routine.schema.json`"
    )


def test_schema_describes_the_format() -> None:
    schema = routine_schema()
    definitions = schema["$defs"]
    assert set(definitions["Routine"]["required"]) == {"name", "block"}
    exercise = definitions["ExerciseUse"]
    assert exercise["additionalProperties"] is False
    assert "description" in exercise["properties"]["work"]
    assert "pilates" in json.dumps(definitions["CatalogEntry"]["properties"]["category"])
