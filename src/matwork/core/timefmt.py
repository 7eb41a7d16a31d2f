"""Seconds as people read them on a clock."""

from __future__ import annotations

import math


def clock(seconds: float) -> str:
    """Seconds as "m:ss" or "h:mm:ss", rounded up so a countdown never shows 0:00 early."""
    whole = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def duration_words(seconds: float) -> str:
    """A duration in short words: "45 s", "12 min", "1 h 05 min"."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes = round(whole / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"
