"""The JSON Schema of config.toml, generated from the Config struct.

Regenerate the committed copy with
``python -m matwork.app.config_schema > schema/config.schema.json``.
"""

from __future__ import annotations

from typing import Any

from matwork.app.config import Config
from matwork.core.schema import model_schema, schema_text


def config_schema() -> dict[str, Any]:
    """The JSON Schema of matwork's config.toml."""
    return model_schema(Config, "matwork config", "The config.toml of the matwork player.")


def config_schema_text() -> str:
    """The config schema as stable JSON text."""
    return schema_text(config_schema())


if __name__ == "__main__":
    print(config_schema_text(), end="")
