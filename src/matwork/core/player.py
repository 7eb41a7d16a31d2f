"""The player: a pure state machine over a timeline, driven by an injected clock.

Position is derived, never accumulated: while running, session position = position at
the last resume + (now - resume instant) x speed. Every segment the session has been
through is kept as a *visit* (segment, start, end in session time); segments still to
come are laid out after the current one, each starting where the one before ends.
Realised and predicted visits are computed the same way, so the cues a caller is told
to wait for are exactly the cues it gets when it wakes.

Session time is active time: it stops while paused and never jumps. Skip, done and
shorten end a segment early (everything after moves earlier); extend and back make
it later. An open set has no end until ``done()``; for planning it counts as its
estimate, and with ``auto_open`` it simply ends at its estimate.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator

from matwork.core.clock import Clock, SessionTime
from matwork.core.cue_schedule import Visit, Visits, set_result
from matwork.core.cues import Cue, CueSink, SilentSink
from matwork.core.kinds import EndStatus, SegmentKind, SessionStatus, SetOutcome
from matwork.core.player_readings import PlayerReadings
from matwork.core.results import ResultSink, SessionInfo, SetResult
from matwork.core.test_results import TestSink, hold_result, measure_result
from matwork.core.test_spec import TestKind, check_value
from matwork.core.timeline import Timeline

BACK_GRACE = 2.0
"""Within this many seconds of a segment's start, ``back`` goes to the previous one."""
STEP = 10.0
"""Seconds that ``extend`` and ``shorten`` add or take by default."""


class _NoResults:
    """A result sink that keeps nothing."""

    def session_started(self, info: SessionInfo) -> None:
        """Ignore it."""

    def set_finished(self, result: SetResult) -> None:
        """Ignore it."""

    def session_ended(self, status: EndStatus, active_seconds: float) -> None:
        """Ignore it."""


class Player(PlayerReadings):
    """Plays a timeline against a clock: position, operations, cues and results."""

    def __init__(
        self,
        timeline: Timeline,
        clock: Clock,
        *,
        cues: CueSink | None = None,
        results: ResultSink | None = None,
        info: SessionInfo | None = None,
        speed: float = 1.0,
        wall: Callable[[], float] = time.time,
        start_at: int = 0,
        auto_open: bool = False,
        tests: TestSink | None = None,
    ) -> None:
        if not timeline.segments:
            raise ValueError("the timeline has no segments")
        if not 0 <= start_at < len(timeline.segments):
            raise ValueError(f"start_at must be a segment index, 0 to {len(timeline.segments) - 1}")
        self.timeline = timeline
        self.time = SessionTime(clock, speed, wall)
        """Session time, derived from the clock."""
        self._segments = timeline.segments
        self._starts = [segment.start for segment in timeline.segments]
        self._sink: CueSink = cues or SilentSink()
        self._results: ResultSink = results or _NoResults()
        self._info = info or SessionInfo(timeline.name, "", "", timeline.total_seconds)
        self._auto_open = auto_open
        self._adjust = [0.0] * len(timeline.segments)
        self._visits = Visits(timeline, self._segment_end)
        self.started = False
        """True once ``start()`` has been called."""
        self.finished = False
        """True once the session has run to its end."""
        self.stopped = False
        """True once the session was stopped early."""
        self._mark: tuple[float, int] = (-math.inf, -1)
        self._reported: set[int] = set()
        """Visits whose result was handed to the result sink, so none is reported twice."""
        self._last_set_end = 0.0
        self._tests = tests
        self._answers: dict[int, float] = {}
        """A measurement's answer, by visit number, until its visit closes."""
        self._enter(start_at, 0.0)

    @property
    def speed(self) -> float:
        """How many times faster than the clock session time runs."""
        return self.time.speed

    @property
    def running(self) -> bool:
        """True while session time runs: started, not paused, not ended."""
        return self.time.running

    def last_set_end(self) -> float:
        """Session time at which the work set last reported to the result sink ended."""
        return self._last_set_end

    def clock_at(self, position: float) -> float | None:
        """The clock instant at which session time reaches ``position``; None if not running."""
        return self.time.instant_of(position)

    @property
    def _active(self) -> bool:
        return self.started and not (self.finished or self.stopped)

    @property
    def _current(self) -> Visit:
        return self._visits.current

    def _sync(self) -> float:
        """Bring the visits up to the clock; returns the session position."""
        position = self.time.position()
        while self._active:
            visit = self._current
            if visit.end is None or position < visit.end:
                break
            self._close(visit, visit.end, SetOutcome.COMPLETED)
            self._advance(visit.index, visit.end)
        return self.time.position() if self.finished else position

    def _segment_end(self, index: int, start: float) -> float | None:
        segment = self._segments[index]
        test = segment.exercise.test if segment.open else None
        if test is not None and test.kind is TestKind.HOLD:
            assert test.ceiling is not None
            return start + test.ceiling  # a hold ends by itself at its ceiling
        if segment.open:
            return start + segment.duration if self._auto_open else None
        return start + segment.duration + self._adjust[index]

    def _enter(self, index: int, start: float) -> None:
        self._visits.enter(index, start, self.time.wall_of(start) if self.started else 0.0)

    def _advance(self, index: int, position: float) -> None:
        """Go on to the segment after ``index`` at ``position``, or finish the session."""
        if index + 1 < len(self._segments):
            self._enter(index + 1, position)
            return
        self.finished = True
        self.time.hold(position)
        self._results.session_ended(SessionStatus.COMPLETED, position)

    def _close(self, visit: Visit, end: float, how: SetOutcome, reps: int | None = None) -> None:
        """End a visit at ``end``; a work visit reports its result, unless gone ``BACK``.

        ``reps``: the reps the user said were done (an open set), logged as reps_done.
        """
        self._visits.close(visit, end, self._mark >= (end, visit.seq))
        segment = self._segments[visit.index]
        if (
            segment.kind is SegmentKind.WORK
            and how is not SetOutcome.BACK
            and visit.seq not in self._reported
        ):
            self._reported.add(visit.seq)
            self._last_set_end = end
            self._results.set_finished(set_result(segment, visit, end - visit.start, how, reps))
            if how is SetOutcome.COMPLETED:
                self._report_test(visit, end)

    def _report_test(self, visit: Visit, end: float) -> None:
        """A test set ended as completed: its result (a measurement only when answered)."""
        segment = self._segments[visit.index]
        test = segment.exercise.test
        if test is None or self._tests is None:
            return
        if test.kind is TestKind.HOLD:
            self._tests.test_recorded(hold_result(segment, end - visit.start, visit.wall))
        elif visit.seq in self._answers:
            value = self._answers.pop(visit.seq)
            self._tests.test_recorded(measure_result(segment, value, visit.wall))

    def start(self) -> None:
        """Start the session now (once)."""
        if self.started or self.stopped:
            return
        self.started = True
        self.time.run()
        self._current.wall = self.time.wall_of(self._current.start)
        self._results.session_started(self._info)

    def pause(self) -> None:
        """Freeze session time."""
        if not self.running:
            return
        self._sync()
        if self.running:
            self.time.hold()

    def resume(self) -> None:
        """Let session time run again from where it was paused."""
        if not self._active or self.running:
            return
        self.time.run()

    def toggle(self) -> None:
        """Pause when running, resume when paused."""
        if self.running:
            self.pause()
        else:
            self.resume()

    def skip(self) -> None:
        """End the current segment now (a work set is logged as skipped) and go on."""
        position = self._sync()
        if self._active:
            visit = self._current
            self._close(visit, position, SetOutcome.SKIPPED)
            self._advance(visit.index, position)

    def done(self, reps: int | None = None) -> bool:
        """End the running open set or hold now, as completed; False (and nothing) otherwise.

        ``reps`` is how many reps were done (logged as reps_done); None: as planned.
        Asking first? ``pause()``, ask, then ``done(reps)`` and ``resume()``: the set
        ends where it was paused. A measurement is ended by ``answer``, not here.
        """
        if reps is not None and reps < 0:
            raise ValueError(f"reps must be 0 or more, not {reps}")
        position = self._sync()
        visit = self._current
        segment = self._segments[visit.index]
        if not self._active or not segment.open:
            return False
        if segment.exercise.test is not None and segment.exercise.test.kind is TestKind.MEASURE:
            return False
        self._close(visit, position, SetOutcome.COMPLETED, reps)
        self._advance(visit.index, position)
        return True

    def answer(self, value: float | bool) -> bool:
        """Answer the measurement under way and go on; False when none is under way.

        Raises ``AnswerError`` (nothing changes) when the value is not an answer to it.
        """
        position = self._sync()
        visit = self._current
        segment = self._segments[visit.index]
        test = segment.exercise.test if segment.open else None
        if not self._active or test is None or test.kind is not TestKind.MEASURE:
            return False
        self._answers[visit.seq] = check_value(test, value)
        self._close(visit, position, SetOutcome.COMPLETED)
        self._advance(visit.index, position)
        return True

    def back(self) -> None:
        """Restart the current segment, or the previous one within its first 2 s."""
        position = self._sync()
        if not self._active:
            return
        visit = self._current
        target = visit.index
        if position - visit.start < BACK_GRACE and target > 0:
            target -= 1
        self._close(visit, position, SetOutcome.BACK)
        self._enter(target, position)

    def jump(self, index: int) -> None:
        """Go to segment ``index`` now; a work set left unfinished is logged as skipped."""
        if not 0 <= index < len(self._segments):
            raise IndexError(f"no segment {index}")
        position = self._sync()
        if not self._active:
            return
        visit = self._current
        self._close(
            visit, position, SetOutcome.BACK if index == visit.index else SetOutcome.SKIPPED
        )
        self._enter(index, position)

    def extend(self, seconds: float = STEP) -> bool:
        """Make the current segment ``seconds`` longer; False for an open set."""
        return self._resize(seconds)

    def shorten(self, seconds: float = STEP) -> bool:
        """Make the current segment ``seconds`` shorter, never below what has run."""
        return self._resize(-seconds)

    def _resize(self, seconds: float) -> bool:
        position = self._sync()
        visit = self._current
        if not self._active or visit.end is None or self._segments[visit.index].open:
            return False
        self._move_end(visit, max(visit.end + seconds, position), position)
        self._sync()
        return True

    def _move_end(self, visit: Visit, end: float, position: float) -> None:
        assert visit.end is not None
        if self._segments[visit.index].exercise.halfway and visit.halfway_at is None:
            halfway = visit.start + (visit.end - visit.start) / 2
            if position >= halfway:
                visit.halfway_at = halfway  # it has sounded: keep it where it was
        self._adjust[visit.index] += end - visit.end
        self._visits.move_end(visit, end, position)

    def stop(self) -> None:
        """End the session early; a work set under way is logged with the time it ran."""
        position = self._sync()
        if not self._active:
            self.stopped = self.stopped or not self.started
            return
        self._close(self._current, position, SetOutcome.STOPPED)
        self.stopped = True
        self.time.hold(position)
        self._results.session_ended(SessionStatus.STOPPED, position)

    def flag_pain(self) -> bool:
        """Mark the work set under way as painful; False when no work set is under way."""
        self._sync()
        if not self._active or self._segments[self._current.index].kind is not SegmentKind.WORK:
            return False
        self._current.pain = True
        return True

    @property
    def auto_open(self) -> bool:
        """Whether open sets end by themselves at their estimate (no one to press Enter)."""
        return self._auto_open

    @auto_open.setter
    def auto_open(self, value: bool) -> None:
        self._auto_open = value
        position = self._sync()
        visit = self._current
        if value and not (self.finished or self.stopped) and visit.end is None:
            estimate = visit.start + self._segments[visit.index].duration
            visit.end = max(estimate, position)
            self._sync()

    def _stream(self, since: float) -> Iterator[tuple[int, Cue]]:
        return self._visits.stream(since, self.stopped)

    def due_cues(self, since: float, until: float) -> list[Cue]:
        """The cues falling due in (since, until] of session time, in order."""
        self._sync()
        cues = []
        for _, cue in self._stream(since):
            if cue.at > until:
                break
            if cue.at > since:
                cues.append(cue)
        return cues

    def _mark_now(self, position: float) -> tuple[float, int]:
        return (position, self._current.seq + (1 if self.finished else 0))

    def poll(self) -> list[Cue]:
        """The cues due now that no poll has returned yet, each played on the cue sink."""
        position = self._sync()
        if not self.started:
            return []
        due = []
        for seq, cue in self._stream(self._mark[0]):
            if cue.at > position:
                break
            if (cue.at, seq) > self._mark:
                due.append(cue)
        self._mark = max(self._mark, self._mark_now(position))
        for cue in due:
            self._sink.play(cue)
        return due

    def next_cue_at(self) -> float | None:
        """The clock instant of the next cue ``poll`` will return; None if paused or ended.

        None too during an open set with nothing to announce: it waits for ``done()``.
        """
        self._sync()
        if not self.running:
            return None
        for seq, cue in self._stream(self._mark[0]):
            if (cue.at, seq) > self._mark:
                return self.clock_at(cue.at)
        return None
