"""The plain player's questions, as lines: safety, resume, pain, reps, effort and a note.

Each takes an ``Ask`` (prints a prompt, returns the line typed, None at end of input)
and ``say`` (prints a line). Nothing is asked without a terminal: the callers pass no
``Ask`` then, and the defaults apply (no pain answer, the planned reps).
"""

from __future__ import annotations

from collections.abc import Callable

from matwork.app.safety_notice import notice_lines
from matwork.cli.plain.terminal import Ask
from matwork.i18n import LazyString, _, lazy_

Say = Callable[[str], None]
"""Prints one line."""

TRIES = 3
"""Times a question is asked again after an answer it cannot use."""

PAIN_BEFORE = lazy_("Any back pain right now? 0 (none) to 10 (worst), Enter to skip: ")
PAIN_AFTER = lazy_("Any back pain now? 0 (none) to 10 (worst), Enter to skip: ")
RPE = lazy_("How hard was it? Effort 0 (rest) to 10 (all out), Enter to skip: ")
NOTE = lazy_("A note for the log, Enter to skip: ")
SAFETY_PROMPT = lazy_("Press Enter to accept and go on, or type q and Enter to quit: ")
YES_WORDS = lazy_("y,yes")
"""The answers that mean yes, besides y, yes, r and resume (comma-separated)."""
QUIT_WORDS = lazy_("q,quit,n,no")
"""The answers that refuse the safety notice, besides q, quit, n and no."""
MAX_REPS = 999
"""The largest number of reps taken."""


def _words(words: LazyString) -> tuple[str, ...]:
    return tuple(word.strip() for word in str(words).split(",") if word.strip())


def ask_rating(ask: Ask, say: Say, prompt: str | LazyString) -> int | None:
    """A 0-10 answer, or None when skipped (Enter) or at end of input."""
    for _try in range(TRIES):
        answer = ask(str(prompt))
        if not answer:
            return None
        if answer.isdigit() and 0 <= int(answer) <= 10:
            return int(answer)
        say(_("Type a whole number from 0 to 10, or just press Enter to skip."))
    return None


def ask_reps(ask: Ask, say: Say, planned: int | None) -> int | None:
    """The reps an open set got: Enter (or end of input) keeps the planned number."""
    if planned is None:
        prompt = _("Reps done: ")
    else:
        prompt = _("Reps done (Enter: {planned}): ").format(planned=planned)
    for _try in range(TRIES):
        answer = ask(prompt)
        if not answer:
            return planned
        if answer.isdigit():
            return min(MAX_REPS, int(answer))
        say(_("Type the number of reps done, e.g. 6."))
    return planned


def ask_yes(ask: Ask, prompt: str, *, default: bool) -> bool:
    """A yes or no (Enter, or end of input: ``default``)."""
    answer = (ask(prompt) or "").strip().lower()
    if not answer:
        return default
    return answer in ("y", "yes", "r", "resume", *_words(YES_WORDS))


def ask_note(ask: Ask) -> str:
    """A free-text note, "" when skipped."""
    return (ask(str(NOTE)) or "").strip()


def accept_safety(ask: Ask, say: Say) -> bool:
    """Show the safety notice; True when accepted with Enter, False to quit."""
    for line in notice_lines():
        say(line)
    answer = ask(str(SAFETY_PROMPT))
    refusals = ("q", "quit", "n", "no", *_words(QUIT_WORDS))
    return answer is not None and answer.strip().lower() not in refusals
