"""The red-flag check as plain lines: one yes/no question a line, then whom to see.

``ask_red_flags`` asks every question (y or n, asked again until it is one of them);
``run_check`` asks, stores the check in the log and prints what it says, returning
whether training stays blocked. ``after_pain_answer`` is the hook for a pain answer in
plain mode: above 5, or with new leg symptoms, it runs the check. ``gate`` stops a
session while the newest stored check has a warning sign open.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from matwork.app.red_flag_checks import open_check, save_check_at
from matwork.cli.plain_tests import Ask
from matwork.core.red_flags import (
    CheckReason,
    localized_red_flags,
    reason_words,
    recheck_reason,
)
from matwork.core.test_spec import AnswerError, parse_yes_no
from matwork.i18n import _, current_language

Out = Callable[[str], None]
"""Prints one line."""


def ask_red_flags(ask: Ask, out: Out, reason: CheckReason) -> dict[str, bool] | None:
    """Every question answered y or n; None when input ends first."""
    flags = localized_red_flags(current_language())
    out(reason_words(reason))
    out(_("Answer each question with y (yes) or n (no)."))
    answers: dict[str, bool] = {}
    for _group, question in flags.questions():
        prompt = f"  {question.text} " + _("[y/n]")
        while True:
            typed = ask(prompt)
            if typed is None:
                return None
            try:
                answers[question.id] = parse_yes_no(typed)
                break
            except AnswerError as error:
                prompt = f"  {error}: {question.text} " + _("[y/n]")
    return answers


def run_check(
    log_file: Path, ask: Ask, out: Out, reason: CheckReason, session_uuid: str | None = None
) -> bool:
    """Ask, store and print a check; True when training stays blocked (or was not answered)."""
    answers = ask_red_flags(ask, out, reason)
    if answers is None:
        out(_("The check was not finished: training waits until it is."))
        return True
    check, problem = save_check_at(log_file, answers, reason, session_uuid=session_uuid)
    for line in check.lines:
        out(line)
    if problem:
        out(_("Note: {problem}").format(problem=problem))
    return check.blocks_training


def after_pain_answer(
    log_file: Path,
    pain: int | None,
    ask: Ask,
    out: Out,
    *,
    new_leg_symptoms: bool = False,
    after: bool = False,
    session_uuid: str | None = None,
) -> bool:
    """The hook for a pain answer: run the check when it calls for one; True when blocked."""
    reason = recheck_reason(pain, new_leg_symptoms, after=after)
    if reason is None:
        return False
    return run_check(log_file, ask, out, reason, session_uuid)


def gate(log_file: Path, ask: Ask, out: Out) -> bool:
    """Before training: True (blocked) while the newest check has a warning sign open.

    The open check is shown, and the user may answer again at once; a clear answer
    lets training go on.
    """
    found = open_check(log_file)
    if found is None:
        return False
    _group, check = found
    out(_("A warning sign from your last red-flag check is open:"))
    for line in check.lines:
        out(line)
    typed = ask(_("Answer the questions again now (a doctor has looked at it)? [y/N]"))
    try:
        again = typed is not None and parse_yes_no(typed)
    except AnswerError:
        again = False
    if not again:
        return True
    return run_check(log_file, ask, out, CheckReason.RECHECK)


def refuse_if_open(log_file: Path, out: Out) -> bool:
    """True (and says why, and how to answer again) while the newest check is open."""
    found = open_check(log_file)
    if found is None:
        return False
    out(_("Training is paused: a warning sign from your last red-flag check is open."))
    for line in found[1].lines:
        out(line)
    out(_("When a doctor has looked at it: `matwork assess --red-flags` answers again."))
    return True
