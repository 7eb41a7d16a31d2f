"""The safety notice shown before the first session, by the full screen and by --plain."""

from __future__ import annotations

from matwork.i18n import lazy_

SAFETY_TITLE = lazy_("Before you start")
"""The notice's title; ``str()`` gives it in the language in use."""

SAFETY_TEXT = lazy_(
    """\
matwork is a timer and a library of exercises. It does not replace medical \
advice, a diagnosis or treatment.

• If you have back pain, see a doctor or physiotherapist before you start, and \
ask which movements suit you.

• Stop at once on sharp, shooting or radiating pain (pain that travels into a \
buttock, leg or arm). Effort and a gentle stretch are fine; pain is not.

• Numbness or tingling in the groin or legs, leg weakness, or loss of bladder or \
bowel control: stop and get urgent medical care.

• Move slowly, in a small pain-free range, and keep breathing."""
)
"""The notice's paragraphs, blank-line separated; ``str()`` gives them in the language in use."""


def notice_lines() -> list[str]:
    """The notice as lines for a terminal or a screen reader: the title, then a paragraph
    a line."""
    paragraphs = str(SAFETY_TEXT).split("\n\n")
    return [str(SAFETY_TITLE), *(p.replace("\n", " ") for p in paragraphs)]
