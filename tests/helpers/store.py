"""Builders shared by the session-log tests and their writer subprocesses."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from matwork.app.paths import Paths
from matwork.core.results import SessionInfo, SetResult

ROUTINE_HASH = hashlib.sha256(b"routine text").hexdigest()
HERE = Path(__file__).resolve().parent
WRITER = HERE / "writer_script.py"


def make_info(name: str = "Desk reset", content_hash: str = ROUTINE_HASH) -> SessionInfo:
    return SessionInfo(
        routine_name=name,
        routine_path=f"/routines/{name.lower().replace(' ', '-')}.toml",
        content_hash=content_hash,
        planned_seconds=900.0,
    )


def make_set(
    segment: int,
    *,
    started_at: float = 1_790_000_000.0,
    category: str = "pilates",
    pattern: str = "anti-extension",
    seconds: float = 30.0,
    skipped: bool = False,
) -> SetResult:
    return SetResult(
        segment=segment,
        exercise_id=f"ex-{segment % 7}",
        exercise_name=f"Exercise {segment % 7}",
        category=category,
        pattern=pattern,
        side=("left", "right", None)[segment % 3],
        block=segment // 10,
        block_name=f"Block {segment // 10}",
        round=1 + segment % 2,
        set=1 + segment % 3,
        planned_seconds=seconds,
        actual_seconds=seconds - 0.25,
        reps_planned=10 if segment % 2 else None,
        reps_done=9 if segment % 2 else None,
        load="5 kg" if segment % 4 == 0 else None,
        skipped=skipped,
        pain_flag=segment % 5 == 0,
        started_at=started_at + segment * 40.123456,
    )


def subprocess_env() -> dict[str, str]:
    """The environment for writer subprocesses: this test's dirs, matwork importable."""
    env = dict(os.environ)
    source = str(HERE.parents[1] / "src")
    env["PYTHONPATH"] = os.pathsep.join([source, str(HERE), env.get("PYTHONPATH", "")])
    return env


def writer_command(database: Path, count: int, *, end: bool) -> list[str]:
    return [sys.executable, str(WRITER), str(database), str(count), "end" if end else "open"]


def log_path() -> Path:
    """The session log in the test's data folder (the autouse fixture's MATWORK_DATA_DIR)."""
    return Paths.from_environment().log_file
