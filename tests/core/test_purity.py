"""matwork.core stays pure: importing it loads no UI library."""

from __future__ import annotations

import subprocess
import sys


def test_core_imports_without_textual_rich_or_click() -> None:
    code = (
        "import sys, matwork.core, matwork.core.routine, matwork.core.library, matwork.core.timeline\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich', 'click'})\n"
        "print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_importing_matwork_creates_no_folder(tmp_path) -> None:
    env_dirs = {name: tmp_path / name for name in ("config", "data", "cache")}
    code = "import matwork, matwork.cli, matwork.core, matwork.paths, matwork.config"
    env = {f"MATWORK_{name.upper()}_DIR": str(path) for name, path in env_dirs.items()}
    import os

    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, **env})
    assert not any(path.exists() for path in env_dirs.values())
