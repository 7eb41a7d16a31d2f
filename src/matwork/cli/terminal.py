"""The terminal at the CLI's edge: does one exist, and can it show what matwork prints."""

from __future__ import annotations

import io
import sys
from typing import TextIO

SAMPLE = "→·█…"
"""Characters matwork prints that a plain ASCII terminal cannot show."""


def _can_encode(stream: TextIO) -> bool:
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        SAMPLE.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def ascii_fallback() -> None:
    """Let stdout and stderr replace what their encoding cannot show, instead of crashing.

    With ``LANG=C`` or ``PYTHONIOENCODING=ascii`` an arrow or a block would raise
    UnicodeEncodeError; such characters print as ``?`` instead.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and not _can_encode(stream):
            stream.reconfigure(errors="replace")
