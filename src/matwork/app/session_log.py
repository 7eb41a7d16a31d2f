"""The session log as the player's ResultSink: each write committed, or queued, never lost.

While the log is free, a set is in the log once ``set_finished`` returns, so a process
killed right after a set's end was shown loses nothing shown (one small commit per
set, on the caller's thread, waiting at most ``IMMEDIATE_WAIT_MS`` for another
process's commit to end).

When another process holds the log's write lock longer than that (an import, a
second matwork, a sqlite3 shell in a transaction), the write is not dropped and the
caller does not wait: it goes to a queue, in order, and a small writer thread tries
it again (each try waits up to ``RETRY_WAIT_MS``) until the lock is free; every
later write joins the queue behind it, so the order of the log is the order of the
session. The player's thread never waits on the database, so the clock and the
screen go on. The user hears of it once (a ``BUSY`` notice through ``on_problem``)
and again when the queue is saved (``CAUGHT_UP``). A process killed while writes
are queued loses those writes: that is the one way a set shown as ended can be
missing. ``close`` waits up to ``CLOSE_WAIT_SECONDS`` for the queue to be saved.

Everything also goes to ``memory``. When the log cannot be opened, or a write fails
for another reason (disk full, read-only, damaged), ``problem`` says why (a
``LogProblem``, a kind and a message), logging stops and the session goes on.

The status written at the end follows ``core.session_outcome`` (completed only with
most of the work done), judged over every set of the session, those before a resume
too. Active time is written with each set and each position, so a killed session
keeps it (see docs/routines.md, "What the log records").
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

from matwork.app.log_problem import LogProblem, LogProblemKind
from matwork.core.kinds import EndStatus, SessionStatus
from matwork.core.results import RecordingResults, SessionInfo, SetResult
from matwork.core.session_outcome import Outcome, WorkPlan, session_outcome
from matwork.core.test_results import TestResult
from matwork.i18n import _
from matwork.store.assessment_log import AssessmentLog
from matwork.store.writer import HistoryBusyError, HistoryError, HistoryStore, Rating

__all__ = ["LogProblem", "LogProblemKind", "SessionLog", "open_log"]

IMMEDIATE_WAIT_MS = 50
"""How long a write on the player's thread waits for another process's commit.

A commit by another matwork takes a few milliseconds; waiting that long keeps "a set
is in the log when its end is shown" through ordinary contention, and is shorter
than a frame of the full-screen player."""
RETRY_WAIT_MS = 1000
"""How long each try of the queue's writer waits for the lock (its thread, not the UI's)."""
CLOSE_WAIT_SECONDS = 30.0
"""How long closing the log waits for queued writes before giving them up."""


Write = Callable[[HistoryStore], None]
"""One write to the log, done with the store."""


class SessionLog:
    """The player's ResultSink over the history store; see the module docstring."""

    def __init__(
        self,
        store: HistoryStore | None,
        problem: LogProblem | None = None,
        on_problem: Callable[[LogProblem], None] | None = None,
    ) -> None:
        self.store = store
        self.problem = problem
        """Why the session is not (or no longer) logged; None while all is well."""
        self.on_problem = on_problem
        """Hears of a failure, a busy spell and its end as they happen (any thread)."""
        self.memory = RecordingResults()
        """Everything the player reported, kept in memory whatever the log does."""
        self.tests: list[TestResult] = []
        """The test sets' results, kept in memory whatever the log does."""
        self.uuid: str | None = None
        """The session's id in the log, once its row is written."""
        self.on_logged: Callable[[HistoryStore, str], None] | None = None
        """Called with the store and the uuid right after the row is written."""
        self.active_offset = 0.0
        """Active seconds done before a resume, added to what the player reports."""
        self.earlier_sets: list[SetResult] = []
        """The sets logged before a resume, judged with this run's for the end status."""
        self.plan: WorkPlan | None = None
        """The work the session plans; with it, the end status follows the outcome rule."""
        self.elapsed: Callable[[], float] | None = None
        """Session time at the end of the set being reported, written with it as the
        active time (``Player.last_set_end``)."""
        self.outcome: Outcome | None = None
        """How the session ended and how much work was done, once it has ended."""
        self._queue: deque[Write] = deque()
        self._changed = threading.Condition()
        self._writer: threading.Thread | None = None
        self._give_up_at: float | None = None

    @property
    def logging(self) -> bool:
        """Whether writes go to the log."""
        return self.store is not None and self.problem is None

    @property
    def pending(self) -> int:
        """Writes queued while the log is busy, not yet saved."""
        with self._changed:
            return len(self._queue)

    def _tell(self, problem: LogProblem) -> None:
        if self.on_problem is not None:
            self.on_problem(problem)

    def _fail(self, error: Exception) -> None:
        """Logging stops: say why once (the queue, if any, is dropped)."""
        with self._changed:
            self._queue.clear()
            if self.problem is not None:
                return
            self.problem = LogProblem(LogProblemKind.WRITE_FAILED, str(error))
        self._tell(self.problem)

    def _write(self, write: Write) -> None:
        """Commit one write now, or queue it behind a busy log (see the module docstring)."""
        store = self.store
        if store is None or self.problem is not None:
            return
        notice: LogProblem | None = None
        failed: Exception | None = None
        with self._changed:
            if self._queue:
                self._queue.append(write)  # keep the order: behind what waits
                return
            try:
                with store.waiting_at_most(IMMEDIATE_WAIT_MS):
                    write(store)
            except HistoryBusyError:
                self._queue.append(write)
                self._start_writer(store)
                notice = LogProblem(
                    LogProblemKind.BUSY,
                    _(
                        "another program holds the log; this session's records wait in memory "
                        "and are saved as soon as it is free"
                    ),
                )
            except (HistoryError, RuntimeError, ValueError) as error:
                failed = error
        if notice is not None:
            self._tell(notice)
        if failed is not None:
            self._fail(failed)

    def _start_writer(self, store: HistoryStore) -> None:
        if self._writer is None or not self._writer.is_alive():
            self._writer = threading.Thread(
                target=self._drain, args=(store,), name="matwork-log-writer", daemon=True
            )
            self._writer.start()

    def _drain(self, store: HistoryStore) -> None:
        """The writer thread: retry the queue's head until it is saved, in order."""
        saved = 0
        while True:
            with self._changed:
                if not self._queue:
                    self._writer = None
                    break
                write = self._queue[0]
            try:
                with store.waiting_at_most(RETRY_WAIT_MS):
                    write(store)
            except HistoryBusyError:
                give_up_at = self._give_up_at
                if give_up_at is not None and time.monotonic() >= give_up_at:
                    with self._changed:
                        lost = len(self._queue)
                    self._fail(
                        HistoryBusyError(
                            store.path,
                            _(
                                "another program held the log until matwork closed; {count} "
                                "records of this session were not saved"
                            ).format(count=lost),
                        )
                    )
                    return
                continue
            except (HistoryError, RuntimeError, ValueError) as error:
                self._fail(error)
                return
            saved += 1
            with self._changed:
                self._queue.popleft()
                self._changed.notify_all()
        self._tell(
            LogProblem(
                LogProblemKind.CAUGHT_UP,
                _("the log is free again; the {count} waiting records are saved").format(
                    count=saved
                ),
            )
        )

    def flush(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for queued writes to be saved; True when none wait."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while self._queue and self.problem is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(min(left, 0.1))
        return True

    def session_started(self, info: SessionInfo) -> None:
        """Write the session row (or reopen the one a resume armed)."""
        self.memory.session_started(info)

        def write(store: HistoryStore) -> None:
            store.session_started(info)
            self.uuid = store.current_uuid
            if self.on_logged is not None and self.uuid is not None:
                self.on_logged(store, self.uuid)

        self._write(write)

    def set_finished(self, result: SetResult) -> None:
        """Commit one set and the active time at its end (or queue it while the log is busy)."""
        self.memory.set_finished(result)
        total = None if self.elapsed is None else self.active_offset + self.elapsed()
        self._write(lambda store: store.set_finished(result, active_seconds=total))

    def _session_sets(self) -> list[SetResult]:
        """Every set of this session: those logged before a resume, then this run's."""
        return [*self.earlier_sets, *self.memory.sets]

    def test_recorded(self, result: TestResult) -> None:
        """Commit one test result (``test_results``, schema v5) with this session."""
        self.tests.append(result)
        if self.uuid is None and not self.pending:
            return

        def write(store: HistoryStore) -> None:
            uuid = self.uuid or store.current_uuid
            if uuid is not None:
                AssessmentLog(store).add_test_result(uuid, result)

        self._write(write)

    def session_ended(self, status: EndStatus, active_seconds: float) -> None:
        """Close the session row, with the status the outcome rule gives."""
        if self.plan is not None:
            reached_end = status is SessionStatus.COMPLETED
            self.outcome = session_outcome(reached_end, self._session_sets(), self.plan)
            status = self.outcome.status
        total = self.active_offset + active_seconds
        self.memory.session_ended(status, total)
        final = status
        self._write(lambda store: store.session_ended(final, total))

    def update_position(self, segment: int, seconds_into: float, active_seconds: float) -> None:
        """Record where a resume would continue."""
        total = self.active_offset + active_seconds
        self._write(lambda store: store.update_position(segment, seconds_into, total))

    def annotate(
        self,
        *,
        pain_before: Rating = None,
        pain_after: Rating = None,
        rpe: Rating = None,
        notes: str = "",
    ) -> None:
        """Save the answers given (None or "": not given) once this session's row exists."""
        if self.uuid is None and not self.pending:
            return

        def write(store: HistoryStore) -> None:
            uuid = self.uuid or store.current_uuid
            if uuid is None:
                return
            if pain_before is not None:
                store.annotate(uuid, pain_before=pain_before)
            if pain_after is not None:
                store.annotate(uuid, pain_after=pain_after)
            if rpe is not None:
                store.annotate(uuid, rpe=rpe)
            if notes:
                store.annotate(uuid, notes=notes)

        self._write(write)

    def close(self, wait: float = CLOSE_WAIT_SECONDS) -> None:
        """Save what waits (up to ``wait`` s), then close (an open session reads interrupted)."""
        store = self.store
        if store is None:
            return
        with self._changed:
            writer = self._writer
            self._give_up_at = time.monotonic() + wait
            self._changed.notify_all()
        if writer is not None:
            writer.join(wait + 2 * RETRY_WAIT_MS / 1000)
        store.close()
        self.store = None


def open_log(path: Path, on_problem: Callable[[LogProblem], None] | None = None) -> SessionLog:
    """The session log at ``path``, or an unlogged one saying why it cannot be opened."""
    try:
        store = HistoryStore(path)
    except HistoryError as error:
        return SessionLog(None, LogProblem(LogProblemKind.CANNOT_OPEN, str(error)), on_problem)
    return SessionLog(store, None, on_problem)
