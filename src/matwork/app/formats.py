"""Dates, numbers and week starts for the language in use, by Babel's CLDR data.

The core formats nothing locale-bound; the shells (``matwork log``, ``show``, ``stats``,
the resume offer) call these with the values, and the language ``use_language`` chose
gives the locale: "en" is shown as en_GB (24-hour clock, day before month, weeks from
Monday, as matwork always did), "de" as de_DE.
"""

from __future__ import annotations

from datetime import date, datetime

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from matwork.i18n import current_language

_LOCALES = {"en": "en_GB", "de": "de_DE"}


def locale() -> Locale:
    """The Babel locale of the language in use."""
    language = current_language()
    return Locale.parse(_LOCALES.get(language, language))


def day_text(day: date) -> str:
    """A day with its weekday, short: "Tue 01 Dec" (en), "Di., 01. Dez." (de)."""
    pattern = "EEE dd MMM" if current_language() == "en" else "EEE, dd. MMM"
    return format_date(day, pattern, locale=locale())


def date_text(day: date) -> str:
    """A day as a date: "2026-12-01" (en, as matwork always wrote it), "01.12.2026" (de)."""
    if current_language() == "en":
        return day.isoformat()
    return format_date(day, "dd.MM.yyyy", locale=locale())


def moment_text(moment: datetime) -> str:
    """A date and time with the weekday: "Tue 2026-12-01 07:30", "Di., 01.12.2026 07:30"."""
    if current_language() == "en":
        return moment.strftime("%a %Y-%m-%d %H:%M")
    return format_datetime(moment, "EEE, dd.MM.yyyy HH:mm", locale=locale())


def weekday_time_text(moment: datetime) -> str:
    """A time with its weekday: "Wed 09:45" (en), "Mi., 09:45" (de)."""
    if current_language() == "en":
        return moment.strftime("%a %H:%M")
    return format_datetime(moment, "EEE, HH:mm", locale=locale())


def number_text(value: float, digits: int = 1) -> str:
    """A number with ``digits`` decimals and the locale's decimal mark: "2.5", de "2,5".

    English keeps Python's formatting (no grouping), as matwork always printed it.
    """
    if current_language() == "en":
        return f"{value:.{digits}f}"
    pattern = "0." + "0" * digits if digits else "0"
    return format_decimal(value, pattern, locale=locale())


def first_weekday() -> int:
    """The day a week starts on, 0 = Monday (Monday in both en_GB and de_DE)."""
    return int(locale().first_week_day)


def log_time_text(timestamp: float | None) -> str:
    """A log time in the local zone: "2026-12-01 07:30" (en), "01.12.2026 07:30" (de)."""
    from matwork.core.log_text import local_time_text

    english = local_time_text(timestamp)
    if current_language() == "en" or timestamp is None or len(english) < 16:
        return english  # "-" or "?" (no calendar shows it) as the core says
    moment = datetime.fromtimestamp(timestamp)
    return format_datetime(moment, "dd.MM.yyyy HH:mm", locale=locale())


def long_day_text(day: date) -> str:
    """A day with its full weekday: "Tuesday 2026-12-01" (en), "Dienstag, 01.12.2026" (de)."""
    if current_language() == "en":
        return day.strftime("%A %Y-%m-%d")
    return format_date(day, "EEEE, dd.MM.yyyy", locale=locale())


def weekday_text(day: date) -> str:
    """A day's weekday: "Tuesday" (en), "Dienstag" (de)."""
    if current_language() == "en":
        return day.strftime("%A")
    return format_date(day, "EEEE", locale=locale())
