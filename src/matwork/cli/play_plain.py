"""The ``--plain`` player: the session as plain lines on stdout.

For screen readers, small terminals and logs: one line per segment and per cue worth
saying. The loop sleeps until exactly the instant of the next cue (no polling), so
lines come out on the clock. Enter ends an open set; when stdin is not a terminal,
open sets end at their estimate.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
from collections.abc import Callable
from typing import IO

import click

from matwork.config import Config
from matwork.core.clock import Clock
from matwork.core.cues import Cue, CueSink, SilentSink
from matwork.core.library import LibraryEntry
from matwork.core.player import Player
from matwork.core.results import RecordingResults, ResultSink, SessionInfo
from matwork.core.timefmt import clock as clock_text
from matwork.core.timeline import Segment, Timeline
from matwork.session import PlayOptions, build_session

WaitInput = Callable[[float | None], str | None]
"""Waits up to a timeout (None: for ever) for input: "enter", "eof", or None on timeout."""

SILENT_KINDS = frozenset({"rep"})
"""Cue kinds that get no line: rep phases come too fast to read."""


def seconds_text(seconds: float) -> str:
    """A duration for a line: "40 s", "90 s", "2 min", "2 min 30 s"."""
    if seconds < 120:
        return f"{round(seconds, 1):g} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def work_line(segment: Segment, seconds: float, interactive: bool) -> str:
    """The line that opens a work set: "Work: Glute bridge, left, 40 s"."""
    exercise = segment.exercise
    parts = [exercise.name]
    if segment.side == "alternate":
        parts.append("alternating sides")
    elif segment.side:
        parts.append(segment.side)
    if exercise.sets > 1:
        parts.append(f"set {segment.set} of {exercise.sets}")
    if exercise.reps is not None:
        parts.append(f"{exercise.reps} rep{'s' * (exercise.reps != 1)}")
    if not segment.open:
        parts.append(seconds_text(seconds))
    elif interactive:
        parts.append("open set: press Enter when done")
    else:
        parts.append(f"open set, ~{seconds_text(seconds)}")
    return "Work: " + ", ".join(parts)


def cue_line(cue: Cue, player: Player, interactive: bool) -> str | None:
    """The line printed for a cue, or None for a cue that gets no line."""
    segment = player.timeline.segments[cue.segment]
    seconds = segment.duration + player.adjustment(segment.index)
    if cue.kind == "start":
        return work_line(segment, seconds, interactive)
    if cue.kind == "prepare":
        return f"Prepare {seconds_text(seconds)}, first: {segment.exercise.name}"
    if cue.kind == "rest":
        return f"Rest {seconds_text(seconds)}, next: {segment.exercise.name}"
    if cue.kind == "switch":
        return f"Switch sides, {seconds_text(seconds)}"
    if cue.kind == "finish":
        return f"Session complete: {clock_text(player.session_elapsed())}"
    if cue.kind in SILENT_KINDS:
        return None
    return cue.text


def run_plain(
    timeline: Timeline,
    *,
    clock: Clock,
    sleep: Callable[[float], None],
    out: Callable[[str], None],
    wait_input: WaitInput | None = None,
    cues: CueSink | None = None,
    results: ResultSink | None = None,
    info: SessionInfo | None = None,
    speed: float = 1.0,
    start_at: int = 0,
    wall: Callable[[], float] = time.time,
) -> int:
    """Play ``timeline`` as plain lines through ``out``; returns the exit code.

    ``wait_input`` (given when stdin is a terminal) both waits and reports Enter; without
    it the loop uses ``sleep`` and open sets end at their estimate. Ctrl-C stops the
    session cleanly: "Stopped." and exit code 130.
    """
    player = Player(
        timeline,
        clock,
        cues=cues or SilentSink(),
        results=results if results is not None else RecordingResults(),
        info=info,
        speed=speed,
        wall=wall,
        start_at=start_at,
        auto_open=wait_input is None,
    )
    estimated = "~" if timeline.estimated else ""
    out(f"{timeline.name}: {estimated}{clock_text(player.session_total())}")
    try:
        player.start()
        while True:
            for cue in player.poll():
                line = cue_line(cue, player, wait_input is not None)
                if line is not None:
                    out(line)
            if player.finished:
                return 0
            wake = player.next_cue_at()
            delay = None if wake is None else max(0.0, wake - clock.now())
            if wait_input is not None:
                event = wait_input(delay)
                if event == "enter":
                    player.done()
                elif event == "eof":
                    wait_input = None
                    player.auto_open = True
            elif delay is not None:
                sleep(delay)
            else:  # nothing scheduled and no one to press Enter: end what runs
                player.done()
    except KeyboardInterrupt:
        player.stop()
        out("Stopped.")
        return 130


class LineReader:
    """Reads lines from a stream in a background thread; each line is an Enter press."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._events: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, name="matwork-stdin", daemon=True).start()

    def _read(self) -> None:
        for _line in iter(self._stream.readline, ""):
            self._events.put("enter")
        self._events.put("eof")

    def __call__(self, timeout: float | None) -> str | None:
        """Wait up to ``timeout`` seconds (None: for ever) for "enter" or "eof"."""
        try:
            return self._events.get(timeout=timeout)
        except queue.Empty:
            return None


def play_plain(entry: LibraryEntry, options: PlayOptions, config: Config) -> int:
    """Play a loaded routine in plain mode on the real clock, stdout and stdin.

    Cues sound as in the full-screen player and the session goes to the log. What is
    off (sound, log) and why is said on stderr when it is a terminal, so stdout keeps
    only the session's lines and a piped run stays quiet.
    """
    assert entry.timeline is not None
    session = build_session(entry, config, options)
    problem = session.log.problem
    tell = sys.stderr is not None and sys.stderr.isatty()
    for note in session.notes() if tell else ():
        click.echo(note, err=True)
    interactive = sys.stdin is not None and sys.stdin.isatty()
    try:
        return run_plain(
            entry.timeline,
            clock=session.clock,
            sleep=time.sleep,
            out=click.echo,
            wait_input=LineReader(sys.stdin) if interactive else None,
            cues=session.sound,
            results=session.log,
            info=session.info,
            speed=options.speed,
            start_at=options.start_at,
        )
    finally:
        session.close()
        if session.log.problem != problem:
            click.echo(session.log.problem, err=True)  # a failure mid-session: always said
