"""What comes around a played session: building it, the questions before, the summary after.

``SessionScreen`` builds the session on a thread (audio probe, log, resume lookup),
offers a resume, asks about pain, starts the player; at the end it shows the finished
screen a moment, then the summary if the session is in the log, then leaves. The
player screen builds on it and adds what happens during the session.
"""

from __future__ import annotations

from typing import Any

from textual import work
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer

from matwork.config import Config
from matwork.core.clock import Clock
from matwork.core.cues import CueSink
from matwork.core.library import LibraryEntry
from matwork.session import PlayOptions, Session, build_session
from matwork.tui.screens.questions import PainQuestion, ResumeQuestion
from matwork.tui.screens.summary import SummaryScreen


class SessionScreen(Screen[str]):
    """Runs one session's lifecycle; dismisses with "completed", "stopped" or "" (not started).

    Subclasses show the session: ``ready`` (it is built), ``wake`` (something is due),
    ``refresh_view`` and ``sleep`` (stop every timer).
    """

    FINISH_PAUSE = 3.0
    """Seconds the finished screen stays before the summary (Enter goes at once)."""

    class Built(Message):
        """The session is ready, or could not be built (``reason``).

        Handled by ``on_session_screen_built``.
        """

        def __init__(self, session: Session | None, reason: str = "") -> None:
            super().__init__()
            self.session = session
            self.reason = reason

    class LogFailed(Message):
        """A log write failed mid-session. Handled by ``on_session_screen_log_failed``."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

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
        super().__init__(classes="-loading -prepare")
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
                self.entry, config, self.options, clock=self._clock, cues=self._cues,
                bell=self.app.bell,
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
        if session.resumable is not None:
            self.app.push_screen(ResumeQuestion(session.resumable), self._resume_answered)
        else:
            self._ask_pain()

    def _log_failed(self, reason: str) -> None:
        self.post_message(self.LogFailed(reason))

    def on_session_screen_log_failed(self, message: LogFailed) -> None:
        """Say the session is no longer logged; it goes on."""
        self.notify(message.reason, severity="error", timeout=10)

    def _resume_answered(self, resume: bool | None) -> None:
        if resume and self.session is not None and self.session.resumable is not None:
            problem = self.session.resume(self.session.resumable)
            if problem:
                self.notify(problem, severity="warning")
            self.refresh_view()
        self._ask_pain()

    def _ask_pain(self) -> None:
        if self._config().session.pain_question:
            self.app.push_screen(PainQuestion(), self._pain_answered)
        else:
            self.start()

    def _pain_answered(self, pain: int | None) -> None:
        self.pain_before = pain
        self.start()

    @work(thread=True, group="session-voice")
    def prepare_voice(self, session: Session) -> None:
        """Synthesize the session's phrases ahead of time."""
        session.sound.prepare(session.spoken_cues())

    def start(self) -> None:
        """Start the session now."""
        if self.session is None or self.session.player.started:
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
        if log.logging and log.store is not None and log.uuid is not None:
            self.app.push_screen(SummaryScreen(log.store, log.uuid), self._summary_closed)
            return
        if log.problem:
            self.notify(f"The session was {log.problem}", severity="warning", timeout=8)
        self.leave()

    def _summary_closed(self, _: Any) -> None:
        self.leave()

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
            self.session.close()

    def on_unmount(self) -> None:
        """Leaving mid-session (the app quit): the log row reads as interrupted, resumable."""
        self._close()
