"""Where the session meets the red-flag check: a stored open flag, and the pain answers.

Both return the screen to push, or None when no check is due, so the session screen's
own code stays a few lines: ``open_flag_screen`` before a session starts (an open
warning sign blocks training until a clear check), ``pain_check_screen`` after a
pain answer above 5 or new leg symptoms (before or after the session).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from matwork.app.red_flag_checks import open_check
from matwork.core.red_flags import CheckReason, recheck_reason

if TYPE_CHECKING:  # the screen is imported only when a check is due
    from matwork.tui.assess.red_flags import RedFlagScreen


def open_flag_screen(log_file: Path) -> RedFlagScreen | None:
    """The stored open check with "Answer again", when the newest check left one open."""
    found = open_check(log_file)
    if found is None:
        return None
    from matwork.tui.assess.red_flags import RedFlagScreen

    return RedFlagScreen(log_file, CheckReason.RECHECK, open_found=found)


def pain_check_screen(
    log_file: Path,
    pain: int | None,
    new_leg_symptoms: bool = False,
    *,
    after: bool = False,
    session_uuid: str | None = None,
) -> RedFlagScreen | None:
    """The red-flag check a pain answer calls for, or None when it calls for none."""
    reason = recheck_reason(pain, new_leg_symptoms, after=after)
    if reason is None:
        return None
    from matwork.tui.assess.red_flags import RedFlagScreen

    return RedFlagScreen(log_file, reason, session_uuid=session_uuid)
