"""When the player screen wakes: at the next cue, at the next digit change, and for the
breath meter's frames, and never while the session is paused."""

from __future__ import annotations

import math
from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget

from matwork.core.clock import Clock
from matwork.core.player import Player

ANIMATION_SECONDS = 0.125
"""The breath meter's frame interval while its bar moves (8 fps)."""
MIN_DELAY = 0.001
"""The shortest timer set (a Textual timer of 0 s divides by zero when it runs late)."""


def next_display_change(player: Player) -> float | None:
    """The clock instant the digits next change; None when the session does not run.

    A countdown shows the seconds left rounded up, so it changes when the time left
    reaches a whole number; an open set counts up, changing at each whole second.
    """
    segment = player.current() if player.running else None
    if segment is None:
        return None
    elapsed = player.segment_elapsed()
    if segment.open:
        target = math.floor(elapsed + 1e-9) + 1.0
    else:
        duration = player.segment_duration()
        shown = math.ceil(duration - elapsed - 1e-9)
        target = duration - shown + 1.0
    return player.clock_at(player.session_elapsed() + max(0.0, target - elapsed))


class WakeTimers:
    """One-shot timers for the next cue and the next digit change, and the frame interval.

    Each one-shot is set afresh by ``arm`` (after every wake and every key); the frame
    interval is paused unless ``arm`` is told the breath meter is on screen and running.
    After each frame, ``frame_done`` is told when the meter next changes: when that is
    more than a frame away (a hold shows the same line for a second), the interval
    pauses and one frame is set for that instant instead.
    """

    def __init__(
        self,
        owner: Widget,
        clock: Clock,
        *,
        on_cue: Callable[[], None],
        on_tick: Callable[[], None],
        on_frame: Callable[[], None],
    ) -> None:
        self._owner = owner
        self._clock = clock
        self._on_cue = on_cue
        self._on_tick = on_tick
        self._on_frame = on_frame
        self._frames = owner.set_interval(ANIMATION_SECONDS, on_frame, pause=True)
        self._cue: Timer | None = None
        self._tick: Timer | None = None
        self._next_frame: Timer | None = None
        """The one frame set for the meter's next change while the interval is paused."""
        self.wake_at: float | None = None
        """Clock instant the cue timer is set for; None when no cue is due (paused, ended)."""
        self.tick_at: float | None = None
        """Clock instant of the next digit refresh; None when the session does not run."""
        self.animating = False
        """Whether the frame interval runs."""

    def _set(self, at: float | None, callback: Callable[[], None]) -> Timer | None:
        if at is None:
            return None
        delay = max(MIN_DELAY, at - self._clock.now())
        return self._owner.set_timer(delay, callback)

    def arm(self, player: Player, animate: bool) -> None:
        """Sleep until the player's next cue and the next digit change."""
        if self._cue is not None:
            self._cue.stop()
        self.wake_at = player.next_cue_at() if player.running else None
        self._cue = self._set(self.wake_at, self._on_cue)
        self.arm_tick(player, animate)

    def arm_tick(self, player: Player, animate: bool) -> None:
        """Sleep until the next digit change only (the cue timer stays as it is)."""
        if self._tick is not None:
            self._tick.stop()
        self.tick_at = next_display_change(player)
        self._tick = self._set(self.tick_at, self._on_tick)
        self.animate(animate and player.running)

    def animate(self, on: bool) -> None:
        """Run or pause the frame interval (and drop a frame set by ``frame_done``)."""
        self.animating = on
        self._drop_next_frame()
        if on:
            self._frames.resume()
        else:
            self._frames.pause()

    def frame_done(self, change_at: float | None) -> None:
        """A frame was drawn; the meter next changes at clock instant ``change_at``.

        Within a frame and a half, the interval goes on; later, it pauses and one
        frame is set for ``change_at`` (None: for the next frame of the interval).
        """
        if not self.animating:
            return
        self._drop_next_frame()
        if change_at is None or change_at - self._clock.now() <= 1.5 * ANIMATION_SECONDS:
            self._frames.resume()
            return
        self._frames.pause()
        self._next_frame = self._set(change_at, self._on_frame)

    def _drop_next_frame(self) -> None:
        if self._next_frame is not None:
            self._next_frame.stop()
            self._next_frame = None

    def stop(self) -> None:
        """Stop everything (the session ended)."""
        for timer in (self._cue, self._tick):
            if timer is not None:
                timer.stop()
        self._cue = self._tick = None
        self.wake_at = self.tick_at = None
        self.animate(False)
