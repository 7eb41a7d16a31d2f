"""Starting a break: ``matwork play ROUTINE`` in a new terminal window, or right here.

A window is opened with the first of: the ``terminal`` command from config.toml,
``$TERMINAL``, x-terminal-emulator, gnome-terminal, kitty, wezterm (Linux, with a
graphical session), or iTerm/Terminal through osascript (macOS). Without one, the
routine plays in the terminal ``matwork breaks`` runs in, when that is a terminal.
"""

from __future__ import annotations

import enum
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import msgspec

from matwork.i18n import _

Which = Callable[[str], str | None]
"""Finds a program on PATH (``shutil.which``)."""

LINUX_TERMINALS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("x-terminal-emulator", ("-e",)),
    ("gnome-terminal", ("--",)),
    ("kitty", ()),
    ("wezterm", ("start", "--")),
)
"""Terminal programs looked for on Linux, with the arguments that run a command."""


class LaunchWhere(enum.StrEnum):
    """Where the routine plays."""

    WINDOW = "window"
    HERE = "here"
    NOWHERE = "nowhere"


class LaunchPlan(msgspec.Struct, frozen=True):
    """The command that starts the routine, and where it runs."""

    argv: list[str]
    where: LaunchWhere
    terminal: str
    """The terminal program used, or why there is none."""


def play_command(routine: str, python: str | None = None) -> list[str]:
    """The command that plays ``routine`` with this matwork."""
    return [python or sys.executable, "-m", "matwork", "play", routine]


def _applescript_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def macos_command(command: Sequence[str], env: Mapping[str, str], apps: Path) -> list[str]:
    """osascript that runs ``command`` in a new iTerm window (if iTerm is there) or Terminal."""
    script_command = _applescript_string(shlex.join(command))
    if env.get("TERM_PROGRAM") == "iTerm.app" or (apps / "iTerm.app").is_dir():
        script = (
            'tell application "iTerm" to create window with default profile command '
            + script_command
        )
        return ["osascript", "-e", script]
    script = f'tell application "Terminal" to do script {script_command}'
    return ["osascript", "-e", script, "-e", 'tell application "Terminal" to activate']


def plan_launch(
    routine: str,
    *,
    configured: str = "",
    env: Mapping[str, str] | None = None,
    which: Which = shutil.which,
    platform: str = sys.platform,
    here_is_terminal: bool = False,
    python: str | None = None,
    apps: Path = Path("/Applications"),
) -> LaunchPlan:
    """How ``routine`` would start now (nothing is run)."""
    env = env if env is not None else os.environ
    command = play_command(routine, python)
    if configured:
        prefix = shlex.split(configured)
        return LaunchPlan([*prefix, *command], LaunchWhere.WINDOW, prefix[0])
    if platform == "darwin" and which("osascript"):
        return LaunchPlan(macos_command(command, env, apps), LaunchWhere.WINDOW, "osascript")
    graphical = bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    if platform.startswith("linux") and graphical:
        chosen = env.get("TERMINAL", "")
        if chosen and which(shlex.split(chosen)[0]):
            prefix = shlex.split(chosen)
            return LaunchPlan([*prefix, "-e", *command], LaunchWhere.WINDOW, prefix[0])
        for program, arguments in LINUX_TERMINALS:
            if which(program):
                return LaunchPlan([program, *arguments, *command], LaunchWhere.WINDOW, program)
    if here_is_terminal:
        return LaunchPlan(command, LaunchWhere.HERE, "this terminal")
    reason = "no terminal program found" if graphical else "no graphical session"
    return LaunchPlan(command, LaunchWhere.NOWHERE, reason)


Launcher = Callable[[LaunchPlan], str]
"""Runs a plan; returns a line saying what happened (tests pass a recorder)."""


def run_plan(plan: LaunchPlan) -> str:
    """Start the routine: a window detached from the service, or here (waiting for it)."""
    if plan.where is LaunchWhere.NOWHERE:
        words = _("cannot open the routine ({terminal}); run: {command}")
        return words.format(terminal=plan.terminal, command=shlex.join(plan.argv))
    try:
        if plan.where is LaunchWhere.WINDOW:
            subprocess.Popen(
                plan.argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            return _("opened in a new {terminal} window").format(terminal=plan.terminal)
        code = subprocess.call(plan.argv)
    except OSError as error:
        words = _("could not start {program}: {reason}")
        return words.format(program=plan.argv[0], reason=error.strerror or error)
    return _("played here (exit {code})").format(code=code)
