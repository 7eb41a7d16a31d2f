"""Hatch build hook: compile the gettext catalogs (.po -> .mo) into every build."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogs(BuildHookInterface):  # type: ignore[misc]
    """Compile src/matwork/locale/*/LC_MESSAGES/*.po so wheels and editable installs have .mo."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Run before the build: compile what is missing or older than its .po."""
        sys.path.insert(0, str(Path(self.root) / "tools"))
        from i18n import compile_all

        compile_all(quiet=True)
        locale = Path(self.root) / "src" / "matwork" / "locale"
        for mo in locale.glob("*/LC_MESSAGES/*.mo"):
            relative = mo.relative_to(Path(self.root) / "src")
            build_data.setdefault("force_include", {})[str(mo)] = str(relative)
