"""What the History table is narrowed to: routine name words, a status, days back."""

from __future__ import annotations

from dataclasses import dataclass

from matwork.core.kinds import SessionStatus
from matwork.i18n import LazyString, lazy_tui_
from matwork.store.records import SessionRecord
from matwork.tui.widgets.words import no_filter_label

STATUSES: tuple[SessionStatus, ...] = (
    SessionStatus.COMPLETED,
    SessionStatus.STOPPED,
    SessionStatus.INTERRUPTED,
    SessionStatus.RUNNING,
)
"""Session statuses the status filter offers, in its order."""

PERIODS: dict[str, int | None] = {
    "all time": None,
    "7 days": 7,
    "30 days": 30,
    "12 weeks": 84,
    "1 year": 365,
}
"""The since filter's choices: label and days back (None: no limit)."""

PERIOD_LABELS: dict[str, LazyString] = {
    "all time": lazy_tui_("all time"),
    "7 days": lazy_tui_("7 days"),
    "30 days": lazy_tui_("30 days"),
    "12 weeks": lazy_tui_("12 weeks"),
    "1 year": lazy_tui_("1 year"),
}
"""The since filter's choices in words, translated when shown."""


def period_label(period: str) -> str:
    """A since choice in the language shown: "all time", "7 days"..."""
    label = PERIOD_LABELS.get(period)
    return period if label is None else str(label)


STATUS_CHOICE_LABELS: dict[str, LazyString] = {
    SessionStatus.COMPLETED: lazy_tui_("completed"),
    SessionStatus.STOPPED: lazy_tui_("stopped"),
    SessionStatus.INTERRUPTED: lazy_tui_("interrupted"),
    SessionStatus.RUNNING: lazy_tui_("running"),
}
"""The status filter's choices in one word each, translated when shown."""


def status_choice_label(choice: str) -> str:
    """A status choice in the language shown: "any", "completed", "stopped"..."""
    label = STATUS_CHOICE_LABELS.get(choice)
    return no_filter_label(choice) if label is None else str(label)


@dataclass(frozen=True)
class SessionFilter:
    """What the table is narrowed to: routine name words, status, days back."""

    routine: str = ""
    status: SessionStatus | None = None
    since_days: int | None = None

    def matches(self, record: SessionRecord) -> bool:
        """True when a session passes the routine and status filters (since is SQL's)."""
        if self.status is not None and record.status is not self.status:
            return False
        words = self.routine.casefold().split()
        name = record.routine_name.casefold()
        return all(word in name for word in words)

    def since(self, now: float) -> float | None:
        """The earliest start time the filter keeps, or None."""
        return None if self.since_days is None else now - self.since_days * 86400

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return self != SessionFilter()
