"""The assessment's tables (schema v5): test results through a played session, assessments,
red-flag checks, the migration, and what programmes read of the last assessment."""

from __future__ import annotations

import datetime
import sqlite3
from pathlib import Path

import msgspec
import pytest

from matwork.app.assessments import (
    assessment_entry,
    history,
    is_assessment,
    latest_report,
    store_record,
    store_run,
)
from matwork.app.config import Config
from matwork.app.programme_files import last_assessment_emphases
from matwork.app.red_flag_checks import evaluate_answers, open_check, save_check_at
from matwork.app.session import PlayOptions, build_session
from matwork.core.assessment_model import AssessmentResults
from matwork.core.assessment_protocol import load_protocol
from matwork.core.assessment_runs import AboutYou
from matwork.core.clock import FakeClock
from matwork.core.cues import SilentSink
from matwork.core.kinds import SegmentKind
from matwork.core.red_flags import CheckReason
from matwork.core.retest import Verdict
from matwork.store.assessment_log import AssessmentLog, AssessmentSource
from matwork.store.schema import SCHEMA_VERSION, create_v1_database
from matwork.store.writer import HistoryStore

from helpers.assessment import results
from helpers.paths import test_paths as matwork_paths

DAY = datetime.date(2026, 3, 2)


def _play_assessment(
    holds: dict[int, float], answers: dict[int, float | bool]
) -> tuple[str, list[float]]:
    """Play the shipped assessment on a fake clock: hold each work segment ``holds[i]`` s
    (or to its ceiling when missing) and answer measurements; the session's uuid."""
    paths = matwork_paths()
    entry = assessment_entry()
    assert entry.timeline is not None
    clock = FakeClock()
    session = build_session(
        entry, Config(), paths, PlayOptions(sound=False), clock=clock, cues=SilentSink()
    )
    player = session.player
    player.start()
    held: list[float] = []
    while not player.finished:
        segment = player.current()
        assert segment is not None
        if segment.kind is not SegmentKind.WORK:
            clock.advance(player.segment_remaining())
            player.poll()
            continue
        test = segment.exercise.test
        assert test is not None
        if test.kind == "hold":
            if segment.index in holds:
                clock.advance(holds[segment.index])
                player.done()
            else:
                clock.advance(test.ceiling or 0)
                player.poll()
            held.append(holds.get(segment.index, test.ceiling or 0))
        else:
            clock.advance(12)
            player.answer(answers[segment.index])
    uuid = session.log.uuid
    assert uuid is not None
    session.close()
    return uuid, held


ANSWERS: dict[int, float | bool] = {11: False, 13: True, 15: 25, 17: 0, 19: 1}
"""Thomas left/right, fingertip-to-floor, ASLR left/right (segment indexes of the routine)."""


def test_the_shipped_assessment_follows_the_protocol() -> None:
    entry = assessment_entry()
    assert entry.error is None
    assert entry.timeline is not None
    assert is_assessment(entry.timeline)
    protocol = load_protocol()
    works = entry.timeline.work_segments()
    assert list(dict.fromkeys(segment.exercise.id for segment in works)) == protocol.order
    for segment in works:
        step = protocol.test[segment.exercise.test.assessment]  # type: ignore[union-attr, index]
        assert (segment.side is not None) == step.sided
        if step.kind == "hold":
            assert segment.exercise.test.ceiling == step.ceiling  # type: ignore[union-attr]
    rests = [s for s in entry.timeline.segments if s.kind is SegmentKind.REST]
    wanted = [protocol.test[t].rest_after for t in protocol.order if protocol.test[t].rest_after]
    assert [rest.duration for rest in rests] == wanted
    assert 13 * 60 <= entry.timeline.total_seconds <= 17 * 60  # "about 15 minutes"


def test_a_played_assessment_logs_each_test_and_side_with_the_time_held() -> None:
    uuid, held = _play_assessment({1: 92.5, 3: 41.0, 5: 58.3, 7: 120.2}, ANSWERS)
    path = matwork_paths().log_file
    with HistoryStore(path) as store:
        logged = AssessmentLog(store).test_results(uuid)
        sets = store.get_session(uuid).sets
        stored = store_run(store, uuid, AboutYou(sex="male"), DAY, now=1000.0)
    assert [(r.key, r.value, r.unit, r.at_ceiling) for r in logged] == [
        ("trunk-flexor-hold", pytest.approx(92.5), "s", False),
        ("side-bridge.left", pytest.approx(41.0), "s", False),
        ("side-bridge.right", pytest.approx(58.3), "s", False),
        ("extensor-hold", pytest.approx(120.2), "s", False),
        ("prone-plank", 240.0, "s", True),
        ("thomas.left", 0.0, "", False),
        ("thomas.right", 1.0, "", False),
        ("fingertip-floor", 25.0, "cm", False),
        ("aslr.left", 0.0, "points", False),
        ("aslr.right", 1.0, "points", False),
    ]
    hold_sets = [s for s in sets if s.exercise_id in {"trunk-flexor-hold", "extensor-hold"}]
    assert [s.actual_seconds for s in hold_sets] == pytest.approx([92.5, 120.2])
    assert held[:4] == [92.5, 41.0, 58.3, 120.2]
    assert stored is not None
    assert stored.source is AssessmentSource.RUN
    measured = stored.results.results
    assert measured.extensor_hold == 120.2
    assert measured.side_bridge is not None
    assert (measured.side_bridge.left, measured.side_bridge.right) == (41.0, 58.3)
    assert measured.thomas is not None
    assert measured.thomas.right is True
    assert stored.results.at_ceiling == ["prone-plank"]
    assert stored.results.sex == "male"
    report = latest_report(path)
    assert report is not None
    ids = {finding.id for finding in report.assessment.findings}
    assert {"extensor-band", "at-ceiling", "thomas-right", "fingertip-floor"} <= ids
    assert "extensor-endurance" in report.assessment.emphases  # 120 s < 176 s for a man
    assert report.retest is None
    with HistoryStore(path) as store:  # storing twice keeps one assessment
        assert store_run(store, uuid, AboutYou(), DAY, now=2000.0) == stored


def test_a_retest_against_the_last_says_within_the_noise_and_improved() -> None:
    path = matwork_paths().log_file
    first = results(sex="female", extensor_hold=100, fingertip_floor=25)
    store_record(path, dated(first, DAY), "first.toml", DAY, now=1.0)
    later = DAY + datetime.timedelta(days=42)
    second = results(sex="female", extensor_hold=130, fingertip_floor=18)
    report = store_record(path, dated(second, later), "second.toml", later, now=2.0)
    assert report.retest is not None
    verdicts = {change.test.value: change.verdict for change in report.retest.changes}
    assert verdicts == {"extensor-hold": Verdict.WITHIN_NOISE, "fingertip-floor": Verdict.IMPROVED}
    assert report.retest.days_apart == 42
    assert [item.source_path for item in history(path)] == ["first.toml", "second.toml"]


def dated(value: AssessmentResults, day: datetime.date) -> AssessmentResults:
    return msgspec.structs.replace(value, measured_on=day)


def test_programmes_read_the_emphases_of_the_last_assessment() -> None:
    path = matwork_paths().log_file
    assert last_assessment_emphases(path) is None
    store_record(path, results(thomas={"left": True, "right": False}), "a.toml", DAY, now=1.0)
    found = last_assessment_emphases(path)
    assert found is not None
    assert found.taken_on == DAY
    assert found.emphases == ("hip-flexor-length-left",)


def test_red_flag_checks_are_stored_and_an_open_one_blocks_until_a_clear_one() -> None:
    path = matwork_paths().log_file
    assert open_check(path) is None
    check, problem = save_check_at(path, {"fever": True}, CheckReason.PAIN_BEFORE, now=10.0)
    assert problem is None
    assert check.blocks_training
    found = open_check(path)
    assert found is not None
    record, again = found
    assert record.reason is CheckReason.PAIN_BEFORE
    assert [group.value for group in record.open_groups] == ["infection"]
    assert again.most_urgent is not None
    assert "today" in again.most_urgent.whom
    save_check_at(path, dict.fromkeys(record.answers, False), CheckReason.RECHECK, now=20.0)
    assert open_check(path) is None


def test_an_older_log_is_migrated_to_v5_with_the_new_tables(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    create_v1_database(path)
    with HistoryStore(path) as store:
        AssessmentLog(store).add_red_flag_check(
            {}, evaluate_answers({}), CheckReason.RECHECK, now=1.0
        )
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        assert {"test_results", "assessments", "red_flag_checks"} <= tables
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            connection.execute(
                "INSERT INTO test_results (session_uuid, segment, test, name, kind, value, unit,"
                " started_at) VALUES ('x', 0, 't', 'T', 'stretch', 1, 's', 0)"
            )
    finally:
        connection.close()
