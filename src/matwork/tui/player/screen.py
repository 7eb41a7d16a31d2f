"""The player: following a session full screen.

The screen sleeps until it is needed (see ``tui.wake``): a one-shot timer set to
exactly the player's next cue, re-armed after every wake and every key; a one-shot
tick at the next instant the digits change; the breath meter's frames (8 fps while its
bar moves, one per change in a hold) only while it is on screen and the session runs.
Nothing runs while paused. State shows as classes on the screen (``-work``, ``-rest``,
``-prepare``, ``-switch``, ``-paused``, ``-finished``, ``-compact``), styled in
player.tcss.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import ComposeResult

from matwork.app.config import Config
from matwork.app.library import LibraryEntry
from matwork.app.paths import Paths
from matwork.app.session import PlayOptions, Session
from matwork.core.clock import Clock
from matwork.core.cues import CueSink
from matwork.core.player import Player
from matwork.i18n import lazy_tui_, tui_
from matwork.tui.modals.confirm import ConfirmScreen
from matwork.tui.modals.help import HelpScreen, key_help
from matwork.tui.modals.reps import RepsQuestion
from matwork.tui.player.big_timer import BigTimer
from matwork.tui.player.breath_meter import BreathMeter
from matwork.tui.player.session_header import SessionHeader, left_text, where_text
from matwork.tui.player.session_screen import SessionScreen
from matwork.tui.player.stage import PlayerStage, state_of
from matwork.tui.player.wake import WakeTimers
from matwork.tui.widgets.bindings_text import lazy_binding, lazy_tui_pgettext
from matwork.tui.widgets.compositor import use_row_compositor
from matwork.tui.widgets.key_footer import KeyFooter
from matwork.tui.widgets.progress_line import ProgressLine
from matwork.tui.widgets.size_classes import set_size_classes

STATE_CLASSES = ("-prepare", "-work", "-switch", "-rest", "-finished")
"""Classes naming what runs; exactly one is set (``-paused`` comes on top)."""
UNSTYLED_CLASSES = frozenset({"-waiting", "-open"})
"""State classes no rule of player.tcss names: changing them needs no restyle."""
PAUSED_FOR_HELP = lazy_tui_("Paused while you read the keys: it goes on when you close this.")
"""What the help says when opening it paused the session."""
COMPACT_WIDTH = 60
"""Narrower than this, the compact layout."""
COMPACT_HEIGHT = 22
"""Lower than this, the compact layout."""


class PlayerScreen(SessionScreen):
    """Plays one routine; dismisses with "completed", "stopped" or "" (never started)."""

    CSS_PATH = "player.tcss"

    BINDINGS = [
        lazy_binding(
            "space", "pause", lazy_tui_("Pause"), id="pause", tooltip=lazy_tui_("Pause or resume")
        ),
        lazy_binding(
            "n,right",
            "skip",
            lazy_tui_pgettext("player key", "Skip"),
            id="skip",
            tooltip=lazy_tui_("Skip to the next segment"),
        ),
        lazy_binding(
            "b,left",
            "back",
            lazy_tui_("Back"),
            id="back",
            tooltip=lazy_tui_("Restart the segment (twice: back)"),
        ),
        lazy_binding(
            "enter",
            "done",
            lazy_tui_("Done"),
            id="done",
            tooltip=lazy_tui_("End an open set (reps done)"),
        ),
        lazy_binding(
            "q,escape",
            "stop",
            lazy_tui_pgettext("player key", "Stop"),
            id="stop",
            tooltip=lazy_tui_("Stop the session"),
        ),
        lazy_binding(
            "question_mark",
            "help",
            lazy_tui_pgettext("player key", "Keys"),
            id="help",
            tooltip=lazy_tui_("Show every key"),
        ),
        lazy_binding(
            "plus",
            "extend",
            lazy_tui_("+10s"),
            id="extend",
            tooltip=lazy_tui_("Add 10 s to this segment"),
        ),
        lazy_binding(
            "minus",
            "shorten",
            lazy_tui_("-10s"),
            id="shorten",
            tooltip=lazy_tui_("Take 10 s off this segment"),
        ),
        lazy_binding(
            "m", "mute", lazy_tui_("Mute"), id="mute", tooltip=lazy_tui_("Mute or unmute the cues")
        ),
        lazy_binding(
            "v",
            "voice",
            lazy_tui_("Voice"),
            id="voice",
            show=False,
            tooltip=lazy_tui_("Speak the cues, or not"),
        ),
        lazy_binding(
            "i",
            "instructions",
            lazy_tui_("How-to"),
            id="instructions",
            tooltip=lazy_tui_("How-to and cautions"),
        ),
        lazy_binding(
            "p",
            "flag_pain",
            lazy_tui_("Pain"),
            id="flag_pain",
            tooltip=lazy_tui_("Flag pain in this set"),
        ),
    ]

    def __init__(
        self,
        entry: LibraryEntry,
        options: PlayOptions | None = None,
        *,
        paths: Paths,
        config: Config | None = None,
        clock: Clock | None = None,
        cues: CueSink | None = None,
        session: Session | None = None,
    ) -> None:
        super().__init__(
            entry, options, paths=paths, config=config, clock=clock, cues=cues, session=session
        )
        use_row_compositor(self)  # a breath frame renders the meter's row, not the screen
        self.timers: WakeTimers | None = None
        """The cue, tick and frame timers, once the session is built."""
        self._flagged: int | None = None
        self._howto_at: int | None = None
        """The segment in which ``i`` flipped the how-to (it flips back on the next)."""
        self._shown_state = ""

    def compose(self) -> ComposeResult:
        """Header, the stage of the session, session progress, keys."""
        set_size_classes(self)  # the widgets below are styled once, for this size
        self._set_compact(self.app.size.width, self.app.size.height, update=False)
        yield SessionHeader(id="header")
        yield PlayerStage(id="stage")
        yield ProgressLine(tui_("Session"), id="session-bar")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Build the session (the layout for the terminal's size was set in compose)."""
        super().on_mount()

    def tell_when_drawn(self) -> None:
        """The big timer, on screen at every size, says when it is first drawn."""
        self.query_one(BigTimer).tell_when_drawn()

    def on_big_timer_drawn(self, _: BigTimer.Drawn) -> None:
        """The session's first frame is out: what waited for it may start."""
        self.frame_drawn()

    def ready(self, session: Session) -> None:
        """Set up the timers for the built session."""
        self.timers = WakeTimers(
            self, session.clock, on_cue=self.wake, on_tick=self.tick, on_frame=self._frame
        )

    def cannot_play(self, reason: str) -> None:
        """Say why; Stop leaves."""
        self.query_one(PlayerStage).say(tui_("Cannot play: {reason}").format(reason=reason))

    def sleep(self) -> None:
        """Stop every timer."""
        if self.timers is not None:
            self.timers.stop()

    # -- sleeping until needed ---------------------------------------------------------

    def wake(self) -> None:
        """Play the cues due now, show the state, and sleep until the next thing is due."""
        if self.session is None or self.timers is None:
            return
        player = self.session.player
        player.poll()
        self._record_position()
        self.refresh_view()
        if player.finished or player.stopped:
            player.poll()  # the clock may have crossed the end since: its last cues
            self.end()
        else:
            self.timers.arm(player, self._breath_on_screen())

    def tick(self) -> None:
        """Refresh what is shown at a second boundary, and sleep until the next one."""
        if self.session is None or self.timers is None or self.ended:
            return
        self._record_position()
        self.refresh_view()
        self.timers.arm_tick(self.session.player, self._breath_on_screen())

    def _frame(self) -> None:
        """Draw the breath meter; tell the timers when its line next changes."""
        if self.session is None:
            return
        player = self.session.player
        self.query_one(PlayerStage).show_breath(player)
        if self.timers is None:
            return
        meter = self.query_one(BreathMeter)
        change = meter.next_change()
        at = None
        if change is not None and player.running:
            at = player.clock_at(player.session_elapsed() + max(0.0, change - meter.t))
        self.timers.frame_done(at)

    def _breath_on_screen(self) -> bool:
        stage = self.query_one(PlayerStage)
        return self.is_current and stage.has_class("-has-breath")

    def on_screen_resume(self) -> None:
        """Back on screen: animate again if the breath is shown and the session runs."""
        if self.session is not None and self.timers is not None:
            self.timers.animate(self._breath_on_screen() and self.session.player.running)

    def on_screen_suspend(self) -> None:
        """Covered by another screen: no frames."""
        if self.timers is not None:
            self.timers.animate(False)

    def _record_position(self) -> None:
        """Every ~10 s of session time, tell the log where a resume would continue."""
        if self.session is not None:
            self.session.record_position()

    # -- showing the state ---------------------------------------------------------------

    def refresh_view(self) -> None:
        """Show the player's state: the screen's classes, the header, the stage, the bars."""
        if self.session is None:
            return
        player = self.session.player
        state = state_of(player)
        segment = player.current()
        if self._flagged is not None and (segment is None or player.index != self._flagged):
            self._flagged = None
        if self._howto_at is not None and (segment is None or player.index != self._howto_at):
            self._howto_at = None
        wanted = {name: name == f"-{state}" for name in STATE_CLASSES}
        wanted["-paused"] = player.paused
        wanted["-waiting"] = not player.started
        wanted["-open"] = segment is not None and segment.open
        wanted["-pain-flagged"] = self._flagged is not None
        self.apply_classes(wanted)
        sound = self.session.sound
        shown_marks = ((sound.muted, tui_("muted")), (sound.voice_on, tui_("voice")))
        marks = [word for on, word in shown_marks if on]
        left = player.session_remaining()
        self.query_one(SessionHeader).show(
            where_text(self.session.timeline.name, segment),
            " · ".join(marks),
            "" if segment is None else left_text(left, self.session.timeline.estimated),
        )
        self.query_one(PlayerStage).show(
            player,
            self._flagged is not None,
            howto=self._howto_at is not None,
            results=self.session.log.memory.sets,
        )
        self.query_one("#session-bar", ProgressLine).show(player.session_progress())
        shown = f"{state}/{segment is not None and segment.open}/{self.ended}"
        if shown != self._shown_state:
            self._shown_state = shown
            self.refresh_bindings()

    def apply_classes(self, wanted: dict[str, bool]) -> None:
        """Set the screen's state classes, restyling the screen once, and only on a change.

        A class change on a screen restyles every widget on it (tens of ms), so the
        classes are changed without updating, and the styles are updated once, and only
        when a class that styles something changed (not one of ``UNSTYLED_CLASSES``).
        """
        changed = self.restyle_pending
        for name, on in wanted.items():
            if self.has_class(name) != on:
                self.set_class(on, name, update=False)
                changed = changed or name not in UNSTYLED_CLASSES
        if changed:
            self.restyle_pending = False
            self.update_node_styles()

    def on_resize(self, event: events.Resize) -> None:
        """Switch to the compact layout in small terminals."""
        self._set_compact(event.size.width, event.size.height)

    def _set_compact(self, width: int, height: int, *, update: bool = True) -> None:
        compact = width < COMPACT_WIDTH or height < COMPACT_HEIGHT
        self.set_class(compact, "-compact", update=update)

    # -- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide Done outside open sets, +10s/-10s in them, and all but Done, Stop, Keys at the end.

        Pain stays live everywhere: outside a work set it says where a flag goes.
        """
        segment = self.session.player.current() if self.session else None
        if action == "done":
            return (segment is not None and segment.open) or self.ended
        if self.ended:
            return action in ("stop", "help")
        if action in ("extend", "shorten"):
            return None if segment is None else not segment.open
        if action in ("pause", "skip", "back"):
            return None if segment is None else True
        return True

    def _operate(self, operation: Callable[[Player], object]) -> object:
        """Apply an operation to a started, unended session, then wake; None otherwise."""
        if self.session is None or not self.session.player.started or self.ended:
            return None
        result = operation(self.session.player)
        self.wake()
        return result

    def action_pause(self) -> None:
        """Pause or resume."""
        self._operate(Player.toggle)

    def action_skip(self) -> None:
        """Skip to the next segment (a work set is logged as skipped)."""
        self._operate(Player.skip)

    def action_back(self) -> None:
        """Restart the segment, or go to the previous one in its first seconds."""
        self._operate(Player.back)

    def action_done(self) -> None:
        """End an open set (asking for the reps done); on the finished screen, the summary."""
        if self.ended:
            self.after_session()
            return
        segment = self.session.player.current() if self.session else None
        if self.session is None or segment is None or not segment.open or segment.exercise.test:
            self._operate(Player.done)  # a test hold ends at its time: no reps to ask
            return
        was_running = self.session.player.running
        self._operate(Player.pause)  # the set ends where Enter was pressed

        def answered(reps: int | None) -> None:
            if reps is not None:
                self._operate(lambda player: player.done(reps))
            if was_running:
                self._operate(Player.resume)

        exercise = segment.exercise
        self.app.push_screen(RepsQuestion(exercise.reps, exercise.name), answered)

    def action_extend(self) -> None:
        """Add 10 s to the segment under way."""
        if self._operate(Player.extend) is False:
            self.notify(tui_("An open set ends when you press Enter"), timeout=3)

    def action_shorten(self) -> None:
        """Take 10 s off the segment under way."""
        if self._operate(Player.shorten) is False:
            self.notify(tui_("An open set ends when you press Enter"), timeout=3)

    def action_mute(self) -> None:
        """Mute or unmute the cues."""
        if self.session is not None:
            muted = self.session.sound.toggle_mute()
            self.notify(tui_("Muted") if muted else tui_("Sound on"), timeout=2)
            self.refresh_view()

    def action_voice(self) -> None:
        """Speak the cues, or go back to tones."""
        if self.session is not None:
            self.notify(self.session.sound.toggle_voice().text(), timeout=3)
            if self.session.sound.voice_on:
                self.prepare_voice(self.session)
            self.refresh_view()

    def action_instructions(self) -> None:
        """In work, show the instructions and cautions; resting, hide them (for this segment)."""
        if self.session is None or self.session.player.current() is None:
            return
        index = self.session.player.index
        self._howto_at = None if self._howto_at == index else index
        self.refresh_view()

    def action_flag_pain(self) -> None:
        """Flag pain in the set under way: it goes in the log with the set."""
        flagged = self._operate(Player.flag_pain)
        if flagged and self.session is not None:
            self._flagged = self.session.player.index
            self.notify(
                tui_("Pain noted in the log. Ease off, or skip (n) if it hurts."), timeout=4
            )
            self.refresh_view()
        elif flagged is False:
            self.notify(tui_("Pain is flagged on a work set"), timeout=3)

    def action_stop(self) -> None:
        """Ask, then stop the session (the time spent asking is not counted)."""
        if self.ended:
            self.after_session()
            return
        if self.session is None or not self.session.player.started:
            self.leave()
            return
        was_running = self.session.player.running
        self._operate(Player.pause)

        def answered(stop: bool | None) -> None:
            self._operate(Player.stop if stop else Player.resume if was_running else Player.pause)

        question = ConfirmScreen(tui_("Stop the session?"), yes=tui_("Stop"), no=tui_("Go on"))
        self.app.push_screen(question, answered)

    def action_help(self) -> None:
        """List every key of the player; the clock stands still while the list shows."""
        running = self.session is not None and self.session.player.running
        if running:
            self._operate(Player.pause)

        def closed(_: object) -> None:
            if running:
                self._operate(Player.resume)

        note = str(PAUSED_FOR_HELP) if running else ""
        self.app.push_screen(HelpScreen(key_help(self), tui_("Player keys"), note=note), closed)
