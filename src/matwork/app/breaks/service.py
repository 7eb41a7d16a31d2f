"""The reminder service: the scheduler on the wall clock, the notifier, the launcher, the log.

One asyncio loop. It wakes when a reminder falls due, every ``poll_seconds`` (to
notice sleep, absence and played sessions), and at once when the user answers. Every
outcome is committed to the log before the loop goes on. Desktop-notifier's callbacks
run on this loop, so the service is async from top to bottom; ``run_service`` is the
one ``asyncio.run`` for the command line.
"""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import tzinfo
from pathlib import Path
from typing import TextIO

import msgspec

from matwork.app.breaks.idle import Presence
from matwork.app.breaks.launch import Launcher, LaunchWhere, plan_launch
from matwork.app.breaks.notify import Notifier, NotifierChoice, Reminder
from matwork.app.breaks.status import ServiceLock, ServiceState
from matwork.app.library import LibraryEntry, RoutineNotFound, RoutineSource, discover, find_entry
from matwork.app.paths import UserPathError, user_path
from matwork.core.breaks import (
    ANSWER_OUTCOMES,
    BreakAnswer,
    BreakOutcome,
    BreakPlan,
    Scheduler,
    next_routine,
)
from matwork.i18n import _
from matwork.shipped import shipped_dir
from matwork.store.break_log import BreakEvent, BreakLog

POLL_SECONDS = 30.0
"""The longest the loop sleeps: a laptop that wakes is noticed within this."""
ANSWER_SECONDS = 15 * 60.0
"""How long a reminder waits for an answer before it is taken off the screen."""
COMPLETION_SECONDS = 2 * 3600.0
"""How long after Start a completed session of the routine still counts for it."""


class RoutineInfo(msgspec.Struct, frozen=True):
    """A routine a reminder offers."""

    key: str
    """As ``matwork play`` takes it."""
    name: str
    path: str
    """Resolved file path ("" if it could not be found)."""
    minutes: float


def shipped_desk_breaks() -> list[str]:
    """The shipped desk-break routines (``desk-break-*``), by file stem."""
    folder = shipped_dir("routines")
    return sorted(path.stem for path in folder.glob("desk-break-*.toml"))


def describe_routine(key: str, sources: Sequence[RoutineSource]) -> RoutineInfo:
    """Name, file and length of ``key`` (a path or a discovered name)."""
    try:
        candidate = user_path(key)
    except UserPathError:
        candidate = Path(key)
    entry: LibraryEntry | None = None
    if candidate.is_file():
        from matwork.app.library import load_entry

        entry = load_entry(candidate)
    else:
        try:
            entry = find_entry(key, discover(sources))
        except RoutineNotFound:
            entry = None
    if entry is None or entry.timeline is None:
        return RoutineInfo(key, key, "", 0.0)
    return RoutineInfo(
        key, entry.name, str(entry.path.resolve()), entry.timeline.total_seconds / 60
    )


PresenceProbe = Callable[[], Awaitable[Presence]]


class _Shown(msgspec.Struct):
    uuid: str
    routine: RoutineInfo
    at: float


class BreakService:
    """Reminds, hears the answer, starts the routine and logs every outcome."""

    def __init__(
        self,
        *,
        plan: BreakPlan,
        tz: tzinfo | None,
        routines: Sequence[str],
        describe: Callable[[str], RoutineInfo],
        notifier: Notifier,
        choice: NotifierChoice,
        launcher: Launcher,
        log: BreakLog,
        out: TextIO,
        terminal_command: str = "",
        here_is_terminal: bool = False,
        presence: PresenceProbe | None = None,
        clock: Callable[[], float] = time.time,
        lock: ServiceLock | None = None,
        once: bool = False,
        poll_seconds: float = POLL_SECONDS,
        answer_seconds: float = ANSWER_SECONDS,
        completion_seconds: float = COMPLETION_SECONDS,
        snooze_minutes: int = 10,
    ) -> None:
        if not routines:
            raise ValueError("no routines to offer")
        self._clock = clock
        self.scheduler = Scheduler(plan, tz, clock())
        self._routines = list(routines)
        self._describe = describe
        self._notifier = notifier
        self._choice = choice
        self._launcher = launcher
        self._log = log
        self._out = out
        self._terminal_command = terminal_command
        self._here_is_terminal = here_is_terminal
        self._presence = presence
        self._lock = lock
        self._once = once
        self._poll_seconds = poll_seconds
        self._answer_seconds = answer_seconds
        self._completion_seconds = completion_seconds
        self._snooze_minutes = snooze_minutes
        self._shown: _Shown | None = None
        self._started: list[_Shown] = []
        self._answers: list[BreakAnswer] = []
        self._woken = asyncio.Event()
        self._reminded = False
        self._last_routine = log.last_routine()
        self._started_at = clock()

    # The loop ------------------------------------------------------------------------

    async def run(self) -> int:
        """Run until cancelled (or, with ``once``, until the one reminder is settled)."""
        self._say(self._choice.describe())
        try:
            while True:
                now = self._clock()
                await self._tick(now)
                if self._once and self._reminded and self._shown is None and not self._started:
                    return 0
                self._write_state()
                await self._sleep(self._next_wake(self._clock()))
        finally:
            self._notifier.close()

    async def _tick(self, now: float) -> None:
        for answer in self._take_answers():
            await self._handle(answer, now)
        away = False
        if self._presence is not None:
            away = (await self._presence()).away(self.scheduler.plan.idle_reset)
        may_remind = not (self._once and self._reminded) and self._shown is None
        if may_remind and self.scheduler.poll(now, away=away):
            await self._remind(now)
        if self._shown is not None and now - self._shown.at >= self._answer_seconds:
            words = _("no answer to the reminder for {routine}")
            self._say(words.format(routine=self._shown.routine.name))
            await self._notifier.withdraw()
            self._shown = None
            self.scheduler.unanswered(now)
        self._check_completions(now)

    def _next_wake(self, now: float) -> float:
        wake = self._poll_seconds
        due = self.scheduler.due_at
        if due is not None and self._shown is None:
            wake = min(wake, max(0.0, due - now))
        return wake

    async def _sleep(self, seconds: float) -> None:
        """Sleep ``seconds``, or less when an answer arrives."""
        self._woken.clear()
        if self._answers:
            return
        try:
            await asyncio.wait_for(self._woken.wait(), seconds)
        except TimeoutError:
            return

    def _take_answers(self) -> list[BreakAnswer]:
        answers, self._answers = self._answers, []
        return answers

    def on_answer(self, answer: BreakAnswer) -> None:
        """The notifier's callback: queue the answer and wake the loop."""
        self._answers.append(answer)
        self._woken.set()

    # Reminding and answering ---------------------------------------------------------

    async def _remind(self, now: float) -> None:
        key = next_routine(self._routines, self._last_routine)
        routine = self._describe(key)
        self._last_routine = key
        shown = _Shown(str(uuid.uuid4()), routine, now)
        self._record(shown, BreakOutcome.SHOWN, now)
        self._shown = shown
        self._reminded = True
        if routine.minutes:
            minutes = _("about {minutes} min").format(minutes=round(routine.minutes))
        else:
            minutes = _("a short routine")
        reminder = Reminder(
            title=_("Time for a desk break"),
            body=f"{routine.name} ({minutes})",
            routine=key,
            snooze_minutes=self._snooze_minutes,
        )
        await self._notifier.show(reminder, self.on_answer)

    async def _handle(self, answer: BreakAnswer, now: float) -> None:
        shown, self._shown = self._shown, None
        if shown is None:
            return
        self._record(shown, ANSWER_OUTCOMES[answer], now)
        self.scheduler.answer(answer, now)
        if answer is BreakAnswer.SNOOZE:
            self._say(_("snoozed for {minutes} min").format(minutes=self._snooze_minutes))
            if self._once:
                self._reminded = False
            return
        if answer is BreakAnswer.SKIP:
            self._say(_("skipped"))
            return
        plan = plan_launch(
            shown.routine.key,
            configured=self._terminal_command,
            here_is_terminal=self._here_is_terminal,
        )
        self._say(_("starting {routine}").format(routine=shown.routine.name))
        if plan.where is LaunchWhere.HERE:
            self._notifier.close()  # the player reads the keyboard now, not the reminders
        result = await asyncio.to_thread(self._launcher, plan)
        self._say(result)
        if plan.where is not LaunchWhere.NOWHERE:
            self._started.append(shown)
            if self._once:
                minutes = round(self._completion_seconds / 60)
                words = _("waiting up to {minutes} min for it to be completed (Ctrl-C stops)")
                self._say(words.format(minutes=minutes))

    def _check_completions(self, now: float) -> None:
        still: list[_Shown] = []
        for started in self._started:
            session = self._log.completed_session(started.routine.path, started.at)
            if session is not None:
                self._record(started, BreakOutcome.COMPLETED, now, session)
                self._say(_("completed {routine}").format(routine=started.routine.name))
            elif now - started.at < self._completion_seconds:
                still.append(started)
        self._started = still

    def _record(
        self, shown: _Shown, outcome: BreakOutcome, now: float, session: str | None = None
    ) -> None:
        self._log.record(
            BreakEvent(
                reminder_uuid=shown.uuid,
                at=now,
                outcome=outcome,
                routine=shown.routine.key,
                routine_path=shown.routine.path,
                backend=str(self._notifier.backend),
                session_uuid=session,
            )
        )

    def _say(self, text: str) -> None:
        self._out.write(f"matwork breaks: {text}\n")
        self._out.flush()

    def _write_state(self) -> None:
        if self._lock is not None:
            state = ServiceState(
                os.getpid(), self.scheduler.due_at, str(self._notifier.backend), self._started_at
            )
            self._lock.write_state(state)
