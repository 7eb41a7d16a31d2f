"""SVG snapshots of the assessment's screens, on a fake clock and fixed days."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import msgspec
from textual.pilot import Pilot

from matwork.app.assessments import report_of, store_record
from matwork.app.config import Config
from matwork.app.library import RoutineSource
from matwork.core.assessment_file import parse_results
from matwork.core.clock import FakeClock
from matwork.core.cues import RecordingSink
from matwork.core.kinds import SessionStatus
from matwork.store.assessment_log import AssessmentLog, AssessmentSource
from matwork.store.writer import HistoryStore
from matwork.tui.assess.findings import AssessmentSummaryScreen
from matwork.tui.assess.flow import start_assessment
from matwork.tui.history.assessments import AssessmentsScreen
from matwork.tui.library.assess_offer import AssessOffer

from helpers.assess_ui import advance, answer_red_flags, start_tests, to_next_test
from helpers.assessment import ISSUE_EXAMPLE, results
from helpers.paths import test_paths as matwork_paths
from helpers.pilot import wait_until
from helpers.player_ui import app_for
from helpers.store import make_info, make_set

SIZE = (100, 32)
SnapCompare = Callable[..., bool]
UTC = datetime.UTC
DAY = datetime.date(2026, 3, 2)


def test_red_flags_urgent(
    snap_compare: SnapCompare, config: Config, no_routines: list[RoutineSource]
) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        start_assessment(pilot.app, matwork_paths())
        await answer_red_flags(pilot, frozenset({"saddle-numbness"}))

    app = app_for(config, no_routines)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_red_flags_questions(
    snap_compare: SnapCompare, config: Config, no_routines: list[RoutineSource]
) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        start_assessment(pilot.app, matwork_paths())
        await pilot.pause()

    app = app_for(config, no_routines)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def _in_tests(seconds: float, holds: int = 0) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        clock = FakeClock(1000.0)
        screen = await start_tests(pilot, clock, RecordingSink())
        screen.FINISH_PAUSE = 3600.0
        for _ in range(holds):
            await to_next_test(pilot, screen, clock)
            await advance(pilot, screen, clock, 30)
            await pilot.press("d")
        await to_next_test(pilot, screen, clock)
        await advance(pilot, screen, clock, seconds)

    return run_before


def test_hold_counting_up(
    snap_compare: SnapCompare, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    assert snap_compare(app, terminal_size=SIZE, run_before=_in_tests(47.3))


def test_measurement_waiting_for_its_answer(
    snap_compare: SnapCompare, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    assert snap_compare(app, terminal_size=SIZE, run_before=_in_tests(3.0, holds=5))


def test_assessment_summary_with_findings(
    snap_compare: SnapCompare, config: Config, no_routines: list[RoutineSource]
) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        store = HistoryStore(matwork_paths().log_file)
        uuid = store.start_session(make_info("Self-assessment"), now=1_772_445_600.0)
        for segment in range(3):
            store.set_finished(make_set(segment, started_at=1_772_445_700.0))
        store.session_ended(SessionStatus.COMPLETED, 900.0)
        measured = msgspec.structs.replace(
            parse_results(ISSUE_EXAMPLE, "r.toml"), at_ceiling=["trunk-flexor-hold"]
        )
        log = AssessmentLog(store)
        before = log.add_assessment(
            results(sex="female", extensor_hold=80, fingertip_floor=31),
            AssessmentSource.RECORD,
            now=1.0,
            measured_on=DAY - datetime.timedelta(days=42),
        )
        stored = log.add_assessment(
            measured, AssessmentSource.RUN, now=2.0, measured_on=DAY, session_uuid=uuid
        )
        pilot.app.push_screen(
            AssessmentSummaryScreen(store, uuid, report_of(stored, before), tz=UTC)
        )
        await wait_until(pilot, lambda: getattr(pilot.app.screen, "detail", None) is not None)
        await pilot.pause()

    app = app_for(config, no_routines)
    assert snap_compare(app, terminal_size=(100, 60), run_before=run_before)


def test_library_offers_the_check(
    snap_compare: SnapCompare, config: Config, no_routines: list[RoutineSource]
) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_until(pilot, lambda: bool(pilot.app.screen.query(AssessOffer)))
        offer = pilot.app.screen.query_one(AssessOffer)
        await wait_until(pilot, lambda: not offer.has_class("-hidden"))
        await pilot.pause()

    app = app_for(config, no_routines)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_assessments_over_time(
    snap_compare: SnapCompare, config: Config, no_routines: list[RoutineSource]
) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        log = matwork_paths().log_file
        for weeks, extensor, side in ((0, 90, 45), (6, 130, 55), (12, 170, 60)):
            day = DAY + datetime.timedelta(weeks=weeks)
            measured = results(
                sex="male",
                trunk_flexor_hold=120,
                extensor_hold=extensor,
                side_bridge={"left": side, "right": 60},
                fingertip_floor=25 - weeks,
            )
            store_record(log, msgspec.structs.replace(measured, measured_on=day), "r.toml",
                         day, now=float(weeks))  # fmt: skip
        pilot.app.push_screen(AssessmentsScreen(log))
        await wait_until(pilot, lambda: getattr(pilot.app.screen, "found", None) is not None)
        await pilot.pause()

    app = app_for(config, no_routines)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
