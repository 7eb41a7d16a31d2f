"""Why a session is not logged, or not yet: the kinds and the line shown for each."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from matwork.i18n import _


class LogProblemKind(enum.StrEnum):
    """Why a session is not (or no longer, or not yet) logged."""

    CANNOT_OPEN = "cannot-open"
    """The log could not be opened (damaged, foreign, newer, no folder)."""
    WRITE_FAILED = "write-failed"
    """A write failed mid-session (disk full, read-only, ...): logging stopped."""
    BUSY = "busy"
    """Another process holds the log: writes wait in a queue and are retried."""
    CAUGHT_UP = "caught-up"
    """The queued writes are saved: the log holds everything again."""
    OFF = "off"
    """Not logged by choice: --no-log, or a --speed preview without --log."""


@dataclass(frozen=True)
class LogProblem:
    """A problem with the session log (or its end): its kind and the message to show."""

    kind: LogProblemKind
    message: str

    def text(self) -> str:
        """The line shown to the user."""
        if self.kind is LogProblemKind.BUSY:
            return _("session log busy: {message}").format(message=self.message)
        if self.kind is LogProblemKind.CAUGHT_UP:
            return _("session log: {message}").format(message=self.message)
        return _("not logged: {message}").format(message=self.message)

    @property
    def lasting(self) -> bool:
        """Whether logging has stopped for good (not a busy spell or its end)."""
        return self.kind not in (LogProblemKind.BUSY, LogProblemKind.CAUGHT_UP)
