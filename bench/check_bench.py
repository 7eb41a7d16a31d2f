"""How fast is `matwork check` on 1,000 routines, next to parsing them with tomllib?

Writes N varied, valid routine files to a temporary folder, then times, each as a fresh
process so interpreter start-up is counted alike:

  (a) matwork check <folder>
  (b) python -c "<parse every file with tomllib>" <folder>
  (c) python -c "import tomllib"   (bare interpreter start)

and prints best and median wall time of R runs each, and the ratio check / tomllib
parse. The goal: (a) under 1.5 s for 1,000 files. With --profile, also runs the check
once under cProfile and prints the 15 most expensive calls by cumulative time.

    .venv/bin/python bench/check_bench.py [--files 1000] [--repeat 3] [--profile]
"""

from __future__ import annotations

import argparse
import io
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

from results import Result, record

GOAL_SECONDS = 1.5

CATEGORIES = ("pilates", "fascia", "strength", "mobility", "breathing", "cardio")
PATTERNS = ("hip-extension", "anti-extension", "hinge", "squat", "push", "pull", "stretch")
MUSCLES = ("glute-max", "hamstrings", "obliques", "multifidus", "rhomboids", "quadriceps")
LINES = ("superficial-front", "superficial-back", "lateral", "spiral", "deep-front")
BUILTIN_BREATHS = ("calm", "box", "4-7-8", "coherent", "pilates", "none")

PARSE_ONLY = (
    "import pathlib, sys, tomllib\n"
    "for path in sorted(pathlib.Path(sys.argv[1]).rglob('*.toml')):\n"
    "    tomllib.loads(path.read_text(encoding='utf-8'))\n"
)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _list(items: Sequence[str]) -> str:
    return "[" + ", ".join(_quote(item) for item in items) + "]"


def _catalog_entry(rng: random.Random, exercise_id: str, index: int) -> list[str]:
    lines = [
        f"[catalog.{exercise_id}]",
        f"name = {_quote(f'Exercise {index}')}",
        f"category = {_quote(rng.choice(CATEGORIES))}",
        f"pattern = {_quote(rng.choice(PATTERNS))}",
        f"muscles = {_list(rng.sample(MUSCLES, rng.randint(1, 3)))}",
    ]
    if rng.random() < 0.5:
        lines.append(f"lines = {_list(rng.sample(LINES, rng.randint(1, 2)))}")
    if rng.random() < 0.5:
        lines.append('instructions = ["Set up in neutral", "Move slowly", "Breathe"]')
    if rng.random() < 0.3:
        lines.append('cautions = ["Stop if it hurts"]')
    choice = rng.random()
    if choice < 0.4:
        lines.append(f"work = {rng.choice((20, 30, 45, 60))}")
    elif choice < 0.7:
        lines.append(f'reps = {rng.randint(5, 12)}\ntempo = "2-1-2-0"')
    return [*lines, ""]


def _exercise(rng: random.Random, ids: Sequence[str], own_breaths: Sequence[str]) -> list[str]:
    lines = ["[[block.exercise]]", f"id = {_quote(rng.choice(ids))}"]
    has_tempo = False
    dosage = rng.random()
    if dosage < 0.35:
        lines.append(f"work = {rng.choice((20, 30, 40, 45, 60, 90))}")
    elif dosage < 0.6:
        has_tempo = True
        lines.append(f"reps = {rng.randint(5, 15)}")
        if rng.random() < 0.5:
            lines.append(f'tempo = "{rng.randint(1, 4)}-{rng.randint(0, 2)}-{rng.randint(1, 3)}-0"')
        else:
            lines.append(f"tempo = [{rng.randint(1, 4)}, {rng.randint(0, 2)}, 2]")
    elif dosage < 0.8:
        lines.append(f"reps = {rng.randint(5, 12)}")
        lines.append(f'load = "{rng.randint(5, 60)} kg"')
    sides = rng.random()
    if sides < 0.25:
        lines.append('sides = "both"')
    elif sides < 0.35:
        lines.append('sides = "alternate"')
    if rng.random() < 0.3:
        lines.append(f"sets = {rng.randint(2, 3)}")
    if rng.random() < 0.4:
        lines.append(f"rest = {rng.choice((0, 10, 15, 30))}")
    if rng.random() < 0.1:
        lines.append("prepare = 20")
    breath = rng.random()
    if breath < 0.2:
        lines.append(f"breath = {_quote(rng.choice([*BUILTIN_BREATHS, *own_breaths]))}")
    elif breath < 0.35:
        lines.append(f"breath = {{ inhale = {rng.randint(3, 5)}, exhale = {rng.randint(4, 7)} }}")
    elif breath < 0.45 and has_tempo:
        lines.append('breath = "tempo"')
    if rng.random() < 0.4:
        lines.append(
            'cues = ["Long spine", "Soft ribs"]' if rng.random() < 0.5 else 'cues = "Slow"'
        )
    if rng.random() < 0.2:
        lines.append("halfway = true")
    return [*lines, ""]


def routine_text(rng: random.Random, number: int) -> str:
    """One valid, randomly varied routine."""
    lines = [f"name = {_quote(f'Bench routine {number}')}"]
    if rng.random() < 0.6:
        lines.append(f"description = {_quote('Generated for the check benchmark.')}")
    if rng.random() < 0.6:
        lines.append(f"tags = {_list(rng.sample(('back', 'core', 'hips', 'desk', 'am'), 2))}")
    if rng.random() < 0.5:
        lines.append(f"level = {_quote(rng.choice(('beginner', 'intermediate', 'advanced')))}")
    lines.append("")
    own_breaths = ["slow"] if rng.random() < 0.4 else []
    if rng.random() < 0.6:
        lines += ["[defaults]", f"prepare = {rng.choice((0, 5, 10))}"]
        lines += [f"work = {rng.choice((30, 40))}", f"rest = {rng.choice((10, 15, 20))}"]
        lines += [f"switch = {rng.choice((0, 5))}", f"round_rest = {rng.choice((0, 30, 45))}"]
        lines += ["block_rest = 30", f"countdown = {rng.randint(0, 5)}"]
        lines += [f"breath = {_quote(rng.choice([*BUILTIN_BREATHS, *own_breaths]))}", ""]
    for name in own_breaths:
        lines += [f"[breathing.{name}]", "inhale = 4", "hold = 1", "exhale = 6", ""]
    ids = [f"ex-{number}-{index}" for index in range(rng.randint(2, 6))]
    for index, exercise_id in enumerate(ids):
        lines += _catalog_entry(rng, exercise_id, index)
    for block_index in range(rng.randint(1, 4)):
        lines += ["[[block]]", f"name = {_quote(f'Block {block_index + 1}')}"]
        if rng.random() < 0.5:
            lines.append(f"rounds = {rng.randint(2, 4)}")
            if rng.random() < 0.5:
                lines.append(f"round_rest = {rng.choice((20, 40, 60))}")
        if rng.random() < 0.2:
            lines.append("rest_after = 60")
        lines.append("")
        for _ in range(rng.randint(1, 5)):
            lines += _exercise(rng, ids, own_breaths)
    return "\n".join(lines) + "\n"


def write_routines(folder: Path, count: int, seed: int) -> None:
    """Write ``count`` routine files into ``folder`` (100 files a subfolder, like a library)."""
    rng = random.Random(seed)
    for number in range(count):
        sub = folder / f"set-{number // 100:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"routine-{number:04d}.toml").write_text(routine_text(rng, number), "utf-8")


def matwork_command() -> list[str]:
    """The installed ``matwork`` script beside this interpreter, else ``python -m matwork``."""
    script = Path(sys.executable).with_name("matwork")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "matwork"]


def time_runs(command: list[str], repeat: int, expect_code: int = 0) -> list[float]:
    """Wall seconds of ``repeat`` runs of ``command``; stops if its exit code is unexpected."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if result.returncode != expect_code:
            tail = (result.stdout + result.stderr)[-2000:]
            raise SystemExit(f"{' '.join(command[:3])}... exited {result.returncode}:\n{tail}")
    return times


PROFILED = r"/matwork/core/|/msgspec/|/tomllib/"
"""Frames worth showing: the click and runpy wrappers above the check say nothing."""


_SITE = re.compile(r"\S*/(?:site-packages|python3\.\d+|src)/")


def profile_check(folder: Path, top: int) -> str:
    """One ``matwork check`` under cProfile: ``top`` calls by cumulative and by own time."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "check.prof"
        command = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "matwork"]
        subprocess.run([*command, "check", str(folder)], capture_output=True, check=False)
        buffer = io.StringIO()
        stats = pstats.Stats(str(out), stream=buffer)
        buffer.write(f"--- top {top} by cumulative time (matwork.core, msgspec, tomllib)\n")
        stats.sort_stats("cumulative").print_stats(PROFILED, top)
        buffer.write(f"--- top {top} by own time\n")
        stats.sort_stats("tottime").print_stats(top)
    lines = buffer.getvalue().splitlines()
    return "\n".join(_SITE.sub("", line) for line in lines if line.strip())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000, help="routines to generate")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command")
    parser.add_argument("--seed", type=int, default=1, help="random seed for the routines")
    parser.add_argument("--profile", action="store_true", help="also profile one check")
    parser.add_argument("--results", help="append each goal's row to this file (bench/all.py)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="matwork-bench-") as scratch:
        folder = Path(scratch)
        write_routines(folder, args.files, args.seed)
        size = sum(path.stat().st_size for path in folder.rglob("*.toml"))
        rows = {
            "matwork check": time_runs([*matwork_command(), "check", str(folder)], args.repeat),
            "tomllib parse": time_runs(
                [sys.executable, "-c", PARSE_ONLY, str(folder)], args.repeat
            ),
            "python start": time_runs([sys.executable, "-c", "import tomllib"], args.repeat),
        }
        report = profile_check(folder, 15) if args.profile else ""

    print(
        f"{args.files} routines, {size / 1024:.0f} KiB; python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs ({platform.machine()}), best and median of {args.repeat} runs"
    )
    print(f"{'':16}{'best s':>9}{'median s':>10}")
    for label, times in rows.items():
        print(f"{label:16}{min(times):9.3f}{statistics.median(times):10.3f}")
    check, parse = rows["matwork check"], rows["tomllib parse"]
    print(
        f"ratio check / tomllib parse: {min(check) / min(parse):.2f} (best), "
        f"{statistics.median(check) / statistics.median(parse):.2f} (median)"
    )
    met = min(check) < GOAL_SECONDS
    print(f"goal: check under {GOAL_SECONDS} s for {args.files} files: {verdict(met)}")
    record(
        args.results,
        Result(f"check {args.files} files (best) vs a tomllib parse", min(check), min(parse),
               "s", f"< {GOAL_SECONDS} s", met),
    )  # fmt: skip
    if report:
        print("\ncProfile of one `matwork check`:")
        print(report)
    return 0 if met else 1


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


if __name__ == "__main__":
    sys.exit(main())
