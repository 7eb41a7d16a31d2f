"""Run every benchmark in bench/ in one go and print one table of every goal.

    .venv/bin/python bench/all.py            # every benchmark, full repetitions (~10 min)
    .venv/bin/python bench/all.py --quick    # fewer repetitions, shorter sessions (~4 min)
    .venv/bin/python bench/all.py --only player,history_screen
    ./run.sh bench [--quick]                 # the same, after the set-up

Each benchmark runs as its own process, one after the other (never two at once, so
they do not load the machine for each other), with ``--results FILE``: it appends one
row per goal it checks (``bench/results.py``). The table shows, per goal, what was
measured, the baseline measured in the same run (where the goal is a ratio), the
ratio, the goal and whether it was met. A benchmark's own output goes to
``bench-logs/<name>.log`` under the folder given by ``--logs`` (a temporary one by
default: its path is printed), or to the terminal with ``--verbose``.

Exit status: 0 when every goal is met, 1 when one is missed or a benchmark could not
run (its row says so).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from results import Result, read

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Bench:
    """One benchmark script and its arguments for a full and a quick run."""

    name: str
    script: str
    full: tuple[str, ...] = ()
    quick: tuple[str, ...] = ()


BENCHES = (
    Bench("player", "player_bench.py", (), ("--seconds", "20", "--repeat", "5")),
    Bench("history_screen", "history_screen_bench.py", ("--repeat", "10"), ("--repeat", "5")),
    Bench("history", "history_bench.py", (), ("--repeat", "3", "--processes", "3")),
    Bench("library", "library_bench.py", (), ("--repeat", "3")),
    Bench("check", "check_bench.py", (), ("--repeat", "1")),
    Bench("audio_latency", "audio_latency.py", (), ("--cues", "60")),
    Bench("plain_end_error", "plain_end_error.py", (), ("--seconds", "12")),
)
"""Every benchmark in bench/ (bare_app.py is the player's baseline, not a benchmark)."""


def run_bench(bench: Bench, quick: bool, logs: Path, verbose: bool) -> tuple[list[Result], str]:
    """Run one benchmark; its rows and, when it failed without rows, why."""
    results = logs / f"{bench.name}.jsonl"
    results.unlink(missing_ok=True)
    argv = [
        sys.executable,
        str(HERE / bench.script),
        *(bench.quick if quick else bench.full),
        "--results",
        str(results),
    ]
    log = logs / f"{bench.name}.log"
    started = time.monotonic()
    print(f"running {bench.name}: {' '.join(argv[1:])}", flush=True)
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.run(
            argv,
            stdout=None if verbose else output,
            stderr=subprocess.STDOUT if not verbose else None,
            check=False,
            env={**os.environ, "PYTHONPATH": str(HERE)},
        )
    rows = read(results)
    print(f"  {time.monotonic() - started:.0f} s, exit {process.returncode}", flush=True)
    if not rows:
        if not verbose:
            print("  " + "\n  ".join(log.read_text(encoding="utf-8").splitlines()[-15:]))
        return [], f"exit {process.returncode}, no result"
    return rows, ""


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "runs":
        return f"{value:g}"
    text = f"{value:.3f}" if unit == "s" else f"{value:.2f}" if unit != "ms" else f"{value:.1f}"
    return f"{text} {unit}"


def table(rows: Sequence[Result], failures: dict[str, str]) -> list[str]:
    """The table of every goal, one line each; failed benchmarks at the end."""
    head = ("benchmark", "measured", "baseline", "ratio", "goal", "")
    lines = [
        (
            row.bench,
            _number(row.measured, row.unit),
            _number(row.baseline, row.unit),
            "-" if row.ratio is None or row.unit == "runs" else f"{row.ratio:.2f}x",
            row.goal,
            "met" if row.met else "NOT met",
        )
        for row in rows
    ]
    lines += [(name, "-", "-", "-", "-", f"did not run: {why}") for name, why in failures.items()]
    widths = [max(len(line[i]) for line in [head, *lines]) for i in range(len(head))]

    def fmt(cells: Sequence[str]) -> str:
        first, *rest = cells
        return "  ".join(
            [first.ljust(widths[0]), *(c.rjust(w) for c, w in zip(rest, widths[1:], strict=True))]
        )

    return [fmt(head), "  ".join("-" * width for width in widths), *map(fmt, lines)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, shorter runs")
    parser.add_argument(
        "--only", help="comma-separated names: " + ", ".join(b.name for b in BENCHES)
    )
    parser.add_argument("--logs", type=Path, help="keep each benchmark's output in this folder")
    parser.add_argument("--verbose", action="store_true", help="show each benchmark's output")
    args = parser.parse_args(argv)
    chosen = list(BENCHES)
    if args.only:
        names = {name.strip() for name in args.only.split(",") if name.strip()}
        unknown = names - {bench.name for bench in BENCHES}
        if unknown:
            parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
        chosen = [bench for bench in BENCHES if bench.name in names]

    with tempfile.TemporaryDirectory(prefix="matwork-bench-all-") as scratch:
        logs = args.logs or Path(scratch)
        logs.mkdir(parents=True, exist_ok=True)
        rows: list[Result] = []
        failures: dict[str, str] = {}
        for bench in chosen:
            found, why = run_bench(bench, args.quick, logs, args.verbose)
            rows += found
            if why:
                failures[bench.name] = why
    load = os.getloadavg()
    print(
        f"\n{time.strftime('%Y-%m-%d %H:%M %Z')}, {os.cpu_count()} CPUs, load average "
        f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}{', quick' if args.quick else ''}"
    )
    print("\n".join(table(rows, failures)))
    missed = [row for row in rows if not row.met]
    return 1 if missed or failures else 0


if __name__ == "__main__":
    sys.exit(main())
