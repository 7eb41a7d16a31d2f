"""matwork.core stays pure: importing it loads no UI library."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import matwork.core


def test_core_imports_without_textual_rich_or_click() -> None:
    code = (
        "import sys, matwork.core, matwork.core.routine, matwork.app.library, matwork.core.timeline\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich', 'click'})\n"
        "print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_importing_matwork_creates_no_folder(tmp_path) -> None:
    env_dirs = {name: tmp_path / name for name in ("config", "data", "cache")}
    code = "import matwork, matwork.cli, matwork.core, matwork.app.paths, matwork.app.config"
    env = {f"MATWORK_{name.upper()}_DIR": str(path) for name, path in env_dirs.items()}
    import os

    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, **env})
    assert not any(path.exists() for path in env_dirs.values())


OS_CALLS = frozenset(
    {
        "open", "fdopen", "read", "pread", "write", "stat", "fstat", "lstat", "replace",
        "rename", "link", "unlink", "remove", "fsync", "mkdir", "makedirs", "realpath",
        "islink", "exists", "getenv", "mkstemp", "scandir", "listdir",
    }
)  # fmt: skip
"""Calls on os, os.path, shutil or tempfile that touch the file system or the environment."""

PATH_CALLS = frozenset(
    {
        "read_text", "read_bytes", "write_text", "write_bytes", "iterdir", "glob", "rglob",
        "is_file", "is_dir", "exists", "mkdir", "touch", "unlink", "resolve", "stat",
    }
)  # fmt: skip
"""Path methods that touch the file system (on any receiver)."""

CORE_FILE_EDGE = {
    "userfiles.py": "reads a user's file: regular files only, size-limited, sound files checked",
    "writer.py": "save_text / save_routine: the atomic, no-clobber save of a routine",
    "routine.py": "read_source / load_routine and the [sounds] check, through userfiles",
    "assessment_file.py": "load_results: a results file given on the command line",
}
"""The core's only file-system edge, each module with what it does there (see
docs/architecture.md, "Layers"). Package data is read through importlib.resources."""


def _receiver(node: ast.expr) -> str:
    """The dotted name a call is made on ("os.path"), or "" when it is not a name."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _receiver(node.value)
        return f"{inner}.{node.attr}" if inner else ""
    return ""


def _package_data(node: ast.expr) -> bool:
    """``resources.files("matwork") / "data" / name``: the package's own data."""
    while isinstance(node, ast.BinOp):
        node = node.left
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "files"
    )


def _file_system_uses(path: Path) -> list[str]:
    """``name@line`` for every file-system or environment use in one module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "open":
                found.append(f"open@{node.lineno}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name, receiver = node.func.attr, node.func.value
            on_os = _receiver(receiver) in {"os", "os.path", "shutil", "tempfile"}
            if (on_os and name in OS_CALLS) or (
                name in PATH_CALLS and not on_os and not _package_data(receiver)
            ):
                found.append(f"{name}@{node.lineno}")
        elif isinstance(node, ast.Attribute) and node.attr == "environ":
            found.append(f"environ@{node.lineno}")
    return found


def test_only_the_named_core_modules_touch_the_file_system() -> None:
    core = Path(matwork.core.__file__).parent
    offenders = {}
    for module in sorted(core.glob("*.py")):
        uses = _file_system_uses(module)
        if uses and module.name not in CORE_FILE_EDGE:
            offenders[module.name] = uses
    assert offenders == {}


def test_the_scan_finds_a_file_read() -> None:
    """The check can fail: a module that opens a file is named."""
    assert _file_system_uses(Path(__file__)) != []
    assert all(
        name in {module.name for module in Path(matwork.core.__file__).parent.glob("*.py")}
        for name in CORE_FILE_EDGE
    )
