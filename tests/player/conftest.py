"""Fixtures of the plain player's tests: its routine loaded, and what it prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from matwork.app.library import LibraryEntry, load_entry
from matwork.cli import play_plain as plain

from helpers.plain import PLAIN_ROUTINE


@pytest.fixture
def entry(tmp_path: Path) -> LibraryEntry:
    path = tmp_path / "plain-check.toml"
    path.write_text(PLAIN_ROUTINE, encoding="utf-8")
    loaded = load_entry(path)
    assert loaded.timeline is not None, loaded.error
    return loaded


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """What play_plain prints, on stdout and on stderr."""
    lines: dict[str, list[str]] = {"out": [], "err": []}
    monkeypatch.setattr(plain, "say", lines["out"].append)
    monkeypatch.setattr(plain, "tell", lines["err"].append)
    return lines
