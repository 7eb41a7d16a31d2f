"""The player: following a session full screen.

The screen sleeps until it is needed (see ``tui.wake``): a one-shot timer set to
exactly the player's next cue, re-armed after every wake and every key; a one-shot
tick at the next instant the digits change; the breath meter's ~10 fps frames only
while it is on screen and the session runs. Nothing runs while paused. State shows as
classes on the screen (``-work``, ``-rest``, ``-prepare``, ``-switch``, ``-paused``,
``-finished``, ``-compact``), styled in player.tcss.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

from matwork.config import Config
from matwork.core.clock import Clock
from matwork.core.cues import CueSink
from matwork.core.library import LibraryEntry
from matwork.core.player import Player
from matwork.session import POSITION_EVERY, PlayOptions, Session
from matwork.tui.screens.confirm import ConfirmScreen
from matwork.tui.screens.help import HelpScreen, key_help
from matwork.tui.screens.session_screen import SessionScreen
from matwork.tui.wake import WakeTimers
from matwork.tui.widgets.progress_line import ProgressLine
from matwork.tui.widgets.session_header import SessionHeader, left_text, where_text
from matwork.tui.widgets.stage import PlayerStage, state_of

STATE_CLASSES = ("-prepare", "-work", "-switch", "-rest", "-finished")
"""Classes naming what runs; exactly one is set (``-paused`` comes on top)."""
COMPACT_WIDTH = 60
"""Narrower than this, the compact layout."""
COMPACT_HEIGHT = 22
"""Lower than this, the compact layout."""


class PlayerScreen(SessionScreen):
    """Plays one routine; dismisses with "completed", "stopped" or "" (never started)."""

    CSS_PATH = "../player.tcss"

    BINDINGS = [
        Binding("space", "pause", "Pause", id="pause", tooltip="Pause or resume"),
        Binding("n,right", "skip", "Skip", id="skip", tooltip="Skip to the next segment"),
        Binding("b,left", "back", "Back", id="back", tooltip="Restart the segment (twice: back)"),
        Binding("enter", "done", "Done", id="done", tooltip="End an open set (reps done)"),
        Binding("plus", "extend", "+10s", id="extend", tooltip="Add 10 s to this segment"),
        Binding("minus", "shorten", "-10s", id="shorten", tooltip="Take 10 s off this segment"),
        Binding("m", "mute", "Mute", id="mute", tooltip="Mute or unmute the cues"),
        Binding("v", "voice", "Voice", id="voice", show=False, tooltip="Speak the cues, or not"),
        Binding("i", "instructions", "Info", id="instructions", tooltip="Show or hide how-to"),
        Binding("p", "flag_pain", "Pain", id="flag_pain", tooltip="Flag pain in this set"),
        Binding("q,escape", "stop", "Stop", id="stop", tooltip="Stop the session"),
        Binding("question_mark", "help", "Keys", id="help", tooltip="Show every key"),
    ]

    def __init__(
        self,
        entry: LibraryEntry,
        options: PlayOptions | None = None,
        *,
        config: Config | None = None,
        clock: Clock | None = None,
        cues: CueSink | None = None,
        session: Session | None = None,
    ) -> None:
        super().__init__(entry, options, config=config, clock=clock, cues=cues, session=session)
        self.timers: WakeTimers | None = None
        """The cue, tick and frame timers, once the session is built."""
        self._last_position = 0.0
        self._flagged: int | None = None
        self._shown_state = ""

    def compose(self) -> ComposeResult:
        """Header, the stage of the session, session progress, keys."""
        yield SessionHeader(id="header")
        yield PlayerStage(id="stage")
        yield ProgressLine("Session", id="session-bar")
        yield Footer()

    def on_mount(self) -> None:
        """Lay out for the terminal's size; build the session."""
        self._set_compact(self.app.size.width, self.app.size.height)
        super().on_mount()

    def ready(self, session: Session) -> None:
        """Set up the timers for the built session."""
        self.timers = WakeTimers(
            self, session.clock, on_cue=self.wake, on_tick=self.tick, on_frame=self._frame
        )

    def cannot_play(self, reason: str) -> None:
        """Say why; Stop leaves."""
        self.query_one(PlayerStage).say(f"Cannot play: {reason}")

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
        if self.session is not None:
            self.query_one(PlayerStage).show_breath(self.session.player)

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
        if self.session is None or not self.session.player.running:
            return
        player = self.session.player
        elapsed = player.session_elapsed()
        if elapsed - self._last_position >= POSITION_EVERY:
            self._last_position = elapsed
            self.session.log.update_position(player.index, player.segment_elapsed(), elapsed)

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
        wanted = {name: name == f"-{state}" for name in STATE_CLASSES}
        wanted["-paused"] = player.paused
        wanted["-waiting"] = not player.started
        wanted["-open"] = segment is not None and segment.open
        wanted["-pain-flagged"] = self._flagged is not None
        self.apply_classes(wanted)
        sound = self.session.sound
        marks = [word for on, word in ((sound.muted, "muted"), (sound.voice_on, "voice")) if on]
        self.query_one(SessionHeader).show(
            where_text(self.session.timeline.name, segment),
            " · ".join(marks),
            left_text(player.session_remaining(), self.session.timeline.estimated),
        )
        self.query_one(PlayerStage).show(player, self._flagged is not None)
        self.query_one("#session-bar", ProgressLine).show(player.session_progress())
        shown = f"{state}/{segment is not None and segment.open}/{self.ended}"
        if shown != self._shown_state:
            self._shown_state = shown
            self.refresh_bindings()

    def apply_classes(self, wanted: dict[str, bool]) -> None:
        """Set the screen's state classes, restyling the screen once, and only on a change.

        A class change on a screen restyles every widget on it (tens of ms), so the
        classes are changed without updating and the styles are updated once.
        """
        changed = self.restyle_pending
        for name, on in wanted.items():
            if self.has_class(name) != on:
                self.set_class(on, name, update=False)
                changed = True
        if changed:
            self.restyle_pending = False
            self.update_node_styles()

    def on_resize(self, event: events.Resize) -> None:
        """Switch to the compact layout in small terminals."""
        self._set_compact(event.size.width, event.size.height)

    def _set_compact(self, width: int, height: int) -> None:
        self.set_class(width < COMPACT_WIDTH or height < COMPACT_HEIGHT, "-compact")

    # -- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide Done outside open sets; dim what the segment under way cannot do.

        Pain stays live everywhere: outside a work set it says where a flag goes.
        """
        segment = self.session.player.current() if self.session else None
        if action == "done":
            return (segment is not None and segment.open) or self.ended
        if action in ("extend", "shorten"):
            return None if segment is None or segment.open else True
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
        """End an open set now; on the finished screen, go on to the summary."""
        if self.ended:
            self.after_session()
        else:
            self._operate(Player.done)

    def action_extend(self) -> None:
        """Add 10 s to the segment under way."""
        if self._operate(Player.extend) is False:
            self.notify("An open set ends when you press Enter", timeout=3)

    def action_shorten(self) -> None:
        """Take 10 s off the segment under way."""
        if self._operate(Player.shorten) is False:
            self.notify("An open set ends when you press Enter", timeout=3)

    def action_mute(self) -> None:
        """Mute or unmute the cues."""
        if self.session is not None:
            muted = self.session.sound.toggle_mute()
            self.notify("Muted" if muted else "Sound on", timeout=2)
            self.refresh_view()

    def action_voice(self) -> None:
        """Speak the cues, or go back to tones."""
        if self.session is not None:
            self.notify(self.session.sound.toggle_voice(), timeout=3)
            if self.session.sound.voice_on:
                self.prepare_voice(self.session)
            self.refresh_view()

    def action_instructions(self) -> None:
        """Show or hide the exercise's instructions."""
        self.toggle_class("-hide-instructions")

    def action_flag_pain(self) -> None:
        """Flag pain in the set under way: it goes in the log with the set."""
        flagged = self._operate(Player.flag_pain)
        if flagged and self.session is not None:
            self._flagged = self.session.player.index
            self.notify("Pain noted in the log. Ease off, or skip (n) if it hurts.", timeout=4)
            self.refresh_view()
        elif flagged is False:
            self.notify("Pain is flagged on a work set", timeout=3)

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

        self.app.push_screen(ConfirmScreen("Stop the session?", yes="Stop", no="Go on"), answered)

    def action_help(self) -> None:
        """List every key of the player."""
        self.app.push_screen(HelpScreen(key_help(self), "Player keys"))
