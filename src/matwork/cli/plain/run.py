"""The plain player's loop: lines on the clock, keys while it runs.

The loop sleeps until exactly the instant of the next cue (no polling), so lines come
out on the clock. With a keyboard (``wait_input``) it waits for a key instead of
sleeping, and the keys work as in the full-screen player (``KEY_HELP``). Without one,
open sets end at their estimate.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from matwork.cli.plain.lines import RepCounter, cue_line, instruction_lines
from matwork.cli.plain.questions import ask_reps
from matwork.cli.plain.terminal import Ask, WaitInput
from matwork.core.clock import Clock
from matwork.core.player import Player
from matwork.core.timefmt import clock as clock_text
from matwork.i18n import _, lazy_

if TYPE_CHECKING:
    from matwork.app.session import Session

KEY_HELP = lazy_(
    "Keys: space pause, n skip, b back, Enter end an open set, + or - 10 seconds, "
    "p flag pain, i how-to, v voice, m mute, q stop, ? keys"
)
"""The keys, as one line (printed before the session and with ?)."""

KEY_ACTIONS: dict[str, str] = {
    " ": "pause",
    "n": "skip",
    "right": "skip",
    "b": "back",
    "left": "back",
    "enter": "done",
    "+": "extend",
    "=": "extend",
    "-": "shorten",
    "p": "flag_pain",
    "i": "instructions",
    "v": "voice",
    "m": "mute",
    "q": "stop",
    "escape": "stop",
    "?": "help",
}
"""Key -> action, with the full-screen player's action ids."""

STOP_QUESTION = lazy_("Stop the session? y: stop, any other key: go on")


class PlainRun:
    """One session played as lines; see ``run_plain``."""

    def __init__(
        self,
        player: Player,
        clock: Clock,
        *,
        sleep: Callable[[float], None],
        out: Callable[[str], None],
        wait_input: WaitInput | None,
        ask: Ask | None,
        session: Session | None,
    ) -> None:
        self.player = player
        self.clock = clock
        self.sleep = sleep
        self.out = out
        self.wait_input = wait_input
        self.ask = ask
        self.session = session
        self.reps = RepCounter()

    def run(self) -> int:
        """Play to the end (0), a stop with q (0) or Ctrl-C (130)."""
        player = self.player
        player.auto_open = self.wait_input is None
        timeline = player.timeline
        estimated = "~" if timeline.estimated else ""
        self.out(f"{timeline.name}: {estimated}{clock_text(player.session_total())}")
        try:
            player.start()
            while True:
                self.show_due()
                if player.finished:
                    return 0
                if player.stopped:
                    self.out(_("Stopped."))
                    return 0
                self.wait()
        except KeyboardInterrupt:
            player.stop()
            self.out(_("Stopped."))
            return 130

    def show_due(self) -> None:
        """Note the position for a resume; print the lines of the cues due now.

        The poll comes last: every read of the player brings it up to the clock, so a
        read after the poll (the position for the log) could carry it over its end
        between the poll and the loop's ``finished`` check, and the finish line would
        never be printed.
        """
        if self.session is not None:
            self.session.record_position()
        interactive = self.wait_input is not None
        for cue in self.player.poll():
            for line in (cue_line(cue, self.player, interactive), self.reps.line(cue, self.player)):
                if line is not None:
                    self.out(line)

    def wait(self) -> None:
        """Sleep until the next cue, or until a key comes first."""
        player = self.player
        wake = player.next_cue_at()
        delay = None if wake is None else max(0.0, wake - self.clock.now())
        if self.wait_input is not None:
            event = self.wait_input(delay)
            if event == "eof":  # no more keys: open sets end at their estimate
                self.wait_input = None
                self.ask = None
                player.auto_open = True
            elif event is not None:
                self.key(event)
        elif delay is not None:
            self.sleep(delay)
        else:  # nothing scheduled and no one to press Enter: end what runs
            player.done()

    def key(self, key: str) -> None:
        """Do what ``key`` stands for (unknown keys do nothing)."""
        action = KEY_ACTIONS.get(key)
        if action is not None:
            getattr(self, f"action_{action}")()

    def action_pause(self) -> None:
        """Pause or go on."""
        self.player.toggle()
        if self.player.paused:
            self.out(_("Paused. Space goes on."))
        elif not self.player.stopped:
            self.out(_("Going on."))

    def action_skip(self) -> None:
        """Skip to the next segment (a work set is logged as skipped)."""
        if self.player.current() is not None:
            self.out(_("Skipped."))
            self.player.skip()

    def action_back(self) -> None:
        """Restart the segment, or go to the one before in its first seconds."""
        if self.player.current() is not None:
            self.out(_("Back."))
            self.player.back()

    def action_done(self) -> None:
        """End an open set, asking for the reps done (the planned number on Enter)."""
        player = self.player
        segment = player.current()
        if segment is None or not segment.open:
            return
        if self.ask is None or segment.exercise.test is not None:
            player.done()  # a test hold ends at its time: no reps to ask
            return
        was_running = player.running
        player.pause()  # the set ends where Enter was pressed
        reps = ask_reps(self.ask, self.out, segment.exercise.reps)
        player.done(reps)
        if was_running:
            player.resume()

    def action_extend(self) -> None:
        """Add 10 s to the segment under way."""
        if self.player.extend():
            self.out(
                _("Added 10 s: {time} left").format(
                    time=clock_text(self.player.segment_remaining())
                )
            )
        else:
            self.out(_("An open set ends when you press Enter"))

    def action_shorten(self) -> None:
        """Take 10 s off the segment under way."""
        if self.player.shorten():
            self.out(
                _("Took off 10 s: {time} left").format(
                    time=clock_text(self.player.segment_remaining())
                )
            )
        else:
            self.out(_("An open set ends when you press Enter"))

    def action_flag_pain(self) -> None:
        """Flag pain in the set under way: it goes in the log with the set."""
        if self.player.flag_pain():
            self.out(_("Pain noted in the log. Ease off, or skip (n) if it hurts."))
        else:
            self.out(_("Pain is flagged on a work set"))

    def action_instructions(self) -> None:
        """Print the how-to of the exercise under way (or coming)."""
        for line in instruction_lines(self.player.current()):
            self.out(line)

    def action_voice(self) -> None:
        """Speak the cues, or go back to tones."""
        if self.session is None:
            return
        self.out(self.session.sound.toggle_voice().text())
        self.session.warm_voice()

    def action_mute(self) -> None:
        """Mute or unmute the cues."""
        if self.session is not None:
            self.out(_("Muted") if self.session.sound.toggle_mute() else _("Sound on"))

    def action_stop(self) -> None:
        """Ask with one key, then stop (the time spent asking is not counted)."""
        player = self.player
        if self.wait_input is None or player.current() is None:
            return
        was_running = player.running
        player.pause()
        self.out(str(STOP_QUESTION))
        answer = self.wait_input(None)
        if answer in ("y", "Y", "j", "J", "q"):
            player.stop()
        elif was_running:
            player.resume()
            self.out(_("Going on."))

    def action_help(self) -> None:
        """Print the keys."""
        self.out(str(KEY_HELP))


def run_plain(
    player: Player,
    clock: Clock,
    *,
    sleep: Callable[[float], None],
    out: Callable[[str], None],
    wait_input: WaitInput | None = None,
    ask: Ask | None = None,
    session: Session | None = None,
) -> int:
    """Play ``player`` as plain lines through ``out``; the exit code.

    ``clock`` is the player's clock. ``wait_input`` (given on a terminal) waits and
    reports keys; without it the loop uses ``sleep`` and open sets end at their
    estimate. ``ask`` asks a line (the reps of an open set); ``session`` gives the
    voice and mute switches and the resume position. Ctrl-C stops the session cleanly:
    "Stopped." and exit code 130.
    """
    run = PlainRun(
        player, clock, sleep=sleep, out=out, wait_input=wait_input, ask=ask, session=session
    )
    return run.run()
