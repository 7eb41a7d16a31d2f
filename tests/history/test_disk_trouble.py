"""A full disk, a read-only disk, a folder without write permission: said plainly, reads go on.

Each case runs the real program on a real file system in that state: a small tmpfs
filled up (ENOSPC), a read-only bind mount (EROFS), a data folder of mode 0500 (EACCES,
as another user when the tests run as root, who ignores modes). Mounts are made in a
private mount namespace (``helpers.mounts``) and skipped, saying why, where that is
not allowed. Nothing may be called "not a readable SQLite database" or "damaged":
the file is healthy, it just cannot be written.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from matwork.store.io import export
from matwork.store.writer import HistoryStore

from helpers.mounts import MountNamespace
from helpers.store import HERE, make_info, make_set

pytestmark = pytest.mark.slow

ROUTINE = """
name = "Tiny"

[defaults]
prepare = 0
countdown = 0

[[block]]
[[block.exercise]]
id = "a"
work = 2
rest = 2
sets = 4

[catalog.a]
name = "Drill"
category = "strength"
"""
DAMAGE_WORDS = ("not a readable", "damaged", "move it aside", "Traceback")


def _environment(root: Path, data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        MATWORK_DATA_DIR=str(data),
        MATWORK_CONFIG_DIR=str(root / "config"),
        MATWORK_CACHE_DIR=str(root / "cache"),
        HOME=str(root),
    )
    return env


def _matwork(*arguments: str | Path) -> list[str]:
    return [sys.executable, "-m", "matwork", *map(str, arguments)]


def _healthy(text: str) -> None:
    for words in DAMAGE_WORDS:
        assert words not in text, text


def _fill_log(database: Path, sessions: int = 3) -> None:
    with HistoryStore(database) as store:
        for number in range(sessions):
            store.start_session(make_info(f"Routine {number}"), now=1_790_000_000.0 + number)
            for segment in range(3):
                store.set_finished(make_set(segment))
            store.session_ended("completed", 90.0)


def test_a_full_disk_is_said_plainly_on_every_write_path(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    with MountNamespace() as namespace:
        namespace.tmpfs(disk, "2m")
        done = namespace.run(
            sys.executable, HERE / "full_disk_writes.py", disk / "data", disk / "filler"
        )
        assert done.returncode == 0, done.stderr
        outcomes = json.loads(done.stdout)
        left = sorted(path.name for path in disk.iterdir())  # seen from outside: empty
    assert left == []
    assert outcomes.pop("sets_in_memory") == "4"  # the session went on
    session = outcomes.pop("session")
    assert session.startswith("not logged: "), session
    assert "disk full" in session
    for path, outcome in outcomes.items():
        assert outcome.startswith("DiskFullError: "), (path, outcome)
        assert "disk full" in outcome, (path, outcome)
        _healthy(outcome)


def test_a_full_disk_keeps_play_going_and_the_log_readable(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    routine = tmp_path / "tiny.toml"
    routine.write_text(ROUTINE)
    env = _environment(tmp_path, disk / "data")
    play = _matwork("play", "--plain", "--speed", "100", "--log", "--no-sound", routine)
    seed = tmp_path / "seed.jsonl"
    with HistoryStore(tmp_path / "other.sqlite3") as other:
        other.start_session(make_info("Other"), now=1_790_000_000.0)
        other.session_ended("completed", 10.0)
        export(other, "jsonl", seed)
    with MountNamespace() as namespace:
        namespace.tmpfs(disk, "1m")
        assert namespace.run(*play, env=env).returncode == 0
        namespace.run("sh", "-c", f"cat /dev/zero > {disk / 'filler'}")
        full = namespace.run(*play, env=env)
        reads = {
            name: namespace.run(*_matwork(*arguments), env=env)
            for name, arguments in {
                "log": ["log"],
                "show": ["show", "1"],
                "stats": ["stats"],
                "export": ["export", "--format", "jsonl"],
            }.items()
        }
        to_file = namespace.run(*_matwork("export", "-o", disk / "out.csv"), env=env)
        imported = namespace.run(*_matwork("import", seed), env=env)
        listing = namespace.run("ls", "-a", disk)
    assert full.returncode == 0, full.stderr
    assert full.stdout.splitlines()[-1].startswith("Session complete")
    assert "disk full" in full.stderr
    _healthy(full.stderr)
    for name, done in reads.items():
        assert done.returncode == 0, (name, done.stderr)
        _healthy(done.stderr)
    assert "Tiny" in reads["log"].stdout
    assert len(reads["export"].stdout.splitlines()) == 1  # the session logged before
    assert to_file.returncode == 1
    assert "disk full" in to_file.stderr
    assert listing.stdout.split() == [".", "..", "data", "filler"]  # no partial export
    assert imported.returncode == 1
    assert "disk full" in imported.stderr, imported.stderr
    _healthy(imported.stderr)


def _digest(folder: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def _leave_a_wal(database: Path) -> None:
    """A writer killed with its commits still in the -wal (nothing merged yet)."""
    script = (
        "import os, sys; sys.path.insert(0, sys.argv[2]);"
        "from matwork.store.writer import HistoryStore;"
        "from helpers.store import make_info, make_set;"
        "store = HistoryStore(sys.argv[1]); store.start_session(make_info('After crash'));"
        "store.set_finished(make_set(0)); os._exit(0)"
    )
    subprocess.run(
        [sys.executable, "-c", script, str(database), str(HERE.parent)], check=True, timeout=60
    )


@pytest.mark.parametrize("state", ["closed cleanly", "wal left by a crash"])
def test_a_read_only_disk_reads_and_says_read_only(tmp_path: Path, state: str) -> None:
    source = tmp_path / "source"
    source.mkdir(mode=0o700)
    _fill_log(source / "history.sqlite3")
    if state == "wal left by a crash":
        _leave_a_wal(source / "history.sqlite3")
        assert (source / "history.sqlite3-wal").stat().st_size > 0
    before = _digest(source)
    mounted = tmp_path / "mounted"
    routine = tmp_path / "tiny.toml"
    routine.write_text(ROUTINE)
    env = _environment(tmp_path, mounted)
    out = tmp_path / "out.jsonl"
    move = (
        "import sys; from pathlib import Path;"
        "from matwork.tui.modals.log_problem import try_move_aside;"
        "print(try_move_aside(Path(sys.argv[1]))[1])"
    )
    with MountNamespace() as namespace:
        namespace.read_only_bind(source, mounted)
        done = {
            name: namespace.run(*command, env=env)
            for name, command in {
                "log": _matwork("log"),
                "show": _matwork("show", "1"),
                "stats": _matwork("stats"),
                "export": _matwork("export", "--format", "jsonl", "-o", out),
                "play": _matwork(
                    "play", "--plain", "--speed", "100", "--log", "--no-sound", routine
                ),
                "import": _matwork("import", out),
                "move-aside": [sys.executable, "-c", move, str(mounted / "history.sqlite3")],
            }.items()
        }
    for name in ("log", "show", "stats", "export"):
        assert done[name].returncode == 0, (name, done[name].stderr)
        _healthy(done[name].stderr)
    sessions = 4 if state == "wal left by a crash" else 3
    assert len(out.read_text().splitlines()) == sessions
    assert "Routine 2" in done["log"].stdout
    assert done["play"].returncode == 0
    assert done["play"].stdout.splitlines()[-1].startswith("Session complete")
    assert "not logged: " in done["play"].stderr
    assert "read-only file system" in done["play"].stderr
    assert done["import"].returncode == 1
    assert "read-only file system" in done["import"].stderr
    assert "read-only file system" in done["move-aside"].stdout
    for name in ("play", "import", "move-aside"):
        _healthy(done[name].stderr + done[name].stdout)
    assert _digest(source) == before  # not a byte changed, no -wal or -shm made


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can reach (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="matwork-perm-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir():
            path.chmod(0o755)
    shutil.rmtree(folder)


def _as_owner(command: list[str], owner: int | None) -> list[str]:
    if owner is None:
        return command
    return ["setpriv", f"--reuid={owner}", f"--regid={owner}", "--clear-groups", *command]


def test_a_data_folder_without_write_permission_reads_and_says_so(shared_folder: Path) -> None:
    owner: int | None = None
    if os.geteuid() == 0:  # root writes through any mode: play another user
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: cannot test file modes")
        owner = 65534
    data = shared_folder / "data"
    data.mkdir(mode=0o700)
    _fill_log(data / "history.sqlite3")
    routine = shared_folder / "tiny.toml"
    routine.write_text(ROUTINE)
    for folder in ("config", "cache"):
        (shared_folder / folder).mkdir(mode=0o755)
    if owner is not None:
        for path in [data, *data.iterdir(), shared_folder / "config", shared_folder / "cache"]:
            os.chown(path, owner, owner)
    before = _digest(data)
    data.chmod(0o500)
    env = _environment(shared_folder, data)
    env["PYTHONDONTWRITEBYTECODE"] = "1"

    def run(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            _as_owner(_matwork(*arguments), owner),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
            cwd=shared_folder,
        )

    reads = [run("log"), run("show", "1"), run("stats"), run("export", "--format", "csv")]
    play = run("play", "--plain", "--speed", "100", "--log", "--no-sound", routine)
    for done in reads:
        assert done.returncode == 0, done.stderr
        _healthy(done.stderr)
    assert len(reads[3].stdout.splitlines()) == 1 + 9  # the header and 3 x 3 sets
    assert play.returncode == 0, play.stderr
    assert "permission denied" in play.stderr
    _healthy(play.stderr)
    assert _digest(data) == before
