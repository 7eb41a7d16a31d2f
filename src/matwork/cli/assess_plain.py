"""``matwork assess --plain``: the whole assessment as plain lines, for screen readers and pipes.

The red-flag check first (the tests do not start while a warning sign is open); then
a few optional questions (sex for the norms, what holds the legs in the extensor
hold, pain now); then the tests through ``plain_tests``; then the results are stored,
and the findings and the retest against the last assessment are printed. Pain after
the tests above 5, or new leg symptoms, run the red-flag check again.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable
from dataclasses import dataclass

import msgspec

from matwork.app.assessments import assessment_entry
from matwork.app.config import Config
from matwork.app.paths import Paths
from matwork.app.session import PlayOptions, build_session
from matwork.cli.plain_tests import Ask, Lines, asker, print_stored_assessment, run_plain_tests
from matwork.cli.red_flags_plain import Out, after_pain_answer, run_check
from matwork.core.assessment_runs import AboutYou
from matwork.core.clock import Clock
from matwork.core.cues import CueSink
from matwork.core.red_flags import PAIN_RECHECK_ABOVE, CheckReason
from matwork.core.test_spec import AnswerError, parse_yes_no
from matwork.i18n import _

SEX_CHOICES = {
    "f": "female",
    "female": "female",
    "m": "male",
    "male": "male",
    "w": "female",
    "weiblich": "female",
    "männlich": "male",
}
"""Typed answers to the sex question."""
SETUP_CHOICES = {
    "s": "straps",
    "straps": "straps",
    "h": "helper",
    "helper": "helper",
    "k": "heels-hooked",
    "heels": "heels-hooked",
    "heels-hooked": "heels-hooked",
}
"""Typed answers to the extensor set-up question."""


@dataclass
class PlainRun:
    """What the plain assessment runs on: input, output, clocks; real ones by default."""

    lines: Lines
    out: Out
    clock: Clock | None = None
    cues: CueSink | None = None
    sleep: Callable[[float], None] = time.sleep
    now: Callable[[], float] = time.time
    today: Callable[[], datetime.date] = datetime.date.today
    width: int = 100


def _choice(ask: Ask, prompt: str, choices: dict[str, str]) -> str | None:
    while True:
        typed = ask(prompt)
        if typed is None or not typed.strip():
            return None
        chosen = choices.get(typed.strip().casefold())
        if chosen is not None:
            return chosen
        prompt = "  " + _("Not one of the choices; Enter alone skips.") + " " + prompt.strip()


def ask_pain(ask: Ask, prompt: str) -> int | None:
    """A 0-10 answer, or None when skipped."""
    while True:
        typed = ask(prompt)
        if typed is None or not typed.strip():
            return None
        if typed.strip().isdigit() and 0 <= int(typed) <= 10:
            return int(typed)
        prompt = "  " + _("A whole number from 0 to 10 (Enter alone skips).")


def ask_about(ask: Ask) -> AboutYou:
    """The optional questions before the tests."""
    sex = _choice(ask, _("Sex, for the norms: f (female), m (male), Enter to skip"), SEX_CHOICES)
    setup = _choice(
        ask,
        _(
            "The extensor hold needs your legs held down: s (straps), h (a helper), "
            "k (heels hooked under a heavy sofa, helper-free), Enter if you will skip that test"
        ),
        SETUP_CHOICES,
    )
    chosen = {"sex": sex, "extensor_setup": setup}
    return msgspec.convert({key: value for key, value in chosen.items() if value}, AboutYou)


def _yes(ask: Ask, prompt: str) -> bool:
    typed = ask(prompt)
    try:
        return typed is not None and parse_yes_no(typed)
    except AnswerError:
        return False


def assess_plain(config: Config, paths: Paths, options: PlayOptions, run: PlainRun) -> int:
    """Run the assessment as plain lines; the exit code (1 when a warning sign is open)."""
    out, ask = run.out, asker(run.lines, run.out)
    out(_("matwork self-assessment: about 15 minutes of holds and measurements."))
    out(_("It informs; it does not diagnose. Stop any test at once on sharp pain."))
    if run_check(paths.log_file, ask, out, CheckReason.ASSESSMENT):
        out(_("The assessment does not start while a warning sign is open."))
        return 1
    about = ask_about(ask)
    pain = ask_pain(ask, _("Any back pain right now? 0 (none) to 10, Enter to skip"))
    if pain is not None and pain > PAIN_RECHECK_ABOVE:
        words = _(
            "Your back hurts more than {limit} of 10 today: the tests would "
            "measure the pain rather than you. Do them on a better day."
        )
        out(words.format(limit=PAIN_RECHECK_ABOVE))
        if not _yes(ask, _("Go on anyway? [y/N]")):
            return 0
    entry = assessment_entry()
    session = build_session(entry, config, paths, options, clock=run.clock, cues=run.cues)
    clock = session.clock
    try:
        code = run_plain_tests(
            session.player, clock, run.lines, out, recorded=session.log.tests, sleep=run.sleep
        )
        log = session.log
        store, uuid = log.store, log.uuid
        if code != 0 or store is None or uuid is None or not log.logging:
            if log.problem is not None:
                out(log.problem.text())
            return code
        if pain is not None:
            log.annotate(pain_before=pain)
        after = ask_pain(ask, _("Back pain now? 0 (none) to 10, Enter to skip"))
        legs = _yes(ask, _("Any new numbness, tingling, weakness or pain in a leg? [y/N]"))
        if after is not None:
            store.annotate(uuid, pain_after=after)
        print_stored_assessment(
            session, out, about, today=run.today(), now=run.now(), width=run.width
        )
    finally:
        session.close()
    after_pain_answer(
        paths.log_file, after, ask, out, new_leg_symptoms=legs, after=True, session_uuid=uuid
    )
    return 0
