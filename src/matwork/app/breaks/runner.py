"""Putting the service together from config.toml and running it under ``asyncio.run``."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Sequence
from datetime import tzinfo
from typing import TextIO

from matwork.app.breaks.idle import IdleProbe
from matwork.app.breaks.launch import Launcher, run_plan
from matwork.app.breaks.notify import choose_notifier
from matwork.app.breaks.service import (
    COMPLETION_SECONDS,
    BreakService,
    describe_routine,
    shipped_desk_breaks,
)
from matwork.app.breaks.status import ServiceLock, read_status
from matwork.app.config import Config, routine_sources
from matwork.app.paths import Paths
from matwork.core.breaks import BreakPlan, rotation
from matwork.i18n import _
from matwork.store.break_log import BreakLog

ONCE_COMPLETION_SECONDS = 20 * 60.0
"""How long a one-off waits, after Start, for the routine's session to be completed."""


class ServiceError(Exception):
    """The service cannot start; the message says why."""


async def serve(
    config: Config,
    paths: Paths,
    *,
    every: float | None = None,
    once: bool = False,
    programme_breaks: Sequence[str] = (),
    tz: tzinfo | None = None,
    out: TextIO | None = None,
    launcher: Launcher = run_plan,
) -> int:
    """Run the reminders until stopped (or, with ``once``, one reminder after ``every``).

    ``programme_breaks``: the active programme's desk breaks, which take the place of
    the configured and shipped ones while a programme runs.
    """
    out = out if out is not None else sys.stdout
    settings = config.breaks
    routines = rotation(settings.routines, shipped_desk_breaks(), programme_breaks)
    if not routines:
        raise ServiceError(_("no desk-break routines to offer (set [breaks] routines)"))
    plan = BreakPlan.from_settings(settings, every=every, anytime=once)
    lock = ServiceLock(paths.data_dir)
    if not once and not lock.acquire():
        status = read_status(paths.data_dir)
        pid = status.state.pid if status.state else "?"
        raise ServiceError(_("the break reminders already run (pid {pid})").format(pid=pid))
    sources = routine_sources(config, paths)
    notifier, choice = await choose_notifier(settings.notification)
    probe = IdleProbe() if sys.platform.startswith("linux") else None
    log = BreakLog(paths.log_file)
    service = BreakService(
        plan=plan,
        tz=tz,
        routines=routines,
        describe=lambda key: describe_routine(key, sources),
        notifier=notifier,
        choice=choice,
        launcher=launcher,
        log=log,
        out=out,
        terminal_command=settings.terminal,
        here_is_terminal=sys.stdout.isatty() and sys.stdin.isatty(),
        presence=probe.presence if probe is not None else None,
        lock=None if once else lock,
        once=once,
        completion_seconds=ONCE_COMPLETION_SECONDS if once else COMPLETION_SECONDS,
        snooze_minutes=settings.snooze_minutes,
    )
    due = service.scheduler.due_at
    if due is not None:
        from datetime import datetime

        from matwork.app.formats import weekday_time_text

        when = weekday_time_text(datetime.fromtimestamp(due, tz))
        out.write("matwork breaks: " + _("next reminder {when}").format(when=when) + "\n")
        out.flush()
    task = asyncio.current_task()
    loop = asyncio.get_running_loop()
    if task is not None:
        loop.add_signal_handler(signal.SIGTERM, task.cancel)
    try:
        return await service.run()
    except asyncio.CancelledError:
        return 0
    finally:
        loop.remove_signal_handler(signal.SIGTERM)
        if probe is not None:
            probe.close()
        log.close()
        lock.release()
