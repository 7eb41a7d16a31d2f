"""Session ids: the one form the log accepts, since an id also names a lock file.

An id is a UUID in its canonical text form, 8-4-4-4-12 lowercase hex digits. Anything
else (``../../x``, an empty cell, a path) is refused where it enters: at import with
its line, and in ``locks.lock_path`` before any file is named from it.
"""

from __future__ import annotations

import re
from pathlib import Path

from matwork.store.errors import BadSessionIdError

_SESSION_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def is_session_id(value: object) -> bool:
    """Whether ``value`` is a session id as the log writes them (canonical lowercase UUID)."""
    return isinstance(value, str) and _SESSION_ID.fullmatch(value) is not None


def normal_session_id(text: str) -> str | None:
    """``text`` as a canonical session id (hex digits lowercased), or None if it is not one."""
    lowered = text.strip().lower()
    return lowered if is_session_id(lowered) else None


def checked_session_id(database: Path, value: object) -> str:
    """``value`` if it is a session id; BadSessionIdError (a HistoryError) if not."""
    if not is_session_id(value):
        raise BadSessionIdError(database, f"not a session id (a UUID): {value!r}")
    assert isinstance(value, str)
    return value
