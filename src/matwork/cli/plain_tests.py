"""Test sets in plain mode: holds ended with Enter, measurements typed in, as plain lines.

``run_plain_tests`` plays a session whose timeline has test sets, line by line like
``play --plain``: a hold counts up until a line is read (Enter) or it reaches its
ceiling; a measurement prints its picture in words and asks for the answer (a number,
y/n per question, or a score), asking again until the answer fits. Input comes
through a ``LineInput`` (lines from stdin on a thread; piped input works too, which is
how the subprocess tests drive it). At end of input a hold runs to its ceiling and a
measurement is skipped.
"""

from __future__ import annotations

import datetime
import io
import queue
import sys
import threading
import time
from collections.abc import Callable
from typing import IO, Protocol

import click

from matwork.app.assessments import is_assessment, report_after, store_run
from matwork.app.config import Config
from matwork.app.library import LibraryEntry
from matwork.app.paths import Paths
from matwork.app.session import PlayOptions, Session, build_session
from matwork.cli.play_plain import cue_line, seconds_text
from matwork.core.assessment_protocol import AnswerKind
from matwork.core.assessment_runs import AboutYou
from matwork.core.clock import Clock
from matwork.core.cues import Cue
from matwork.core.player import Player
from matwork.core.test_results import TestResult
from matwork.core.test_spec import (
    AnswerError,
    TestKind,
    TestSpec,
    parse_answer,
    parse_yes_no,
    value_text,
)
from matwork.core.timeline import Segment, Timeline
from matwork.i18n import _

EOF = None
"""What ``LineInput.wait`` gives at the end of input."""
TIMEOUT = ""
"""What ``LineInput.wait`` gives when the time ran out (never a line: lines keep "\\n")."""


class Lines(Protocol):
    """Where plain mode reads its lines: stdin on a thread, or a script in tests."""

    ended: bool
    """True once the end of input was reached (and reported)."""
    interactive: bool
    """A person types (a terminal): lines typed while nothing asks are dropped."""

    def wait(self, timeout: float | None) -> str | None:
        """The next line (with its newline), TIMEOUT after ``timeout`` s, or EOF."""


class LineInput:
    """Lines from a stream, read on a thread; ``wait`` returns one, TIMEOUT, or EOF."""

    def __init__(self, stream: IO[str], interactive: bool | None = None) -> None:
        self._lines: queue.Queue[str | None] = queue.Queue()
        self.ended = False
        """True once the end of input was reached (and reported)."""
        self.interactive = stream.isatty() if interactive is None else interactive
        """A terminal: lines typed while nothing asks (during a rest) are dropped."""
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in iter(stream.readline, ""):
            self._lines.put(line)
        self._lines.put(None)

    def wait(self, timeout: float | None) -> str | None:
        """The next line (with its newline), TIMEOUT after ``timeout`` s, or EOF."""
        if self.ended:
            return EOF
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            return TIMEOUT
        if line is None:
            self.ended = True
        return line


Ask = Callable[[str], str | None]
"""Print a prompt and read the answer (without its newline); None at the end of input."""


def asker(lines: Lines, out: Callable[[str], None]) -> Ask:
    """An ``Ask`` over ``lines`` that prints each prompt as its own line."""

    def ask(prompt: str) -> str | None:
        out(prompt)
        line = lines.wait(None)
        return None if line is EOF else line.rstrip("\r\n")

    return ask


def has_tests(timeline: Timeline) -> bool:
    """True when the timeline has a test set (then plain mode plays it through here)."""
    return any(segment.open and segment.exercise.test is not None for segment in timeline.segments)


def where(segment: Segment) -> str:
    """The test and its side: "Side bridge, left"."""
    sides = {"left": _("left"), "right": _("right")}
    side = f", {sides[segment.side]}" if segment.side in sides else ""
    return segment.exercise.name + side


def test_intro(segment: Segment) -> list[str]:
    """The lines that open a test set: what to do, what you need, the cautions, the ask."""
    spec = segment.exercise.test
    assert spec is not None
    entry = segment.exercise.entry
    heading = _("Hold: {test}") if spec.kind is TestKind.HOLD else _("Measure: {test}")
    lines = [heading.format(test=where(segment))]
    lines += ["  " + _("You need: {item}").format(item=item) for item in spec.equipment]
    if spec.variant:
        lines.append("  " + _("Variant: {variant}").format(variant=spec.variant))
    lines += [f"  {number}. {line}" for number, line in enumerate(entry.instructions, 1)]
    lines += ["  " + _("Caution: {caution}").format(caution=line) for line in entry.cautions]
    if spec.kind is TestKind.HOLD:
        ends = f" ({spec.ends_when})" if spec.ends_when else ""
        words = _(
            "Hold as long as you can. Press Enter when the position breaks{ends}; "
            "it ends by itself at {ceiling}."
        )
        lines.append("  " + words.format(ends=ends, ceiling=seconds_text(spec.ceiling or 0)))
    elif spec.picture:
        lines.append("  " + _("How to measure: {picture}").format(picture=spec.picture))
    return lines


def result_line(result: TestResult, spec: TestSpec) -> str:
    """The line after a test: "Result: Side bridge, left: 58.3 s (the ceiling)"."""
    side = f", {_(result.side.value)}" if result.side else ""
    ceiling = ""
    if result.at_ceiling:
        ceiling = ": " + _("it reached the ceiling, the true time may be longer")
    value = value_text(spec, round(result.value, 1))
    return _("Result: {test}: {value}").format(test=result.name + side, value=value) + ceiling


def ask_measurement(
    spec: TestSpec, segment: Segment, ask: Ask, out: Callable[[str], None]
) -> float | bool | None:
    """Ask until the answer fits the measurement; None when skipped (empty line, end)."""
    if spec.answer is AnswerKind.YES_NO:
        yes = False
        for question in spec.questions:
            prompt = f"  {question} " + _("[y/n; Enter alone skips the test]")
            while True:
                typed = ask(prompt)
                if typed is None or not typed.strip():
                    return None
                try:
                    yes = parse_yes_no(typed) or yes
                    break
                except AnswerError as error:
                    prompt = f"  {error}: {question} " + _("[y/n]")
        return yes
    for line in spec.scale:
        out(f"  {line}")
    what = spec.unit if spec.answer is AnswerKind.NUMBER else _("score")
    words = _("{test}: enter the {what}, {low} to {high}")
    prompt = "  " + words.format(
        test=where(segment), what=what, low=f"{spec.low:g}", high=f"{spec.high:g}"
    )
    prompt += " " + _("(Enter alone skips the test)")
    while True:
        typed = ask(prompt)
        if typed is None or not typed.strip():
            return None
        try:
            return parse_answer(spec, typed)
        except AnswerError as error:
            prompt = f"  {error} " + _("(Enter alone skips the test)")


def _line(cue: Cue, player: Player) -> list[str]:
    segment = player.timeline.segments[cue.segment]
    if cue.kind == "start" and segment.exercise.test is not None:
        return test_intro(segment)
    line = cue_line(cue, player, True)
    return [] if line is None else [line]


def run_plain_tests(
    player: Player,
    clock: Clock,
    lines: Lines,
    out: Callable[[str], None],
    *,
    recorded: list[TestResult],
    sleep: Callable[[float], None],
) -> int:
    """Play ``player`` as plain lines, with its test sets; the exit code (130 on Ctrl-C).

    ``recorded`` is the list the session's test sink fills; each new result gets a line.
    """
    ask = asker(lines, out)
    shown = len(recorded)
    timeline = player.timeline
    out(f"{timeline.name}: ~{seconds_text(player.session_total())}")
    try:
        player.start()
        while True:
            for cue in player.poll():
                for text in _line(cue, player):
                    out(text)
            for result in recorded[shown:]:
                spec = timeline.segments[result.segment].exercise.test
                assert spec is not None
                out(result_line(result, spec))
            shown = len(recorded)
            if player.finished:
                return 0
            segment = player.current()
            spec = segment.exercise.test if segment is not None and segment.open else None
            if segment is not None and spec is not None and spec.kind is TestKind.MEASURE:
                value = None if lines.ended else ask_measurement(spec, segment, ask, out)
                if value is None:
                    out(_("Skipped: {test}").format(test=where(segment)))
                    player.skip()
                else:
                    player.answer(value)
                continue
            wake = player.next_cue_at()
            delay = None if wake is None else max(0.0, wake - clock.now())
            holding = spec is not None and spec.kind is TestKind.HOLD
            if lines.ended or not (holding or lines.interactive):
                if delay is None:
                    player.skip()  # nothing scheduled and no one to answer
                else:
                    sleep(delay)  # piped input waits for the hold or question it is for
                continue
            event = lines.wait(delay)
            if event and holding:
                player.done()
    except KeyboardInterrupt:
        player.stop()
        out(_("Stopped."))
        return 130


def play_plain_tests(
    entry: LibraryEntry, options: PlayOptions, config: Config, paths: Paths
) -> int:
    """``play --plain`` of a routine with test sets: on the real clock, stdin and stdout."""
    from matwork.cli.red_flags_plain import refuse_if_open

    if refuse_if_open(paths.log_file, click.echo):
        return 1
    session = build_session(entry, config, paths, options)
    try:
        code = run_plain_tests(
            session.player,
            session.clock,
            LineInput(sys.stdin),
            click.echo,
            recorded=session.log.tests,
            sleep=time.sleep,
        )
        if code == 0 and is_assessment(session.timeline):
            print_stored_assessment(session, click.echo)
        return code
    finally:
        session.close()


def print_stored_assessment(
    session: Session,
    out: Callable[[str], None],
    about: AboutYou | None = None,
    *,
    today: datetime.date | None = None,
    now: float | None = None,
    width: int = 100,
) -> None:
    """Store the assessment a session's tests give, and print its findings and retest."""
    from rich.console import Console

    from matwork.cli.assess_view import print_report

    store, uuid = session.log.store, session.log.uuid
    if store is None or uuid is None or not session.log.logging:
        return
    stored = store_run(
        store,
        uuid,
        about or AboutYou(),
        today or datetime.date.today(),
        now=time.time() if now is None else now,
    )
    if stored is None:
        out(_("No test ended with a result, so there is no assessment to store."))
        return
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, highlight=False)
    print_report(report_after(store, stored), f"played {stored.measured_on.isoformat()}", console)
    for line in buffer.getvalue().splitlines():
        out(line)
    out(_("Stored in the log as assessment {id}.").format(id=stored.id))
