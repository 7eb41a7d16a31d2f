"""The assessment full screen (Pilot, fake clock): the red-flag gate, a whole assessment with
its findings, a retest, the pain hook, the library's offer and the Assessments view."""

from __future__ import annotations

import datetime
from typing import Any

import msgspec
from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Static

from matwork.app.assessments import history, store_record
from matwork.app.config import Config, SessionSettings
from matwork.app.library import LibraryEntry, RoutineSource
from matwork.app.red_flag_checks import open_check
from matwork.core.clock import FakeClock
from matwork.core.cues import RecordingSink
from matwork.core.red_flags import CheckReason
from matwork.store.assessment_log import AssessmentLog
from matwork.store.writer import HistoryStore
from matwork.tui.assess.about import AboutScreen
from matwork.tui.assess.findings import AssessmentSummaryScreen, FindingsView
from matwork.tui.assess.flow import start_assessment, start_red_flags
from matwork.tui.assess.player import TestPlayerScreen
from matwork.tui.assess.red_flags import RedFlagScreen
from matwork.tui.assess.test_panel import TestPanel
from matwork.tui.history.assessments import AssessmentsScreen
from matwork.tui.history.screen import HistoryScreen
from matwork.tui.history.summary import SummaryScreen
from matwork.tui.library.assess_offer import AssessOffer
from matwork.tui.modals.confirm import ConfirmScreen
from matwork.tui.modals.questions import PainQuestion
from matwork.tui.player.big_timer import BigTimer
from matwork.tui.player.screen import PlayerScreen
from matwork.tui.widgets.rating_scale import RatingScale

from helpers.assess_ui import (
    advance,
    answer_red_flags,
    do_hold,
    start_tests,
    tick_answer,
    to_next_test,
    type_answer,
    whole_assessment,
)
from helpers.assessment import results
from helpers.paths import test_paths as matwork_paths
from helpers.pilot import wait_until
from helpers.player_ui import app_for, open_player

SIZE = (110, 40)


def _text(widget: Static) -> str:
    return str(widget.content)


async def test_an_open_red_flag_keeps_the_tests_from_starting(
    config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        ended: list[bool] = []
        start_assessment(app, matwork_paths(), then=lambda: ended.append(True))
        screen = await answer_red_flags(pilot, frozenset({"bladder-bowel"}))
        result = _text(screen.query_one("#flags-result", Static))
        assert "Get medical care now" in result
        assert "does not diagnose anything" in result
        assert {"-answered", "-open", "-urgent"} <= set(screen.classes)
        assert screen.query_one("#flags-go", Button).display is False
        await pilot.click("#flags-close")
        await pilot.pause()
        assert ended == [True]
        assert not isinstance(app.screen, AboutScreen)
        found = open_check(matwork_paths().log_file)
        assert found is not None
        assert found[0].reason is CheckReason.ASSESSMENT


async def test_a_stored_open_flag_gates_any_session_until_a_clear_recheck(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        start_assessment(app, matwork_paths())
        await answer_red_flags(pilot, frozenset({"fever"}))
        await pilot.click("#flags-close")
        rig = await open_player(pilot, tiny, config, start=False)
        await wait_until(pilot, lambda: isinstance(app.screen, RedFlagScreen))
        gate = app.screen
        assert isinstance(gate, RedFlagScreen)
        await wait_until(pilot, lambda: gate.has_class("-answered"))
        assert "A warning sign from your last check is open" in _text(
            gate.query_one("#flags-result", Static)
        )
        assert rig.screen.session is not None
        assert not rig.screen.session.player.started
        await pilot.click("#flags-again")
        await pilot.pause()
        await pilot.click("#flags-done")  # nothing ticked now: a doctor has looked at it
        await pilot.pause()
        assert "No warning sign ticked" in _text(gate.query_one("#flags-result", Static))
        await pilot.click("#flags-go")
        await wait_until(pilot, lambda: rig.screen.session.player.started)  # type: ignore[union-attr]
        assert open_check(matwork_paths().log_file) is None


async def test_a_whole_assessment_counts_holds_up_stores_them_and_shows_the_findings(
    config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        clock, sink = FakeClock(1000.0), RecordingSink()
        screen = await start_tests(pilot, clock, sink)
        assert screen.red_flags_checked
        await to_next_test(pilot, screen, clock)
        await advance(pilot, screen, clock, 92.4)
        assert screen.query_one(BigTimer).value == "1:32"  # counting up
        assert "-test-hold" in screen.classes
        panel = screen.query_one(TestPanel)
        assert "Press Enter or d when the position breaks" in _text(
            panel.query_one("#test-what", Static)
        )
        await advance(pilot, screen, clock, 0.1)
        await pilot.press("d")
        await pilot.pause()
        await to_next_test(pilot, screen, clock)
        assert "-test-hold" in screen.classes
        for seconds in (41, 58.3, 120.2, 300):  # the plank runs to its ceiling
            await do_hold(pilot, screen, clock, seconds)
        await to_next_test(pilot, screen, clock)
        assert "-test-measure" in screen.classes
        assert screen.query_one(BigTimer).display is False
        assert "table" in _text(panel.query_one("#test-picture", Static))
        await whole_assessment_rest(pilot, screen, clock)
        await wait_until(pilot, lambda: isinstance(app.screen, AssessmentSummaryScreen))
        summary = app.screen
        assert isinstance(summary, AssessmentSummaryScreen)
        text = _text(summary.query_one(FindingsView))
        for words in (
            "flexion : extension",
            "0.77",
            "goal < 1.0",
            "Source: McGill",
            "Rule:",
            "Holds that reached their ceiling",
            "First assessment",
            "does not diagnose",
        ):
            assert words in text, words
        assert "█" in text
    [stored] = history(matwork_paths().log_file)
    assert stored.results.results.trunk_flexor_hold == 92.5
    assert stored.results.results.extensor_hold == 120.2
    assert stored.results.at_ceiling == ["prone-plank"]
    assert stored.results.results.fingertip_floor == 25
    with HistoryStore(matwork_paths().log_file) as store:
        assert stored.session_uuid is not None
        assert len(AssessmentLog(store).test_results(stored.session_uuid)) == 10


async def whole_assessment_rest(
    pilot: Pilot[Any], screen: TestPlayerScreen, clock: FakeClock
) -> None:
    """The measurements of the assessment (after the holds)."""
    await tick_answer(pilot, screen, clock)
    await tick_answer(pilot, screen, clock, 0)
    await type_answer(pilot, screen, clock, "far")  # not a number: asked again
    assert "enter a number" in _text(screen.query_one("#test-error", Static))
    await type_answer(pilot, screen, clock, "25")
    await type_answer(pilot, screen, clock, "0")
    await type_answer(pilot, screen, clock, "1")
    await pilot.press("enter")  # the finished screen: on to the summary


async def test_a_retest_shows_within_the_noise_and_improved(
    config: Config, no_routines: list[RoutineSource]
) -> None:
    earlier = msgspec.structs.replace(
        results(extensor_hold=110, fingertip_floor=25), measured_on=datetime.date(2020, 1, 6)
    )
    store_record(matwork_paths().log_file, earlier, "physio.toml", datetime.date(2020, 1, 6), now=1)
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        clock, sink = FakeClock(1000.0), RecordingSink()
        screen = await start_tests(pilot, clock, sink)
        await whole_assessment(pilot, screen, clock, (60, 40, 40, 130, 90), "18")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, AssessmentSummaryScreen))
        text = _text(app.screen.query_one(FindingsView))
        assert "Compared with 2020-01-06" in text
        assert "[within the noise] extensor-hold: 110 → 130 s" in text
        assert "[improved] fingertip-floor: 25 → 18 cm" in text


async def test_pain_above_five_before_a_session_runs_the_red_flag_check(
    tiny: LibraryEntry, no_routines: list[RoutineSource]
) -> None:
    asking = Config(session=SessionSettings(safety_acknowledged=True, pain_question=True))
    app = app_for(asking, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, asking, start=False)
        await wait_until(pilot, lambda: isinstance(app.screen, PainQuestion))
        await pilot.press("7", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, RedFlagScreen))
        flags = app.screen
        assert isinstance(flags, RedFlagScreen)
        assert "above 5" in _text(flags.query_one("#flags-why", Static))
        await answer_red_flags(pilot, frozenset({"radiating-leg-pain"}))
        await pilot.click("#flags-close")
        await pilot.pause()
        assert rig.screen.session is not None
        assert not rig.screen.session.player.started  # training stays paused
        found = open_check(matwork_paths().log_file)
        assert found is not None
        assert found[0].reason is CheckReason.PAIN_BEFORE


async def test_new_leg_symptoms_with_low_pain_also_run_it(
    tiny: LibraryEntry, no_routines: list[RoutineSource]
) -> None:
    asking = Config(session=SessionSettings(safety_acknowledged=True, pain_question=True))
    app = app_for(asking, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, asking, start=False)
        await wait_until(pilot, lambda: isinstance(app.screen, PainQuestion))
        question = app.screen
        await wait_until(pilot, lambda: bool(question.query("#leg-symptoms")))
        await pilot.press("tab", "space")  # from the scale to the box, and tick it
        await pilot.pause()
        assert isinstance(question, PainQuestion)
        assert question.leg_symptoms
        await pilot.click("#answer")
        await wait_until(pilot, lambda: isinstance(app.screen, RedFlagScreen))
        await answer_red_flags(pilot)
        await pilot.click("#flags-go")
        await wait_until(pilot, lambda: rig.screen.session.player.started)  # type: ignore[union-attr]
        assert isinstance(rig.screen, PlayerScreen)


async def test_the_library_offers_the_check_until_one_is_stored(
    config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: bool(app.screen.query(AssessOffer)))
        offer = app.screen.query_one(AssessOffer)
        await wait_until(pilot, lambda: not offer.has_class("-hidden"))
        assert "Start with a 15-minute check" in _text(offer.query_one("#offer-text", Static))
        await pilot.click("#offer-start")
        await wait_until(pilot, lambda: isinstance(app.screen, RedFlagScreen))
        await pilot.press("escape")
        await pilot.pause()
        store_record(matwork_paths().log_file, results(extensor_hold=90), "a.toml",
                     datetime.date(2026, 1, 1), now=1)  # fmt: skip
        offer.recheck()
        await wait_until(pilot, lambda: offer.has_class("-hidden"))


async def test_not_now_hides_the_offer_and_saves_it(
    config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: bool(app.screen.query(AssessOffer)))
        offer = app.screen.query_one(AssessOffer)
        await wait_until(pilot, lambda: not offer.has_class("-hidden"))
        await pilot.click("#offer-dismiss")
        await pilot.pause()
        assert offer.has_class("-hidden")
    saved = matwork_paths().config_file.read_text(encoding="utf-8")
    assert "assessment_offer = false" in saved


async def test_the_history_screen_switches_to_the_assessments_over_time(
    config: Config, no_routines: list[RoutineSource]
) -> None:
    log = matwork_paths().log_file
    for day, extensor in ((datetime.date(2026, 1, 5), 100), (datetime.date(2026, 2, 16), 160)):
        dated = msgspec.structs.replace(
            results(trunk_flexor_hold=120, extensor_hold=extensor), measured_on=day
        )
        store_record(log, dated, "r.toml", day, now=1)
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(HistoryScreen(log))
        await pilot.pause()
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, AssessmentsScreen))
        screen = app.screen
        assert isinstance(screen, AssessmentsScreen)
        await wait_until(pilot, lambda: screen.found is not None)
        table = screen.query_one(DataTable)
        assert table.row_count == 2
        assert [str(cell) for cell in table.get_row_at(0)][:3] == ["2026-02-16", "record", "0.75"]
        over_time = _text(screen.query_one("#assessments-over-time", Static))
        assert "2026-01-05    1.20" in over_time
        assert "2026-02-16    0.75" in over_time
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))


async def test_pain_above_five_before_the_tests_suggests_another_day(
    no_routines: list[RoutineSource],
) -> None:
    asking = Config(session=SessionSettings(safety_acknowledged=True, pain_question=True))
    app = app_for(asking, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        ended: list[bool] = []
        start_assessment(app, matwork_paths(), then=lambda: ended.append(True))
        await answer_red_flags(pilot)
        await pilot.click("#flags-go")
        await wait_until(pilot, lambda: isinstance(app.screen, AboutScreen))
        await pilot.click("#about-start")
        await wait_until(pilot, lambda: isinstance(app.screen, PainQuestion))
        await pilot.press("8", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert not isinstance(app.screen, RedFlagScreen)  # the check has just run
        await pilot.press("n")  # another day
        await wait_until(pilot, lambda: ended == [True])
    assert history(matwork_paths().log_file) == []


async def test_pain_above_five_after_a_session_runs_the_check_after_the_summary(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config)
        rig.screen.FINISH_PAUSE = 0.05
        while not rig.player.finished:
            await rig.advance(10.0)
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        await wait_until(pilot, lambda: summary.detail is not None)
        summary.query_one("#pain-after", RatingScale).value = 7
        await pilot.pause()
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, RedFlagScreen))
        flags = app.screen
        assert isinstance(flags, RedFlagScreen)
        assert "after the session" in _text(flags.query_one("#flags-why", Static))
        await answer_red_flags(pilot)
        await pilot.click("#flags-go")
        await wait_until(pilot, lambda: not isinstance(app.screen, (RedFlagScreen, SummaryScreen)))
    with HistoryStore(matwork_paths().log_file) as store:
        check = AssessmentLog(store).last_red_flag_check()
    assert check is not None
    assert check.reason is CheckReason.PAIN_AFTER
    assert check.session_uuid is not None


async def test_red_flags_again_reports_whether_training_may_go_on(
    config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        heard: list[bool] = []
        start_red_flags(app, matwork_paths(), heard.append)
        screen = await answer_red_flags(pilot)
        assert screen.reason is CheckReason.RECHECK
        await pilot.click("#flags-go")
        await wait_until(pilot, lambda: heard == [True])
