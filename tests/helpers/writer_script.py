"""A session writer for crash and concurrency tests: ``writer_script.py DB COUNT end|open``.

Starts a session, prints ``started <uuid>``, then records COUNT sets, printing each
set's segment index after it is committed; with ``end`` it completes the session and
prints ``done``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for helpers

from matwork.store.writer import HistoryStore

from helpers.store import make_info, make_set


def main() -> None:
    database, count, mode = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    store = HistoryStore(database)
    session_uuid = store.start_session(make_info())
    print("started", session_uuid, flush=True)
    now = time.time()
    for segment in range(count):
        store.set_finished(make_set(segment, started_at=now))
        print(segment, flush=True)
    if mode == "end":
        store.session_ended("completed", count * 30.0)
        print("done", flush=True)
    store.close()


if __name__ == "__main__":
    main()
