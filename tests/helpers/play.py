"""Running the real ``matwork play --plain`` in a subprocess and reading what it printed.

The plain player prints one line as each segment opens ("Work: ...", "Rest ...",
"Switch sides ...", "Prepare ...") and "Session complete: ..." at the end, so a work
set has ended exactly when a later opening line has been printed.
"""

from __future__ import annotations

import hashlib
import os
import select
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from matwork.app.library import load_entry
from matwork.cli.play_plain import work_line
from matwork.core.timeline import Segment, Timeline

OPENING_PREFIXES = ("Work: ", "Rest ", "Switch sides", "Prepare ", "Session complete")
"""How the lines that open a segment (or end the session) begin."""


def matwork_play(routine: Path, *options: str) -> list[str]:
    """The command line of ``matwork play --plain --log OPTIONS ROUTINE`` (logged even at
    another --speed)."""
    return [sys.executable, "-m", "matwork", "play", "--plain", "--log", *options, str(routine)]


def play_env(dirs: dict[str, Path], **extra: str) -> dict[str, str]:
    """The environment of a player process: matwork's folders in ``dirs``, plus ``extra``."""
    env = dict(os.environ)
    env["MATWORK_CONFIG_DIR"] = str(dirs["config"])
    env["MATWORK_DATA_DIR"] = str(dirs["data"])
    env["MATWORK_CACHE_DIR"] = str(dirs["cache"])
    env.pop("PYTHONUNBUFFERED", None)  # the player flushes each line itself (click.echo)
    env.update(extra)
    return env


def load_timeline(routine: Path) -> Timeline:
    """The timeline of a routine file, as the player compiles it."""
    entry = load_entry(routine)
    assert entry.timeline is not None, entry.error
    return entry.timeline


def content_hash(routine: Path) -> str:
    """The hash the log keys resumable sessions by: sha256 of the routine file."""
    return hashlib.sha256(routine.read_bytes()).hexdigest()


def integrity(database: Path) -> str:
    """SQLite's verdict on the whole file ("ok" when sound)."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return "; ".join(str(row[0]) for row in connection.execute("PRAGMA integrity_check"))
    finally:
        connection.close()


@dataclass(frozen=True)
class Progress:
    """What a run's stdout says about how far the session got."""

    work: list[Segment]
    """The work segments whose "Work:" line was printed, in order."""
    ended: list[Segment]
    """The work segments that had ended: a later opening line was printed after theirs."""
    under_way: Segment | None
    """The work segment whose line was the last opening line printed, if any."""


def progress(timeline: Timeline, lines: list[str]) -> Progress:
    """Match the opening lines printed with the timeline, played straight through.

    Checks every "Work:" line against the segment it must stand for, so a line that is
    missing, repeated or out of order fails loudly instead of shifting the count.
    """
    works = [segment for segment in timeline.segments if segment.kind == "work"]
    openings = [line for line in lines if line.startswith(OPENING_PREFIXES)]
    printed = [line for line in openings if line.startswith("Work: ")]
    assert len(printed) <= len(works), printed[len(works) :]
    for line, segment in zip(printed, works, strict=False):
        assert line == work_line(segment, segment.duration, False), (line, segment.index)
    shown = works[: len(printed)]
    under_way = shown[-1] if openings and openings[-1].startswith("Work: ") else None
    ended = shown[:-1] if under_way is not None else shown
    return Progress(shown, ended, under_way)


class PipeLines:
    """Lines of a child's stdout read straight from the pipe, each with a bounded wait.

    Unbuffered on purpose: what has been returned is exactly what the child had written,
    and ``rest`` gets everything after it (a buffered reader's ``communicate`` would not).
    """

    def __init__(self, descriptor: int) -> None:
        self._descriptor = descriptor
        self._pending = b""
        self.lines: list[str] = []
        """Every line returned so far."""

    def readline(self, timeout: float = 30.0) -> str | None:
        """The next line without its newline; None after ``timeout`` s or at the end."""
        while b"\n" not in self._pending:
            ready, _, _ = select.select([self._descriptor], [], [], timeout)
            if not ready:
                return None
            chunk = os.read(self._descriptor, 65536)
            if not chunk:
                return None
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        self.lines.append(line.decode())
        return self.lines[-1]

    def rest(self) -> list[str]:
        """Every line, read or not, once the child has closed its end (bounded wait)."""
        while self.readline() is not None:
            pass
        if self._pending:
            self.lines.append(self._pending.decode())
            self._pending = b""
        return self.lines


def run_to_end(
    command: list[str], env: dict[str, str], timeout: float = 60.0
) -> subprocess.CompletedProcess[str]:
    """Run a player to its end with stdin not a terminal (bounded wait)."""
    return subprocess.run(
        command,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )
