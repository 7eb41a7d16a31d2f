"""How fast does the Library screen appear, and fill, with 500 routines next to 10?

Writes 500 and 10 varied, valid routine files (their own ``[catalog.<id>]`` entries,
shipped catalog ids, or both) to two temporary folders, then starts the app on each,
alternately, each start a fresh headless process so imports count as in a real start:

  make_app(sources=[RoutineSource("user", folder)],
           config=Config(session=SessionSettings(safety_acknowledged=True)), poll_seconds=0)
  app.run(headless=True, size=(120, 40))

and records, from just before the parent launches the process:

  first frame  the first frame of the Library screen (what a terminal would be sent)
  all listed   the first frame whose routine list holds every file

The driver hooks ``App._display``, where Textual hands each rendered frame to the
terminal (in headless mode it renders the frame and drops it). Both processes read
``time.perf_counter`` (CLOCK_MONOTONIC on Linux, shared by all processes), so the
child's stamps are comparable with the parent's launch time. A bare
``import matwork.tui.app`` is timed alongside as the start-up floor.

Goals: the 500-file first frame within 1.25x of the 10-file one; all 500 listed
within 1.5 s. With --profile, one more 500-file start is instrumented (worker-thread
and main-thread CPU, list rebuilds, options built) and cProfiled (main thread), and
the files are loaded once in-process on one thread, the floor for the scan worker.

    .venv/bin/python bench/library_bench.py [--files 500] [--few 10] [--repeat 5] [--profile]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import pstats
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from results import Result, record

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_bench import BUILTIN_BREATHS
from check_bench import routine_text as own_catalog_routine

FIRST_FRAME_RATIO_GOAL = 1.25
ALL_LISTED_GOAL_SECONDS = 1.5
DRIVER_LIMIT_SECONDS = 120.0
"""A start that has not listed every file by then is stopped and reported."""

SHIPPED_IDS = (
    "glute-bridge", "roll-up", "single-leg-raise", "dead-bug", "the-hundred", "swimming",
    "pelvic-tilt", "toe-taps", "single-leg-stretch", "swan", "spine-stretch-forward", "clam",
    "bird-dog", "back-extension", "bodyweight-squat", "goblet-squat", "deadlift",
    "romanian-deadlift", "band-row", "band-pull-apart", "push-up", "front-plank",
    "side-plank", "pallof-press", "split-squat", "mcgill-curl-up", "cat-cow", "open-book",
    "thread-the-needle", "hip-circles", "childs-pose", "hip-90-90", "wall-angel", "chin-tuck",
    "hip-flexor-stretch", "hamstring-stretch", "spiral-twist", "calf-stretch", "seated-twist",
    "shoulder-rolls", "chair-squat", "diaphragmatic-breathing", "marching", "step-ups",
)  # fmt: skip
"""Ids from the shipped catalog (src/matwork/data/catalog.toml)."""

DRIVER = r"""
import json, sys, time
from pathlib import Path
from matwork.app.config import Config, SessionSettings
from matwork.app.library import RoutineSource
from matwork.tui.app import make_app
from matwork.tui.library.screen import LibraryScreen
from textual.widgets import OptionList
imported = time.perf_counter()
folder, count = Path(sys.argv[1]), int(sys.argv[2])
stamps = {"imported": imported}
app = make_app(
    sources=[RoutineSource("user", folder)],
    config=Config(session=SessionSettings(safety_acknowledged=True)),
    poll_seconds=0,
)
display = app._display
def stamped_display(screen, renderable):
    display(screen, renderable)
    if renderable is None or not isinstance(screen, LibraryScreen):
        return
    now = time.perf_counter()
    stamps.setdefault("first_frame", now)
    listed = screen.query_one("#routines", OptionList).option_count
    if "all_listed" not in stamps and listed >= count:
        stamps["all_listed"] = now
        app.exit()
app._display = stamped_display
app.run(headless=True, size=(120, 40))
print(json.dumps(stamps))
"""
"""One timed start: prints the perf_counter stamps as JSON."""

PROFILER = r"""
import cProfile, json, sys, time
import matwork.tui.library.screen as library
worker = {"cpu": 0.0, "files": 0, "first": 0.0, "done": 0.0, "before_frame": 0}
real_load = library.load_entry
def timed_load(path, origin="path"):
    start = time.thread_time()
    try:
        return real_load(path, origin)
    finally:
        spent = time.thread_time() - start
        worker["first"] = worker["first"] or spent
        worker["cpu"] += spent
        worker["files"] += 1
        worker["done"] = time.perf_counter()
        if "first_frame" not in stamps:
            worker["before_frame"] += 1
library.load_entry = timed_load
rebuilds = {"count": 0, "options": 0, "seconds": 0.0, "last": 0.0, "before_frame": 0}
real_rebuild = library.LibraryScreen._rebuild
def timed_rebuild(self):
    start = time.perf_counter()
    real_rebuild(self)
    spent = time.perf_counter() - start
    rebuilds["count"] += 1
    rebuilds["seconds"] += spent
    rebuilds["last"] = spent
    rebuilds["options"] += len(self.listed)
    if "first_frame" not in stamps:
        rebuilds["before_frame"] += 1
library.LibraryScreen._rebuild = timed_rebuild
real_finished = library.LibraryScreen.on_library_screen_scan_finished
def timed_finished(self, message):
    real_finished(self, message)
    worker["finished"] = time.perf_counter()
library.LibraryScreen.on_library_screen_scan_finished = timed_finished
profile_file = sys.argv.pop()
profiler = cProfile.Profile()
if profile_file != "-":
    profiler.enable()
exec(compile(DRIVER, "<driver>", "exec"))
if profile_file != "-":
    profiler.disable()
    profiler.dump_stats(profile_file)
stamps.update(worker_done=worker.pop("done"), scan_finished=worker.pop("finished"))
facts = {"worker": worker, "rebuilds": rebuilds, "main_cpu": time.thread_time()}
print(json.dumps({"stamps": stamps, **facts}))
"""
"""The driver with list rebuilds, worker CPU and main-thread CPU counted; with a file
name as last argument, also a cProfile of the main thread (the scan thread is not
profiled, its CPU is counted)."""


LOAD_ONLY = r"""
import sys, time
from pathlib import Path
from matwork.app.library import RoutineSource, discover
start = time.perf_counter()
entries = discover([RoutineSource("user", Path(sys.argv[1]))])
print(time.perf_counter() - start, sum(entry.ok for entry in entries))
"""
"""Every file loaded once on the main thread, nothing else: the scan worker's floor."""


def _shipped_block(rng: random.Random, number: int) -> list[str]:
    lines = ["[[block]]", f'name = "Shipped {number}"']
    if rng.random() < 0.4:
        lines.append(f"rounds = {rng.randint(2, 3)}")
    lines.append("")
    for exercise_id in rng.sample(SHIPPED_IDS, rng.randint(2, 6)):
        lines += ["[[block.exercise]]", f'id = "{exercise_id}"']
        if rng.random() < 0.5:
            lines.append(f"work = {rng.choice((20, 30, 45, 60))}")
        else:
            lines.append(f"reps = {rng.randint(5, 12)}")
        if rng.random() < 0.3:
            lines.append('sides = "both"')
        if rng.random() < 0.2:
            lines.append(f'breath = "{rng.choice(BUILTIN_BREATHS)}"')
        lines.append("")
    return lines


def routine_text(rng: random.Random, number: int) -> str:
    """A valid routine: own catalog entries (check_bench's), shipped ids, or both."""
    kind = number % 3
    if kind == 0:
        return own_catalog_routine(rng, number)
    if kind == 1:
        head = [f'name = "Library routine {number}"']
        if rng.random() < 0.7:
            head.append(f'tags = ["{rng.choice(("back", "core", "hips", "desk"))}"]')
        lines = [*head, ""]
        for block in range(rng.randint(1, 3)):
            lines += _shipped_block(rng, block + 1)
        return "\n".join(lines) + "\n"
    return own_catalog_routine(rng, number) + "\n" + "\n".join(_shipped_block(rng, 99)) + "\n"


def write_routines(folder: Path, count: int, seed: int) -> None:
    """Write ``count`` routine files into ``folder`` (100 a subfolder, like a library)."""
    rng = random.Random(seed)
    for number in range(count):
        sub = folder / f"set-{number // 100:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"routine-{number:04d}.toml").write_text(routine_text(rng, number), "utf-8")


def load_only(folder: Path) -> tuple[float, int]:
    """Seconds to load every file in-process on one thread, and how many load cleanly."""
    result = subprocess.run(
        [sys.executable, "-c", LOAD_ONLY, str(folder)], capture_output=True, text=True, check=True
    )
    seconds, good = result.stdout.split()
    return float(seconds), int(good)


def start_app(folder: Path, count: int) -> dict[str, float]:
    """One fresh headless start: seconds from launch to import, first frame, all listed."""
    command = [sys.executable, "-c", DRIVER, str(folder), str(count)]
    launched = time.perf_counter()
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, check=False, timeout=DRIVER_LIMIT_SECONDS
        )
    except subprocess.TimeoutExpired:
        raise SystemExit(f"{count} files not all listed in {DRIVER_LIMIT_SECONDS} s") from None
    if result.returncode != 0 or not result.stdout.strip():
        tail = (result.stdout + result.stderr)[-2000:]
        raise SystemExit(f"the driver exited {result.returncode}:\n{tail}")
    stamps = json.loads(result.stdout.strip().splitlines()[-1])
    return {name: stamp - launched for name, stamp in stamps.items()}


def time_import(repeat: int) -> list[float]:
    """Wall seconds of ``repeat`` fresh ``import matwork.tui.app``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import matwork.tui.app"], check=True)
        times.append(time.perf_counter() - start)
    return times


_SITE = re.compile(r"\S*/(?:site-packages|python3\.\d+|src)/")


def instrumented_start(folder: Path, count: int, profile: Path | None) -> dict[str, Any]:
    """One start with counters (and a cProfile when ``profile`` is a file to write)."""
    code = f"DRIVER = {DRIVER!r}\n{PROFILER}"
    command = [sys.executable, "-c", code, str(folder), str(count), str(profile or "-")]
    launched = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"the profiled driver exited {result.returncode}:\n{result.stderr}")
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    facts["stamps"] = {name: stamp - launched for name, stamp in facts["stamps"].items()}
    return facts


def profile_start(folder: Path, count: int, few: Path, few_count: int, top: int) -> str:
    """Where a big start's time goes: counters, a main-thread cProfile, the load floor."""
    floor, _ = load_only(folder)
    small = instrumented_start(few, few_count, None)
    facts = instrumented_start(folder, count, None)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "start.prof"
        profiled = instrumented_start(folder, count, out)
        buffer = io.StringIO()
        stats = pstats.Stats(str(out), stream=buffer)
        buffer.write(f"--- main thread, top {top} by cumulative time (matwork, textual)\n")
        stats.sort_stats("cumulative").print_stats(r"/matwork/|/textual/", top)
        buffer.write(f"--- main thread, top {top} by own time\n")
        stats.sort_stats("tottime").print_stats(top)
    lines = [f"{count} files loaded in-process on one thread (the scan's floor): {floor:.3f} s"]
    runs = (
        ("counted start", few_count, small),
        ("counted start", count, facts),
        ("cProfiled start", count, profiled),
    )
    for label, files, run in runs:
        worker, rebuilds, stamps = run["worker"], run["rebuilds"], run["stamps"]
        lines += [
            f"{label}, {files} files: imported {stamps['imported']:.3f} s, first frame "
            f"{stamps['first_frame']:.3f} s, last file loaded {stamps['worker_done']:.3f} s, "
            f"ScanFinished handled {stamps['scan_finished']:.3f} s, all listed "
            f"{stamps['all_listed']:.3f} s",
            f"  scan thread: {worker['cpu']:.3f} s CPU in load_entry, {worker['files']} files "
            f"(first {worker['first'] * 1000:.0f} ms); main thread: {run['main_cpu']:.3f} s CPU",
            f"  list rebuilds: {rebuilds['count']}, {rebuilds['seconds']:.3f} s, "
            f"{rebuilds['options']} options built for {files} routines; "
            f"the last rebuild: {rebuilds['last'] * 1000:.0f} ms",
            f"  before the first frame: {worker['before_frame']} files loaded, "
            f"{rebuilds['before_frame']} rebuilds",
        ]
    profile = [_SITE.sub("", line) for line in buffer.getvalue().splitlines() if line.strip()]
    return "\n".join(lines + profile)


def _row(label: str, times: Sequence[float]) -> str:
    return f"{label:28}{min(times):9.3f}{statistics.median(times):10.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=500, help="routines in the big library")
    parser.add_argument("--few", type=int, default=10, help="routines in the small library")
    parser.add_argument("--repeat", type=int, default=5, help="starts of each library")
    parser.add_argument("--seed", type=int, default=1, help="random seed for the routines")
    parser.add_argument("--profile", action="store_true", help="also profile one big start")
    parser.add_argument("--results", help="append each goal's row to this file (bench/all.py)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="matwork-bench-") as scratch:
        few, many = Path(scratch) / "few", Path(scratch) / "many"
        write_routines(few, args.few, args.seed)
        write_routines(many, args.files, args.seed + 1)
        for folder, count in ((few, args.few), (many, args.files)):
            _, good = load_only(folder)
            if good != count:
                raise SystemExit(f"only {good} of {count} generated routines load cleanly")
        size = sum(path.stat().st_size for path in many.rglob("*.toml"))
        runs: dict[str, list[dict[str, float]]] = {"few": [], "many": []}
        for _ in range(args.repeat):  # alternate, so drift on the machine hits both alike
            runs["few"].append(start_app(few, args.few))
            runs["many"].append(start_app(many, args.files))
        imports = time_import(args.repeat)
        report = profile_start(many, args.files, few, args.few, 15) if args.profile else ""

    def column(which: str, stamp: str) -> list[float]:
        return [run[stamp] for run in runs[which]]

    print(
        f"{args.files} and {args.few} routines ({size / 1024:.0f} KiB for {args.files}); "
        f"python {platform.python_version()}, {os.cpu_count()} CPUs ({platform.machine()}), "
        f"best and median of {args.repeat} fresh headless starts, seconds from launch"
    )
    print(f"{'':28}{'best s':>9}{'median s':>10}")
    print(_row("import matwork.tui.app", imports))
    print(_row(f"first frame, {args.few} files", column("few", "first_frame")))
    print(_row(f"first frame, {args.files} files", column("many", "first_frame")))
    print(_row(f"all listed, {args.few} files", column("few", "all_listed")))
    print(_row(f"all listed, {args.files} files", column("many", "all_listed")))
    few_frame, many_frame = column("few", "first_frame"), column("many", "first_frame")
    best_ratio = min(many_frame) / min(few_frame)
    median_ratio = statistics.median(many_frame) / statistics.median(few_frame)
    print(
        f"ratio first frame {args.files} / {args.few}: {best_ratio:.2f} (best), "
        f"{median_ratio:.2f} (median)"
    )
    frame_met = best_ratio <= FIRST_FRAME_RATIO_GOAL
    verdict = "met" if frame_met else "NOT met"
    print(f"goal: first frame within {FIRST_FRAME_RATIO_GOAL}x of {args.few} files: {verdict}")
    listed = min(column("many", "all_listed"))
    listed_met = listed <= ALL_LISTED_GOAL_SECONDS
    verdict = "met" if listed_met else "NOT met"
    print(f"goal: all {args.files} listed within {ALL_LISTED_GOAL_SECONDS} s: {verdict}")
    record(
        args.results,
        Result(f"library first frame, {args.files} vs {args.few} files (best)", min(many_frame),
               min(few_frame), "s", f"<= {FIRST_FRAME_RATIO_GOAL}x", frame_met),
        Result(f"library all {args.files} listed (best)", listed, None, "s",
               f"<= {ALL_LISTED_GOAL_SECONDS} s", listed_met),
    )  # fmt: skip
    if report:
        print(f"\nWhere a {args.files}-file start spends its time:")
        print(report)
    return 0 if frame_met and listed_met else 1


if __name__ == "__main__":
    sys.exit(main())
