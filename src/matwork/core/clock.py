"""Clocks for the player: the monotonic clock of the machine, and a fake one for tests."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """A source of instants in seconds that never goes backwards."""

    def now(self) -> float:
        """The current instant, in seconds from an arbitrary origin."""


class MonotonicClock:
    """The machine's monotonic clock (``time.monotonic``)."""

    def now(self) -> float:
        """The current monotonic instant."""
        return time.monotonic()


class FakeClock:
    """A clock that only moves when told to, for tests and previews."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = start

    def now(self) -> float:
        """The instant the clock was last moved to."""
        return self._now

    def advance(self, seconds: float) -> None:
        """Move the clock ``seconds`` forward."""
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self._now += seconds

    def set(self, instant: float) -> None:
        """Move the clock to ``instant``."""
        self._now = instant

    def sleep(self, seconds: float) -> None:
        """Stand in for ``time.sleep``: advance by ``seconds`` (nothing if negative)."""
        self._now += max(0.0, seconds)
