"""Starting the reminders at login: a systemd user unit (Linux) or a LaunchAgent (macOS).

Nothing is written until ``matwork breaks install`` runs. The unit goes where the
systemd user manager looks for the user's own units (``$XDG_CONFIG_HOME/systemd/user``,
by default ``~/.config/systemd/user``); the LaunchAgent goes to
``~/Library/LaunchAgents``. Both run ``python -m matwork breaks`` with the Python that
installed them, so they keep working from a virtualenv.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import msgspec

UNIT_NAME = "matwork-breaks.service"
AGENT_LABEL = "org.matwork.app.breaks"
CARRIED_VARIABLES = ("MATWORK_CONFIG_DIR", "MATWORK_DATA_DIR", "MATWORK_CACHE_DIR")
"""Folder overrides set at install time are carried into the service's environment."""

Runner = Callable[[Sequence[str]], tuple[int, str]]
"""Runs a command; returns its exit code and output (tests pass a recorder)."""


class CommandResult(msgspec.Struct, frozen=True):
    """One command run while installing or removing."""

    argv: list[str]
    code: int
    output: str


class InstallResult(msgspec.Struct, frozen=True):
    """What install or uninstall did."""

    path: Path
    content: str
    """The file written (install) or removed (uninstall; "" if there was none)."""
    commands: list[CommandResult]
    """The commands run, up to the first that failed."""
    planned: list[list[str]]
    """Every command install or uninstall meant to run."""


def run_command(argv: Sequence[str]) -> tuple[int, str]:
    """Run ``argv`` quietly with a timeout; 127 when the program is missing."""
    if shutil.which(argv[0]) is None:
        return 127, f"{argv[0]}: not found"
    try:
        done = subprocess.run(
            list(argv), capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return 1, str(error)
    return done.returncode, (done.stdout + done.stderr).strip()


def service_command(python: str | None = None) -> list[str]:
    """The command the service runs."""
    return [python or sys.executable, "-m", "matwork", "breaks"]


def unit_path(home: Path, env: Mapping[str, str]) -> Path:
    """Where the systemd user manager finds the user's own units."""
    config_home = env.get("XDG_CONFIG_HOME")
    base = Path(config_home) if config_home else home / ".config"
    return base / "systemd" / "user" / UNIT_NAME


def agent_path(home: Path) -> Path:
    """Where launchd finds the user's LaunchAgents."""
    return home / "Library" / "LaunchAgents" / f"{AGENT_LABEL}.plist"


def _systemd_word(word: str) -> str:
    """One ExecStart/Environment word: ``%`` escaped, quoted when it holds spaces."""
    escaped = word.replace("%", "%%")
    if any(char.isspace() or char in "\"'\\;" for char in escaped):
        return '"' + escaped.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return escaped


def systemd_unit(command: Sequence[str], env: Mapping[str, str]) -> str:
    """The text of the systemd user unit."""
    environment = "".join(
        f"Environment={_systemd_word(f'{name}={env[name]}')}\n"
        for name in CARRIED_VARIABLES
        if env.get(name)
    )
    return (
        "# Written by `matwork breaks install`; `matwork breaks uninstall` removes it.\n"
        "[Unit]\n"
        "Description=matwork desk-break reminders\n"
        "Documentation=man:systemd.service(5)\n"
        "After=graphical-session.target\n"
        "\n"
        "[Service]\n"
        "Type=exec\n"
        f"ExecStart={' '.join(_systemd_word(word) for word in command)}\n"
        f"{environment}"
        "Restart=on-failure\n"
        "RestartSec=30\n"
        "\n"
        "[Install]\n"
        "WantedBy=default.target\n"
    )


def launch_agent(command: Sequence[str], env: Mapping[str, str], logs: Path) -> str:
    """The text of the LaunchAgent property list."""
    agent: dict[str, object] = {
        "Label": AGENT_LABEL,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        "KeepAlive": {"SuccessfulExit": False},
        "ProcessType": "Interactive",
        "StandardOutPath": str(logs / "breaks.log"),
        "StandardErrorPath": str(logs / "breaks.log"),
    }
    carried = {name: env[name] for name in CARRIED_VARIABLES if env.get(name)}
    if carried:
        agent["EnvironmentVariables"] = carried
    return plistlib.dumps(agent, sort_keys=False).decode()


def install(
    *,
    home: Path,
    env: Mapping[str, str],
    platform: str = sys.platform,
    python: str | None = None,
    logs: Path | None = None,
    run: Runner = run_command,
) -> InstallResult:
    """Write the unit (or agent) and ask the service manager to start it now and at login."""
    command = service_command(python)
    if platform == "darwin":
        target = agent_path(home)
        content = launch_agent(command, env, logs or home / "Library" / "Logs" / "matwork")
        plan = [["launchctl", "bootstrap", f"gui/{os.getuid()}", str(target)]]
    elif platform.startswith("linux"):
        target = unit_path(home, env)
        content = systemd_unit(command, env)
        plan = [
            ["systemctl", "--user", "daemon-reload"],
            ["systemctl", "--user", "enable", "--now", UNIT_NAME],
        ]
    else:
        raise OSError(f"installing is supported on Linux and macOS, not {platform}")
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(content, encoding="utf-8")
    os.replace(temporary, target)
    return InstallResult(target, content, _run_all(plan, run), plan)


def uninstall(
    *, home: Path, env: Mapping[str, str], platform: str = sys.platform, run: Runner = run_command
) -> InstallResult:
    """Stop the service, disable it and remove its file."""
    if platform == "darwin":
        target = agent_path(home)
        before = [["launchctl", "bootout", f"gui/{os.getuid()}", str(target)]]
        after: list[list[str]] = []
    else:
        target = unit_path(home, env)
        before = [["systemctl", "--user", "disable", "--now", UNIT_NAME]]
        after = [["systemctl", "--user", "daemon-reload"]]
    content = target.read_text(encoding="utf-8") if target.is_file() else ""
    commands = _run_all(before, run) if content else []
    target.unlink(missing_ok=True)
    if content:
        commands += _run_all(after, run)
    return InstallResult(target, content, commands, [*before, *after])


def _run_all(plan: Sequence[Sequence[str]], run: Runner) -> list[CommandResult]:
    results: list[CommandResult] = []
    for argv in plan:
        code, output = run(argv)
        results.append(CommandResult(list(argv), code, output))
        if code != 0:
            break
    return results


def manual_commands(result: InstallResult) -> str:
    """The planned commands of ``result`` as a shell line, for when they could not run."""
    return " && ".join(shlex.join(argv) for argv in result.planned)
