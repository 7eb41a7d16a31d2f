"""One immediate write transaction on a log connection, shared by every store."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from matwork.store.errors import translate_error


@contextmanager
def immediate_transaction(
    connection: sqlite3.Connection, lock: threading.RLock | threading.Lock, path: Path
) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE under ``lock``; COMMIT when the block ends, ROLLBACK on any error.

    SQLite's errors leave as the log's own (``translate_error``: busy, disk full,
    read-only, damaged), naming ``path``.
    """
    with lock:
        try:
            connection.execute("BEGIN IMMEDIATE")
            yield connection
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise translate_error(path, error) from error
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
