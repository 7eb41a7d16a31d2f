"""``matwork breaks`` on the command line: usage errors, install/uninstall, status, stats."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from matwork.app.breaks import install as installer
from matwork.cli import main
from matwork.core.breaks import BreakOutcome
from matwork.store.break_log import BreakEvent, BreakLog


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["breaks", "--every", "10x"], "'10x' is not a duration (use e.g. 30m, 1h, 90s or 1h30m)"),
        (["breaks", "--every", "0m"], "is not longer than zero"),
        (["breaks", "--every", "25h"], "longer than a day"),
        (["breaks", "--once", "status"], "--every and --once go without a subcommand"),
    ],
)
def test_usage_errors_exit_2_without_a_traceback(arguments: list[str], message: str) -> None:
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_bad_breaks_table_names_file_line_and_column(isolated_dirs: dict[str, Path]) -> None:
    isolated_dirs["config"].mkdir(parents=True)
    config = isolated_dirs["config"] / "config.toml"
    config.write_text('[breaks]\nhours = "9-5"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["breaks", "--once"])
    assert result.exit_code == 1
    assert f"{config}:2:1: hours: expected HH:MM-HH:MM" in result.output


def test_install_prints_the_path_and_content_and_uninstall_removes_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[list[str]] = []

    def record(argv: Sequence[str]) -> tuple[int, str]:
        calls.append(list(argv))
        return 0, ""

    monkeypatch.setattr(installer, "run_command", record)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    result = CliRunner().invoke(main, ["breaks", "install"])
    assert result.exit_code == 0, result.output
    unit = tmp_path / "home" / ".config" / "systemd" / "user" / "matwork-breaks.service"
    assert f"Wrote {unit}:" in result.output
    assert unit.read_text(encoding="utf-8") in result.output
    assert "systemctl --user enable --now matwork-breaks.service: ok" in result.output
    removed = CliRunner().invoke(main, ["breaks", "uninstall"])
    assert removed.exit_code == 0
    assert f"Removed {unit}." in removed.output
    assert not unit.exists()
    assert calls[-2:] == [
        ["systemctl", "--user", "disable", "--now", "matwork-breaks.service"],
        ["systemctl", "--user", "daemon-reload"],
    ]


def test_nothing_is_written_without_the_command(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["breaks", "status"])
    assert result.exit_code == 0
    assert not (tmp_path / "home").exists()


def test_status_and_stats_show_todays_breaks(isolated_dirs: dict[str, Path]) -> None:
    import time

    now = time.time()
    with BreakLog(isolated_dirs["data"] / "history.sqlite3") as log:
        for reminder, outcome in [
            ("a", BreakOutcome.SHOWN),
            ("a", BreakOutcome.STARTED),
            ("b", BreakOutcome.SHOWN),
            ("b", BreakOutcome.SKIPPED),
        ]:
            log.record(
                BreakEvent(
                    reminder_uuid=reminder, at=now, outcome=outcome, routine="desk-break-hips"
                )
            )
    status = CliRunner().invoke(main, ["breaks", "status"])
    assert status.exit_code == 0
    assert "Not running" in status.output
    assert "Today: 2 reminders, 1 break started, 0 completed (50% taken)." in status.output
    stats = CliRunner().invoke(main, ["stats"])
    assert stats.exit_code == 0, stats.output
    assert (
        "Desk breaks: 2 reminders on 1 workdays (2.0 a day), 1 taken (50%), 0 completed"
        in stats.output
    )


def test_status_of_a_running_service_names_its_pid_and_next_reminder(
    isolated_dirs: dict[str, Path],
) -> None:
    import os

    from matwork.app.breaks.status import ServiceLock, ServiceState, read_status

    lock = ServiceLock(isolated_dirs["data"])
    assert lock.acquire()
    try:
        assert not ServiceLock(isolated_dirs["data"]).acquire(), "a second service is refused"
        lock.write_state(ServiceState(os.getpid(), 1_800_000_000.0, "desktop", 1_799_990_000.0))
        result = CliRunner().invoke(main, ["breaks", "status", "--tz", "Europe/Berlin"])
    finally:
        lock.release()
    assert f"Running (pid {os.getpid()}), reminders by desktop." in result.output
    assert "Next reminder: Fri 2027-01-15 09:00." in result.output
    assert read_status(isolated_dirs["data"]).running is False


def test_install_without_a_reachable_service_manager_says_what_to_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(installer, "run_command", lambda argv: (1, "Failed to connect to bus"))
    monkeypatch.setattr(sys, "platform", "linux")
    result = CliRunner().invoke(main, ["breaks", "install"])
    assert result.exit_code == 0, result.output
    assert "daemon-reload: failed (exit 1: Failed to connect to bus)" in result.output
    assert (
        "systemctl --user daemon-reload && systemctl --user enable --now matwork-breaks.service"
        in result.output
    )
