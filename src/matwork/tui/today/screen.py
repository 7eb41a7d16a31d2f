"""Today: the programme's session due, its doses after progression, and why.

The app opens on it (over the library) when a programme is active. It shows the week
and the session number, what Enter plays (the session due, then today's desk breaks),
the doses, the last decisions with their reasons, and friendly notes: missed days
are not carried over, and a missing check-in is no information. Enter plays the
dosed routine with the hook that logs it against the programme; ``k`` takes the
morning check-in; ``w`` shows the week against the guidance.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from matwork.app.checkin_ask import save_checkin
from matwork.app.config import Config, ConfigError
from matwork.app.paths import Paths
from matwork.app.programme_play import Playable, playable, today_options
from matwork.app.programme_today import ProgrammeError
from matwork.app.session import PlayOptions
from matwork.app.today_notes import TodayRead, note_lines, read_today
from matwork.i18n import lazy_tui_, tui_
from matwork.store.writer import HistoryError
from matwork.tui.today import texts
from matwork.tui.today.checkin import COMPARED_WORDS, CheckinAnswer, CheckinQuestion
from matwork.tui.widgets.bindings_text import lazy_binding

NARROW_WIDTH = 100
"""Narrower than this, the decisions go under the doses instead of beside them."""


class PlayList(OptionList):
    """What Today can play; Enter plays the highlighted one (and the footer says so)."""

    BINDINGS = [lazy_binding("enter", "select", lazy_tui_("Play"), id="today_play_selected")]


class TodayScreen(Screen[None]):
    """The active programme's day; dismisses back to the library."""

    CSS_PATH = "today.tcss"

    BINDINGS = [
        lazy_binding("enter", "play", lazy_tui_("Play"), id="today_play", show=False),
        lazy_binding("k", "checkin", lazy_tui_("Check in"), id="today_checkin"),
        lazy_binding("w", "week", lazy_tui_("This week"), id="today_week"),
        lazy_binding("l,escape", "library", lazy_tui_("Library"), id="today_library"),
        lazy_binding("h", "app.history", lazy_tui_("History"), id="today_history"),
        lazy_binding("r", "reload", lazy_tui_("Reload"), id="today_reload", show=False),
    ]

    AUTO_FOCUS = "#today-play"

    @dataclass
    class Loaded(Message):
        """Today was read from the log. Handled by ``on_today_screen_loaded``."""

        read: TodayRead

    @dataclass
    class Failed(Message):
        """Today could not be read. Handled by ``on_today_screen_failed``."""

        reason: str

    def __init__(
        self,
        paths: Paths,
        *,
        read: TodayRead | None = None,
        day: Callable[[], date] = date.today,
        wall: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(id="today")
        self.paths = paths
        self.read = read
        """What the view shows, once read."""
        self.day = day
        """Today's local date (injected in tests)."""
        self.wall = wall
        self.play_options = PlayOptions()
        """The options Today plays with (the hook is added to them; tests turn sound off)."""
        self._playable: list[Playable] = []
        self._shown = False

    # -- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """The week and what to play on top; the doses beside (or over) the reasons below."""
        yield Header()
        with Vertical(id="today-top"):
            yield Static("", id="today-programme", markup=False)
            yield Static("", id="today-week", markup=False)
            yield Static("", id="today-when", markup=False)
            yield PlayList(id="today-play")
            yield Static("", id="today-notes")
        with VerticalScroll(id="today-body"), Horizontal(id="today-columns"):
            with Vertical(id="today-doses-column"):
                yield Static(tui_("Doses after progression"), classes="today-title")
                yield Static("", id="today-doses")
                yield Static("", id="today-deload", markup=False)
            with Vertical(id="today-why-column"):
                yield Static("", id="today-why-title", classes="today-title", markup=False)
                yield Vertical(id="today-why")
        yield Footer()

    def on_mount(self) -> None:
        """Show what was read at start, or read it now."""
        self.set_class(self.app.size.width < NARROW_WIDTH, "-narrow")
        if self.read is not None:
            self.show(self.read)
        else:
            self.action_reload()

    def on_resize(self, event: Resize) -> None:
        """Stack the columns on a narrow terminal."""
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")

    def on_screen_resume(self) -> None:
        """Back from a session or the week view: read again (a session changes the plan)."""
        if self._shown:
            self.action_reload()
        self._shown = True

    # -- reading ------------------------------------------------------------------

    def action_reload(self) -> None:
        """Read today's plan from the log again."""
        self._read(self.paths, self.day())

    @work(thread=True, exclusive=True, group="today-read")
    def _read(self, paths: Paths, day: date) -> None:
        try:
            read = read_today(paths, day)
        except ConfigError as error:
            self.post_message(self.Failed(str(error.problems[0])))
        except (ProgrammeError, HistoryError) as error:
            self.post_message(self.Failed(str(error)))
        else:
            self.post_message(self.Loaded(read))

    def on_today_screen_loaded(self, message: Loaded) -> None:
        """Show it; with the programme stopped meanwhile, back to the library."""
        if message.read.plan is None:
            self.notify(
                tui_("No programme is active: `matwork programme start NAME` starts one."),
                severity="warning",
            )
            self.dismiss()
            return
        self.show(message.read)

    def on_today_screen_failed(self, message: Failed) -> None:
        """Say why Today cannot be shown."""
        self.set_class(True, "-failed")
        self.query_one("#today-programme", Static).update(tui_("Today cannot be shown"))
        self.query_one("#today-week", Static).update(message.reason)

    def show(self, read: TodayRead) -> None:
        """Fill every part from the plan."""
        self.read = read
        plan = read.plan
        if plan is None:
            return
        self.set_class(False, "-failed")
        self.query_one("#today-programme", Static).update(plan.programme.name)
        self.query_one("#today-week", Static).update(texts.week_line(plan))
        self.query_one("#today-when", Static).update(texts.when_line(plan))
        self._playable = playable(plan)
        options = self.query_one("#today-play", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(
            Option(texts.playable_label(one), id=f"play-{number}")
            for number, one in enumerate(self._playable)
        )
        if self._playable:
            options.highlighted = min(highlighted or 0, len(self._playable) - 1)
        self.set_class(not self._playable, "-nothing-to-play")
        notes = note_lines(plan, read.notes) if read.notes is not None else []
        self.query_one("#today-notes", Static).update(
            Content("\n").join(Content.assemble(("• ", "dim"), note) for note in notes)
        )
        self.set_class(not notes, "-no-notes")
        doses = texts.dose_lines(plan)
        self.query_one("#today-doses", Static).update(doses)
        self.set_class(not doses.plain, "-no-doses")
        deload_reason = plan.progress.deload
        deload = (
            tui_("Deload week: {reason}.").format(reason=deload_reason) if deload_reason else ""
        )
        self.query_one("#today-deload", Static).update(deload)
        self.query_one("#today-why-title", Static).update(texts.why_title(plan))
        why = self.query_one("#today-why", Vertical)
        why.remove_children()
        why.mount_all(
            Horizontal(
                Static(texts.decision_mark(decision), classes="why-mark"),
                Static(decision.reason, classes="why-reason", markup=False),
                classes="why-row",
            )
            for decision in plan.progress.last_decisions()
        )

    # -- playing ------------------------------------------------------------------

    @property
    def playable(self) -> list[Playable]:
        """What the list offers, top to bottom."""
        return list(self._playable)

    def action_play(self) -> None:
        """Play the highlighted line (the session due by default)."""
        options = self.query_one("#today-play", OptionList)
        if options.highlighted is not None:
            self.play(options.highlighted)

    @on(OptionList.OptionSelected, "#today-play")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.play(event.option_index)

    def play(self, index: int) -> None:
        """Play one of the list: its dosed routine, logged against the programme."""
        from matwork.tui.player.screen import PlayerScreen

        if self.read is None or self.read.plan is None or not 0 <= index < len(self._playable):
            return
        chosen = self._playable[index].session
        options = today_options(self.read.plan, chosen, self.play_options, self.wall)
        self.app.push_screen(PlayerScreen(chosen.entry, options, paths=self.paths))

    # -- check-in, week, library ----------------------------------------------------

    def action_checkin(self) -> None:
        """Take the morning check-in."""
        question = self.read.question if self.read is not None else ""
        self.app.push_screen(CheckinQuestion(question), self.checkin_answered)

    def checkin_answered(self, answer: CheckinAnswer | None) -> None:
        """Save a check-in (on a thread), then read Today again."""
        if answer is not None:
            self._save(answer, self.day(), self.wall())

    @work(thread=True, group="today-checkin")
    def _save(self, answer: CheckinAnswer, day: date, now: float) -> None:
        try:
            saved = save_checkin(self.paths, answer.pain, answer.compared, day, now)
        except HistoryError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=10)
            return
        compared = str(COMPARED_WORDS[saved.compared])
        text = tui_("Checked in: pain {pain}/10, {compared}.").format(
            pain=saved.pain, compared=compared
        )
        self.app.call_from_thread(self.notify, text)
        self.app.call_from_thread(self.action_reload)

    def action_week(self) -> None:
        """The week against the programme and the guidance."""
        from matwork.tui.history.dose_view import WeekScreen

        config = getattr(self.app, "config", None)
        config = config if isinstance(config, Config) else Config()
        self.app.push_screen(WeekScreen(self.paths, config, day=self.day))

    def action_library(self) -> None:
        """Back to the library underneath."""
        self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Play only with something to play."""
        if action == "play":
            return bool(self._playable) or None
        return True
