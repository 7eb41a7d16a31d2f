"""The self-assessment in the app: the shipped routine, storing results, history and retests.

``assessment_entry()`` is the shipped assessment (``data/assessment.toml``) as a library
entry, ready for the player. After a played assessment, ``store_run`` turns the
session's test results into results and stores them; ``store_record`` stores results
measured elsewhere. ``history`` lists every stored assessment; ``report_of`` adds the
findings and the retest against the one before; ``report_data`` is the JSON of
``matwork assess --json``. Every function takes the log's path (or an open store):
nothing here looks a folder up.
"""

from __future__ import annotations

import datetime
from importlib import resources
from pathlib import Path
from typing import Any

import msgspec

from matwork.app.library import LibraryEntry, load_entry
from matwork.core.assessment_model import AssessmentResults
from matwork.core.assessment_norms import Norms, localized_norms
from matwork.core.assessment_runs import AboutYou, results_from_tests
from matwork.core.findings import Assessment, assess
from matwork.core.kinds import SegmentKind
from matwork.core.retest import Retest, compare
from matwork.core.timeline import Timeline
from matwork.i18n import current_language
from matwork.store.assessment_log import AssessmentLog, AssessmentSource, StoredAssessment
from matwork.store.writer import HistoryStore

ASSESSMENT_ROUTINE = "assessment.toml"
"""The shipped assessment routine, under ``matwork/data``."""


def assessment_path() -> Path:
    """Where the shipped assessment routine lies."""
    return Path(str(resources.files("matwork") / "data" / ASSESSMENT_ROUTINE))


def assessment_entry() -> LibraryEntry:
    """The shipped assessment as a library entry (an error entry if it does not load)."""
    return load_entry(assessment_path(), "shipped")


def is_assessment(timeline: Timeline) -> bool:
    """True when a timeline holds a test of the self-assessment (its results give findings)."""
    return any(
        segment.kind is SegmentKind.WORK
        and segment.exercise.test is not None
        and segment.exercise.test.assessment is not None
        for segment in timeline.segments
    )


class AssessmentReport(msgspec.Struct, frozen=True, kw_only=True):
    """A stored assessment with its findings, and the retest against the one before it."""

    stored: StoredAssessment
    assessment: Assessment
    previous: StoredAssessment | None = None
    retest: Retest | None = None


def _dated(results: AssessmentResults, day: datetime.date) -> AssessmentResults:
    """The results with their day, so a retest can say how far apart two were."""
    if results.measured_on is not None:
        return results
    return msgspec.structs.replace(results, measured_on=day)


def report_of(
    stored: StoredAssessment, previous: StoredAssessment | None, norms: Norms | None = None
) -> AssessmentReport:
    """Findings for ``stored``, and its retest against ``previous`` when there is one."""
    norms = norms or localized_norms(current_language())
    current = _dated(stored.results, stored.measured_on)
    retest = None
    if previous is not None:
        retest = compare(_dated(previous.results, previous.measured_on), current, norms)
    return AssessmentReport(
        stored=stored, assessment=assess(current, norms), previous=previous, retest=retest
    )


def reports(history: list[StoredAssessment], norms: Norms | None = None) -> list[AssessmentReport]:
    """Each assessment of ``history`` (oldest first) with its retest against the one before."""
    norms = norms or localized_norms(current_language())
    return [
        report_of(stored, history[index - 1] if index else None, norms)
        for index, stored in enumerate(history)
    ]


def report_data(report: AssessmentReport) -> dict[str, Any]:
    """The JSON of ``matwork assess --json``: the assessment, where it is stored, its retest."""
    data: dict[str, Any] = msgspec.to_builtins(report.assessment)
    stored = report.stored
    data["stored"] = {
        "id": stored.id,
        "source": stored.source.value,
        "source_path": stored.source_path,
        "session_uuid": stored.session_uuid,
        "measured_on": stored.measured_on.isoformat(),
        "recorded_at": stored.recorded_at,
    }
    data["retest"] = msgspec.to_builtins(report.retest) if report.retest is not None else None
    if report.previous is not None:
        data["retest"]["previous_id"] = report.previous.id
    return data


def history(log_file: Path) -> list[StoredAssessment]:
    """Every assessment in the log at ``log_file``, oldest first (none when it does not exist)."""
    with HistoryStore(log_file, read_only=True) as store:
        return AssessmentLog(store).assessments()


def has_assessment(log_file: Path) -> bool:
    """True once the log holds an assessment."""
    with HistoryStore(log_file, read_only=True) as store:
        return AssessmentLog(store).count_assessments() > 0


def latest_report(log_file: Path) -> AssessmentReport | None:
    """The newest assessment with its findings and retest, or None when there is none."""
    stored = history(log_file)
    if not stored:
        return None
    return report_of(stored[-1], stored[-2] if len(stored) > 1 else None)


def report_after(store: HistoryStore, stored: StoredAssessment) -> AssessmentReport:
    """The report of an assessment just stored, its retest against the newest one before it."""
    earlier = [item for item in AssessmentLog(store).assessments() if item.id != stored.id]
    before = [item for item in earlier if item.measured_on <= stored.measured_on]
    return report_of(stored, before[-1] if before else None)


def store_run(
    store: HistoryStore,
    session_uuid: str,
    about: AboutYou,
    today: datetime.date,
    *,
    now: float,
) -> StoredAssessment | None:
    """Store the assessment a played session gave (once); None when it recorded no test."""
    log = AssessmentLog(store)
    done = log.assessment_of_session(session_uuid)
    if done is not None:
        return done
    results = results_from_tests(log.test_results(session_uuid), about, today)
    if results is None:
        return None
    return log.add_assessment(
        results, AssessmentSource.RUN, now=now, measured_on=today, session_uuid=session_uuid
    )


def store_record(
    log_file: Path,
    results: AssessmentResults,
    source_path: str,
    today: datetime.date,
    *,
    now: float,
) -> AssessmentReport:
    """Store results measured elsewhere; their report, with the retest against the last one."""
    with HistoryStore(log_file) as store:
        stored = AssessmentLog(store).add_assessment(
            results,
            AssessmentSource.RECORD,
            now=now,
            measured_on=results.measured_on or today,
            source_path=source_path,
        )
        return report_after(store, stored)
