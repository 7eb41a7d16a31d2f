"""The player for routines with test sets (and for the self-assessment).

``TestPlayerScreen`` is the player screen plus a ``TestPanel``: a hold counts up and
ends on Enter or ``d`` (or by itself at its ceiling); a measurement hides the digits
and waits for its answer. After a session with tests of the self-assessment, their
results are stored as an assessment and the summary shows the findings.
``tui.assess.choose.player_screen_for(entry, ...)`` picks this screen for a timeline
with test sets and the plain player screen otherwise.
"""

from __future__ import annotations

import datetime
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget

from matwork.app.assessments import is_assessment, report_after, store_run
from matwork.app.library import LibraryEntry
from matwork.app.paths import Paths
from matwork.app.session import PlayOptions
from matwork.core.assessment_runs import AboutYou
from matwork.core.kinds import SegmentKind
from matwork.core.player import Player
from matwork.core.red_flags import PAIN_RECHECK_ABOVE
from matwork.core.test_spec import AnswerError, TestKind
from matwork.core.timeline import Segment
from matwork.i18n import lazy_tui_, tui_
from matwork.store.writer import HistoryError
from matwork.tui.assess.styles import ASSESS_CSS
from matwork.tui.assess.test_panel import TestPanel
from matwork.tui.modals.confirm import ConfirmScreen
from matwork.tui.player import screen as player_screen
from matwork.tui.player.screen import PlayerScreen
from matwork.tui.widgets.bindings_text import lazy_binding

if TYPE_CHECKING:  # summaries are imported when a session ends, not for the start
    from matwork.tui.history.summary import SummaryScreen

PAIN_TODAY = lazy_tui_(
    "Your back hurts more than {above} of 10 today: the tests would measure "
    "the pain rather than you. Do them on a better day?"
)
"""Asked before the tests when the pain before is above 5."""

PLAYER_CSS = str(Path(player_screen.__file__).with_name("player.tcss"))
"""The player's own stylesheet, which this screen keeps."""


def _test_of(segment: Segment | None) -> TestKind | None:
    if segment is None or segment.kind is not SegmentKind.WORK or segment.exercise.test is None:
        return None
    return segment.exercise.test.kind


class TestPlayerScreen(PlayerScreen):
    """The player with a test panel; stores an assessment when the session had its tests."""

    __test__ = False

    CSS_PATH = [PLAYER_CSS, ASSESS_CSS]  # type: ignore[assignment]  # the base's, and ours

    BINDINGS = [
        lazy_binding(
            "d",
            "done",
            lazy_tui_("Done"),
            id="hold_done",
            show=False,
            tooltip=lazy_tui_("End the hold"),
        ),
    ]

    def __init__(
        self,
        entry: LibraryEntry,
        options: PlayOptions | None = None,
        *,
        paths: Paths,
        about: AboutYou | None = None,
        red_flags_checked: bool = False,
        today: datetime.date | None = None,
        **given: Any,
    ) -> None:
        super().__init__(entry, options, paths=paths, **given)
        self.about = about or AboutYou()
        self.red_flags_checked = red_flags_checked
        """The red-flag check ran just before (the pain hook need not run it again)."""
        self.today = today

    def compose(self) -> ComposeResult:
        """The player's parts, with the test panel over the session progress."""
        for widget in super().compose():
            if isinstance(widget, Widget) and widget.id == "session-bar":
                yield TestPanel(id="test-panel")
            yield widget

    def refresh_view(self) -> None:
        """The player's view, then the test panel and the hold/measure classes."""
        super().refresh_view()
        if self.session is None:
            return
        player = self.session.player
        segment = player.current()
        kind = _test_of(segment)
        upcoming = player.next_work() if segment is not None and kind is None else None
        panel = self.query_one(TestPanel)
        was = panel.shown
        panel.show(segment, upcoming)
        self.apply_classes(
            {"-test-hold": kind is TestKind.HOLD, "-test-measure": kind is TestKind.MEASURE}
        )
        if kind is TestKind.MEASURE and panel.shown != was:
            self.call_after_refresh(panel.focus_entry)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Done ends a hold; a measurement is ended by its answer (or Skip)."""
        segment = self.session.player.current() if self.session else None
        if action == "done" and _test_of(segment) is TestKind.MEASURE:
            return None
        return super().check_action(action, parameters)

    def action_done(self) -> None:
        """End the hold (or open set); in a measurement, go to its entry."""
        segment = self.session.player.current() if self.session else None
        if _test_of(segment) is TestKind.MEASURE and not self.ended:
            self.query_one(TestPanel).focus_entry()
            return
        super().action_done()

    def on_test_panel_answered(self, message: TestPanel.Answered) -> None:
        """Give the answer to the player (a value that does not fit stays, with the error)."""

        def answer(player: Player) -> bool:
            return player.answer(message.value)

        try:
            self._operate(answer)
        except AnswerError as error:
            self.query_one(TestPanel).error(str(error))

    def on_test_panel_skipped(self) -> None:
        """Skip the measurement (nothing is recorded for it)."""
        self.action_skip()

    def summary_screen(self) -> SummaryScreen:
        """The summary, with the findings when the session stored an assessment."""
        session = self.session
        if session is None or not is_assessment(session.timeline):
            return super().summary_screen()
        store, uuid = session.log.store, session.log.uuid
        if store is None or uuid is None:
            return super().summary_screen()
        report = None
        try:
            stored = store_run(
                store, uuid, self.about, self.today or datetime.date.today(), now=time.time()
            )
            if stored is not None:
                report = report_after(store, stored)
        except HistoryError as error:
            said = tui_("The assessment is not stored: {reason}").format(reason=error)
            self.notify(said, severity="error")
        from matwork.tui.assess.findings import AssessmentSummaryScreen

        return AssessmentSummaryScreen(store, uuid, report)

    def pain_check(
        self, pain: int | None, new_leg_symptoms: bool = False, *, after: bool = False
    ) -> Screen[bool] | None:
        """Right after the red-flag check, no second one: pain above 5 asks whether to
        do the tests another day instead (new leg symptoms still run the check)."""
        if not self.red_flags_checked or after or new_leg_symptoms:
            return super().pain_check(pain, new_leg_symptoms, after=after)
        if pain is not None and pain > PAIN_RECHECK_ABOVE:
            question = str(PAIN_TODAY).format(above=PAIN_RECHECK_ABOVE)
            return ConfirmScreen(question, yes=tui_("Go on anyway"), no=tui_("Another day"))
        return None
