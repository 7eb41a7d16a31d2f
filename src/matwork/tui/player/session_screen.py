"""What comes around a played session: building it, the questions before, the summary after.

``SessionScreen`` builds the session on a thread (audio probe, log, resume lookup),
offers a resume, asks about pain, starts the player; at the end it shows the finished
screen a moment, then the summary if the session is in the log, then leaves. The
player screen builds on it and adds what happens during the session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer

from matwork.app.config import Config
from matwork.app.library import LibraryEntry
from matwork.app.paths import Paths
from matwork.app.session import (
    NOTHING_TO_RESUME,
    PlayOptions,
    ResumeError,
    Session,
    build_session,
    build_sound,
)
from matwork.app.session_log import CLOSE_WAIT_SECONDS, LogProblem
from matwork.core.clock import Clock
from matwork.core.cues import CueSink
from matwork.i18n import tui_
from matwork.tui.assess import hooks as red_flag_hooks

if TYPE_CHECKING:  # the summary and the questions are imported when shown, not for the start
    from matwork.audio.session_sound import SessionSound
    from matwork.tui.history.summary import SummaryScreen
    from matwork.tui.modals.questions import PainQuestion


class SessionScreen(Screen[str]):
    """Runs one session's lifecycle; dismisses with "completed", "stopped" or "" (not started).

    Subclasses show the session: ``ready`` (it is built), ``wake`` (something is due),
    ``refresh_view`` and ``sleep`` (stop every timer).
    """

    FINISH_PAUSE = 3.0
    """Seconds the finished screen stays before the summary (Enter goes at once)."""
    FLUSH_POLL = 0.25
    """Seconds between two looks at a busy log's queue before the summary."""
    SOUND_AT_THE_LATEST = 1.0
    """Seconds after the session is built when sound is set up even if no frame said so."""

    class Built(Message):
        """The session is ready, or could not be built (``reason``).

        Handled by ``on_session_screen_built``.
        """

        def __init__(self, session: Session | None, reason: str = "") -> None:
            super().__init__()
            self.session = session
            self.reason = reason

    class SoundReady(Message):
        """The sound, set up on a thread after the first frame; handled by
        ``on_session_screen_sound_ready``."""

        def __init__(self, sound: SessionSound) -> None:
            super().__init__()
            self.sound = sound

    class LogFailed(Message):
        """A log write failed, or the log is busy (or free again), mid-session.

        Handled by ``on_session_screen_log_failed``; ``severity`` is the toast's.
        """

        def __init__(self, reason: str, severity: SeverityLevel = "error") -> None:
            super().__init__()
            self.reason = reason
            self.severity: SeverityLevel = severity

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
        super().__init__(classes="-loading -prepare")
        self.paths = paths
        """matwork's folders (the log, the cache)."""
        self.restyle_pending = False
        """A class changed without a restyle; the next state update restyles once."""
        self.entry = entry
        self.options = options or PlayOptions()
        self.config = config
        self.session = session
        """The session, once built."""
        self._clock = clock
        self._cues = cues
        self.pain_before: int | None = None
        """The pain-before answer, saved once the session row exists."""
        self._leave_timer: Timer | None = None
        self._ended = False
        self._closed = False
        self._leg_symptoms: PainQuestion | None = None
        self._summary: SummaryScreen | None = None
        self._flush_waited = 0.0
        self._start_when_sounding = False
        self._sound_waits_for_frame = False

    # -- hooks ----------------------------------------------------------------------------

    def ready(self, session: Session) -> None:
        """The session is built and about to be shown (before the questions)."""

    def cannot_play(self, reason: str) -> None:
        """The session could not be built."""

    def wake(self) -> None:
        """Something is due: play it and show it."""

    def refresh_view(self) -> None:
        """Show the session's state."""

    def sleep(self) -> None:
        """Stop every timer: the session has ended."""

    # -- before ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        """Build the session (or take the one given)."""
        if self.session is not None:
            self.post_message(self.Built(self.session))
        else:
            self._build(self._config())

    def _config(self) -> Config:
        if self.config is None:
            self.config = getattr(self.app, "config", None) or Config()
        return self.config

    @work(thread=True, exclusive=True, group="session-build")
    def _build(self, config: Config) -> None:
        """Probe audio, open the log, look for a resume: slow, so on a thread."""
        try:
            session = build_session(
                self.entry, config, self.paths, self.options, clock=self._clock, cues=self._cues,
                bell=self.app.bell, defer_sound=True,
            )  # fmt: skip
        except ValueError as error:
            self.post_message(self.Built(None, str(error)))
            return
        self.post_message(self.Built(session))

    def on_session_screen_built(self, message: Built) -> None:
        """Show the first segment; offer a resume, ask about pain, then start."""
        session = message.session
        if session is None:
            self.cannot_play(message.reason)
            return
        self.session = session
        session.log.on_problem = self._log_failed
        self.remove_class("-loading", update=False)
        self.restyle_pending = True
        for note in session.notes():
            self.notify(note, severity="warning", timeout=8)
        if session.sound.voice_on:
            self.prepare_voice(session)
        self.ready(session)
        self.refresh_view()
        if session.sound.pending:  # the audio probe waits for the first frame
            self._sound_waits_for_frame = True
            self.tell_when_drawn()
            self.set_timer(self.SOUND_AT_THE_LATEST, self.frame_drawn)
        gate = red_flag_hooks.open_flag_screen(self.paths.log_file)
        if gate is not None:  # a warning sign is open: no training until a clear check
            self.app.push_screen(gate, self._gate_answered)
        else:
            self._offer_resume()

    def _gate_answered(self, go_on: bool | None) -> None:
        if go_on:
            self._offer_resume()
        else:
            self.leave()

    def _offer_resume(self) -> None:
        if self.session is not None and self.session.resumable is not None:
            if self.options.resume:
                self._resume_answered(True)  # --resume: no need to ask
            else:
                from matwork.tui.modals.questions import ResumeQuestion

                self.app.push_screen(ResumeQuestion(self.session.resumable), self._resume_answered)
        else:
            if self.options.resume:
                self.notify(str(NOTHING_TO_RESUME), severity="warning", timeout=6)
            self._ask_pain()

    def _log_failed(self, problem: LogProblem) -> None:
        """Any thread: a failure (an error toast), a busy spell or its end (a quiet one)."""
        self.post_message(
            self.LogFailed(problem.text(), "error" if problem.lasting else "information")
        )

    def on_session_screen_log_failed(self, message: LogFailed) -> None:
        """Say the session is no longer logged, or that its records wait; it goes on."""
        self.notify(message.reason, severity=message.severity, timeout=10)

    def _resume_answered(self, resume: bool | None) -> None:
        if resume and self.session is not None and self.session.resumable is not None:
            try:
                self.session.resume(self.session.resumable)
            except ResumeError as error:
                self.notify(str(error), severity="warning")
            self.refresh_view()
        self._ask_pain()

    def _ask_pain(self) -> None:
        if self._config().session.pain_question:
            from matwork.tui.modals.questions import PainQuestion

            self._leg_symptoms = PainQuestion()
            self.app.push_screen(self._leg_symptoms, self._pain_answered)
        else:
            self.start()

    def _pain_answered(self, pain: int | None) -> None:
        self.pain_before = pain
        legs = self._leg_symptoms is not None and self._leg_symptoms.leg_symptoms
        check = self.pain_check(pain, legs)
        if check is None:
            self.start()
        else:  # pain above 5 or new leg symptoms: the red-flag check before training
            self.app.push_screen(check, lambda go_on: self.start() if go_on else self.leave())

    def pain_check(
        self, pain: int | None, new_leg_symptoms: bool = False, *, after: bool = False
    ) -> Screen[bool] | None:
        """The red-flag check a pain answer calls for (issue 13), or None."""
        uuid = self.session.log.uuid if self.session else None
        return red_flag_hooks.pain_check_screen(
            self.paths.log_file, pain, new_leg_symptoms, after=after, session_uuid=uuid
        )

    def tell_when_drawn(self) -> None:
        """Call ``frame_drawn`` once the built session's first frame is on the screen."""
        self.call_after_refresh(self.frame_drawn)

    def frame_drawn(self) -> None:
        """The session is on the screen: set up sound now, if it still waits (once)."""
        if self._sound_waits_for_frame and not self._closed:
            self._sound_waits_for_frame = False
            self._set_up_sound(self._config())

    @work(thread=True, group="session-sound")
    def _set_up_sound(self, config: Config) -> None:
        """Probe audio and build the sink (slow: on a thread, after the first frame)."""
        sound = build_sound(self.entry, config, self.paths, self.options, bell=self.app.bell)
        self.post_message(self.SoundReady(sound))

    def on_session_screen_sound_ready(self, message: SoundReady) -> None:
        """Cues sound from now on; say why not if they cannot; start if the start waited."""
        if self.session is None or self._closed:
            message.sound.close()
            return
        sound = self.session.sound
        sound.take_over(message.sound)
        if not sound.status.chosen:
            self.notify(sound.status.text(), severity="warning", timeout=8)
        if sound.voice_on:
            self.prepare_voice(self.session)
        self.refresh_view()
        if self._start_when_sounding:
            self._start_when_sounding = False
            self.start()

    @work(thread=True, group="session-voice")
    def prepare_voice(self, session: Session) -> None:
        """Synthesize the session's phrases ahead of time."""
        session.sound.prepare(session.spoken_cues())

    def start(self) -> None:
        """Start the session now."""
        if self.session is None or self.session.player.started:
            return
        if self.session.sound.pending:  # no cue goes unheard: start once sound is set up
            self._start_when_sounding = True
            return
        self.session.player.start()
        if self.pain_before is not None:
            self.session.log.annotate(pain_before=self.pain_before)
        self.wake()

    # -- after ----------------------------------------------------------------------------

    @property
    def ended(self) -> bool:
        """True once the session has finished or been stopped."""
        return self._ended

    def end(self) -> None:
        """The session ended: no more timers; the finished screen a moment, then the summary."""
        if self._ended:
            return
        self._ended = True
        self.sleep()
        self.refresh_bindings()
        if self.session is not None and self.session.player.finished:
            self._leave_timer = self.set_timer(self.FINISH_PAUSE, self.after_session)
        else:
            self.call_later(self.after_session)

    def after_session(self) -> None:
        """The summary if the session is in the log; then leave."""
        if self._leave_timer is not None:
            self._leave_timer.stop()
            self._leave_timer = None
        if self.session is None or self.app.screen is not self:
            return
        log = self.session.log
        if log.pending and self._flush_waited < CLOSE_WAIT_SECONDS:
            if self._flush_waited == 0:  # the log is busy: the summary waits for the records
                self.notify(tui_("Saving the session: the log is busy…"), timeout=5)
            self._flush_waited += self.FLUSH_POLL
            self._leave_timer = self.set_timer(self.FLUSH_POLL, self.after_session)
            return
        if log.logging and log.store is not None and log.uuid is not None:
            self._summary = self.summary_screen()
            self.app.push_screen(self._summary, self._summary_closed)
            return
        if log.problem is not None:
            said = tui_("The session was {problem}").format(problem=log.problem.text())
            self.notify(said, severity="warning", timeout=8)
        self.leave()

    def summary_screen(self) -> SummaryScreen:
        """The summary of the session just logged."""
        assert self.session is not None
        log = self.session.log
        assert log.store is not None
        assert log.uuid is not None
        from matwork.tui.history.summary import SummaryScreen

        return SummaryScreen(log.store, log.uuid)

    def _summary_closed(self, _: Any) -> None:
        pain = self._summary.saved.get("pain_after") if self._summary is not None else None
        check = self.pain_check(pain, after=True)
        if check is None:
            self.leave()
        else:  # pain above 5 after the session: the red-flag check again
            self.app.push_screen(check, lambda _: self.leave())

    def leave(self) -> None:
        """Close the session and go back to the screen underneath."""
        self._close()
        player = self.session.player if self.session else None
        if player is None or not player.started:
            self.dismiss("")
        else:
            self.dismiss("completed" if player.finished else "stopped")

    def _close(self) -> None:
        if self.session is not None and not self._closed:
            self._closed = True
            if self._flush_waited >= CLOSE_WAIT_SECONDS:  # waited already: do not freeze
                self.session.log.close(wait=0)
            self.session.close()

    def on_unmount(self) -> None:
        """Leaving mid-session (the app quit): the log row reads as interrupted, resumable."""
        self._close()
