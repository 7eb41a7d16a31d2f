"""Clocks for the player: the machine's monotonic clock, a fake one for tests, and the
session time derived from either."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
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


class SessionTime:
    """Session time derived from a clock: anchor + (now - anchor instant) x speed.

    Never accumulated from ticks, so it cannot drift; it never goes backwards, and it
    stands still while paused.
    """

    def __init__(self, clock: Clock, speed: float = 1.0, wall: Callable[[], float] = time.time):
        if not speed > 0:
            raise ValueError("speed must be more than 0")
        self.clock = clock
        self.speed = speed
        self.running = False
        """True while session time runs."""
        self._wall = wall
        self._anchor = 0.0
        self._anchor_instant = 0.0
        self._wall_offset = 0.0
        self._seen = 0.0

    def position(self) -> float:
        """Session seconds now."""
        if self.running:
            now = self.clock.now()
            self._seen = max(self._seen, self._anchor + (now - self._anchor_instant) * self.speed)
        return self._seen

    def run(self) -> None:
        """Let session time run from where it stands."""
        if not self.running:
            now = self.clock.now()
            self._anchor, self._anchor_instant = self._seen, now
            self._wall_offset = self._wall() - now
            self.running = True

    def hold(self, position: float | None = None) -> None:
        """Freeze session time, at ``position`` if given (it must not be in the future)."""
        now_position = self.position()
        self._seen = now_position if position is None else position
        self._anchor, self._anchor_instant = self._seen, self.clock.now()
        self.running = False

    def instant_of(self, position: float) -> float | None:
        """The clock instant at which session time reaches ``position``; None when frozen.

        Rounded up, so that at that instant ``position()`` is at least ``position``.
        """
        if not self.running:
            return None
        instant = self._anchor_instant + (position - self._anchor) / self.speed
        while self._anchor + (instant - self._anchor_instant) * self.speed < position:
            instant = math.nextafter(instant, math.inf)
        return instant

    def wall_of(self, position: float) -> float:
        """The wall-clock time (seconds since the epoch) of a position since the last run."""
        return self._wall_offset + self._anchor_instant + (position - self._anchor) / self.speed
