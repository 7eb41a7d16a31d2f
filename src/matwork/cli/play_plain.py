"""The ``--plain`` player: the session as plain lines on stdout, for screen readers too.

One line per segment and per cue worth saying, on the clock; no cursor movement and
no redraws. On a terminal it is the whole session, as in the full screen: the safety
notice on first use (Enter accepts), the offer to resume an interrupted session, pain
before, single keys while it runs (``cli.plain.run.KEY_HELP``), the reps of an open set,
then effort, pain after and a note. Without a terminal nothing is asked and nothing
blocks: the notice goes to stderr once, a resumable session is named on stderr (play
it with ``--resume``), and open sets end at their estimate with the planned reps.

The parts live in ``matwork.cli.plain``; their names are importable from here too.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import click

from matwork.app.config import Config
from matwork.app.config_write import ConfigWriteError, save_config_value
from matwork.app.library import LibraryEntry
from matwork.app.paths import Paths
from matwork.app.resume_offer import done_text, resume_text, when_text
from matwork.app.safety_notice import notice_lines
from matwork.app.session import NOTHING_TO_RESUME, PlayOptions, ResumeError, Session, build_session
from matwork.app.session_log import CLOSE_WAIT_SECONDS, LogProblemKind
from matwork.cli.plain.lines import SILENT_KINDS, cue_line, seconds_text, work_line
from matwork.cli.plain.questions import (
    PAIN_AFTER,
    PAIN_BEFORE,
    RPE,
    accept_safety,
    ask_note,
    ask_rating,
    ask_yes,
)
from matwork.cli.plain.run import KEY_HELP, run_plain
from matwork.cli.plain.terminal import Ask, LineReader, Terminal, WaitInput
from matwork.core.kinds import SessionStatus
from matwork.core.log_text import STATUS_WORDS, completion_percent
from matwork.core.timefmt import clock as clock_text
from matwork.i18n import _, ngettext

__all__ = [
    "SILENT_KINDS",
    "LineReader",
    "WaitInput",
    "cue_line",
    "play_plain",
    "run_plain",
    "seconds_text",
    "work_line",
]


def say(line: str) -> None:
    """A line on stdout."""
    click.echo(line)


def tell(line: str) -> None:
    """A line on stderr."""
    click.echo(line, err=True)


def prompt(text: str) -> None:
    """A question on stdout, the answer typed after it."""
    click.echo(text, nl=False)


def check_safety(config: Config, paths: Paths, ask: Ask | None) -> bool:
    """The safety notice on first use; False when the user declined it on a terminal."""
    if config.session.safety_acknowledged:
        return True
    if ask is not None:
        if not accept_safety(ask, say):
            say(_("Not started."))
            return False
        key = "safety_acknowledged"
    elif config.session.safety_notice_printed:
        return True
    else:  # no one to press Enter: say it once on stderr, and do not block
        for line in notice_lines():
            tell(line)
        tell(_("(Run matwork on a terminal once to acknowledge it.)"))
        key = "safety_notice_printed"
    try:
        save_config_value(paths.config_file, "session", key, True)
    except ConfigWriteError as error:
        tell(
            "matwork: " + _("could not save that the notice was read: {error}").format(error=error)
        )
    return True


def offer_resume(session: Session, options: PlayOptions, ask: Ask | None) -> None:
    """Continue an interrupted session: with --resume, or when the user says so."""
    record = session.resumable
    if record is None:
        if options.resume:
            words = _("{reason}; starting from the beginning").format(reason=NOTHING_TO_RESUME)
            tell("matwork: " + words)
        return
    now = time.time()
    if options.resume:
        go = True
    elif ask is not None:
        question = resume_text(record, now=now, tz=None) + _(" y/n, Enter: yes: ")
        go = ask_yes(ask, question, default=True)
    else:
        when = when_text(record.started_at, now=now, tz=None)
        words = _(
            "the interrupted session of {name} from {when} ({done}) can be resumed: "
            "play it with --resume"
        )
        tell(
            "matwork: " + words.format(name=record.routine_name, when=when, done=done_text(record))
        )
        go = False
    if not go:
        return
    try:
        session.resume(record)
    except ResumeError as error:
        tell(f"matwork: {error}")
        return
    words = _("Resuming at segment {number}: {done}.")  # the segment offered
    say(words.format(number=record.resume_segment + 1, done=done_text(record)))


def outcome_line(session: Session) -> str | None:
    """How the log records the session: "Logged as completed: 8 of 8 sets done, ..."."""
    log = session.log
    outcome, ended = log.outcome, log.memory.ended
    if not log.logging or outcome is None or ended is None:
        return None
    status, active = ended
    if status is SessionStatus.STOPPED and session.player.finished:
        reason = " " + _("(less than half the planned work or sets was done)")
    else:
        reason = ""
    planned = outcome.plan.sets
    done = ngettext("{done} of {planned} set done", "{done} of {planned} sets done", planned)
    parts = [done.format(done=outcome.sets_done, planned=planned)]
    if outcome.sets_skipped:
        parts.append(_("{count} skipped").format(count=outcome.sets_skipped))
    parts.append(_("{time} active").format(time=clock_text(active)))
    percent = completion_percent(active, session.info.planned_seconds)
    if percent is not None:
        parts.append(_("{percent}% of the planned time").format(percent=percent))
    words = _("Logged as {status}{reason}: {parts}.")
    return words.format(status=STATUS_WORDS[status], reason=reason, parts=", ".join(parts))


def after_session(session: Session, config: Config, ask: Ask | None) -> None:
    """What was logged, then effort, pain now and a note (on a terminal)."""
    line = outcome_line(session)
    if line is None:
        return
    say(line)
    if ask is None:
        return
    rpe = ask_rating(ask, say, RPE)
    pain = ask_rating(ask, say, PAIN_AFTER) if config.session.pain_question else None
    note = ask_note(ask)
    session.log.annotate(rpe=rpe, pain_after=pain, notes=note)
    if rpe is not None or pain is not None or note:
        say(_("Saved."))


def play_session(
    session: Session,
    config: Config,
    paths: Paths,
    *,
    ask: Ask | None,
    wait_input: WaitInput | None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Safety, resume, pain before, the session, then what was logged and the questions.

    ``sleep`` waits when there is no keyboard (the session's clock's sleep in tests).
    """
    if not check_safety(config, paths, ask):
        return 0
    offer_resume(session, session.options, ask)
    pain_before = None
    if ask is not None and config.session.pain_question:
        pain_before = ask_rating(ask, say, PAIN_BEFORE)
    if wait_input is not None:
        say(str(KEY_HELP))
    session.player.start()
    if pain_before is not None:
        session.log.annotate(pain_before=pain_before)
    code = run_plain(
        session.player,
        session.clock,
        sleep=sleep,
        out=say,
        wait_input=wait_input,
        ask=ask,
        session=session,
    )
    if code == 0:
        after_session(session, config, ask)
    return code


def play_plain(entry: LibraryEntry, options: PlayOptions, config: Config, paths: Paths) -> int:
    """Play a loaded routine in plain mode on the real clock, stdout and stdin.

    Cues sound (and speak) as in the full-screen player and the session goes to the
    log. What is off (sound, log) and why is said on stderr when it is a terminal, so
    stdout keeps only the session's lines and a piped run stays quiet.
    """
    assert entry.timeline is not None
    from matwork.cli import plain_tests, red_flags_plain  # test sets, red flags: issue 13

    if plain_tests.has_tests(entry.timeline):
        return plain_tests.play_plain_tests(entry, options, config, paths)
    if red_flags_plain.refuse_if_open(paths.log_file, click.echo):
        return 1
    session = build_session(entry, config, paths, options)
    problem = session.log.problem
    if sys.stderr is not None and sys.stderr.isatty():
        for note in session.notes():
            tell(note)
    elif problem is not None and problem.kind is not LogProblemKind.OFF:
        tell(problem.text())  # a log that cannot be kept is said even when piped
    # What happens to the log mid-session is said on stderr as it happens: a failure,
    # a busy spell (the writes wait and are retried) and its end.
    session.log.on_problem = lambda happened: tell(happened.text())
    session.warm_voice()  # on a thread: a phrase not ready yet sounds as its tone
    try:
        if Terminal.usable(sys.stdin):
            with Terminal(sys.stdin.fileno(), prompt) as terminal:
                return play_session(session, config, paths, ask=terminal.ask, wait_input=terminal)
        return play_session(session, config, paths, ask=None, wait_input=None)
    finally:
        if session.log.pending:
            tell(
                f"session log busy: saving {session.log.pending} waiting records "
                f"(up to {CLOSE_WAIT_SECONDS:.0f} s)..."
            )
        session.close()
