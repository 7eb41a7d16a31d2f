"""Shared fixtures: every test runs with config, data and cache under tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

UI_FOLDERS = frozenset({"tui", "player_ui", "log_ui", "authoring"})
"""Test folders whose tests drive the Textual app: marked ``ui``."""
SLOW_FOLDERS = frozenset({"integration", "e2e"})
"""Test folders whose every test runs the real program: marked ``integration`` and ``slow``."""


FAST_LANE = "not slow and not ui"
"""The fast lane's marker expression (``./run.sh test -m "not slow and not ui"``)."""


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """In the fast lane, do not even import the folders it deselects (Textual, subprocesses)."""
    if config.getoption("markexpr", "") != FAST_LANE:
        return None
    root = Path(__file__).resolve().parent
    try:
        folder = collection_path.resolve().relative_to(root).parts[0]
    except (ValueError, IndexError):
        return None
    return True if folder in UI_FOLDERS | SLOW_FOLDERS else None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests by folder, so lanes can be chosen with ``-m`` (see the README)."""
    root = Path(__file__).resolve().parent
    for item in items:
        try:
            folder = item.path.resolve().relative_to(root).parts[0]
        except ValueError:
            continue
        if folder in UI_FOLDERS:
            item.add_marker(pytest.mark.ui)
        if folder in SLOW_FOLDERS:
            item.add_marker(pytest.mark.integration)
            item.add_marker(pytest.mark.slow)
        if folder == "e2e":
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point matwork's config, data and cache folders at tmp_path, never at the real home."""
    dirs = {
        "config": tmp_path / "config",
        "data": tmp_path / "data",
        "cache": tmp_path / "cache",
    }
    monkeypatch.setenv("MATWORK_CONFIG_DIR", str(dirs["config"]))
    monkeypatch.setenv("MATWORK_DATA_DIR", str(dirs["data"]))
    monkeypatch.setenv("MATWORK_CACHE_DIR", str(dirs["cache"]))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return dirs


@pytest.fixture(autouse=True)
def english_by_default(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests see English whatever the machine's locale, and a test that chose German
    (``--lang de``, ``use_language``) leaves English behind for the next one."""
    from matwork.i18n import use_language

    for key in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield
    use_language("en")
