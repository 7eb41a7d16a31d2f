"""The session log's SQLite file: creating it safely, checking it is ours, migrating it.

Version 1 is the first schema; version 2 adds pain ratings, notes, the set pain flag
and the indexes the log and stats queries need; version 3 adds programme
runs, the sessions played against them and the morning check-ins; version 4 adds
the desk-break reminders' outcomes (``break_log``); version 5 (current) adds the
results of test sets, the self-assessments and the red-flag checks
(``assessment_log``). A fresh file is created at
version 1 and migrated, so the migration path runs on every new install.

Durability: the file runs in WAL mode with ``synchronous=NORMAL``. Every commit is
appended to the WAL before ``commit`` returns, so a killed process (kill -9, a closed
terminal) loses nothing it committed; only an OS crash or power loss can drop the last
few commits (the file stays consistent either way). ``FULL`` would add an fsync per
set, several milliseconds on slow disks, to guard a workout log against power loss.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from matwork.store.ddl import MIGRATIONS, SCHEMA_V1
from matwork.store.errors import (
    CorruptHistoryError,
    DiskFullError,
    HistoryBusyError,
    HistoryError,
    HistoryPermissionError,
    NewerSchemaError,
    NotOursError,
    ReadOnlyHistoryError,
    is_damage,
    translate_error,
    translate_os_error,
)
from matwork.store.files import create_private_file, make_private_dir, move_aside
from matwork.store.locks import (
    lock_dir,
    lock_path,
    process_marker,
    release_writer_lock,
    take_writer_lock,
    writer_alive,
)

APPLICATION_ID = 0x4D615457
"""``PRAGMA application_id`` of a matwork history file ("MaTW")."""

SCHEMA_VERSION = 5
"""The schema version this matwork writes (``PRAGMA user_version``)."""

BUSY_TIMEOUT_MS = 5000
"""How long a writer waits for another process's transaction before giving up."""


__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT_MS",
    "MIGRATIONS",
    "SCHEMA_V1",
    "SCHEMA_VERSION",
    "CorruptHistoryError",
    "DiskFullError",
    "HistoryBusyError",
    "HistoryError",
    "HistoryPermissionError",
    "NewerSchemaError",
    "NotOursError",
    "ReadOnlyHistoryError",
    "create_v1_database",
    "fetch_all",
    "lock_dir",
    "lock_path",
    "move_aside",
    "open_database",
    "process_marker",
    "release_writer_lock",
    "take_writer_lock",
    "translate_error",
    "translate_os_error",
    "writer_alive",
]


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
            if connection.in_transaction:  # an I/O error may have ended it already
                connection.execute("COMMIT")
    except sqlite3.DatabaseError as error:
        if not is_damage(error):  # a healthy file that cannot be opened or written here
            raise translate_error(path, error) from error
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


def _lenient_text(value: bytes) -> str:
    """TEXT as str; bytes that are not UTF-8 (a hand-edited file) read as U+FFFD."""
    return value.decode("utf-8", "replace")


def fetch_all(
    connection: sqlite3.Connection, sql: str, parameters: tuple[object, ...] = ()
) -> list[sqlite3.Row]:
    """The rows of a query; a TEXT value that is not UTF-8 (a hand edit) reads as U+FFFD.

    sqlite3 decodes TEXT in C; only when that fails does the connection switch to a
    lenient decoder (slower, so not from the start) and the query run again.
    """
    try:
        return connection.execute(sql, parameters).fetchall()
    except sqlite3.OperationalError as error:
        if "decode" not in str(error).lower() or connection.text_factory is _lenient_text:
            raise
        connection.text_factory = _lenient_text
        return connection.execute(sql, parameters).fetchall()


def _configure(connection: sqlite3.Connection) -> None:
    """Per-connection settings: rows by name, busy timeout, foreign keys."""
    connection.row_factory = sqlite3.Row
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


def _in_memory() -> sqlite3.Connection:
    """An empty log in memory, at the current schema (what a missing file reads as)."""
    connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    _configure(connection)
    _migrate(connection)
    return connection


def open_database(
    path: Path, *, create: bool = True, read_only: bool = False
) -> sqlite3.Connection:
    """Open (creating if allowed) the history at ``path``: checked, WAL, migrated.

    A missing file with ``create=False`` (or ``read_only``) opens an empty in-memory
    log, and nothing is created on disk. ``read_only`` opens the file as it is (see
    ``_open_read_only``). Raises a HistoryError subclass for a file that is not ours,
    damaged, or newer than this matwork (such a file is never written to), and one
    that says "disk full", "read-only file system" or "permission denied" for a
    healthy file that cannot be written.
    """
    if not path.exists() and (not create or read_only):
        return _in_memory()
    if read_only:
        return _open_read_only(path)
    try:
        make_private_dir(path.parent)
        create_private_file(path)
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except OSError as error:
        raise translate_os_error(path, error, "create the session log") from error
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


def _read_connection(path: Path, *, immutable: bool) -> tuple[sqlite3.Connection, int]:
    """A ``mode=ro`` connection to ``path`` (no WAL switch, no writes) and its version."""
    uri = path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
    try:
        connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as error:
        raise translate_error(path, error) from error
    try:
        _configure(connection)
        return connection, _check_identity(connection, path)
    except sqlite3.Error as error:
        connection.close()
        raise translate_error(path, error) from error
    except HistoryError:
        connection.close()
        raise


def _open_read_only(path: Path) -> sqlite3.Connection:
    """Open the history for reading only, so a read-only disk or folder still reads.

    SQLite needs the -shm file next to a WAL log even to read it; in a folder where it
    cannot be made, and when no -wal file holds unmerged commits (a log closed
    cleanly), the file is read as ``immutable``: nobody can be writing to a log whose
    folder does not let a writer make its -wal. A log from an older matwork still needs
    its one-time upgrade, so it goes through the writable ``open_database``.
    """
    try:
        connection, version = _read_connection(path, immutable=False)
    except (ReadOnlyHistoryError, HistoryPermissionError, DiskFullError):
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise
        connection, version = _read_connection(path, immutable=True)
    if version == SCHEMA_VERSION:
        return connection
    connection.close()
    try:
        return open_database(path, create=False)
    except (ReadOnlyHistoryError, HistoryPermissionError, DiskFullError):
        if version == 0:  # an empty file nobody has initialised: an empty log
            return _in_memory()
        raise
