"""Time the session log: ``matwork stats`` and ``matwork log`` on a big log, and set writes.

    .venv/bin/python bench/history_bench.py                 # 50,000 sessions x 15 sets
    .venv/bin/python bench/history_bench.py --sessions 5000 --repeat 5

Builds a log of SESSIONS sessions with SETS sets each (one executemany transaction),
and an empty log, in a temporary folder. Then, against both logs in the same run:

* core: open the store, run the queries (and for stats, summarize) in-process;
* command: the click command through CliRunner, rendering included, in-process;
* process: the CLI as a fresh ``python -m matwork`` process (interpreter start included);

a bare interpreter start and ``import matwork.cli`` as baselines for the process rows,
and the median per-set durable write (``set_finished``, one commit each) on the big log,
with synchronous=NORMAL (what matwork uses) and FULL (an fsync per commit).

Goals: stats < 300 ms, log < 200 ms (in-process command), per-set write < 5 ms median.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import click
from click.testing import CliRunner

from matwork.cli.review import export, import_, log, show, stats
from matwork.core.results import SessionInfo, SetResult
from matwork.core.stats import local_date, local_midnight, summarize, window_start_day
from matwork.core.vocab import CATEGORIES, PATTERNS
from matwork.store.records import SESSION_FIELDS, SET_COLUMNS, column_list, placeholders
from matwork.store.writer import HistoryStore
from results import Result, record

GOALS_MS = {"stats": 300.0, "log": 200.0, "set write": 5.0}


def generate(database: Path, sessions: int, sets_per_session: int, seed: int) -> float:
    """Fill a new log; returns the seconds it took."""
    HistoryStore(database).close()
    rng = random.Random(seed)
    begin = time.perf_counter()
    now = time.time()
    session_rows = []
    set_rows = []
    for index in range(sessions):
        started = round(now - index * 3 * 3600 - rng.uniform(0, 3600), 3)
        session_uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        status = rng.choices(["completed", "stopped", "interrupted"], [90, 8, 2])[0]
        active = rng.uniform(300, 2400)
        rated = rng.random() < 0.5
        session_rows.append(
            (
                session_uuid,
                f"Routine {index % 12}",
                f"/routines/routine-{index % 12}.toml",
                f"{index % 12:064x}",
                started,
                started + active + 60,
                started + active + 60,
                2400.0,
                active,
                status,
                rng.randint(3, 8),
                rng.randint(0, 7) if rated else None,
                rng.randint(0, 6) if rated else None,
                "",
                sets_per_session,
                0.0,
            )
        )
        for segment in range(sets_per_session):
            seconds = rng.uniform(20, 90)
            set_rows.append(
                (
                    session_uuid,
                    segment,
                    f"exercise-{segment}",
                    f"Exercise {segment}",
                    rng.choice(CATEGORIES),
                    rng.choice(PATTERNS),
                    rng.choice(["left", "right", None]),
                    segment // 5,
                    f"Block {segment // 5}",
                    1,
                    1 + segment % 3,
                    seconds,
                    seconds - rng.uniform(0, 2),
                    None,
                    None,
                    None,
                    int(rng.random() < 0.05),
                    0,
                    started + segment * 100,
                )
            )
    connection = sqlite3.connect(database, isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany(
        f"INSERT INTO sessions ({column_list(SESSION_FIELDS)}) "
        f"VALUES ({placeholders(len(SESSION_FIELDS))})",
        session_rows,
    )
    connection.executemany(
        f"INSERT INTO sets (session_uuid, {column_list(SET_COLUMNS)}) "
        f"VALUES ({placeholders(1 + len(SET_COLUMNS))})",
        set_rows,
    )
    connection.execute("COMMIT")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return time.perf_counter() - begin


def median_ms(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``action`` over ``repeat`` runs, after one warm-up run."""
    action()
    times = []
    for _ in range(repeat):
        begin = time.perf_counter()
        action()
        times.append((time.perf_counter() - begin) * 1000)
    return statistics.median(times)


def stats_core(data_dir: Path) -> None:
    """What ``matwork stats`` computes, without rendering."""
    now = time.time()
    since = local_midnight(window_start_day(local_date(now, None), 8), None)
    with HistoryStore(data_dir / "history.sqlite3", create=False) as store:
        sessions, sets, starts = store.stats_rows(since)
    summarize(sessions, sets, weeks=8, tz=None, now=now, training_starts=starts)


def log_core(data_dir: Path) -> None:
    """What ``matwork log`` queries, without rendering."""
    with HistoryStore(data_dir / "history.sqlite3", create=False) as store:
        store.recent_sessions(limit=20)


GROUP = click.Group(commands=[log, show, stats, export, import_])


def run_command(args: list[str]) -> None:
    result = CliRunner().invoke(GROUP, args)
    if result.exit_code != 0:
        raise SystemExit(f"{args} failed: {result.output}")


def cli_prefix() -> list[str]:
    """``python -m matwork`` once the review commands are registered, else a shim group."""
    from matwork.cli import main

    if "stats" in main.commands and "log" in main.commands:
        return [sys.executable, "-m", "matwork"]
    shim = (
        "import click; from matwork.cli.review import log, stats; "
        "click.Group(commands=[log, stats])()"
    )
    return [sys.executable, "-c", shim]


def run_process(args: list[str]) -> None:
    done = subprocess.run([*cli_prefix(), *args], capture_output=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{args} failed: {done.stderr.decode()}")


def write_median_ms(database: Path, writes: int, synchronous: str) -> tuple[float, float]:
    """Median and 95th percentile of ``set_finished`` on the log, in milliseconds."""
    info = SessionInfo("Bench", "/routines/bench.toml", "b" * 64, 600.0)
    times = []
    with HistoryStore(database, synchronous=synchronous) as store:
        store.start_session(info)
        for segment in range(writes):
            result = SetResult(
                segment, "bird-dog", "Bird dog", "pilates", "anti-rotation", "left", 0, "Core",
                1, 1, 30.0, 29.5, None, None, None, False, False, time.time(),
            )  # fmt: skip
            begin = time.perf_counter()
            store.set_finished(result)
            times.append((time.perf_counter() - begin) * 1000)
        store.session_ended("completed", 600.0)
    return statistics.median(times), statistics.quantiles(times, n=20)[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50_000)
    parser.add_argument("--sets", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=9, help="in-process runs per measure")
    parser.add_argument("--processes", type=int, default=11, help="CLI processes per measure")
    parser.add_argument("--writes", type=int, default=500)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--results", help="append each goal's row to this file (bench/all.py)")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="matwork-history-bench-") as folder:
        full_dir, empty_dir = Path(folder) / "full", Path(folder) / "empty"
        seconds = generate(full_dir / "history.sqlite3", options.sessions, options.sets, 5)
        HistoryStore(empty_dir / "history.sqlite3").close()
        size_mb = (full_dir / "history.sqlite3").stat().st_size / 1e6
        print(
            f"generated {options.sessions:,} sessions x {options.sets} sets "
            f"({options.sessions * options.sets:,} sets, {size_mb:.0f} MB) in {seconds:.1f} s"
        )
        rows = []
        for name, core in (("stats", stats_core), ("log", log_core)):
            for kind, measure in (
                ("core", lambda d, c=core: median_ms(lambda: c(d), options.repeat)),
                (
                    "command",
                    lambda d, n=name: median_ms(
                        lambda: run_command([n, "--data-dir", str(d)]), options.repeat
                    ),
                ),
                (
                    "process",
                    lambda d, n=name: median_ms(
                        lambda: run_process([n, "--data-dir", str(d)]), options.processes
                    ),
                ),
            ):
                empty, full = measure(empty_dir), measure(full_dir)
                rows.append((f"{name} {kind}", empty, full))
        for label, code in (("python start", "pass"), ("import matwork.cli", "import matwork.cli")):
            bare = median_ms(
                lambda c=code: subprocess.run([sys.executable, "-c", c], check=True),
                options.processes,
            )
            rows.append((f"{label} (baseline)", None, bare))
        database = full_dir / "history.sqlite3"
        for synchronous in ("NORMAL", "FULL"):
            median, p95 = write_median_ms(database, options.writes, synchronous)
            rows.append((f"set write {synchronous} (p95 {p95:.2f})", None, median))

    print(f"\n{'measure (ms, median)':<30} {'empty log':>10} {'big log':>10} {'added':>8}  goal")
    missed = False
    for label, empty, full in rows:
        goal_key = next((key for key in GOALS_MS if label.startswith(key)), None)
        if goal_key is None:
            print(f"{label:<30} {'-':>10} {full:10.2f} {'-':>8}")
            continue
        goal = GOALS_MS[goal_key]
        verdict = "" if label.endswith("core") else ("ok" if full < goal else "MISSED")
        empty_text = "-" if empty is None else f"{empty:10.2f}"
        added = "-" if empty is None else f"{full - empty:8.2f}"
        print(f"{label:<30} {empty_text:>10} {full:10.2f} {added:>8}  < {goal:g} {verdict}")
        if label.endswith("command") or label.startswith("set write NORMAL"):  # the goals
            missed |= full >= goal
            record(
                options.results,
                Result(f"history log: {label.split(' (')[0]}, {options.sessions // 1000}k sessions",
                       full, empty, "ms", f"< {goal:g} ms", full < goal),
            )  # fmt: skip
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
