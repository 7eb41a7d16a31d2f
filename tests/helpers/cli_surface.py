"""Running ``matwork`` as a user would, for the whole-surface CLI test.

``Run`` is one invocation and what may come of it; ``invoke`` runs it in a subprocess
(stdin a pipe, never a terminal) or, for a full-screen run, in a pseudo-terminal, and
returns the exit code and everything printed. ``walk`` lists the commands of a click
group. Used by tests/integration/test_cli_surface.py.
"""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import click
import pytest

SCREEN = (36, 120)
"""Rows and columns of the pseudo-terminal the full-screen runs get."""
TIMEOUT = 60.0
"""Seconds any one run may take."""


@dataclass(frozen=True)
class Run:
    """One invocation of a command: ``matwork PATH... ARGS...``."""

    args: tuple[str, ...]
    """The arguments after the command's name; ``{tmp}`` and ``{data}`` are filled in."""
    codes: frozenset[int] = frozenset({0})
    """The exit codes this run may end with."""
    stdin: str = ""
    """What stdin holds (it is never a terminal)."""
    press: str = ""
    """Keys Textual presses when the app is ready (comma-separated): a full-screen run,
    in a pseudo-terminal."""
    interrupt_after: float | None = None
    """Send SIGINT after this many seconds (Ctrl-C), for commands that run until stopped."""
    needs: tuple[str, ...] = ()
    """Options this run uses that another branch adds: skipped while the command lacks them."""
    before: tuple[str, ...] = ()
    """A matwork command line run first (it must succeed), e.g. starting a programme."""


def run(*args: str, codes: tuple[int, ...] = (0,), **extra: object) -> Run:
    """A ``Run`` written compactly."""
    return Run(tuple(args), frozenset(codes), **extra)  # type: ignore[arg-type]


def walk(command: click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[str, click.Command]]:
    """Every command under ``command`` (itself first), with its path joined by spaces."""
    yield " ".join(path), command
    if isinstance(command, click.Group):
        context = click.Context(command)
        for name in command.list_commands(context):
            sub = command.get_command(context, name)
            if sub is not None and not sub.hidden:
                yield from walk(sub, (*path, name))


def options_of(command: click.Command) -> set[str]:
    """Every option string the command takes (both sides of a --x/--no-x pair)."""
    return {
        opt
        for param in command.params
        if isinstance(param, click.Option)
        for opt in (*param.opts, *param.secondary_opts)
    }


def invoke(path: str, case: Run, env: dict[str, str]) -> tuple[int, str]:
    """Run ``matwork PATH ARGS`` as the case says; its exit code and everything it printed."""
    tmp = env["TMP_PATH"]
    args = [arg.format(tmp=tmp, data=env["MATWORK_DATA_DIR"]) for arg in case.args]
    command = [sys.executable, "-m", "matwork", *path.split(), *args]
    shown = f"matwork {path} {' '.join(args)}"
    if case.before:
        first = subprocess.run(
            [sys.executable, "-m", "matwork", *case.before],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp,
            timeout=TIMEOUT,
            check=False,
        )
        assert first.returncode == 0, (case.before, first.stdout, first.stderr)
    if case.press:
        return _in_terminal(command, case, env, shown)
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=tmp,
        text=True,
        start_new_session=True,
    )
    try:
        try:
            output, _ = process.communicate(case.stdin, timeout=case.interrupt_after or TIMEOUT)
        except subprocess.TimeoutExpired:
            if case.interrupt_after is None:
                raise
            process.send_signal(signal.SIGINT)
            output, _ = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        pytest.fail(f"{shown}: no exit in {TIMEOUT} s\n{output[-2000:]}")
    return process.returncode, output


def _in_terminal(command: list[str], case: Run, env: dict[str, str], shown: str) -> tuple[int, str]:
    """Run a full-screen command in a pseudo-terminal; its exit code and what it drew."""
    run_env = env | {
        "TEXTUAL_PRESS": case.press,
        "TEXTUAL_SCREENSHOT": "8",
        "TEXTUAL_SCREENSHOT_LOCATION": env["TMP_PATH"],
        "TERM": "xterm-256color",
    }
    master, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", *SCREEN, 0, 0))
    process = subprocess.Popen(
        command,
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env=run_env,
        cwd=env["TMP_PATH"],
        start_new_session=True,
    )
    os.close(terminal)
    drawn: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the program closed the terminal
                return
            if not chunk:
                return
            drawn.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        process.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        pytest.fail(f"{shown}: no exit in {TIMEOUT} s")
    finally:
        reader.join(timeout=5)
        os.close(master)
    return process.returncode, b"".join(drawn).decode(errors="replace")
