"""Shared fixtures: every test runs with config, data and cache under tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest


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
