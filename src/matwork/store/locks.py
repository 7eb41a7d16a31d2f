"""Writer liveness: a flock per running session, so a dead writer reads as interrupted."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from matwork.store.files import make_private_dir
from matwork.store.ids import checked_session_id, is_session_id

# Writer liveness -------------------------------------------------------------------
#
# A session row is ``running`` while its writer holds an exclusive flock(2) on
# ``<db>.locks/<uuid>.lock``. The kernel drops the lock when the writer dies in any way
# (kill -9 included), so a reader that can take the lock knows the writer is gone and
# shows the session as interrupted. flock locks belong to the open file description,
# so a probe from the writer's own process still sees the lock as held. The pid and a
# process start marker are kept in the row as a fallback for when the lock file cannot
# be opened (another user's file, a platform without flock).


def lock_dir(database: Path) -> Path:
    """The folder of the per-session writer locks of ``database``."""
    return database.with_name(database.name + ".locks")


def lock_path(database: Path, session_uuid: str) -> Path:
    """The writer lock file of one session; BadSessionIdError for an id that is not a UUID.

    The id names a file, so only a validated one may: ``../../x`` from a hand-made
    import must never become ``<data>/../../x.lock``.
    """
    return lock_dir(database) / f"{checked_session_id(database, session_uuid)}.lock"


def take_writer_lock(database: Path, session_uuid: str) -> int | None:
    """Create and exclusively lock the session's lock file; its descriptor, or None if held.

    The caller keeps the descriptor open for as long as the session runs.
    """
    make_private_dir(lock_dir(database))
    path = lock_path(database, session_uuid)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        return None
    os.ftruncate(descriptor, 0)
    os.write(descriptor, f"{os.getpid()}\n".encode())
    return descriptor


def release_writer_lock(database: Path, session_uuid: str, descriptor: int) -> None:
    """Remove the session's lock file and drop the lock."""
    try:
        os.unlink(lock_path(database, session_uuid))
    except FileNotFoundError:
        pass
    finally:
        os.close(descriptor)


def process_marker(pid: int) -> str | None:
    """A marker of when process ``pid`` started (boot id + start tick), or None if unknown.

    A pid that was reused by a later process gives a different marker.
    """
    try:
        boot_id = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields_after_name = stat.rsplit(")", 1)[-1].split()
    return f"{boot_id}:{fields_after_name[19]}" if len(fields_after_name) > 19 else None


def _pid_alive(pid: int | None, marker: str | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    current = process_marker(pid)
    return marker is None or current is None or current == marker


def writer_alive(database: Path, session_uuid: str, pid: int | None, marker: str | None) -> bool:
    """Whether the process writing a ``running`` session is still alive.

    A row whose id is not a UUID was never written by a live matwork (they only use
    valid ids): it is not alive, and no file is named from it.
    """
    if not is_session_id(session_uuid):
        return False
    try:
        descriptor = os.open(lock_path(database, session_uuid), os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        return False
    except OSError:
        return _pid_alive(pid, marker)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return _pid_alive(pid, marker)
    finally:
        os.close(descriptor)
    return False
