"""The finished screen's figures: each one named, never a bare number."""

from __future__ import annotations

from collections.abc import Sequence

from matwork.core.results import SetResult
from matwork.core.timefmt import clock
from matwork.i18n import tui_, tui_ngettext


def sets_text(sets: Sequence[SetResult]) -> str:
    """What was done: "6 sets done · 1 skipped · 2 pain flags" (zero counts left out)."""
    done = sum(not result.skipped for result in sets)
    skipped = len(sets) - done
    flagged = sum(result.pain_flag for result in sets)
    parts = [tui_ngettext("{count} set done", "{count} sets done", done).format(count=done)]
    if skipped:
        parts.append(tui_("{count} skipped").format(count=skipped))
    if flagged:
        flags = tui_ngettext("{count} pain flag", "{count} pain flags", flagged)
        parts.append(flags.format(count=flagged))
    return " · ".join(parts)


def caption_text(planned: float, finished: bool) -> str:
    """The line under the big digits once ended: what they are, and what comes next."""
    lines = [tui_("active time (planned {planned})").format(planned=clock(planned))]
    lines.append(
        tui_("Well done. Enter goes on.") if finished else tui_("What you did is in the log.")
    )
    return "\n".join(lines)
