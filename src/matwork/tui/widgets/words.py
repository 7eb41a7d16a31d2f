"""Words the screens share, translated when shown: statuses, origins, levels, "all"."""

from __future__ import annotations

from datetime import datetime, tzinfo

from babel.dates import format_datetime

from matwork.app.formats import locale
from matwork.core.kinds import SessionStatus
from matwork.core.log_text import UNKNOWN
from matwork.core.log_text import started_text as log_started_text
from matwork.core.vocab import CATEGORIES
from matwork.core.vocab_words import category_word
from matwork.i18n import DEFAULT_LANGUAGE, LazyString, current_language, lazy_tui_

STATUS_LABELS: dict[SessionStatus, LazyString] = {
    SessionStatus.COMPLETED: lazy_tui_("completed"),
    SessionStatus.STOPPED: lazy_tui_("stopped early"),
    SessionStatus.INTERRUPTED: lazy_tui_("interrupted"),
    SessionStatus.RUNNING: lazy_tui_("still running"),
}
"""How a screen names a session's status (as ``core.log_text.STATUS_WORDS``, translated)."""


def status_label(status: SessionStatus) -> str:
    """A session's status in words, in the language shown: "completed", "stopped early"."""
    return str(STATUS_LABELS[status])


ORIGIN_LABELS: dict[str, LazyString] = {
    "shipped": lazy_tui_("shipped"),
    "user": lazy_tui_("user"),
    "config": lazy_tui_("config"),
    "path": lazy_tui_("path"),
}
"""Where a routine came from, in words (an origin not listed shows as it is)."""


def origin_label(origin: str) -> str:
    """A library entry's origin in the language shown: "shipped", "user", "config"."""
    label = ORIGIN_LABELS.get(origin)
    return origin if label is None else str(label)


LEVEL_LABELS: dict[str, LazyString] = {
    "beginner": lazy_tui_("beginner"),
    "intermediate": lazy_tui_("intermediate"),
    "advanced": lazy_tui_("advanced"),
}
"""A routine's level in words (as ``core.vocab.LEVELS``)."""


def level_label(level: str) -> str:
    """A routine's level in the language shown: "beginner", "intermediate", "advanced"."""
    label = LEVEL_LABELS.get(level)
    return level if label is None else str(label)


NO_FILTER_LABELS: dict[str, LazyString] = {
    "all": lazy_tui_("all"),
    "any": lazy_tui_("any"),
}
"""The words of a filter chip's first choice, which filters nothing."""


def no_filter_label(choice: str) -> str:
    """A chip's "no filter" choice in the language shown ("all", "any")."""
    label = NO_FILTER_LABELS.get(choice)
    return choice if label is None else str(label)


SIDE_LABELS: dict[str, LazyString] = {
    "left": lazy_tui_("left"),
    "right": lazy_tui_("right"),
    "alternate": lazy_tui_("alternating"),
}
"""A set's side in one word, as the summary and history name it: "(left)"."""


def side_label(side: str) -> str:
    """A side in one word in the language shown: "left", "right", "alternating"."""
    label = SIDE_LABELS.get(side)
    return side if label is None else str(label)


def started_text(moment: datetime) -> str:
    """When a session started, with the weekday: "Thu 05 Mar 2026, 17:00" (en), by Babel else."""
    if current_language() == DEFAULT_LANGUAGE:
        return f"{moment:%a %d %b %Y, %H:%M}"
    return format_datetime(moment, "EEE, dd. MMM yyyy, HH:mm", locale=locale())


def table_started_text(timestamp: float, tz: tzinfo | None) -> str:
    """A session start in the History table: "Thu 2026-03-05 17:00", "Do. 05.03.2026 17:00"."""
    english = log_started_text(timestamp, tz)
    if current_language() == DEFAULT_LANGUAGE or english == UNKNOWN:
        return english  # "?" for a time no calendar shows, as the core says
    moment = datetime.fromtimestamp(timestamp, tz)
    return format_datetime(moment, "EEE dd.MM.yyyy HH:mm", locale=locale())


def category_label(category: str) -> str:
    """An exercise category in the language shown: "strength", "mobility"..."""
    return category_word(category)


def category_choice_label(choice: str) -> str:
    """A category chip's choice in the language shown: "all", then the categories."""
    return category_label(choice) if choice in CATEGORIES else no_filter_label(choice)
