"""What a screen reads off the player: where the session is, what is left, what comes next.

``PlayerReadings`` is the read-only half of ``Player``: every value here is derived
from the visits and the clock on each call (``_sync``), never stored. ``Player``
provides the state these readings use.
"""

from __future__ import annotations

import math

from matwork.core.breath import Phase
from matwork.core.cue_schedule import Visit, segment_breath, segment_rep
from matwork.core.kinds import SegmentKind
from matwork.core.timeline import Segment, Timeline


class PlayerReadings:
    """The player's readings; ``Player`` supplies the state and the clock."""

    timeline: Timeline
    finished: bool
    stopped: bool
    _segments: tuple[Segment, ...]
    _starts: list[float]
    _adjust: list[float]

    def _sync(self) -> float:
        """Bring the visits up to the clock; returns the session position."""
        raise NotImplementedError

    @property
    def _current(self) -> Visit:
        raise NotImplementedError

    @property
    def _active(self) -> bool:
        raise NotImplementedError

    @property
    def running(self) -> bool:
        """True while session time runs: started, not paused, not ended."""
        raise NotImplementedError

    @property
    def paused(self) -> bool:
        """True when started, not ended, and session time is frozen."""
        return self._active and not self.running

    @property
    def index(self) -> int:
        """Index of the current (or, once ended, the last) segment."""
        self._sync()
        return self._current.index

    def current(self) -> Segment | None:
        """The segment under way; None once the session has ended."""
        self._sync()
        return None if self.finished or self.stopped else self._segments[self._current.index]

    def adjustment(self, index: int) -> float:
        """Seconds that extend and shorten have added to segment ``index`` (may be < 0)."""
        return self._adjust[index]

    def session_elapsed(self) -> float:
        """Seconds of session time run so far (pauses excluded)."""
        return self._sync()

    def segment_elapsed(self) -> float:
        """Seconds run in the current segment."""
        return self._sync() - self._current.start

    def resume_point(self) -> tuple[int, float, float]:
        """(segment index, seconds into it, session seconds), all read at one instant."""
        position = self._sync()
        visit = self._current
        return visit.index, position - visit.start, position

    def segment_duration(self) -> float:
        """Seconds the current segment lasts (an open set: its estimate; a hold: its ceiling)."""
        self._sync()
        visit = self._current
        if visit.end is None:
            return self._segments[visit.index].duration
        return visit.end - visit.start

    def segment_remaining(self) -> float:
        """Seconds left in the current segment (an open set: left of its estimate, or 0)."""
        return max(0.0, self.segment_duration() - self.segment_elapsed())

    def segment_progress(self) -> float:
        """How far through the current segment, from 0 to 1."""
        duration = self.segment_duration()
        return 1.0 if duration <= 0 else min(1.0, self.segment_elapsed() / duration)

    def session_total(self) -> float:
        """Planned length of the session as it now stands (open sets at their estimate)."""
        position = self._sync()
        visit = self._current
        if self.finished or self.stopped:
            return position
        end = visit.end
        if end is None or self._segments[visit.index].open:  # a hold's end is its ceiling
            end = visit.start + max(self._segments[visit.index].duration, position - visit.start)
        following = visit.index + 1
        if following == len(self._segments):
            return end
        later = math.fsum(self._adjust[following:])
        return self.timeline.total_seconds + (end - self._starts[following]) + later

    def session_remaining(self) -> float:
        """Planned seconds left in the session."""
        return max(0.0, self.session_total() - self.session_elapsed())

    def session_progress(self) -> float:
        """How far through the session, from 0 to 1."""
        total = self.session_total()
        return 1.0 if total <= 0 else min(1.0, self.session_elapsed() / total)

    def next_segment(self) -> Segment | None:
        """The segment after the current one, if any."""
        following = self.index + 1
        return self._segments[following] if following < len(self._segments) else None

    def next_work(self) -> Segment | None:
        """The next work segment after the current one (for "Next: ..."), if any."""
        for segment in self._segments[self.index + 1 :]:
            if segment.kind is SegmentKind.WORK:
                return segment
        return None

    def rep_now(self) -> Phase | None:
        """The rep phase under way in a work set with a tempo (``cycle`` + 1 is the rep)."""
        segment = self.current()
        return None if segment is None else segment_rep(segment, self.segment_elapsed())

    def breath_now(self) -> Phase | None:
        """The breathing phase under way in a work set with a pattern or a tempo breath."""
        segment = self.current()
        return None if segment is None else segment_breath(segment, self.segment_elapsed())
