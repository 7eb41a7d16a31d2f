"""Light checks on the quick-start scripts (run.sh, .ci/run); they never run the set-up."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = [ROOT / "run.sh", ROOT / ".ci" / "run"]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_script_is_executable_bash(script: Path) -> None:
    assert script.is_file()
    assert os.access(script, os.X_OK)
    assert script.read_text().startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in script.read_text()


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_script_parses(script: Path) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash not installed")
    subprocess.run([bash, "-n", str(script)], check=True)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_script_passes_shellcheck(script: Path) -> None:
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.skip("shellcheck not installed")
    subprocess.run([shellcheck, str(script)], check=True)


def test_ci_runs_the_readme_test_command() -> None:
    text = (ROOT / ".ci" / "run").read_text()
    assert 'exec ./run.sh test "$@"' in text


def test_run_sh_runs_every_check_and_the_app() -> None:
    text = (ROOT / "run.sh").read_text()
    for command in ("ruff check", "mypy", "lint-imports", 'pytest "$@"', 'exec matwork "$@"'):
        assert command in text
    assert 'pip_install ".[audio,test]"' in text
    assert 'pip_install ".[test]"' in text
    assert ".matwork-stamp" in text
