"""Visits (runs through a segment) in session time: their cues, their results, and
the words a voice would say.

A segment's cues lie in [start, end): its opening cue at ``start``, countdown ticks in
the last seconds, a halfway cue, breathing phases and rep phases. The next segment's
opening cue marks the end, so nothing is scheduled at ``end`` itself. Cues at the same
instant are ordered by priority, the most important first.

The words themselves (numbers, durations, what opens each segment) live in
``core.speech``; they are imported here under their old names.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from matwork.core.breath import TEMPO_BREATH, Phase, breath_cycle, breath_of_tempo, tempo_cycle
from matwork.core.cues import Cue, CueKind
from matwork.core.kinds import SegmentKind, SetOutcome
from matwork.core.model import MAX_SESSION_SECONDS
from matwork.core.results import SetResult
from matwork.core.speech import countdown_text, opening_text
from matwork.core.speech import number_words as number_words
from matwork.core.speech import seconds_words as seconds_words
from matwork.core.speech import work_text as work_text
from matwork.core.timeline import Segment, Timeline
from matwork.i18n import LazyString, _, lazy_

BREATH_TEXT: dict[str, LazyString] = {
    "inhale": lazy_("Inhale"),
    "hold": lazy_("Hold"),
    "exhale": lazy_("Exhale"),
    "hold_out": lazy_("Hold"),
}
"""What a voice says at each breathing phase."""


def rep_text(word: str) -> str:
    """What is shown and said at a rep phase: its word with a capital, "lift" -> "Lift"."""
    return word[:1].upper() + word[1:]


OPENING_KIND: dict[SegmentKind, CueKind] = {
    SegmentKind.PREPARE: CueKind.PREPARE,
    SegmentKind.WORK: CueKind.START,
    SegmentKind.SWITCH: CueKind.SWITCH,
    SegmentKind.REST: CueKind.REST,
}
"""The cue kind that opens a segment of each kind."""
COUNTDOWN_KINDS: frozenset[SegmentKind] = frozenset(
    {SegmentKind.PREPARE, SegmentKind.WORK, SegmentKind.REST}
)
"""Segment kinds that count down their last seconds (prepare is the rest before the first set)."""


def _sorted(cues: list[Cue]) -> list[Cue]:
    return sorted(cues, key=lambda cue: (cue.at, -cue.priority))


def _breath_cues(
    segment: Segment, start: float, until: float, near: float | None = None
) -> Iterator[Cue]:
    """Breathing phase changes from ``start`` while below ``until`` (session time),
    skipping whole breaths that end before ``near``."""
    pattern = segment.exercise.breath
    if pattern is None or segment.kind is not SegmentKind.WORK:
        return
    skip = 0.0 if near is None else max(0.0, near - start)
    for phase in breath_cycle(pattern).phases(until - start, skip):
        text = str(BREATH_TEXT[phase.name])
        yield Cue(CueKind(phase.name), start + phase.start, segment.index, text)


def _tempo_cues(segment: Segment, start: float, end: float) -> Iterator[Cue]:
    """Rep phases (and the breath that follows the tempo, if it does) in [start, end)."""
    exercise = segment.exercise
    if exercise.tempo is None or segment.kind is not SegmentKind.WORK:
        return
    for phase in tempo_cycle(exercise.tempo, exercise.entry.phases).phases(end - start):
        at = start + phase.start
        rep = phase.cycle + 1
        yield Cue(CueKind.REP, at, segment.index, rep_text(phase.name), rep)
        breath = TEMPO_BREATH[phase.slot]
        if exercise.breath_tempo and breath in ("inhale", "exhale"):
            yield Cue(CueKind(breath), at, segment.index, str(BREATH_TEXT[breath]))


def segment_cues(
    segment: Segment,
    start: float,
    end: float,
    countdown: int,
    halfway_at: float | None = None,
) -> list[Cue]:
    """Every cue of a segment that runs over [start, end) of session time, in order.

    ``halfway_at`` pins the halfway cue (once it has sounded, stretching the segment
    must not move it and sound it again); by default it falls at the middle.
    """
    index = segment.index
    cues = [Cue(OPENING_KIND[segment.kind], start, index, opening_text(segment))]
    if segment.kind in COUNTDOWN_KINDS:
        for count in range(countdown, 0, -1):
            at = end - count
            if at > start:
                kind = CueKind.FINAL if count == 1 else CueKind.COUNTDOWN
                text = countdown_text(count, first=count == countdown)
                cues.append(Cue(kind, at, index, text, count))
    if segment.kind is SegmentKind.WORK and segment.exercise.halfway:
        at = halfway_at if halfway_at is not None else start + (end - start) / 2
        if start < at < end:
            cues.append(Cue(CueKind.HALFWAY, at, index, _("Halfway")))
    cues.extend(_breath_cues(segment, start, end))
    cues.extend(_tempo_cues(segment, start, end))
    return _sorted(cues)


def open_cues(segment: Segment, start: float, near: float | None = None) -> Iterator[Cue]:
    """The cues of an open set running from ``start`` with no end yet, in order.

    An open set has no countdown and no halfway; its breath runs on until it is ended
    (the stream stops after the longest session there can be). ``near``: the caller
    wants only cues from about then on, so earlier breaths may be left out.
    """
    if near is None or near <= start:
        yield Cue(CueKind.START, start, segment.index, opening_text(segment))
    yield from _breath_cues(segment, start, start + MAX_SESSION_SECONDS, near)


def finish_cue(segment: int, at: float) -> Cue:
    """The cue that ends the session."""
    return Cue(CueKind.FINISH, at, segment, _("Session complete"))


def all_cues(timeline: Timeline) -> list[Cue]:
    """Every cue of the timeline as planned, open sets taken at their estimate.

    For previews and for preparing speech ahead of a session.
    """
    cues: list[Cue] = []
    for segment in timeline.segments:
        if segment.open:
            cues.append(Cue(CueKind.START, segment.start, segment.index, opening_text(segment)))
            cues.extend(_breath_cues(segment, segment.start, segment.end))
        else:
            cues.extend(segment_cues(segment, segment.start, segment.end, timeline.countdown))
    if timeline.segments:
        cues.append(finish_cue(timeline.segments[-1].index, timeline.total_seconds))
    return cues


@dataclass
class Visit:
    """One run through a segment, in session time: realised, under way, or foreseen."""

    seq: int
    """Running number of the visit in the session (foreseen visits continue the count)."""
    index: int
    """Index of the segment in the timeline."""
    start: float
    end: float | None
    """None while an open set runs with no end yet."""
    wall: float = 0.0
    """Wall-clock start, seconds since the epoch."""
    halfway_at: float | None = None
    """Where the halfway cue stays once it has sounded."""
    pain: bool = False
    cues: list[Cue] | None = None
    """The visit's cues, once computed (finite visits only)."""


def visit_cues(
    visit: Visit, segment: Segment, countdown: int, since: float | None = None
) -> Iterator[Cue]:
    """The cues of a visit, in order; an open set's stop where it was ended.

    With ``since``, only those at or after it (and perhaps a few before).
    """
    if segment.open:
        end = math.inf if visit.end is None else visit.end
        for cue in open_cues(segment, visit.start, since):
            if cue.at >= end:
                return
            yield cue
        return
    assert visit.end is not None
    if visit.cues is None:
        visit.cues = segment_cues(segment, visit.start, visit.end, countdown, visit.halfway_at)
    first = 0 if since is None else bisect_left(visit.cues, since, key=_at)
    yield from itertools.islice(visit.cues, first, None)


def _at(cue: Cue) -> float:
    return cue.at


class Visits:
    """The visits of a session: those behind, the one under way, and the cues of all,
    including those of the visits still to come."""

    def __init__(self, timeline: Timeline, end_of: Callable[[int, float], float | None]) -> None:
        self.timeline = timeline
        self._end_of = end_of
        """The end of segment ``index`` started at ``start``: None for a running open set."""
        self.all: list[Visit] = []
        """Every visit so far, the current one last."""
        self._closed_ends: list[float] = []
        self._ahead: dict[tuple[int, int, float, float | None], Visit] = {}

    @property
    def current(self) -> Visit:
        """The visit under way (once the session has ended, the last one)."""
        return self.all[-1]

    def enter(self, index: int, start: float, wall: float) -> None:
        """Begin a visit of segment ``index`` at ``start``."""
        self.all.append(Visit(len(self.all), index, start, self._end_of(index, start), wall))

    def close(self, visit: Visit, end: float, heard_at_end: bool = False) -> None:
        """End the current visit at ``end``; ``heard_at_end``: its cues at ``end`` were heard."""
        if visit.end != end:
            self.move_end(visit, end, end, heard_at_end)
        self._closed_ends.append(end)

    def move_end(
        self, visit: Visit, end: float, position: float, heard_at_end: bool = False
    ) -> None:
        """Move the end of the current visit at session ``position``.

        Cues up to ``position`` stay as they were (what has sounded is not rewritten);
        those after it are laid out again for the new end. When the visit is cut at
        ``position``, its cues at that very instant stay only if they were heard.
        """
        segment = self.timeline.segments[visit.index]
        countdown = self.timeline.countdown
        if visit.end is None or segment.open:
            visit.end = end
            return
        cut = end <= position and not heard_at_end
        before = [
            cue
            for cue in visit_cues(visit, segment, countdown)
            if cue.at < position or (cue.at == position and not cut)
        ]
        after = segment_cues(segment, visit.start, end, countdown, visit.halfway_at)
        visit.end = end
        visit.cues = before + [cue for cue in after if cue.at > position]

    def _cues(self, visit: Visit, since: float) -> Iterator[tuple[int, Cue]]:
        segment = self.timeline.segments[visit.index]
        for cue in visit_cues(visit, segment, self.timeline.countdown, since):
            if cue.at >= since:
                yield visit.seq, cue

    def _foreseen(self, seq: int, index: int, start: float, end: float | None) -> Visit:
        """A visit to come; the last few are kept, so their cues are laid out once."""
        key = (seq, index, start, end)
        visit = self._ahead.get(key)
        if visit is None:
            if len(self._ahead) >= 8:
                self._ahead.clear()
            visit = self._ahead[key] = Visit(seq, index, start, end)
        return visit

    def stream(self, since: float, stopped: bool) -> Iterator[tuple[int, Cue]]:
        """(visit number, cue) for every cue at or after ``since``, in order.

        Past visits as they ran, then the current one, then (unless the session was
        stopped) the segments to come, each starting where the one before ends, up to
        an open set (whose end cannot be foreseen) or the finish cue.
        """
        for visit in self.all[bisect_right(self._closed_ends, since) :]:
            yield from self._cues(visit, since)
        current = self.current
        if stopped or current.end is None:
            return
        seq, start = current.seq, current.end
        segments = self.timeline.segments
        for index in range(current.index + 1, len(segments)):
            seq += 1
            end = self._end_of(index, start)
            if end is None or end > since:
                yield from self._cues(self._foreseen(seq, index, start, end), since)
            if end is None:
                return
            start = end
        yield seq + 1, finish_cue(len(segments) - 1, start)


def reps_done(segment: Segment, actual: float, completed: bool) -> int | None:
    """Reps done in ``actual`` seconds: whole reps at a tempo, all of an open set if done."""
    exercise = segment.exercise
    if exercise.tempo is not None and exercise.reps is not None:
        whole = math.floor((actual + 1e-6) / math.fsum(exercise.tempo))
        return min(exercise.reps, whole)
    return exercise.reps if completed else None


def set_result(
    segment: Segment, visit: Visit, actual: float, how: SetOutcome, reps: int | None = None
) -> SetResult:
    """What a visit of a work segment reports, ended as ``how`` (``reps``: as told)."""
    exercise = segment.exercise
    return SetResult(
        segment=segment.index,
        exercise_id=exercise.id,
        exercise_name=exercise.name,
        category=exercise.entry.category,
        pattern=exercise.entry.pattern,
        side=segment.side,
        block=segment.block,
        block_name=segment.block_name,
        round=segment.round,
        set=segment.set,
        planned_seconds=segment.duration,
        actual_seconds=actual,
        reps_planned=exercise.reps,
        reps_done=reps_done(segment, actual, how is SetOutcome.COMPLETED) if reps is None else reps,
        load=exercise.load,
        skipped=how is SetOutcome.SKIPPED,
        pain_flag=visit.pain,
        started_at=visit.wall,
    )


def segment_breath(segment: Segment, elapsed: float) -> Phase | None:
    """The breathing phase ``elapsed`` seconds into a work segment, if it has a breath."""
    exercise = segment.exercise
    if segment.kind is not SegmentKind.WORK:
        return None
    if exercise.breath is not None:
        return breath_cycle(exercise.breath).phase_at(elapsed)
    rep = segment_rep(segment, elapsed)
    return breath_of_tempo(rep) if rep is not None and exercise.breath_tempo else None


def segment_rep(segment: Segment, elapsed: float) -> Phase | None:
    """The rep phase ``elapsed`` seconds into a work segment with a tempo."""
    if segment.kind is not SegmentKind.WORK or segment.exercise.tempo is None:
        return None
    return tempo_cycle(segment.exercise.tempo, segment.exercise.entry.phases).phase_at(elapsed)
