"""The lines the plain player prints: one per segment and per cue worth saying.

Pure text from the player's state: a screen reader reads each line once, so every
line says everything it needs (the exercise, its side and set, its reps and load).
"""

from __future__ import annotations

from collections.abc import Sequence

from matwork.core.cues import Cue, CueKind
from matwork.core.player import Player
from matwork.core.timefmt import clock as clock_text
from matwork.core.timeline import Segment
from matwork.i18n import _, ngettext

SILENT_KINDS = frozenset({CueKind.REP})
"""Cue kinds that get no line of their own: rep phases come too fast to read (a rep
counter line marks each new rep instead)."""


def seconds_text(seconds: float) -> str:
    """A duration for a line: "40 s", "90 s", "2 min", "2 min 30 s"."""
    if seconds < 120:
        return f"{round(seconds, 1):g} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def work_line(segment: Segment, seconds: float, interactive: bool) -> str:
    """The line that opens a work set: "Work: Deadlift, set 1 of 2, 8 reps, 40 kg, 40 s"."""
    exercise = segment.exercise
    parts = [exercise.name]
    if segment.side == "alternate":
        parts.append(_("alternating sides"))
    elif segment.side == "left":
        parts.append(_("left"))
    elif segment.side == "right":
        parts.append(_("right"))
    elif segment.side:
        parts.append(segment.side)
    if exercise.sets > 1:
        parts.append(_("set {set} of {sets}").format(set=segment.set, sets=exercise.sets))
    if exercise.reps is not None:
        reps = ngettext("{count} rep", "{count} reps", exercise.reps)
        parts.append(reps.format(count=exercise.reps))
    if exercise.load:
        parts.append(exercise.load)
    if not segment.open:
        parts.append(seconds_text(seconds))
    elif interactive:
        parts.append(_("open set: press Enter when done"))
    else:
        parts.append(_("open set, ~{duration}").format(duration=seconds_text(seconds)))
    return _("Work: {what}").format(what=", ".join(parts))


def rep_line(cue: Cue, segment: Segment) -> str:
    """The rep counter as a line: "Rep 3 of 8"."""
    reps = segment.exercise.reps
    if reps:
        return _("Rep {count} of {reps}").format(count=cue.count, reps=reps)
    return _("Rep {count}").format(count=cue.count)


def cue_line(cue: Cue, player: Player, interactive: bool) -> str | None:
    """The line printed for a cue, or None for a cue that gets no line."""
    segment = player.timeline.segments[cue.segment]
    seconds = segment.duration + player.adjustment(segment.index)
    if cue.kind == "start":
        return work_line(segment, seconds, interactive)
    if cue.kind == "prepare":
        words = _("Prepare {duration}, first: {name}")
        return words.format(duration=seconds_text(seconds), name=segment.exercise.name)
    if cue.kind == "rest":
        words = _("Rest {duration}, next: {name}")
        return words.format(duration=seconds_text(seconds), name=segment.exercise.name)
    if cue.kind == "switch":
        return _("Switch sides, {duration}").format(duration=seconds_text(seconds))
    if cue.kind == "finish":
        return _("Session complete: {time}").format(time=clock_text(player.session_elapsed()))
    if cue.kind in SILENT_KINDS:
        return None
    return cue.text


class RepCounter:
    """Turns rep-phase cues into one "Rep n of N" line as each rep begins."""

    def __init__(self) -> None:
        self._last: tuple[int, int] | None = None

    def line(self, cue: Cue, player: Player) -> str | None:
        """The counter line for ``cue``, or None (not a rep cue, or the same rep)."""
        if cue.kind is CueKind.START:
            self._last = None  # a set (re)starts: count from one again
            return None
        if cue.kind is not CueKind.REP:
            return None
        key = (cue.segment, cue.count)
        if key == self._last:
            return None
        self._last = key
        return rep_line(cue, player.timeline.segments[cue.segment])


def instruction_lines(segment: Segment | None) -> list[str]:
    """The how-to of the exercise under way (or coming), numbered, for the ``i`` key."""
    if segment is None:
        return []
    exercise = segment.exercise
    steps: Sequence[str] = exercise.entry.instructions
    lines = [_("How to: {name}").format(name=exercise.name)]
    lines += [f"{number}. {step}" for number, step in enumerate(steps, 1)]
    lines += [_("Cue: {cue}").format(cue=cue) for cue in exercise.cues]
    lines += [
        _("Caution: {caution}").format(caution=caution) for caution in exercise.entry.cautions
    ]
    if len(lines) == 1:
        lines.append(_("No instructions for this exercise."))
    return lines
