"""install / uninstall in a temporary HOME: the unit where systemd looks, verified, removed."""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from matwork.app.breaks.install import UNIT_NAME, install, uninstall


class RecordingRunner:
    def __init__(self, code: int = 0) -> None:
        self.code = code
        self.calls: list[list[str]] = []

    def __call__(self, argv: Sequence[str]) -> tuple[int, str]:
        self.calls.append(list(argv))
        return self.code, "" if self.code == 0 else "Failed to connect to bus"


def test_install_writes_the_unit_where_systemd_looks_and_enables_it(tmp_path: Path) -> None:
    home = tmp_path / "home"
    runner = RecordingRunner()
    result = install(
        home=home,
        env={"MATWORK_DATA_DIR": "/data dir/x%y"},
        platform="linux",
        python="/venv/bin/python",
        run=runner,
    )
    assert result.path == home / ".config" / "systemd" / "user" / UNIT_NAME
    assert result.path.read_text(encoding="utf-8") == result.content
    assert "ExecStart=/venv/bin/python -m matwork breaks\n" in result.content
    assert 'Environment="MATWORK_DATA_DIR=/data dir/x%%y"\n' in result.content
    assert "WantedBy=default.target" in result.content
    assert runner.calls == [
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", "--now", UNIT_NAME],
    ]


def test_xdg_config_home_is_respected(tmp_path: Path) -> None:
    result = install(
        home=tmp_path,
        env={"XDG_CONFIG_HOME": str(tmp_path / "xdg")},
        platform="linux",
        run=RecordingRunner(),
    )
    assert result.path == tmp_path / "xdg" / "systemd" / "user" / UNIT_NAME


def test_a_failed_enable_is_reported_and_the_file_stays(tmp_path: Path) -> None:
    result = install(home=tmp_path, env={}, platform="linux", run=RecordingRunner(code=1))
    assert [command.code for command in result.commands] == [1], "stops at the first failure"
    assert result.path.is_file()
    assert len(result.planned) == 2


def test_uninstall_disables_and_removes_the_unit(tmp_path: Path) -> None:
    install(home=tmp_path, env={}, platform="linux", run=RecordingRunner())
    runner = RecordingRunner()
    result = uninstall(home=tmp_path, env={}, platform="linux", run=runner)
    assert not result.path.exists()
    assert "ExecStart=" in result.content
    assert runner.calls == [
        ["systemctl", "--user", "disable", "--now", UNIT_NAME],
        ["systemctl", "--user", "daemon-reload"],
    ]
    again = uninstall(home=tmp_path, env={}, platform="linux", run=RecordingRunner())
    assert again.content == ""
    assert again.commands == []


def test_macos_writes_a_launch_agent(tmp_path: Path) -> None:
    runner = RecordingRunner()
    result = install(
        home=tmp_path,
        env={},
        platform="darwin",
        python="/venv/bin/python",
        logs=tmp_path / "logs",
        run=runner,
    )
    assert result.path == tmp_path / "Library" / "LaunchAgents" / "org.matwork.app.breaks.plist"
    agent = plistlib.loads(result.path.read_bytes())
    assert agent["ProgramArguments"] == ["/venv/bin/python", "-m", "matwork", "breaks"]
    assert agent["RunAtLoad"] is True
    assert runner.calls[0][:2] == ["launchctl", "bootstrap"]
    uninstall(home=tmp_path, env={}, platform="darwin", run=RecordingRunner())
    assert not result.path.exists()


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed"
)
def test_systemd_analyze_verify_accepts_the_unit(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = install(home=home, env={}, platform="linux", run=RecordingRunner())
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime)}
    done = subprocess.run(
        ["systemd-analyze", "--user", "verify", str(result.path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "", "verify warns on stderr about anything it ignores"
    # And it can fail: a unit with a bad line is reported.
    result.path.write_text(result.content.replace("Type=exec", "Type=bogus"), encoding="utf-8")
    bad = subprocess.run(
        ["systemd-analyze", "--user", "verify", str(result.path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "bogus" in bad.stderr
