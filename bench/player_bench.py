"""How much CPU, start-up time and memory does the full-screen player cost?

Four sub-benchmarks, each measured against its baseline in the same run:

  b  CPU of `matwork play --no-sound` on one 60 s work segment (no breath pattern,
     prepare 0, countdown 3), full screen in a detached tmux session of 80x24, next to
     `termdown 60` in the same tmux set-up. Also the tmux server's CPU for each (it
     parses everything the program writes, so drawing cost shows up there).
     Goal: matwork <= 1.0x termdown.
     The floor under "first 2 s": `bench/bare_app.py` (a bare Textual app that exits
     after its first frame) in the same tmux set-up: its CPU from launch to exit is what
     any Textual app pays to start, shown against termdown's first 2 s and matwork's.
  c  CPU of the same routine with `breath = "box"`: the breath meter animates ~10 fps
     the whole minute. Goal: <= 3 % of one core over the run.
  d  wall time from launch to exit of a fresh process that shows the player screen of
     `matwork play` (through `matwork.tui.app.run_player`) and exits after its first
     frame with the session on it, next to `bench/bare_app.py` (a bare Textual app that
     exits after its first frame); both headless at 80x24, best and median of N,
     alternately. Goal: <= 1.25x the bare app.
  e  peak RSS of the same two processes (getrusage of each child), as a ratio.

Every program runs in a temporary folder: MATWORK_CONFIG_DIR, MATWORK_DATA_DIR and
MATWORK_CACHE_DIR point there, and config.toml says `safety_acknowledged = true` and
`pain_question = false`, so the session starts as soon as it is built.

How b and c measure: a small runner started by tmux launches the program, writes its
pid, and reports the program's rusage when it exits. The bench reads utime + stime of
the program and of the tmux server from /proc/<pid>/stat four times a second. termdown
exits when its countdown ends; that is its end. matwork stays on the finished screen
and then the summary; its end is the moment the session log says the session ended
(`sessions.ended_at`), and its CPU at that moment is interpolated from the samples.
Then the bench sends Escape until it exits (the CPU up to the exit, summary screen
included, is shown apart). "first 2 s" is the CPU of the first 2 s after launch (the
start-up); "steady" is the CPU rate from 10 s after launch to 5 s before the end.

Every program finds its bytecode cached, as after an install: PYTHONPYCACHEPREFIX
points into the workspace and one untimed run of each fills it, whatever
PYTHONDONTWRITEBYTECODE says (with it set and no cache, the editable matwork would
compile all its modules at every start, site-packages would not).

    .venv/bin/python bench/player_bench.py                 # b, c, d and e
    .venv/bin/python bench/player_bench.py --only d,e --repeat 20
    .venv/bin/python bench/player_bench.py --only b --seconds 20 --viewer
    .venv/bin/python bench/player_bench.py --only c --profile   # where the CPU goes

--viewer attaches a tmux client on a pseudo-terminal (80x24, drained by the bench), so
the server also draws to a terminal, as when someone watches. --profile runs the b
and c routines once more under cProfile (in tmux, main thread: Textual's event loop)
and prints the top calls, and profiles one start of d.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import io
import itertools
import json
import os
import platform
import pstats
import pty
import re
import shutil
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from results import Result, record

HERE = Path(__file__).resolve().parent
SOCKET = "matwork-bench"
"""The dedicated tmux socket (-L); its server is killed after every run."""
WIDTH, HEIGHT = 80, 24
CPU_RATIO_GOAL = 1.0
BREATH_PERCENT_GOAL = 3.0
START_RATIO_GOAL = 1.25
FIRST_SECONDS_RATIO_GOAL = 2.0
"""The CPU of the first START_SECONDS after launch, matwork / termdown."""
EXIT_GOAL_SECONDS = 0.3
"""From the key that leaves the summary (the last one sent) to the process gone."""
SAMPLE_SECONDS = 0.25
STEADY_FROM, STEADY_BEFORE_END = 10.0, 5.0
"""The steady-state window: from this long after launch to this long before the end."""
START_SECONDS = 2.0
"""CPU spent in this long after launch is shown as the start-up."""
EXIT_LIMIT_SECONDS = 30.0
"""How long after the end a program may take to exit before the bench gives up."""
START_LIMIT_SECONDS = 60.0
TICK = os.sysconf("SC_CLK_TCK")

TMUX_CONF = """\
set -g default-terminal "tmux-256color"
set -g status off
set -g remain-on-exit on
set -g exit-empty off
set -g default-size 80x24
"""
"""No status line (it redraws on its own), the pane kept when the program exits."""

CONFIG = "[session]\nsafety_acknowledged = true\npain_question = false\n"

ROUTINE = """\
format = 1
name = "Bench countdown"

[defaults]
prepare = 0
countdown = 3
rest = 0

[[block]]
name = "Bench"

[[block.exercise]]
id = "front-plank"
work = {seconds}
breath = "{breath}"
"""

RUNNER = r"""
import json, os, subprocess, sys, time
out, argv = sys.argv[1], sys.argv[2:]
limit = time.monotonic() + 30
while not os.path.exists(out + ".go") and time.monotonic() < limit:
    time.sleep(0.01)
launched, start = time.time(), time.perf_counter()
child = subprocess.Popen(argv)
with open(out + ".pid.tmp", "w") as file:
    json.dump({"pid": child.pid, "launched": launched}, file)
os.replace(out + ".pid.tmp", out + ".pid")
_, status, usage = os.wait4(child.pid, 0)
result = {
    "launched": launched, "exited": time.time(), "wall": time.perf_counter() - start,
    "utime": usage.ru_utime, "stime": usage.ru_stime, "maxrss_kib": usage.ru_maxrss,
    "code": os.waitstatus_to_exitcode(status),
}
with open(out + ".tmp", "w") as file:
    json.dump(result, file)
os.replace(out + ".tmp", out)
"""
"""Started by tmux: waits for the go file, launches the program, reports its rusage."""

DRIVER = r"""
import json, sys, time
from pathlib import Path
from textual.app import App
from matwork.app.library import load_entry
from matwork.app.session import PlayOptions
from matwork.tui import app as tui_app
from matwork.tui.player.screen import PlayerScreen
stamps = {"imported": time.perf_counter()}
real_display = App._display
def stamped_display(self, screen, renderable):
    real_display(self, screen, renderable)
    if renderable is None:
        return
    now = time.perf_counter()
    stamps.setdefault("first_frame", now)
    if isinstance(screen, PlayerScreen):
        stamps.setdefault("player_frame", now)
        if screen.session is not None and "session_frame" not in stamps:
            stamps["session_frame"] = now
            self.exit()
tui_app.MatworkApp._display = stamped_display
real_run = App.run
def headless_run(self, **_):
    return real_run(self, headless=True, size=(80, 24))
tui_app.MatworkApp.run = headless_run
tui_app.no_terminal = lambda what, instead: False  # headless: no terminal needed
code = tui_app.run_player(load_entry(Path(sys.argv[1])), PlayOptions(sound=False))
print(json.dumps(stamps))
sys.exit(code)
"""
"""Shows the player screen of `matwork play` through run_player, headless; exits after
the first frame with the session built; prints perf_counter stamps as JSON."""

PROFILED_RUN = r"""
import cProfile, runpy, sys
out = sys.argv.pop(1)
profiler = cProfile.Profile()
profiler.enable()
try:
    sys.argv[0] = "matwork"
    runpy.run_module("matwork", run_name="__main__")
except SystemExit:
    pass
finally:
    profiler.disable()
    profiler.dump_stats(out)
"""
"""`matwork ...` under cProfile (main thread), the stats written to the first argument."""


# -- the workspace ----------------------------------------------------------------------------


@dataclass
class Workspace:
    """A temporary folder with matwork's folders, the config, the routines, tmux's conf."""

    root: Path
    routines: dict[str, Path] = field(default_factory=dict)

    @property
    def env(self) -> dict[str, str]:
        """The environment of every program run: matwork's folders, a bytecode cache."""
        environ = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        return {
            **environ,
            "PYTHONPYCACHEPREFIX": str(self.root / "pycache"),
            "MATWORK_CONFIG_DIR": str(self.root / "config"),
            "MATWORK_DATA_DIR": str(self.root / "data"),
            "MATWORK_CACHE_DIR": str(self.root / "cache"),
        }

    @property
    def tmux_conf(self) -> Path:
        return self.root / "tmux.conf"

    @property
    def history(self) -> Path:
        return self.root / "data" / "history.sqlite3"

    @classmethod
    def create(cls, root: Path, seconds: int) -> Workspace:
        space = cls(root)
        for name in ("config", "data", "cache"):
            (root / name).mkdir()
        (root / "config" / "config.toml").write_text(CONFIG, encoding="utf-8")
        space.tmux_conf.write_text(TMUX_CONF, encoding="utf-8")
        for name, breath in (("plain", "none"), ("box", "box")):
            path = root / f"{name}.toml"
            path.write_text(ROUTINE.format(seconds=seconds, breath=breath), encoding="utf-8")
            space.routines[name] = path
        return space

    def fresh_data(self, template: Path) -> None:
        """An empty session log in the data folder (a copy of ``template``)."""
        shutil.rmtree(self.root / "data")
        (self.root / "data").mkdir()
        shutil.copy(template, self.history)


def matwork_command() -> list[str]:
    """The installed ``matwork`` script beside this interpreter, else ``python -m matwork``."""
    script = Path(sys.executable).with_name("matwork")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "matwork"]


def termdown_command() -> list[str] | None:
    script = Path(sys.executable).with_name("termdown")
    if script.is_file():
        return [str(script)]
    found = shutil.which("termdown")
    return [found] if found else None


def check_routines(space: Workspace) -> None:
    """Stop unless both routines plan as one work segment."""
    for path in space.routines.values():
        result = subprocess.run(
            [*matwork_command(), "plan", str(path)],
            capture_output=True, text=True, check=False, env=space.env,
        )  # fmt: skip
        if result.returncode != 0 or result.stdout.count(" work ") != 1:
            raise SystemExit(f"{path.name} does not plan as one work segment:\n{result.stdout}")


def warm_up(space: Workspace, template: Path, termdown: list[str] | None) -> None:
    """Run every program once, untimed, so each finds its bytecode cached, as after an install.

    The cache is a folder of the workspace (PYTHONPYCACHEPREFIX): nothing is written
    beside the sources, and a PYTHONDONTWRITEBYTECODE in the environment (which would
    make the editable matwork compile every module at every start) does not apply.
    """
    space.fresh_data(template)
    commands = [
        [sys.executable, str(HERE / "bare_app.py"), "--headless"],
        [sys.executable, "-c", DRIVER, str(space.routines["plain"])],
        [*matwork_command(), "play", "--help"],
    ]
    if termdown is not None:
        commands.append([*termdown, "--version"])
    for command in commands:
        subprocess.run(command, capture_output=True, check=True, env=space.env)


def empty_history(space: Workspace) -> Path:
    """A session log with the current schema and no sessions, to copy before each run."""
    template = space.root / "history-template.sqlite3"
    code = (
        "from matwork.app.paths import Paths; from matwork.store.writer import HistoryStore; "
        "HistoryStore(Paths.from_environment().log_file).close()"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env=space.env)
    shutil.move(space.history, template)
    return template


# -- CPU in tmux (b, c) ------------------------------------------------------------------------


def proc_cpu(pid: int) -> float | None:
    """utime + stime of a live process in seconds; None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def at(samples: Sequence[tuple[float, float]], when: float) -> float:
    """The sampled counter at ``when``, interpolated (clamped to the samples)."""
    if when <= samples[0][0]:
        return samples[0][1]
    for (t0, v0), (t1, v1) in itertools.pairwise(samples):
        if t0 <= when <= t1:
            return v0 if t1 == t0 else v0 + (v1 - v0) * (when - t0) / (t1 - t0)
    return samples[-1][1]


def tmux(*args: str, check: bool = True, env: dict[str, str] | None = None) -> str:
    """Run a tmux command on the bench's socket (a server it starts takes ``env``)."""
    result = subprocess.run(
        ["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=False, env=env
    )
    if check and result.returncode != 0:
        raise SystemExit(f"tmux {' '.join(args[:2])} failed: {result.stderr.strip()}")
    return result.stdout


def stop_server() -> None:
    """Kill the bench's tmux server, if one runs, and wait until it is gone (<= 10 s).

    A new-session sent while the old server is still exiting fails ("server exited
    unexpectedly"), so the next run starts only once the old server's process is gone.
    """
    result = subprocess.run(
        ["tmux", "-L", SOCKET, "display-message", "-p", "#{pid}"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    tmux("kill-server", check=False)
    if result.returncode != 0 or not result.stdout.strip().isdigit():
        return
    pid, limit = int(result.stdout.strip()), time.monotonic() + 10
    while Path(f"/proc/{pid}").exists() and time.monotonic() < limit:
        time.sleep(0.01)


class Viewer:
    """A tmux client attached on a pseudo-terminal of 80x24, its output read and dropped."""

    def __init__(self) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", HEIGHT, WIDTH, 0, 0))
        self.process = subprocess.Popen(
            ["tmux", "-L", SOCKET, "attach", "-t", "bench"],
            stdin=slave, stdout=slave, stderr=slave, start_new_session=True,
            env={**os.environ, "TERM": "xterm-256color"},
        )  # fmt: skip
        os.close(slave)
        self._master = master
        self.bytes = 0
        self._thread = threading.Thread(target=self._drain, daemon=True)
        self._thread.start()

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            while chunk := os.read(self._master, 65536):
                self.bytes += len(chunk)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait(timeout=10)
        self._thread.join(timeout=2)
        os.close(self._master)


def session_ended_at(history: Path) -> float | None:
    """When the last session in the log ended (wall clock), or None while it runs."""
    if not history.exists():
        return None
    try:
        with contextlib.closing(sqlite3.connect(history, timeout=1.0)) as connection:
            row = connection.execute(
                "SELECT ended_at FROM sessions ORDER BY started_at DESC LIMIT 1"
            ).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


@dataclass
class CpuRun:
    """One program's run in tmux: its CPU, the server's, over the run and steady."""

    label: str
    wall: float
    cpu: float
    start: float
    server: float
    steady_rate: float
    server_steady_rate: float
    cpu_to_exit: float
    maxrss_kib: int
    exit_after_key: float | None = None
    """Seconds from the last key sent (the one that quits) to the exit; None for termdown."""
    viewer_cpu: float | None = None
    viewer_bytes: int | None = None

    @property
    def percent(self) -> float:
        return 100.0 * self.cpu / self.wall


def run_in_tmux(
    label: str,
    argv: Sequence[str],
    space: Workspace,
    seconds: float,
    *,
    matwork: bool,
    viewer: bool,
) -> CpuRun:
    """Run ``argv`` full screen in a fresh tmux server; its CPU and the server's."""
    out = space.root / "run.json"
    for stale in (out, out.with_name("run.json.go"), out.with_name("run.json.pid")):
        stale.unlink(missing_ok=True)
    stop_server()
    runner = [sys.executable, "-c", RUNNER, str(out), *argv]
    tmux("-f", str(space.tmux_conf), "new-session", "-d", "-s", "bench",
         "-x", str(WIDTH), "-y", str(HEIGHT), *runner, env=space.env)  # fmt: skip
    watcher: Viewer | None = None
    try:
        server_pid = int(tmux("display-message", "-p", "#{pid}").strip())
        if viewer:
            watcher = Viewer()
            time.sleep(0.5)
        viewer_start = proc_cpu(watcher.process.pid) if watcher else None
        server_start = proc_cpu(server_pid) or 0.0
        out.with_name("run.json.go").touch()
        pid_file = out.with_name("run.json.pid")
        limit = time.monotonic() + 30
        while not pid_file.exists():
            if time.monotonic() > limit:
                raise SystemExit(f"{label}: the runner did not start the program")
            time.sleep(0.01)
        started = json.loads(pid_file.read_text())
        pid, launched = started["pid"], started["launched"]
        samples: list[tuple[float, float]] = [(launched, 0.0)]
        server: list[tuple[float, float]] = [(launched, server_start)]
        end: float | None = None
        deadline = time.monotonic() + seconds + START_LIMIT_SECONDS
        exit_deadline: float | None = None
        next_key = 0.0
        keys_sent: list[float] = []
        while not out.exists():
            now, cpu, server_cpu = time.time(), proc_cpu(pid), proc_cpu(server_pid)
            if cpu is not None:
                samples.append((now, cpu))
            if server_cpu is not None:
                server.append((now, server_cpu))
            if matwork and end is None and now > launched + seconds:
                end = session_ended_at(space.history)
                if end is not None:
                    exit_deadline = time.monotonic() + EXIT_LIMIT_SECONDS
            if end is not None and time.monotonic() >= next_key:
                keys_sent.append(time.time())
                tmux("send-keys", "-t", "bench", "Escape", check=False)  # finished, summary
                next_key = time.monotonic() + 1.0
            if time.monotonic() > (exit_deadline or deadline):
                raise SystemExit(f"{label}: still running; stopped (see the pane)")
            time.sleep(SAMPLE_SECONDS)
        result = json.loads(out.read_text())
        server.append((time.time(), proc_cpu(server_pid) or server[-1][1]))
        viewer_cpu = None
        if watcher is not None and viewer_start is not None:
            viewer_cpu = (proc_cpu(watcher.process.pid) or viewer_start) - viewer_start
    finally:
        if watcher is not None:
            watcher.close()
        stop_server()
    if result["code"] != 0:
        raise SystemExit(f"{label} exited {result['code']}")
    to_exit = result["utime"] + result["stime"]
    if matwork:
        if end is None:
            raise SystemExit(f"{label}: the session never ended in the log")
        cpu_at_end = at(samples, end)
    else:
        end, cpu_at_end = result["exited"], to_exit
    samples.append((result["exited"], to_exit))
    steady = (launched + STEADY_FROM, end - STEADY_BEFORE_END)
    span = steady[1] - steady[0]

    def rate(series: Sequence[tuple[float, float]]) -> float:
        return (at(series, steady[1]) - at(series, steady[0])) / span if span > 0 else 0.0

    return CpuRun(
        label=label,
        wall=end - launched,
        cpu=cpu_at_end,
        start=at(samples, launched + START_SECONDS),
        server=at(server, end) - server_start,
        steady_rate=rate(samples),
        server_steady_rate=rate(server),
        cpu_to_exit=to_exit,
        maxrss_kib=result["maxrss_kib"],
        exit_after_key=min(  # from the last key sent before the exit: the one that quit
            (result["exited"] - sent for sent in keys_sent if sent <= result["exited"]),
            default=None,
        ),
        viewer_cpu=viewer_cpu,
        viewer_bytes=watcher.bytes if watcher else None,
    )


def cpu_table(runs: Sequence[CpuRun]) -> list[str]:
    viewer = any(run.viewer_cpu is not None for run in runs)
    head = (
        f"{'':30}{'wall s':>8}{'CPU s':>8}{'% core':>8}{'first 2 s':>10}{'steady ms/s':>12}"
        f"{'tmux s':>8}{'tmux ms/s':>10}{'to exit s':>10}{'RSS MiB':>9}"
    )
    lines = [head + (f"{'client s':>9}{'KiB out':>9}" if viewer else "")]
    for run in runs:
        line = (
            f"{run.label:30}{run.wall:8.1f}{run.cpu:8.3f}{run.percent:8.2f}{run.start:10.3f}"
            f"{run.steady_rate * 1000:12.2f}{run.server:8.3f}{run.server_steady_rate * 1000:10.2f}"
            f"{run.cpu_to_exit:10.3f}{run.maxrss_kib / 1024:9.1f}"
        )
        if viewer and run.viewer_cpu is not None and run.viewer_bytes is not None:
            line += f"{run.viewer_cpu:9.3f}{run.viewer_bytes / 1024:9.0f}"
        lines.append(line)
    return lines


# -- start-up and memory (d, e) ----------------------------------------------------------------


@dataclass
class Start:
    wall: float
    cpu: float
    maxrss_kib: int
    stamps: dict[str, float]


def start_once(argv: Sequence[str], env: dict[str, str]) -> Start:
    """One fresh process: wall seconds from launch to exit, peak RSS, its stamps."""
    launched = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    timer = threading.Timer(START_LIMIT_SECONDS, process.kill)
    timer.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - launched
    timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    stdout, stderr = process.communicate()
    if process.returncode != 0:
        tail = (stdout + stderr).decode(errors="replace")[-2000:]
        raise SystemExit(f"{argv[-1]} exited {process.returncode}:\n{tail}")
    stamps: dict[str, float] = {}
    lines = stdout.decode().strip().splitlines()
    if lines and lines[-1].startswith("{"):
        stamps = {name: stamp - launched for name, stamp in json.loads(lines[-1]).items()}
    return Start(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, stamps)


def measure_starts(space: Workspace, template: Path, repeat: int) -> dict[str, list[Start]]:
    bare = [sys.executable, str(HERE / "bare_app.py"), "--headless"]
    player = [sys.executable, "-c", DRIVER, str(space.routines["plain"])]
    starts: dict[str, list[Start]] = {"bare": [], "player": []}
    for _ in range(repeat):  # alternate, so drift on the machine hits both alike
        starts["bare"].append(start_once(bare, space.env))
        space.fresh_data(template)  # no interrupted session to offer a resume of
        start = start_once(player, space.env)
        if "session_frame" not in start.stamps:
            raise SystemExit("the player never showed its session")
        starts["player"].append(start)
    return starts


def _row(label: str, values: Sequence[float], scale: float = 1.0, fmt: str = "9.3f") -> str:
    best, median = min(values) * scale, statistics.median(values) * scale
    return f"{label:44}{best:{fmt}}{median:{fmt}}"


# -- profiles ------------------------------------------------------------------------------------

_SITE = re.compile(r"\S*/(?:site-packages|python3\.\d+|src)/")


def pstats_top(file: Path, title: str, top: int) -> list[str]:
    buffer = io.StringIO()
    stats = pstats.Stats(str(file), stream=buffer)
    buffer.write(f"--- {title}: top {top} by own time\n")
    stats.sort_stats("tottime").print_stats(top)
    buffer.write(f"--- {title}: top {top} by cumulative time (matwork, textual, rich)\n")
    stats.sort_stats("cumulative").print_stats(r"/matwork/|/textual/|/rich/", top)
    return [_SITE.sub("", line) for line in buffer.getvalue().splitlines() if line.strip()]


def profile_runs(
    space: Workspace, template: Path, seconds: float, which: Sequence[str], top: int
) -> list[str]:
    lines: list[str] = []
    for name in which:
        space.fresh_data(template)
        out = space.root / f"{name}.prof"
        argv = [sys.executable, "-c", PROFILED_RUN, str(out), "play", "--no-sound",
                str(space.routines[name])]  # fmt: skip
        run = run_in_tmux(f"profiled {name}", argv, space, seconds, matwork=True, viewer=False)
        lines.append(
            f"profiled {name} run: {run.cpu:.3f} s CPU to the end "
            f"({run.cpu_to_exit:.3f} s to exit, summary included), steady "
            f"{run.steady_rate * 1000:.2f} ms/s"
        )
        lines += pstats_top(out, f"matwork play, {name}, main thread, launch to exit", top)
    return lines


def profile_start(space: Workspace, template: Path, top: int) -> list[str]:
    space.fresh_data(template)
    out = space.root / "start.prof"
    code = (
        "import cProfile, sys\n"
        f"cProfile.run(compile({DRIVER!r}, '<driver>', 'exec'), sys.argv.pop())\n"
    )
    start_once([sys.executable, "-c", code, str(space.routines["plain"]), str(out)], space.env)
    return pstats_top(out, "player start (d), main thread", top)


# -- main -------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="b,c,d,e", help="sub-benchmarks, e.g. b,c or d")
    parser.add_argument("--seconds", type=int, default=60, help="length of the countdown (b, c)")
    parser.add_argument("--repeat", type=int, default=10, help="starts of each program (d, e)")
    parser.add_argument("--viewer", action="store_true", help="attach a tmux client (b, c)")
    parser.add_argument("--profile", action="store_true", help="cProfile the selected runs")
    parser.add_argument("--results", help="append each goal's row to this file (bench/all.py)")
    args = parser.parse_args(argv)
    only = set(args.only.replace(",", "").replace(" ", ""))
    if not only or only - set("bcde"):
        parser.error("--only takes letters among b, c, d, e")
    if only & {"b", "c"} and shutil.which("tmux") is None:
        raise SystemExit("b and c need tmux")
    termdown = termdown_command()
    if "b" in only and termdown is None:
        raise SystemExit("b needs termdown: .venv/bin/pip install termdown")

    print(
        f"python {platform.python_version()}, {os.cpu_count()} CPUs ({platform.machine()}), "
        f"{platform.system()} {platform.release()}; tmux {tmux_version()}, "
        f"textual {package_version('textual')}, termdown {package_version('termdown')}",
        flush=True,
    )
    failed = False
    with tempfile.TemporaryDirectory(prefix="matwork-bench-") as scratch:
        space = Workspace.create(Path(scratch), args.seconds)
        check_routines(space)
        template = empty_history(space)
        warm_up(space, template, termdown)
        play = [*matwork_command(), "play", "--no-sound"]
        runs: dict[str, CpuRun] = {}
        if "b" in only:
            assert termdown is not None
            runs["termdown"] = run_in_tmux(
                f"termdown {args.seconds}", [*termdown, str(args.seconds)], space,
                args.seconds, matwork=False, viewer=args.viewer,
            )  # fmt: skip
            runs["bare"] = run_in_tmux(
                "bare Textual app (bare_app.py)",
                [sys.executable, str(HERE / "bare_app.py")], space, args.seconds,
                matwork=False, viewer=args.viewer,
            )  # fmt: skip
            space.fresh_data(template)
            runs["plain"] = run_in_tmux(
                "matwork play, no breath", [*play, str(space.routines["plain"])], space,
                args.seconds, matwork=True, viewer=args.viewer,
            )  # fmt: skip
        if "c" in only:
            space.fresh_data(template)
            runs["box"] = run_in_tmux(
                'matwork play, breath = "box"', [*play, str(space.routines["box"])], space,
                args.seconds, matwork=True, viewer=args.viewer,
            )  # fmt: skip
        starts = measure_starts(space, template, args.repeat) if only & {"d", "e"} else {}
        profile: list[str] = []
        if args.profile:
            which = [name for name, letter in (("plain", "b"), ("box", "c")) if letter in only]
            profile += profile_runs(space, template, args.seconds, which, 20)
            if only & {"d", "e"}:
                profile += profile_start(space, template, 20)

    if runs:
        print(
            f"\n(b, c) {args.seconds} s countdown full screen in tmux {WIDTH}x{HEIGHT}"
            f"{', a client attached' if args.viewer else ', detached'}; CPU = utime + stime "
            "from launch to the end of the countdown"
        )
        print("\n".join(cpu_table(list(runs.values()))))
    if "termdown" in runs and "plain" in runs:
        plain, base = runs["plain"], runs["termdown"]
        ratio = plain.cpu / base.cpu
        steady = plain.steady_rate / base.steady_rate if base.steady_rate else float("inf")
        server = plain.server / base.server if base.server else float("inf")
        print(
            f"ratio matwork / termdown: CPU {ratio:.2f}, steady {steady:.2f}, "
            f"tmux server {server:.2f}"
        )
        if plain.steady_rate < base.steady_rate:
            even = (plain.start - base.start) / (base.steady_rate - plain.steady_rate)
            print(
                f"matwork's extra start-up is paid back by its lower steady rate after {even:.0f} s"
            )
        met = ratio <= CPU_RATIO_GOAL
        failed |= not met
        print(f"goal (b): matwork CPU <= {CPU_RATIO_GOAL}x termdown: {verdict(met)}")
        first = plain.start / base.start if base.start else float("inf")
        first_met = first <= FIRST_SECONDS_RATIO_GOAL
        failed |= not first_met
        print(
            f"goal (b): CPU of the first {START_SECONDS:g} s <= {FIRST_SECONDS_RATIO_GOAL}x "
            f"termdown's: {first:.2f}x, {verdict(first_met)}"
        )
        if "bare" in runs:
            bare = runs["bare"].cpu_to_exit  # it exits after its first frame: its whole start
            floor = bare / base.start if base.start else float("inf")
            print(
                f"floor (b): a bare Textual app's start (launch to exit after its first frame) "
                f"costs {bare:.3f} s of CPU = {floor:.2f}x termdown's first {START_SECONDS:g} s; "
                f"matwork's first {START_SECONDS:g} s = {plain.start / bare:.2f}x the bare app's"
                if bare
                else "floor (b): the bare app used no measurable CPU"
            )
            if floor > FIRST_SECONDS_RATIO_GOAL:
                print(
                    f"  so the goal (first {START_SECONDS:g} s <= {FIRST_SECONDS_RATIO_GOAL}x "
                    "termdown's) cannot be met by any Textual app here: Textual alone is "
                    f"{floor:.2f}x"
                )
            record(
                args.results,
                Result(f"player (b) bare Textual app's start vs termdown's first "
                       f"{START_SECONDS:g} s (floor)", bare, base.start, "s",
                       f"<= {FIRST_SECONDS_RATIO_GOAL}x (else the goal above is out of reach)",
                       floor <= FIRST_SECONDS_RATIO_GOAL),
            )  # fmt: skip
        record(
            args.results,
            Result(f"player (b) CPU over {args.seconds} s vs termdown", plain.cpu, base.cpu,
                   "s", f"<= {CPU_RATIO_GOAL}x", met),
            Result(f"player (b) CPU of the first {START_SECONDS:g} s vs termdown", plain.start,
                   base.start, "s", f"<= {FIRST_SECONDS_RATIO_GOAL}x", first_met),
        )  # fmt: skip
    if "plain" in runs and runs["plain"].exit_after_key is not None:
        exit_after = runs["plain"].exit_after_key
        met = exit_after <= EXIT_GOAL_SECONDS
        failed |= not met
        print(
            f"goal (b): exit within {EXIT_GOAL_SECONDS} s of the last key: "
            f"{exit_after:.3f} s, {verdict(met)}"
        )
        record(
            args.results,
            Result("player (b) exit after the key that leaves", exit_after, None, "s",
                   f"<= {EXIT_GOAL_SECONDS} s", met),
        )  # fmt: skip
    if "box" in runs:
        box = runs["box"]
        met = box.percent <= BREATH_PERCENT_GOAL
        failed |= not met
        print(
            f"goal (c): breath meter animating, {box.percent:.2f} % of one core "
            f"<= {BREATH_PERCENT_GOAL} %: {verdict(met)}"
        )
        record(
            args.results,
            Result("player (c) breath meter, share of a core", box.percent, None, "%",
                   f"<= {BREATH_PERCENT_GOAL} %", met),
        )  # fmt: skip
    if starts:
        bare, player = starts["bare"], starts["player"]
        print(
            f"\n(d, e) fresh processes, headless {WIDTH}x{HEIGHT}, best and median of "
            f"{args.repeat}, alternately"
        )
        print(f"{'':44}{'best':>9}{'median':>9}")
        if "d" in only:
            print(_row("bare_app.py, launch to exit (s)", [s.wall for s in bare]))
            print(_row("matwork player, launch to exit (s)", [s.wall for s in player]))
            print(_row("bare_app.py, CPU (s)", [s.cpu for s in bare]))
            print(_row("matwork player, CPU (s)", [s.cpu for s in player]))
            for stamp, label in (
                ("imported", "  imports done"),
                ("first_frame", "  first frame"),
                ("player_frame", "  first player frame (loading)"),
                ("session_frame", "  first frame with the session"),
            ):
                values = [s.stamps[stamp] for s in player if stamp in s.stamps]
                if values:
                    print(_row(f"{label} (s)", values))
        if "e" in only:
            print(_row("bare_app.py, peak RSS (MiB)", [s.maxrss_kib for s in bare], 1 / 1024))
            print(_row("matwork player, peak RSS (MiB)", [s.maxrss_kib for s in player], 1 / 1024))
        if "d" in only:
            best = min(s.wall for s in player) / min(s.wall for s in bare)
            median = statistics.median(s.wall for s in player) / statistics.median(
                s.wall for s in bare
            )
            print(f"ratio (d) start player / bare: {best:.2f} (best), {median:.2f} (median)")
            cpu_best = min(s.cpu for s in player) / min(s.cpu for s in bare)
            print(f"ratio of CPU player / bare: {cpu_best:.2f} (best)")
            met = median <= START_RATIO_GOAL
            failed |= not met
            print(f"goal (d): start <= {START_RATIO_GOAL}x the bare app (median): {verdict(met)}")
            record(
                args.results,
                Result("player (d) start vs bare Textual app, median",
                       statistics.median(s.wall for s in player),
                       statistics.median(s.wall for s in bare), "s",
                       f"<= {START_RATIO_GOAL}x", met),
            )  # fmt: skip
        if "e" in only:
            best = min(s.maxrss_kib for s in player) / min(s.maxrss_kib for s in bare)
            median = statistics.median(s.maxrss_kib for s in player) / statistics.median(
                s.maxrss_kib for s in bare
            )
            print(f"ratio (e) peak RSS player / bare: {best:.2f} (best), {median:.2f} (median)")
    if profile:
        print("\n" + "\n".join(profile))
    return 1 if failed else 0


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def tmux_version() -> str:
    if shutil.which("tmux") is None:
        return "none"
    return subprocess.run(["tmux", "-V"], capture_output=True, text=True).stdout.split()[-1]


def package_version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


if __name__ == "__main__":
    sys.exit(main())
