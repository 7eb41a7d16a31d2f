"""At the app's start: open on Today when a programme is active, and ask the check-in.

``open_today(app)`` reads the log on a thread. With a programme active it shows Today
over the library, and on the first start of a day after a session without a check-in
since, the morning check-in over Today (once a day: ``app.checkin_ask``). Without a
programme the library stays as it is; a programme that cannot be used is said in a
notification.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from matwork.app.checkin_ask import mark_asked, should_ask
from matwork.app.config import ConfigError
from matwork.app.programme_today import ProgrammeError
from matwork.app.today_notes import TodayRead, read_today
from matwork.i18n import tui_
from matwork.store.writer import HistoryError
from matwork.tui.today.checkin import CheckinQuestion
from matwork.tui.today.screen import TodayScreen

if TYPE_CHECKING:
    from matwork.tui.app import MatworkApp


def open_today(app: MatworkApp) -> None:
    """Look for an active programme on a thread; show Today (and the check-in) if there is one."""
    day = app.local_day()
    app.run_worker(lambda: _look(app, day), thread=True, group="today-start", name="today-start")


def _look(app: MatworkApp, day: date) -> None:
    try:
        read = read_today(app.paths, day)
    except ConfigError as error:
        app.call_from_thread(app.notify, str(error.problems[0]), severity="error", timeout=10)
        return
    except (ProgrammeError, HistoryError) as error:
        app.call_from_thread(app.notify, str(error), severity="warning", timeout=10)
        return
    if read.plan is None:
        return
    app.call_from_thread(show_today, app, read, should_ask(read.plan, app.paths, day), day)


def show_today(app: MatworkApp, read: TodayRead, ask: bool, day: date) -> None:
    """Push Today over the library (if the library is still shown), then the check-in."""
    if len(app.screen_stack) != 1:
        return  # the user moved on (history, a routine) before the log was read
    screen = TodayScreen(app.paths, read=read, day=app.local_day)
    app.push_screen(screen)
    if ask:
        problem = mark_asked(app.paths, day)
        if problem is not None:
            said = tui_("The check-in may be asked again today: {reason}").format(reason=problem)
            app.notify(said, severity="warning")
        app.push_screen(CheckinQuestion(read.question), screen.checkin_answered)
