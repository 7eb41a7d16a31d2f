"""``matwork assess --plain`` on a fake clock: the red-flag gate, a full assessment, a retest."""

from __future__ import annotations

import datetime

import pytest

from matwork.app.assessments import history
from matwork.app.config import Config
from matwork.app.red_flag_checks import open_check
from matwork.app.session import PlayOptions
from matwork.cli.assess_plain import PlainRun, assess_plain
from matwork.core.clock import FakeClock
from matwork.core.cues import SilentSink
from matwork.core.red_flags import CheckReason
from matwork.store.assessment_log import AssessmentLog
from matwork.store.writer import HistoryStore

from helpers.paths import test_paths as matwork_paths
from helpers.plain_script import ScriptedLines, assessment_script, red_flag_answers

DAY = datetime.date(2026, 3, 2)


def run(script: list[float | str], day: datetime.date = DAY) -> tuple[int, list[str]]:
    clock = FakeClock()
    lines: list[str] = []
    plain = PlainRun(
        ScriptedLines(clock, script),
        lines.append,
        clock=clock,
        cues=SilentSink(),
        sleep=clock.sleep,
        now=lambda: 1_700_000_000.0 + clock.now(),
        today=lambda: day,
    )
    code = assess_plain(Config(), matwork_paths(), PlayOptions(sound=False), plain)
    return code, lines


def test_an_open_red_flag_stops_the_assessment_before_it_starts() -> None:
    code, lines = run([*red_flag_answers(frozenset({"saddle-numbness"})), "m"])
    text = "\n".join(lines)
    assert code == 1
    assert "Get medical care now" in text
    assert "The assessment does not start while a warning sign is open." in text
    assert "does not diagnose anything" in text
    assert not any(line.startswith(("Hold:", "Measure:")) for line in lines)
    found = open_check(matwork_paths().log_file)
    assert found is not None
    assert found[0].reason is CheckReason.ASSESSMENT
    with HistoryStore(matwork_paths().log_file) as store:
        assert store.count_sessions() == 0


def test_a_full_assessment_runs_stores_and_prints_the_findings() -> None:
    code, lines = run(assessment_script((92.5, 41, 58.3, 120.2), 25))
    text = "\n".join(lines)
    assert code == 0, text
    assert lines[0].startswith("matwork self-assessment")
    order = [line.split(":")[1].strip() for line in lines if line.startswith(("Hold:", "Measure:"))]
    assert order == [
        "Trunk flexor hold at 60°",
        "Side bridge, left",
        "Side bridge, right",
        "Back extensor hold (Biering-Sørensen)",
        "Prone plank (front bridge)",
        "Hip flexor length (modified Thomas test), left",
        "Hip flexor length (modified Thomas test), right",
        "Fingertip-to-floor distance",
        "Active straight-leg raise, left",
        "Active straight-leg raise, right",
    ]
    assert "Result: Trunk flexor hold at 60°: 92.5 s" in lines
    assert "Result: Back extensor hold (Biering-Sørensen): 120.2 s" in lines
    assert (
        "Result: Prone plank (front bridge): 240 s: it reached the ceiling, "
        "the true time may be longer" in lines
    )
    assert "Result: Hip flexor length (modified Thomas test), right: yes" in lines
    assert "  You need: A sturdy bench, table or firm bed edge that will not tip." in lines
    assert any(line.startswith("  Variant: Helper-free") for line in lines)
    assert any("How to measure: Hold the tape upright" in line for line in lines)
    assert "flexion : extension" in text
    assert "0.77" in text  # 92.5 / 120.2
    assert "Rule:" in text
    assert "Source:" in text
    assert "Holds that reached their ceiling" in text
    assert "First assessment" in text
    assert "Stored in the log as assessment 1." in lines
    [stored] = history(matwork_paths().log_file)
    assert stored.results.results.fingertip_floor == 25
    assert stored.results.extensor_setup == "straps"
    assert stored.results.sex == "male"
    assert stored.session_uuid is not None
    with HistoryStore(matwork_paths().log_file) as store:
        session = store.get_session(stored.session_uuid).session
        assert session.pain_before == 2
        assert len(AssessmentLog(store).test_results(stored.session_uuid)) == 10


def test_a_retest_says_within_the_noise_and_improved() -> None:
    run(assessment_script((92.5, 41, 58.3, 120.2), 25))
    later = DAY + datetime.timedelta(days=35)
    code, lines = run(assessment_script((95, 44, 60, 140), 19), later)
    text = "\n".join(lines)
    assert code == 0, text
    assert "Compared with the assessment of 2026-03-02, 35 days apart" in text
    assert "[within the noise] extensor-hold: 120.2 → 140 s" in text  # 19.8 s < 48.5 s
    assert "[improved] fingertip-floor: 25 → 19 cm" in text  # 6 cm > 4.5 cm
    assert "[no published MDC] trunk-flexor-hold" in text


def test_pain_after_above_five_runs_the_red_flag_check_again() -> None:
    script = assessment_script((30, 20, 20, 60), 10, pain_after="7")
    script += red_flag_answers(frozenset({"radiating-leg-pain"}))
    code, lines = run(script)
    assert code == 0
    assert any("above 5 after the session" in line for line in lines)
    found = open_check(matwork_paths().log_file)
    assert found is not None
    assert found[0].reason is CheckReason.PAIN_AFTER


def test_pain_before_above_five_puts_the_tests_off() -> None:
    code, lines = run([*red_flag_answers(), "", "", "8"])
    assert code == 0
    assert any("Do them on a better day" in line for line in lines)
    assert history(matwork_paths().log_file) == []


@pytest.mark.parametrize("typed", ["maybe", "   "])
def test_a_measurement_asks_again_until_the_answer_fits(typed: str) -> None:
    script = assessment_script((30, 20, 20, 60), 10)
    index = script.index("10")
    script[index:index] = ["far away", "150"] if typed == "maybe" else []
    code, lines = run(script)
    assert code == 0
    if typed == "maybe":
        assert "  enter a number (Enter alone skips the test)" in lines
        assert "  enter a number from -40 to 100 cm (Enter alone skips the test)" in lines
    [stored] = history(matwork_paths().log_file)
    assert stored.results.results.fingertip_floor == 10
