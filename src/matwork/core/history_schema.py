"""The session log's SQLite file: creating it safely, checking it is ours, migrating it.

Version 1 is the first schema; version 2 (current) adds pain ratings, notes, the set
pain flag and the indexes the log and stats queries need. A fresh file is created at
version 1 and migrated, so the migration path runs on every new install.

Durability: the file runs in WAL mode with ``synchronous=NORMAL``. Every commit is
appended to the WAL before ``commit`` returns, so a killed process (kill -9, a closed
terminal) loses nothing it committed; only an OS crash or power loss can drop the last
few commits (the file stays consistent either way). ``FULL`` would add an fsync per
set, several milliseconds on slow disks, to guard a workout log against power loss.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from pathlib import Path

APPLICATION_ID = 0x4D615457
"""``PRAGMA application_id`` of a matwork history file ("MaTW")."""

SCHEMA_VERSION = 2
"""The schema version this matwork writes (``PRAGMA user_version``)."""

BUSY_TIMEOUT_MS = 5000
"""How long a writer waits for another process's transaction before giving up."""

SCHEMA_V1 = """
CREATE TABLE sessions (
    uuid TEXT PRIMARY KEY NOT NULL,
    routine_name TEXT NOT NULL,
    routine_path TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    started_at REAL NOT NULL,
    ended_at REAL,
    updated_at REAL NOT NULL,
    planned_seconds REAL NOT NULL,
    active_seconds REAL NOT NULL DEFAULT 0,
    status TEXT NOT NULL
        CHECK (status IN ('running', 'completed', 'stopped', 'interrupted')),
    rpe INTEGER CHECK (rpe BETWEEN 0 AND 10),
    resume_segment INTEGER NOT NULL DEFAULT 0,
    resume_offset REAL NOT NULL DEFAULT 0,
    writer_pid INTEGER,
    writer_marker TEXT
);
CREATE TABLE sets (
    id INTEGER PRIMARY KEY,
    session_uuid TEXT NOT NULL REFERENCES sessions(uuid) ON DELETE CASCADE,
    segment INTEGER NOT NULL,
    exercise_id TEXT NOT NULL,
    exercise_name TEXT NOT NULL,
    category TEXT NOT NULL,
    pattern TEXT NOT NULL,
    side TEXT,
    block INTEGER NOT NULL,
    block_name TEXT NOT NULL,
    round INTEGER NOT NULL,
    set_number INTEGER NOT NULL,
    planned_seconds REAL NOT NULL,
    actual_seconds REAL NOT NULL,
    reps_planned INTEGER,
    reps_done INTEGER,
    load TEXT,
    skipped INTEGER NOT NULL,
    started_at REAL NOT NULL
);
CREATE INDEX sets_by_session ON sets (session_uuid, segment);
"""
"""The first schema, exactly as version 1 shipped it (tests build v1 files from it)."""

MIGRATION_V2 = """
ALTER TABLE sessions ADD COLUMN pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10);
ALTER TABLE sessions ADD COLUMN pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10);
ALTER TABLE sessions ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE sets ADD COLUMN pain_flag INTEGER NOT NULL DEFAULT 0;
CREATE INDEX sessions_by_start ON sessions (started_at, uuid);
CREATE INDEX sessions_by_routine ON sessions (routine_name, started_at);
CREATE INDEX sessions_by_hash ON sessions (content_hash, updated_at);
CREATE INDEX sessions_by_path ON sessions (routine_path, updated_at);
"""
"""Version 1 -> 2: pain ratings, notes, the set pain flag, and query indexes."""

MIGRATIONS: dict[int, str] = {2: MIGRATION_V2}
"""Forward migrations: the script that brings version ``n - 1`` to version ``n``."""


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


def _make_private_dir(folder: Path) -> None:
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


def _create_private_file(path: Path) -> None:
    """Create an empty ``path`` with mode 0600 from the start, unless it already exists."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    except FileExistsError:
        return
    os.close(descriptor)


def translate_error(path: Path, error: sqlite3.Error) -> HistoryError:
    """The HistoryError that explains an sqlite3 error raised while using ``path``."""
    text = str(error)
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        return HistoryBusyError(path, f"another matwork is busy with the session log ({text})")
    if isinstance(error, sqlite3.DatabaseError) and (
        "malformed" in lowered or "not a database" in lowered or "corrupt" in lowered
    ):
        return CorruptHistoryError(
            path, f"the session log is damaged ({text}); move it aside to start a new one"
        )
    return HistoryError(path, f"the session log cannot be used ({text})")


def _check_identity(connection: sqlite3.Connection, path: Path) -> int:
    """Read application id and schema version; raise unless the file is ours or empty.

    Returns the schema version (0 for an empty database that is ours to initialise).
    Nothing is written here, so a foreign or damaged file is left exactly as it was.
    The three reads share one read transaction: another process creating the schema
    at the same moment is seen either not at all or completely.
    """
    try:
        connection.execute("BEGIN")
        try:
            application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            tables = {
                str(row[0])
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        finally:
            connection.execute("COMMIT")
    except sqlite3.DatabaseError as error:
        raise CorruptHistoryError(
            path, f"not a readable SQLite database ({error}); move it aside to start a new one"
        ) from error
    if application_id == 0 and not tables and version == 0:
        return 0
    if application_id != APPLICATION_ID or "sessions" not in tables:
        raise NotOursError(
            path,
            f"not a matwork session log (application_id {application_id:#x}, "
            f"tables: {', '.join(sorted(tables)) or 'none'}); it was left untouched",
        )
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            path,
            f"written by a newer matwork (schema v{version}; this one reads up to "
            f"v{SCHEMA_VERSION}); upgrade matwork to use it",
        )
    return version


def _migrate(connection: sqlite3.Connection) -> None:
    """Create or upgrade the schema to SCHEMA_VERSION in one immediate transaction."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        start_version = version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if version == 0:
            for statement in _statements(SCHEMA_V1):
                connection.execute(statement)
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            version = 1
        while version < SCHEMA_VERSION:
            version += 1
            for statement in _statements(MIGRATIONS[version]):
                connection.execute(statement)
        if version != start_version:
            connection.execute(f"PRAGMA user_version = {version}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    """Split a DDL script into statements (the scripts hold no semicolons in literals)."""
    return [statement.strip() for statement in script.split(";") if statement.strip()]


def create_v1_database(path: Path) -> None:
    """Write a version-1 history file at ``path`` (for migration tests and fixtures)."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        for statement in _statements(SCHEMA_V1):
            connection.execute(statement)
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute("PRAGMA user_version = 1")
        connection.execute("COMMIT")
    finally:
        connection.close()


def _configure(connection: sqlite3.Connection) -> None:
    """Per-connection settings: busy timeout and foreign keys."""
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA foreign_keys = ON")


def _enable_wal(connection: sqlite3.Connection) -> None:
    """Switch to WAL, waiting out other processes (the switch skips the busy handler)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def open_database(path: Path, *, create: bool = True) -> sqlite3.Connection:
    """Open (creating if allowed) the history at ``path``: checked, WAL, migrated.

    A missing file with ``create=False`` opens an empty in-memory log, and nothing
    is created on disk. Raises a HistoryError subclass for a file that is not ours,
    damaged, or newer than this matwork; such a file is never written to.
    """
    if not path.exists() and not create:
        connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        _configure(connection)
        _migrate(connection)
        return connection
    try:
        _make_private_dir(path.parent)
        _create_private_file(path)
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except OSError as error:
        raise HistoryError(path, f"cannot create the session log ({error.strerror})") from error
    except sqlite3.Error as error:
        raise translate_error(path, error) from error
    try:
        _configure(connection)
        version = _check_identity(connection, path)
        _enable_wal(connection)
        connection.execute("PRAGMA synchronous = NORMAL")
        if version < SCHEMA_VERSION:
            _migrate(connection)
            # Another process may have initialised the file while we checked it.
            _check_identity(connection, path)
    except sqlite3.Error as error:
        connection.close()
        raise translate_error(path, error) from error
    except HistoryError:
        connection.close()
        raise
    return connection


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
    """The writer lock file of one session."""
    return lock_dir(database) / f"{session_uuid}.lock"


def take_writer_lock(database: Path, session_uuid: str) -> int | None:
    """Create and exclusively lock the session's lock file; its descriptor, or None if held.

    The caller keeps the descriptor open for as long as the session runs.
    """
    _make_private_dir(lock_dir(database))
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
    """Whether the process writing a ``running`` session is still alive."""
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
