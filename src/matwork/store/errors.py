"""Why the session log cannot be used: the HistoryError family, and SQLite's errors explained.

SQLite says what went wrong in its result code (``sqlite_errorcode``), not in words a
user can act on, and "unable to open database file" covers a read-only disk, a folder
without write permission and a missing folder alike. ``translate_error`` maps the
code to its own subclass and asks the file system which of those it was, so a healthy
file that cannot be written is never called damaged (only SQLITE_CORRUPT and
SQLITE_NOTADB are), and only a damaged one is offered to be moved aside.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from matwork.i18n import _


class HistoryError(Exception):
    """The session log cannot be used; the message says why and what to do."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        super().__init__(f"{path}: {message}")


class NotOursError(HistoryError):
    """The file is an SQLite database, but not a matwork history."""


class CorruptHistoryError(HistoryError):
    """The file is damaged or not a database at all; ``move_aside`` can set it aside."""


class NewerSchemaError(HistoryError):
    """The file was written by a newer matwork, whose schema this one does not know."""


class HistoryBusyError(HistoryError):
    """Another process kept the file locked longer than the busy timeout."""


class DiskFullError(HistoryError):
    """The disk (or the quota) holding the log is full: nothing more can be written."""


class ReadOnlyHistoryError(HistoryError):
    """The log sits on a read-only file system: it can be read, not written."""


class HistoryPermissionError(HistoryError):
    """The file or its folder may not be written (or read) by this user."""


class BadSessionIdError(HistoryError, ValueError):
    """A session id that is not a well-formed UUID (it would be used to name a file)."""


# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26

DISK_FULL = "disk full"
"""The words every message about a full disk starts with (in English)."""
READ_ONLY = "read-only file system"
"""The words every message about a read-only file system starts with (in English)."""
PERMISSION_DENIED = "permission denied"
"""The words every message about missing permissions starts with (in English)."""


def _primary_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def _closest_existing(path: Path) -> Path:
    current = path
    while not current.exists() and current != current.parent:
        current = current.parent
    return current


def diagnose_unwritable(path: Path) -> HistoryError | None:
    """Why ``path`` (the log) cannot be written, from the file system; None if it can.

    Looks at the file and the folder it lives in (SQLite creates -wal and -shm there).
    """
    folder = _closest_existing(path.parent)
    try:
        read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        read_only = False
    if read_only:
        return read_only_error(path)
    for target in (path, path.parent):
        if target.exists() and not os.access(target, os.W_OK):
            return permission_error(path, target)
    if not path.parent.is_dir():
        words = _("the folder {folder} does not exist and cannot be made")
        return HistoryError(path, words.format(folder=path.parent))
    try:
        stats = os.statvfs(folder)
    except OSError:
        return None
    if stats.f_bavail == 0 or stats.f_favail == 0:
        return disk_full_error(path)
    return None


def disk_full_error(path: Path) -> DiskFullError:
    """The error for a full disk holding ``path``."""
    return DiskFullError(
        path,
        _(
            "disk full: the session log cannot be written; free some space "
            "(what is already logged is safe)"
        ),
    )


def read_only_error(path: Path) -> ReadOnlyHistoryError:
    """The error for a log on a read-only file system."""
    return ReadOnlyHistoryError(
        path,
        _(
            "read-only file system: the session log can be read but not written; remount the "
            "disk read-write or set MATWORK_DATA_DIR to a writable folder"
        ),
    )


def permission_error(path: Path, target: Path) -> HistoryPermissionError:
    """The error for a log whose file or folder (``target``) this user may not write."""
    if target != path:
        words = _(
            "permission denied: this user may not write the folder {target}; "
            "fix its owner or mode (matwork makes it 0600, its folder 0700)"
        )
    else:
        words = _(
            "permission denied: this user may not write the file {target}; "
            "fix its owner or mode (matwork makes it 0600, its folder 0700)"
        )
    return HistoryPermissionError(path, words.format(target=target))


def translate_os_error(path: Path, error: OSError, doing: str) -> HistoryError:
    """The HistoryError that explains an OSError raised while ``doing`` something to ``path``."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full_error(path)
    if error.errno == errno.EROFS:
        return read_only_error(path)
    if error.errno in (errno.EACCES, errno.EPERM):
        return permission_error(path, Path(error.filename or path))
    return HistoryError(path, f"cannot {doing} ({error.strerror or error})")


def translate_error(path: Path, error: sqlite3.Error) -> HistoryError:
    """The HistoryError that explains an sqlite3 error raised while using ``path``."""
    text = str(error)
    code = _primary_code(error)
    lowered = text.lower()
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or (
        code is None and ("locked" in lowered or "busy" in lowered)
    ):
        words = _("another matwork is busy with the session log ({detail})")
        return HistoryBusyError(path, words.format(detail=text))
    if code == _SQLITE_FULL:
        return disk_full_error(path)
    if code in (_SQLITE_READONLY, _SQLITE_CANTOPEN, _SQLITE_PERM, _SQLITE_IOERR):
        found = diagnose_unwritable(path)
        if found is not None:
            return found
        if code == _SQLITE_READONLY:
            words = _("the session log cannot be written ({detail}); it can still be read")
            return ReadOnlyHistoryError(path, words.format(detail=text))
        if code == _SQLITE_CANTOPEN:
            words = _("the session log cannot be opened ({detail})")
            return HistoryError(path, words.format(detail=text))
    if isinstance(error, sqlite3.DatabaseError) and is_damage(error):
        words = _("the session log is damaged ({detail}); move it aside to start a new one")
        return CorruptHistoryError(path, words.format(detail=text))
    return HistoryError(path, _("the session log cannot be used ({detail})").format(detail=text))


def is_damage(error: sqlite3.Error) -> bool:
    """Whether an sqlite3 error says the file itself is damaged or not a database."""
    code = _primary_code(error)
    if code is not None:
        return code in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    lowered = str(error).lower()
    return "malformed" in lowered or "not a database" in lowered or "corrupt" in lowered
