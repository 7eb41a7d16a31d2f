"""The break log: outcomes stored and counted, the v3 migration, and kill -9 of the service."""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from matwork.app.breaks.launch import LaunchPlan
from matwork.app.breaks.notify import Backend, NotifierChoice, Reminder
from matwork.app.breaks.service import BreakService, RoutineInfo
from matwork.core.break_days import BreakEventRow, break_days
from matwork.core.breaks import BreakAnswer, BreakOutcome, BreakPlan, BreakSettings
from matwork.core.results import SessionInfo
from matwork.store.break_log import BreakEvent, BreakLog
from matwork.store.schema import SCHEMA_VERSION, create_v1_database
from matwork.store.writer import HistoryStore

BERLIN = ZoneInfo("Europe/Berlin")
REPO = Path(__file__).resolve().parents[2]


def at(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN).timestamp()


def event(reminder: str, when: str, outcome: BreakOutcome) -> BreakEvent:
    return BreakEvent(
        reminder_uuid=reminder, at=at(when), outcome=outcome, routine="desk-break-hips"
    )


def test_outcomes_are_stored_in_order_and_counted_per_workday(tmp_path: Path) -> None:
    rows = [
        event("a", "2026-03-02 09:45", BreakOutcome.SHOWN),
        event("a", "2026-03-02 09:46", BreakOutcome.SNOOZED),
        event("a", "2026-03-02 09:56", BreakOutcome.SNOOZED),
        event("a", "2026-03-02 10:06", BreakOutcome.STARTED),
        event("a", "2026-03-02 10:10", BreakOutcome.COMPLETED),
        event("b", "2026-03-02 10:55", BreakOutcome.SHOWN),
        event("b", "2026-03-02 10:56", BreakOutcome.SKIPPED),
        event("c", "2026-03-02 23:59", BreakOutcome.SHOWN),
        event("c", "2026-03-03 00:01", BreakOutcome.STARTED),
        event("d", "2026-03-03 09:45", BreakOutcome.SHOWN),
    ]
    with BreakLog(tmp_path / "history.sqlite3") as log:
        for row in rows:
            log.record(row)
        stored = log.events()
        assert [(item.reminder_uuid, item.outcome) for item in stored] == [
            (row.reminder_uuid, row.outcome) for row in rows
        ]
        assert log.last_routine() == "desk-break-hips"
        totals = break_days(log.count_rows(), BERLIN)
    monday, tuesday = totals.days
    assert (monday.day, monday.reminders, monday.taken, monday.completed) == ("2026-03-02", 3, 2, 1)
    assert (monday.skipped, monday.snoozed) == (1, 1), "a reminder snoozed twice counts once"
    assert monday.share_taken == pytest.approx(2 / 3)
    assert (tuesday.day, tuesday.reminders, tuesday.taken) == ("2026-03-03", 1, 0)
    assert (totals.reminders, totals.taken, totals.share_taken) == (4, 2, 0.5)


def test_counting_uses_the_given_time_zone() -> None:
    late = BreakEventRow(
        "x", datetime(2026, 3, 2, 23, 30, tzinfo=ZoneInfo("UTC")).timestamp(), BreakOutcome.SHOWN
    )
    assert break_days([late], ZoneInfo("UTC")).days[0].day == "2026-03-02"
    assert break_days([late], BERLIN).days[0].day == "2026-03-03"
    assert break_days([], BERLIN).share_taken is None


def test_an_older_log_is_migrated_to_the_current_version_and_keeps_its_sessions(
    tmp_path: Path,
) -> None:
    path = tmp_path / "history.sqlite3"
    create_v1_database(path)
    with BreakLog(path) as log:
        log.record(event("a", "2026-03-02 09:45", BreakOutcome.SHOWN))
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 4
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            connection.execute(
                "INSERT INTO break_events (reminder_uuid, at, outcome, routine) "
                "VALUES ('z', 0, 'ignored', 'x')"
            )
    finally:
        connection.close()


class AnswersAtOnce:
    """A notifier whose user presses Start as soon as the reminder shows."""

    backend = Backend.LINE

    def __init__(self) -> None:
        self.shown: list[Reminder] = []

    async def show(self, reminder: Reminder, on_answer) -> None:
        self.shown.append(reminder)
        on_answer(BreakAnswer.START)

    async def withdraw(self) -> None:
        return None

    def close(self) -> None:
        return None


async def test_a_started_break_whose_session_completes_is_logged_completed(tmp_path: Path) -> None:
    database = tmp_path / "history.sqlite3"
    routine_path = str(tmp_path / "desk-break-hips.toml")

    def play_it(plan: LaunchPlan) -> str:
        """The routine 'plays' and its session is logged completed, as matwork play does."""
        with HistoryStore(database) as store:
            store.start_session(SessionInfo("Desk break: hips", routine_path, "h", 180.0))
            store.session_ended("completed", 180.0)
        return "played"

    notifier = AnswersAtOnce()
    with BreakLog(database) as log:
        service = BreakService(
            plan=BreakPlan.from_settings(BreakSettings(), every=0.05, anytime=True),
            tz=None,
            routines=["desk-break-hips"],
            describe=lambda key: RoutineInfo(key, "Desk break: hips", routine_path, 3.0),
            notifier=notifier,
            choice=NotifierChoice(Backend.LINE, {}),
            launcher=play_it,
            log=log,
            out=io.StringIO(),
            terminal_command="x-terminal-emulator -e",
            once=True,
            poll_seconds=0.05,
            completion_seconds=30.0,
        )
        assert await service.run() == 0
        events = log.events()
    assert [item.outcome for item in events] == [
        BreakOutcome.SHOWN,
        BreakOutcome.STARTED,
        BreakOutcome.COMPLETED,
    ]
    assert events[2].session_uuid is not None
    assert len({item.reminder_uuid for item in events}) == 1
    assert notifier.shown[0].body == "Desk break: hips (about 3 min)"


def _read_until(process: subprocess.Popen[str], marker: str, timeout: float = 30.0) -> str:
    assert process.stdout is not None
    seen = ""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen += line
        if marker in line:
            return seen
    raise AssertionError(f"{marker!r} never came; output so far:\n{seen}")


@pytest.mark.slow
def test_kill_9_of_the_service_loses_nothing_already_logged(
    isolated_dirs: dict[str, Path], tmp_path: Path
) -> None:
    isolated_dirs["config"].mkdir(parents=True)
    (isolated_dirs["config"] / "config.toml").write_text(
        '[breaks]\nnotification = "line"\nterminal = "true"\n', encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    process = subprocess.Popen(
        [sys.executable, "-m", "matwork", "breaks", "--every", "1s", "--once"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        _read_until(process, "Time for a desk break")
        assert process.stdin is not None
        process.stdin.write("\n")  # Enter: Start
        process.stdin.flush()
        _read_until(process, "waiting up to")
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=10) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    with BreakLog(isolated_dirs["data"] / "history.sqlite3", create=False) as log:
        events = log.events()
        totals = break_days(log.count_rows(), None)
    assert [item.outcome for item in events] == [BreakOutcome.SHOWN, BreakOutcome.STARTED]
    assert events[0].routine == "desk-break-hips"
    assert events[0].routine_path.endswith("desk-break-hips.toml")
    assert (totals.reminders, totals.taken) == (1, 1)
