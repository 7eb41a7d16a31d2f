"""Whether the app's first start of the day asks the morning check-in.

The full-screen app asks once a day, on its first start after a session played
against the programme, while no check-in has followed that session. Answered or
skipped, it is not asked again that day (``matwork checkin`` and the Today view's
``k`` still take one). The day it was last asked is kept in a small file in the
cache folder: losing it only means being asked once more.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from matwork.app.paths import Paths
from matwork.app.programme_today import TodayPlan, add_checkin
from matwork.core.progression import CheckIn, Compared
from matwork.store.writer import HistoryStore

ASKED_FILE = "checkin-asked"
"""File in the cache folder holding the ISO date the check-in was last asked."""


def asked_file(paths: Paths) -> Path:
    """Where the day of the last question is kept."""
    return paths.cache_dir / ASKED_FILE


def last_asked(paths: Paths) -> date | None:
    """The day the check-in was last asked at a start, or None (never, or unreadable)."""
    try:
        return date.fromisoformat(asked_file(paths).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def should_ask(plan: TodayPlan | None, paths: Paths, day: date) -> bool:
    """Ask at this start: a check-in is due and it was not asked yet today."""
    return plan is not None and plan.checkin_due and last_asked(paths) != day


def mark_asked(paths: Paths, day: date) -> str | None:
    """Remember that the check-in was asked today; the reason when it cannot be kept."""
    target = asked_file(paths)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(day.isoformat() + "\n", encoding="ascii")
    except OSError as error:
        return f"cannot write {target}: {error.strerror or error}"
    return None


def save_checkin(paths: Paths, pain: int, compared: Compared, day: date, now: float) -> CheckIn:
    """Store a check-in given in the app (raises ``HistoryError`` when the log cannot take it)."""
    with HistoryStore(paths.log_file) as store:
        return add_checkin(store, pain, compared, day, now)
