"""Whether the reminder service runs, and when it reminds next: a lock and a state file.

The running service holds an exclusive ``flock`` on ``breaks.lock`` in the data folder
(the kernel drops it however the process ends) and rewrites ``breaks-state.json`` with
its pid, the next due instant and its backend each time they change.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import msgspec

LOCK_NAME = "breaks.lock"
STATE_NAME = "breaks-state.json"


class ServiceState(msgspec.Struct, frozen=True):
    """What the running service last wrote about itself."""

    pid: int
    next_due: float | None
    """Seconds since the epoch, or None when no reminder is due this week."""
    backend: str
    started_at: float


class ServiceStatus(msgspec.Struct, frozen=True):
    """What ``matwork breaks status`` reports about the service."""

    running: bool
    state: ServiceState | None
    """The last state written (None if none, or if the service is not running)."""


class ServiceLock:
    """The running service's lock; ``acquire`` fails when another service holds it."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir
        self._descriptor: int | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another process holds it."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(self.folder / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            return False
        self._descriptor = descriptor
        return True

    def write_state(self, state: ServiceState) -> None:
        """Replace the state file atomically."""
        target = self.folder / STATE_NAME
        temporary = target.with_suffix(".tmp")
        temporary.write_bytes(msgspec.json.encode(state))
        os.replace(temporary, target)

    def release(self) -> None:
        """Remove the state file and drop the lock."""
        if self._descriptor is None:
            return
        (self.folder / STATE_NAME).unlink(missing_ok=True)
        os.close(self._descriptor)
        self._descriptor = None


def read_status(data_dir: Path) -> ServiceStatus:
    """Whether a service holds the lock, and its last state."""
    folder = data_dir
    try:
        descriptor = os.open(folder / LOCK_NAME, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        return ServiceStatus(False, None)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
        running = False
    except BlockingIOError:
        running = True
    finally:
        os.close(descriptor)
    if not running:
        return ServiceStatus(False, None)
    try:
        state = msgspec.json.decode((folder / STATE_NAME).read_bytes(), type=ServiceState)
    except (OSError, msgspec.DecodeError):
        state = None
    return ServiceStatus(True, state)
