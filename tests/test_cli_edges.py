"""The CLI at its edges: no terminal, odd numbers, paths that cannot be, ASCII terminals, signals."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.paths import test_paths

pytestmark = pytest.mark.slow


def matwork(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``matwork ARGS`` in a subprocess without a terminal, with the test's folders."""
    return subprocess.run(
        [sys.executable, "-m", "matwork", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        check=False,
    )


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((), "the routine library needs a terminal"),
        (("history",), "the history screen needs a terminal"),
        (("play", "desk-break-hips"), "the full-screen player needs a terminal"),
    ],
)
def test_a_full_screen_without_a_terminal_says_so_and_points_elsewhere(
    args: tuple[str, ...], words: str
) -> None:
    result = matwork(*args)
    no_traceback(result)
    assert result.returncode == 2
    assert words in result.stderr
    assert "--plain" in result.stderr or "matwork log" in result.stderr
    assert "\x1b[" not in result.stdout + result.stderr  # nothing drawn


@pytest.mark.parametrize(
    "args",
    [
        ("play", "desk-break-hips", "--plain", "--speed", "nan"),
        ("play", "desk-break-hips", "--plain", "--speed", "inf"),
        ("play", "desk-break-hips", "--plain", "--speed", "1e-300"),
        ("sounds", "--volume", "nan"),
        ("log", "--limit", str(10**20)),
        ("stats", "--weeks", "99999999"),
    ],
)
def test_odd_numbers_are_usage_errors(args: tuple[str, ...]) -> None:
    result = matwork(*args)
    no_traceback(result)
    assert result.returncode == 2, result.stderr
    assert "Invalid value" in result.stderr


def test_a_superscript_digit_is_not_a_row_number() -> None:
    result = matwork("show", "²")
    no_traceback(result)
    assert result.returncode == 1
    assert "give a row number or at least 4 characters" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("play", "~nosuchuser12345/x.toml", "--plain"),
        ("plan", "~nosuchuser12345/x.toml"),
        ("new", "Morning", "--out", "~nosuchuser12345/"),
    ],
)
def test_a_home_of_no_one_is_a_clean_message(args: tuple[str, ...]) -> None:
    result = matwork(*args)
    no_traceback(result)
    assert result.returncode in (1, 2)
    assert "~nosuchuser12345" in result.stderr


def test_a_config_folder_of_no_one_is_skipped() -> None:
    config = test_paths().config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[library]\nfolders = ["~nosuchuser12345/routines"]\n')
    result = matwork("list")
    no_traceback(result)
    assert result.returncode == 0
    assert "Desk break: hips" in result.stdout


def test_an_ascii_terminal_gets_question_marks_not_a_crash() -> None:
    result = matwork("plan", "back-basics", env={"PYTHONIOENCODING": "ascii"})
    no_traceback(result)
    assert result.returncode == 0
    assert "Back basics" in result.stdout


def _read_until(descriptor: int, wanted: bytes, seconds: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + seconds
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([descriptor], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(descriptor, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_gives_the_terminal_back_and_leaves_the_session_resumable(
    tmp_path: Path, number: int
) -> None:
    paths = test_paths()
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text("[session]\nsafety_acknowledged = true\npain_question = false\n")
    pid, descriptor = pty.fork()
    if pid == 0:  # the child: matwork full screen in the pty
        os.execv(
            sys.executable,
            [sys.executable, "-m", "matwork", "play", "desk-break-hips", "--no-sound"],
        )
    try:
        started = _read_until(descriptor, b"GET READY", 60)
        assert b"\x1b[?1049h" in started, "the player never entered the alternate screen"
        os.kill(pid, number)
        rest = _read_until(descriptor, b"\x1b[?1049l", 30)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(descriptor)
    assert b"\x1b[?1049l" in rest, "the alternate screen was not left"
    assert b"\x1b[?1000l" in rest or b"\x1b[?1003l" in rest, "mouse mode was not turned off"
    assert os.WEXITSTATUS(status) == 128 + number
    result = matwork("log", "--json")
    assert '"status": "interrupted"' in result.stdout
