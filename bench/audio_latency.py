"""How late does a cue sound? From the instant it falls due to its first PCM at the device.

ALSA's default device is replaced (ALSA_CONFIG_PATH, set before anything touches ALSA)
by a ``file`` plugin whose output is a pipe: ``file "|stamp.sh"``. ALSA starts the
script when a stream opens; the script blocks reading its stdin and appends the
wall-clock time ($EPOCHREALTIME) the moment the first bytes of the stream arrive, then
drains the rest. The bench builds the real sink (simpleaudio backend, shipped WAVs at
volume 0.8), waits precisely until each cue falls due, calls ``sink.play(cue)``, and
compares due times with the stamps. Cues are spaced by their clip's length plus a gap,
so none overlaps another and every play is one stream.

Prints p50/p95/max of due -> first data, and of the time ``play()`` blocks the caller.
The goal: p95 <= 30 ms. Exit status 1 when the goal is missed.

    .venv/bin/python bench/audio_latency.py [--cues 200] [--gap 0.03]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from results import Result, record

GOAL_P95_MS = 30.0
KINDS = ("rep", "countdown", "final", "start", "switch", "halfway")

STAMP_SCRIPT = """#!/bin/bash
head -c 1 >/dev/null
if [ -n "$EPOCHREALTIME" ]; then echo "$EPOCHREALTIME" >> {stamps}
else date +%s.%N >> {stamps}; fi
exec cat >/dev/null
"""


def _setup(folder: Path) -> Path:
    """Write the stamping script and an ALSA config piping every stream into it."""
    stamps = folder / "stamps.txt"
    script = folder / "stamp.sh"
    script.write_text(STAMP_SCRIPT.format(stamps=stamps))
    script.chmod(0o755)
    config = folder / "asound.conf"
    config.write_text(
        f'pcm.!default {{ type file  slave.pcm {{ type null }}  file "|{script}"  format "raw" }}\n'
    )
    os.environ["ALSA_CONFIG_PATH"] = str(config)
    return stamps


def _wait_until(deadline: float) -> None:
    """Sleep until just before ``deadline`` (time.time()), then spin the last millisecond."""
    remaining = deadline - time.time()
    if remaining > 0.002:
        time.sleep(remaining - 0.001)
    while time.time() < deadline:
        pass


def _percentiles(values: list[float]) -> str:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return f"p50 {cuts[49]:6.2f} ms   p95 {cuts[94]:6.2f} ms   max {max(values):6.2f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cues", type=int, default=200)
    parser.add_argument("--gap", type=float, default=0.03, help="silence between cues (s)")
    parser.add_argument("--results", help="append each goal's row to this file (bench/all.py)")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux") or shutil.which("bash") is None:
        print("needs Linux (ALSA) and bash")
        return 2
    with tempfile.TemporaryDirectory(prefix="matwork-latency-") as tmp:
        stamps = _setup(Path(tmp))
        os.environ["MATWORK_CACHE_DIR"] = str(Path(tmp) / "cache")
        from matwork.audio import AudioSettings, build_sink
        from matwork.core.cues import Cue

        sink, status = build_sink(AudioSettings(volume=0.8), cache=Path(tmp) / "cache")
        if status.backend != "simpleaudio":
            print(f"simpleaudio is not usable here: {status.summary()}")
            return 2
        clips = {kind: sink.tone(kind) for kind in KINDS}
        dues: list[float] = []
        calls: list[float] = []
        due = time.time() + 0.2
        for i in range(args.cues):
            kind = KINDS[i % len(KINDS)]
            _wait_until(due)
            before = time.perf_counter()
            sink.play(Cue(kind, due, i))
            calls.append((time.perf_counter() - before) * 1000)
            dues.append(due)
            clip = clips[kind]
            assert clip is not None
            due += clip.duration + args.gap
        sink.wait(timeout=2)
        time.sleep(0.3)
        sink.close()
        arrived = sorted(float(line) for line in stamps.read_text().split())
    if len(arrived) != len(dues) or sink.dropped:
        print(f"expected {len(dues)} streams, ALSA saw {len(arrived)} (dropped {sink.dropped})")
        return 2
    latencies = [(a - d) * 1000 for a, d in zip(arrived, dues, strict=True)]
    print(
        f"matwork audio latency: {len(dues)} cues, simpleaudio -> ALSA file plugin pipe, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs"
    )
    print(f"  cue due -> first PCM at the device: {_percentiles(latencies)}")
    print(f"  time play() blocks the caller:      {_percentiles(calls)}")
    p95 = statistics.quantiles(latencies, n=100, method="inclusive")[94]
    verdict = "met" if p95 <= GOAL_P95_MS else "MISSED"
    print(f"  goal p95 <= {GOAL_P95_MS:.0f} ms: {verdict}")
    record(
        args.results,
        Result(f"audio latency p95, {len(dues)} cues", p95, None, "ms",
               f"<= {GOAL_P95_MS:g} ms", verdict == "met"),
    )  # fmt: skip
    return 0 if verdict == "met" else 1


if __name__ == "__main__":
    raise SystemExit(main())
