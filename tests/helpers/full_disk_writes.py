"""Every write path of the log on a disk that fills up: ``full_disk_writes.py DATA FILLER``.

Run inside a mount namespace whose small tmpfs holds DATA (see ``helpers.mounts``).
Opens the log while there is room and starts a session (one set), then fills the disk
by writing FILLER until ENOSPC, then tries each write path and prints one JSON object:
path name -> "ok" or "ErrorClass: message" (or for the session log, its problem).
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for helpers

from matwork.app.session_log import SessionLog
from matwork.core.breaks import BreakOutcome
from matwork.store.break_log import BreakEvent, BreakLog
from matwork.store.io import export, import_file
from matwork.store.programme_log import ProgrammeLog
from matwork.store.writer import HistoryError, HistoryStore

from helpers.store import make_info, make_set


def _fill(filler: Path) -> None:
    chunk = b"\0" * 65536
    with open(filler, "wb", buffering=0) as stream:
        try:
            while True:
                stream.write(chunk)
        except OSError:
            pass
        try:  # the last blocks, a byte at a time
            while True:
                stream.write(b"\0")
        except OSError:
            pass


def _attempt(outcomes: dict[str, str], name: str, action: object) -> None:
    try:
        action()  # type: ignore[operator]
    except HistoryError as error:
        outcomes[name] = f"{type(error).__name__}: {error}"
    else:
        outcomes[name] = "ok"


def main() -> None:
    data, filler = Path(sys.argv[1]), Path(sys.argv[2])
    database = data / "history.sqlite3"
    seed = data.parent / "seed.jsonl"
    with HistoryStore(database) as source:  # a session to import later, then removed
        source.start_session(make_info("To import"), now=1_790_000_000.0)
        source.session_ended("completed", 10.0)
        export(source, "jsonl", seed)
    database.unlink()
    store = HistoryStore(database)
    breaks = BreakLog(database)
    programmes = ProgrammeLog(store)
    heard: list[str] = []
    log = SessionLog(store, on_problem=lambda problem: heard.append(problem.text()))
    log.session_started(make_info())
    log.set_finished(make_set(0, started_at=time.time()))
    _fill(filler)

    outcomes: dict[str, str] = {}
    for segment in range(1, 4):
        log.set_finished(make_set(segment, started_at=time.time()))
    log.update_position(4, 1.0, 100.0)
    log.session_ended("completed", 120.0)
    outcomes["session"] = " | ".join(heard) if heard else "ok"
    outcomes["sets_in_memory"] = str(len(log.memory.sets))
    _attempt(outcomes, "annotate", lambda: store.annotate(str(log.uuid), notes="tired" * 2000))
    _attempt(outcomes, "import", lambda: import_file(store, seed))
    _attempt(outcomes, "export", lambda: export(store, "csv", data.parent / "out.csv"))
    _attempt(
        outcomes,
        "break_log",
        lambda: breaks.record(
            BreakEvent(
                reminder_uuid="r" * 8,
                at=time.time(),
                outcome=BreakOutcome("shown"),
                routine="desk",
            )
        ),
    )
    _attempt(
        outcomes,
        "programme_log",
        lambda: programmes.start_run("/p.toml", "P", "hash", date(2026, 1, 5), time.time()),
    )
    breaks.close()
    log.close(wait=0)
    print(json.dumps(outcomes))


if __name__ == "__main__":
    main()
