"""Red-flag checks in the app: answer, store, and ask whether one is open.

``evaluate_answers`` runs the core check; ``save_check`` stores it in the log;
``open_check`` says whether the newest stored check left a warning sign open, which
blocks training (and the assessment) until a new check is clear. Both shells go
through here, so the TUI and ``--plain`` keep the same record.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from pathlib import Path

from matwork.core.red_flags import CheckReason, RedFlagCheck, evaluate, localized_red_flags
from matwork.i18n import _, current_language
from matwork.store.assessment_log import AssessmentLog, RedFlagRecord
from matwork.store.writer import HistoryError, HistoryStore


def evaluate_answers(answers: Mapping[str, bool]) -> RedFlagCheck:
    """The check for these answers (ids of questions no longer asked are left out)."""
    flags = localized_red_flags(current_language())
    known = {question.id for _group, question in flags.questions()}
    return evaluate({key: value for key, value in answers.items() if key in known}, flags)


def save_check(
    store: HistoryStore,
    answers: Mapping[str, bool],
    reason: CheckReason,
    *,
    now: float | None = None,
    session_uuid: str | None = None,
) -> tuple[RedFlagCheck, RedFlagRecord]:
    """Evaluate and store a check in an open log; the check and its record."""
    check = evaluate_answers(answers)
    record = AssessmentLog(store).add_red_flag_check(
        dict(answers),
        check,
        reason,
        now=time.time() if now is None else now,
        session_uuid=session_uuid,
    )
    return check, record


def save_check_at(
    log_file: Path,
    answers: Mapping[str, bool],
    reason: CheckReason,
    *,
    now: float | None = None,
    session_uuid: str | None = None,
) -> tuple[RedFlagCheck, str | None]:
    """``save_check`` into the log at ``log_file``: the check, and why it was not stored."""
    try:
        with HistoryStore(log_file) as store:
            check, _record = save_check(store, answers, reason, now=now, session_uuid=session_uuid)
            return check, None
    except HistoryError as error:
        problem = _("the check is not saved: {error}").format(error=error)
        return evaluate_answers(answers), problem


def last_check(store: HistoryStore) -> RedFlagRecord | None:
    """The newest stored check in an open log, or None."""
    return AssessmentLog(store).last_red_flag_check()


def open_check(log_file: Path) -> tuple[RedFlagRecord, RedFlagCheck] | None:
    """The newest check and what it says, when it left a warning sign open; else None."""
    try:
        with HistoryStore(log_file, read_only=True) as store:
            record = last_check(store)
    except HistoryError:
        return None
    if record is None or not record.open:
        return None
    return record, evaluate_answers(record.answers)
