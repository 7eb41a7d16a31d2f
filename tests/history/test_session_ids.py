"""Nothing from a file or the log becomes a path: session ids are UUIDs, or name no file.

An id such as ``../../x`` once made a resume of an imported session truncate and
delete ``x.lock`` two folders above the lock folder. Import refuses it at its line;
a row holding one anyway (an older import, a hand edit) is shown and read, but never
names a lock file: ``lock_path`` raises, a resume is refused, and no file outside the
data folder is created, changed or removed.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from matwork.cli import main as cli_main
from matwork.store.errors import BadSessionIdError
from matwork.store.io import ImportFormatError, export, import_file
from matwork.store.locks import lock_dir, lock_path
from matwork.store.writer import HistoryError, HistoryStore

from helpers.store import ROUTINE_HASH, log_path, make_info

EVIL = "../../x"


def _tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` but outside the data folder, with a digest of it."""
    data = log_path().parent
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and data not in path.parents
    }


@pytest.fixture
def bait(isolated_dirs: dict[str, Path]) -> Path:
    """The file a lock named from ``../../x`` would be: ``<locks>/../../x.lock``."""
    database = log_path()
    target = (lock_dir(database) / f"{EVIL}.lock").resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("someone else's file\n")
    return target


def _evil_export(tmp_path: Path) -> Path:
    with HistoryStore(tmp_path / "source.sqlite3") as source:
        source.start_session(make_info(), now=1_790_000_000.0)
        source.close()  # left interrupted: a resume would take its lock
    with HistoryStore(tmp_path / "source.sqlite3") as source:
        export(source, "jsonl", tmp_path / "good.jsonl")
    item = json.loads((tmp_path / "good.jsonl").read_text())
    item["uuid"] = EVIL
    path = tmp_path / "evil.jsonl"
    path.write_text(json.dumps(item) + "\n")
    return path


def test_an_imported_path_like_id_is_refused_at_its_line(bait: Path, tmp_path: Path) -> None:
    path = _evil_export(tmp_path)
    outside = _tree(bait.parent)
    result = CliRunner().invoke(cli_main, ["import", str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"matwork: {path}:1: column uuid: '../../x' is not a session id (a UUID)\n"
    )
    with HistoryStore(log_path()) as store:
        assert store.count_sessions() == 0
        with pytest.raises(ImportFormatError):
            import_file(store, path)
    assert bait.read_text() == "someone else's file\n"
    assert _tree(bait.parent) == outside


def test_lock_files_are_named_from_valid_ids_only(tmp_path: Path) -> None:
    database = tmp_path / "history.sqlite3"
    good = "0123abcd-0000-4000-8000-000000000000"
    assert lock_path(database, good) == lock_dir(database) / f"{good}.lock"
    for bad in (EVIL, "", "x", good.upper(), f"{good}/../y", f"/{good}", good + "\n"):
        with pytest.raises(BadSessionIdError):
            lock_path(database, bad)


def test_a_stored_path_like_id_is_shown_but_names_no_file(bait: Path) -> None:
    # As an older matwork's import left it: a row with the id, interrupted, resumable.
    database = log_path()
    with HistoryStore(database) as store:
        store.start_session(make_info(), now=1_790_000_000.0)
    connection = sqlite3.connect(database)
    with connection:
        connection.execute("UPDATE sessions SET uuid = ?, status = 'running'", (EVIL,))
    connection.close()
    outside = _tree(bait.parent)

    with HistoryStore(database) as store:
        (record,) = store.recent_sessions()
        assert record.uuid == EVIL
        assert record.status == "interrupted"  # no live writer has such an id
        assert store.find_resumable(content_hash=ROUTINE_HASH) is None
        store.continue_session(EVIL)  # arms the resume; the write refuses the id
        with pytest.raises(HistoryError, match="not a session id"):
            store.session_started(make_info())
        with pytest.raises(HistoryError, match="not a session id"):
            store.start_session(make_info(), resume_uuid=EVIL)
    for command in (["log"], ["show", "1"], ["export", "--format", "jsonl"]):
        done = CliRunner().invoke(cli_main, command)
        assert done.exit_code == 0, (command, done.output)
    assert bait.read_text() == "someone else's file\n"
    assert _tree(bait.parent) == outside
