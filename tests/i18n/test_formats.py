"""Dates, numbers and week starts by the language in use (Babel)."""

from __future__ import annotations

from datetime import date, datetime

from matwork.app import formats
from matwork.i18n import use_language


def test_english_keeps_matwork_s_own_formats() -> None:
    assert formats.date_text(date(2026, 12, 1)) == "2026-12-01"
    assert formats.number_text(2.25, 1) == "2.2"
    assert formats.number_text(1234.0, 0) == "1234"
    assert formats.moment_text(datetime(2026, 12, 1, 7, 30)) == "Tue 2026-12-01 07:30"
    assert formats.first_weekday() == 0


def test_german_dates_numbers_and_week_start() -> None:
    use_language("de")
    assert formats.date_text(date(2026, 12, 1)) == "01.12.2026"
    assert formats.number_text(2.5, 1) == "2,5"
    assert formats.number_text(0.25, 2) == "0,25"
    assert formats.day_text(date(2026, 12, 1)) == "Di., 01. Dez."
    assert formats.moment_text(datetime(2026, 12, 1, 7, 30)) == "Di., 01.12.2026 07:30"
    assert formats.first_weekday() == 0, "weeks start on Monday"
    timestamp = datetime(2026, 12, 1, 7, 30).timestamp()
    assert formats.log_time_text(timestamp) == "01.12.2026 07:30"
    assert formats.log_time_text(None) == "-"
