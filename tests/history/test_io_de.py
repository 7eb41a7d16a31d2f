"""Export and import messages in German: the file, line and column stay, the words change
(issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from matwork.i18n import use_language
from matwork.store.io import ExportTargetError, ImportFormatError, check_export_target, read_export


def test_a_bad_csv_value_is_german_at_its_line_and_column(tmp_path: Path) -> None:
    use_language("de")
    file = tmp_path / "bad.csv"
    file.write_text(
        "Session ID,Started (UTC),Workout Active (s)\n"
        "6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f,2026-01-07T07:30:00Z,zwanzig\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFormatError) as caught:
        read_export(file)
    assert str(caught.value).endswith(
        "bad.csv:2: Spalte Workout Active (s): 'zwanzig' ist keine Zahl"
    )
    assert caught.value.line == 2


def test_a_missing_column_and_an_existing_target_are_german(tmp_path: Path) -> None:
    use_language("de")
    file = tmp_path / "other.csv"
    file.write_text("Name\nx\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match="kein CSV-Export von matwork"):
        read_export(file)
    with pytest.raises(ExportTargetError, match="gibt es schon; mit --force"):
        check_export_target(file, tmp_path / "history.sqlite3", force=False)
