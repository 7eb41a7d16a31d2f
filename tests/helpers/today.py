"""Shared by the Today, check-in and dose-meter tests: a started programme, a played session."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from click.testing import CliRunner

from matwork.app.config import Config
from matwork.app.library import LibraryEntry
from matwork.app.programme_play import today_options
from matwork.app.programme_today import TodayPlan, add_checkin, today_plan
from matwork.app.session import PlayOptions, build_session
from matwork.app.session_log import SessionLog
from matwork.cli import main
from matwork.core.breaks import BreakOutcome
from matwork.core.clock import FakeClock
from matwork.core.cues import SilentSink
from matwork.core.progression import Compared
from matwork.store.break_log import BreakEvent, BreakLog
from matwork.store.writer import HistoryStore

from helpers.paths import test_paths as isolated_paths
from helpers.store import log_path

MONDAY = date(2025, 3, 3)
"""Week 1 of every programme these tests start begins on this Monday."""
SHOWN, STARTED, SKIPPED = BreakOutcome.SHOWN, BreakOutcome.STARTED, BreakOutcome.SKIPPED


def stamp(day: date, hour: int = 18) -> float:
    """Epoch seconds of ``hour`` o'clock local time on ``day``."""
    return datetime.combine(day, time(hour)).timestamp()


def start(name: str = "back-reconditioning", day: date = MONDAY) -> None:
    """Start a shipped programme through the CLI, week 1 on ``day``."""
    result = CliRunner().invoke(main, ["programme", "start", name, "--date", day.isoformat()])
    assert result.exit_code == 0, result.output


def plan_for(day: date) -> TodayPlan:
    """Today's plan of the active programme on ``day``."""
    with HistoryStore(log_path()) as store:
        plan = today_plan(store, day, isolated_paths())
    assert plan is not None
    return plan


def play_through(
    store: HistoryStore, entry: LibraryEntry, options: PlayOptions, day: date, hour: int = 18
) -> str:
    """Build the session as both shells do and play it to its end on a fake clock."""
    clock = FakeClock()
    session = build_session(
        entry,
        Config(),
        isolated_paths(),
        options,
        clock=clock,
        cues=SilentSink(),
        log=SessionLog(store),
        wall=lambda: stamp(day, hour) + clock.now(),
    )
    session.player.start()
    while not session.player.finished:
        instant = session.player.next_cue_at()
        assert instant is not None
        clock.set(instant)
        session.player.poll()
    assert session.log.uuid is not None
    return session.log.uuid


def log_reminders(day: date, outcomes: list[tuple[str, BreakOutcome]], hour: int = 10) -> None:
    """Desk-break reminder outcomes at ``hour`` on ``day`` (one minute apart)."""
    with BreakLog(log_path()) as log:
        for number, (reminder, outcome) in enumerate(outcomes):
            log.record(
                BreakEvent(
                    reminder_uuid=reminder,
                    at=stamp(day, hour) + 60 * number,
                    outcome=outcome,
                    routine="desk-break-hips",
                )
            )


def played_week(monkeypatch: pytest.MonkeyPatch, *, checkin_after_first: bool = True) -> None:
    """Back reconditioning from MONDAY: sessions played Monday and Wednesday at 18:00 (RPE 7,
    pain 2 -> 2), a check-in on Tuesday, and desk-break reminders on Monday and Tuesday.

    The log's clock is set to each session's time while it plays.
    """
    start()
    for day in (MONDAY, MONDAY + timedelta(days=2)):
        with monkeypatch.context() as clock:
            clock.setattr("time.time", lambda day=day: stamp(day))
            plan = plan_for(day)
            assert plan.session is not None
            options = today_options(plan, plan.session, PlayOptions(sound=False))
            with HistoryStore(log_path()) as store:
                uuid = play_through(store, plan.session.entry, options, day)
                store.annotate(uuid, rpe=7, pain_before=2, pain_after=2)
        if day == MONDAY and checkin_after_first:
            morning = day + timedelta(days=1)
            with HistoryStore(log_path()) as store:
                add_checkin(store, 1, Compared.BETTER, morning, stamp(morning, 7))
    log_reminders(MONDAY, [("a", SHOWN), ("a", STARTED), ("b", SHOWN), ("b", SKIPPED)])
    log_reminders(MONDAY + timedelta(days=1), [("c", SHOWN), ("c", STARTED)])
