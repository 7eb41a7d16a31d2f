"""``matwork export -o`` never destroys the log, never clobbers a file, writes whole and 0600."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from matwork.cli.review import export
from matwork.store import io as store_io
from matwork.store.writer import HistoryStore

from helpers.store import log_path, make_info, make_set

GROUP = click.Group(commands=[export])


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(GROUP, ["export", *map(str, args)])


@pytest.fixture
def database(isolated_dirs: dict[str, Path]) -> Path:
    """A log of two sessions, with its -wal and -shm present (a store holds it open)."""
    path = log_path()
    with HistoryStore(path) as store:
        for number in range(2):
            store.start_session(make_info(f"Routine {number}"), now=1_790_000_000.0 + number)
            store.set_finished(make_set(0))
            store.session_ended("completed", 30.0)
    return path


def _sound(database: Path) -> None:
    with HistoryStore(database, create=False) as store:
        assert store.check_integrity() == ["ok"]
        assert store.count_sessions() == 2


def _targets(database: Path) -> dict[str, Path]:
    folder = database.parent
    link = folder.parent / "link-to-log"
    link.symlink_to(database)
    hard = folder.parent / "hard-link"
    os.link(database, hard)
    (folder / "x").mkdir()
    locks = database.with_name(database.name + ".locks")
    locks.mkdir(exist_ok=True)
    return {
        "the log": database,
        "its -wal": database.with_name(database.name + "-wal"),
        "its -shm": database.with_name(database.name + "-shm"),
        "its -journal": database.with_name(database.name + "-journal"),
        "a symlink to it": link,
        "a hard link to it": hard,
        "a dotted path to it": folder / "x" / ".." / database.name,
        "its lock folder": locks,
        "a file in its lock folder": locks / "s.lock",
    }


@pytest.mark.parametrize(
    "name",
    [
        "the log",
        "its -wal",
        "its -shm",
        "its -journal",
        "a symlink to it",
        "a hard link to it",
        "a dotted path to it",
        "its lock folder",
        "a file in its lock folder",
    ],
)
@pytest.mark.parametrize("force", [False, True])
def test_export_onto_the_log_is_refused_and_the_log_survives(
    database: Path, name: str, force: bool
) -> None:
    with HistoryStore(database):  # open while exporting: -wal and -shm exist
        target = _targets(database)[name]
        before = database.read_bytes()
        result = invoke("-o", target, *(["--force"] if force else []))
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    if name != "its lock folder":  # click refuses a folder itself
        assert "the session log itself" in result.stderr, result.stderr
    assert database.read_bytes() == before
    _sound(database)


def test_an_existing_file_is_kept_without_force_and_replaced_with_it(
    database: Path, tmp_path: Path
) -> None:
    target = tmp_path / "export.csv"
    target.write_text("my spreadsheet\n")
    refused = invoke("-o", target)
    assert refused.exit_code == 1
    assert "already exists; add --force" in refused.stderr
    assert target.read_text() == "my spreadsheet\n"
    replaced = invoke("-o", target, "--force")
    assert replaced.exit_code == 0, replaced.output
    assert target.read_text().startswith("Date,Session ID")
    assert len(target.read_text().splitlines()) == 3


def test_the_export_is_created_0600(database: Path, tmp_path: Path) -> None:
    old_mask = os.umask(0o022)
    try:
        for name in ("fresh.csv", "replaced.csv"):
            target = tmp_path / name
            if name == "replaced.csv":
                target.write_text("old")
                target.chmod(0o644)
            assert invoke("-o", target, "--force").exit_code == 0
            assert stat.S_IMODE(target.stat().st_mode) == 0o600, name
    finally:
        os.umask(old_mask)


def test_a_write_that_fails_half_way_leaves_the_old_file(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "export.jsonl"
    target.write_text("the old export\n")
    written = store_io._write

    def half_then_full(store: HistoryStore, fmt: str, out: object, tz: object) -> int:
        out.write("half a line")  # type: ignore[attr-defined]
        out.flush()  # type: ignore[attr-defined]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_io, "_write", half_then_full)
    result = invoke("--format", "jsonl", "-o", target, "--force")
    assert result.exit_code == 1
    assert "disk full" in result.stderr
    assert target.read_text() == "the old export\n"
    assert sorted(path.name for path in folder.iterdir()) == ["export.jsonl"]
    monkeypatch.setattr(store_io, "_write", written)
    assert invoke("--format", "jsonl", "-o", target, "--force").exit_code == 0
    assert len(target.read_text().splitlines()) == 2


def test_a_file_that_appears_after_the_check_is_not_clobbered(tmp_path: Path) -> None:
    # Between the existence check and the rename another program creates the file:
    # without --force the rename must still refuse (a link, not a replace).
    from matwork.store.files import write_private_atomically

    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "export.csv"

    def write(stream: object) -> int:
        stream.write("the export")  # type: ignore[attr-defined]
        target.write_text("written by someone else meanwhile")
        return 1

    with pytest.raises(FileExistsError):
        write_private_atomically(target, write, replace=False)
    assert target.read_text() == "written by someone else meanwhile"
    assert sorted(path.name for path in folder.iterdir()) == ["export.csv"]
