"""Creating the log's folders and files private (0700 and 0600) from the first system call.

Also the export's file, written whole through a temporary file and a rename, 0600;
and ``move_aside``, which renames a damaged log (never deletes it).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, TypeVar

from matwork.i18n import _

_T = TypeVar("_T")


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` and missing parents as 0700 at creation (existing ones are kept)."""
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            continue


def create_private_file(path: Path) -> None:
    """Create an empty ``path`` with mode 0600 from the start, unless it already exists."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    except FileExistsError:
        return
    os.close(descriptor)


def os_error_words(error: OSError) -> str:
    """An OSError in the words the log's messages use: "disk full", "read-only file system"...

    The same words as ``errors.DISK_FULL``, ``READ_ONLY`` and ``PERMISSION_DENIED``.
    """
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "disk full"
    if error.errno == errno.EROFS:
        return "read-only file system"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return error.strerror or str(error)


def os_error_text(error: OSError) -> str:
    """``os_error_words`` in the language in use (the system's own words stay as they are)."""
    words = os_error_words(error)
    shown = {
        "disk full": _("disk full"),
        "read-only file system": _("read-only file system"),
        "permission denied": _("permission denied"),
    }
    return shown.get(words, words)


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file: the same resolved path, or device and inode."""
    if os.path.realpath(first) == os.path.realpath(second):
        return True
    try:
        one, other = os.stat(first), os.stat(second)
    except OSError:
        return False
    return (one.st_dev, one.st_ino) == (other.st_dev, other.st_ino)


def write_private_atomically(target: Path, write: Callable[[TextIO], _T], *, replace: bool) -> _T:
    """Write ``target`` whole or not at all, created 0600; returns what ``write`` returned.

    The text goes to a temporary file in the target's folder (0600 from its creation),
    is flushed to disk, and only then takes the target's name: a failure half-way
    (disk full, a crash) leaves an existing target as it was and no partial file.
    Without ``replace`` an existing target is never overwritten, even one that
    appeared meanwhile (FileExistsError). Raises OSError.
    """
    folder = target.parent
    temporary = folder / f".{target.name}.{secrets.token_hex(6)}.tmp"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
            result = write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if replace:
            os.replace(temporary, target)
        else:
            _link_without_overwrite(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)
    return result


def _link_without_overwrite(temporary: Path, target: Path) -> None:
    """Give ``temporary`` the name ``target`` unless that exists (atomically where possible)."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
        os.rename(temporary, target)
        return
    os.unlink(temporary)


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries (the rename) to disk; not every file system can."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def move_aside(path: Path) -> Path:
    """Rename a damaged history (and its -wal/-shm) to ``<name>.corrupt-<UTC time>``.

    Returns the new path of the database file; nothing is deleted.
    """
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    os.rename(path, target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.rename(companion, target.with_name(target.name + suffix))
    return target
