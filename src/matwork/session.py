"""One place that builds a session to play: player, cue sound, session log, resume.

``build_session(entry, config, options)`` gives a ``Session``: the Player on the
machine's monotonic clock (or an injected one), the sound its cues play through
(``SessionSound``: the audio sink with mute and voice switches, silent with
``--no-sound`` or when sound cannot be set up, saying why) and the session log
(``SessionLog``: the HistoryStore, each set committed as it ends; kept in memory when
the log cannot be opened, saying why). The full-screen player and ``play --plain``
both come through here, so both log and both sound. Nothing happens at import.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from matwork.config import Config
from matwork.core.clock import Clock, MonotonicClock
from matwork.core.cue_schedule import all_cues
from matwork.core.cues import Cue, CueSink, SilentSink
from matwork.core.history import HistoryError, HistoryStore, SessionRecord
from matwork.core.library import LibraryEntry
from matwork.core.player import Player
from matwork.core.results import RecordingResults, SessionInfo, SetResult
from matwork.core.timeline import Timeline

if TYPE_CHECKING:
    from matwork.audio.settings import AudioSettings
    from matwork.audio.sink import AudioSink
    from matwork.audio.voice import Voice

RESUME_MAX_AGE = timedelta(hours=12)
"""An interrupted session older than this is not offered for resuming."""
POSITION_EVERY = 10.0
"""Seconds of session time between two resume positions written to the log."""


@dataclass(frozen=True)
class PlayOptions:
    """The options of ``matwork play``, handed on to the player that runs the session."""

    speed: float = 1.0
    """Session time runs this many times faster than the clock."""
    sound: bool = True
    """False with --no-sound."""
    voice: bool | None = None
    """--voice / --no-voice; None leaves it to the config."""
    start_at: int = 0
    """0-based index of the segment to start at."""


def session_info(entry: LibraryEntry, timeline: Timeline) -> SessionInfo:
    """What the log needs to know about a routine file being played."""
    try:
        digest = hashlib.sha256(entry.path.read_bytes()).hexdigest()
    except OSError:
        digest = ""
    return SessionInfo(timeline.name, str(entry.path.resolve()), digest, timeline.total_seconds)


def sound_overrides(entry: LibraryEntry) -> dict[str, Path | None]:
    """The routine's own [sounds], resolved beside the routine file ("none" mutes: None)."""
    if entry.routine is None:
        return {}
    folder = entry.path.resolve().parent
    return {
        cue: None if target == "none" else folder / target
        for cue, target in entry.routine.sounds.items()
    }


FINISH_DRAIN_SECONDS = 2.0
"""How long closing a finished session waits for the finish chime (1.5 s) to end."""


class SessionSound:
    """The cue sink a session plays through, with a mute switch and a voice switch.

    ``summary`` is the one line the UI shows: ``sound: simpleaudio`` or ``sound off: why``.
    """

    def __init__(
        self,
        sink: CueSink,
        summary: str,
        *,
        audio: AudioSink | None = None,
        settings: AudioSettings | None = None,
        voice: Voice | None = None,
    ) -> None:
        self.sink = sink
        self.summary = summary
        self.audio = audio
        """The audio sink behind ``sink`` when there is one (voice needs it)."""
        self.muted = False
        """True while cues make no sound."""
        self._settings = settings
        self._voice = voice if voice is not None else (audio.voice if audio else None)

    def play(self, cue: Cue) -> None:
        """Play the cue, unless muted."""
        if not self.muted:
            self.sink.play(cue)

    def toggle_mute(self) -> bool:
        """Mute or unmute; returns True when now muted (a sound under way is cut short)."""
        self.muted = not self.muted
        if self.muted and self.audio is not None:
            self.audio.stop()
        return self.muted

    @property
    def voice_on(self) -> bool:
        """Whether cues are spoken."""
        return self.audio is not None and self.audio.voice is not None

    def toggle_voice(self) -> str:
        """Turn speech on or off; returns what to tell the user."""
        if self.audio is None or not self.audio.status.sounding:
            return f"Voice needs sound ({self.summary})"
        if self.audio.voice is not None:
            self._voice, self.audio.voice = self.audio.voice, None
            return "Voice off"
        if self._voice is None:
            from matwork.audio.settings import AudioSettings, build_voice

            settings = self._settings or AudioSettings()
            self._voice, reason = build_voice(replace(settings, voice=True))
            if self._voice is None:
                return f"No voice: {reason}"
        self.audio.voice = self._voice
        return "Voice on"

    def prepare(self, cues: Iterable[Cue]) -> None:
        """Synthesize the phrases these cues would speak (slow: run it in a worker)."""
        if self.audio is not None:
            self.audio.prepare(self.audio.spoken_phrases(cues))

    def drain(self, timeout: float) -> None:
        """Let the sound now playing finish, waiting at most ``timeout`` seconds."""
        if self.audio is not None:
            self.audio.wait(timeout)

    def close(self) -> None:
        """Stop any sound and any player process."""
        if self.audio is not None:
            self.audio.close()


def build_sound(
    entry: LibraryEntry,
    config: Config,
    options: PlayOptions,
    bell: Callable[[], None] | None = None,
) -> SessionSound:
    """The session's sound from the config's [audio], the routine's [sounds] and the options.

    Never raises: a bad [audio] table or sound file gives a silent sink and the reason.
    """
    if not options.sound:
        return SessionSound(SilentSink(), "sound off: --no-sound")
    from matwork.audio.clips import SoundFileError
    from matwork.audio.settings import build_sink, settings_from_table

    try:
        settings = settings_from_table(config.audio)
        if options.voice is not None:
            settings = replace(settings, voice=options.voice)
        sink, status = build_sink(settings, sound_overrides(entry), bell=bell)
    except (msgspec.ValidationError, SoundFileError, ValueError) as error:
        return SessionSound(SilentSink(), f"sound off: {error}")
    return SessionSound(sink, status.summary(), audio=sink, settings=settings)


class SessionLog:
    """The session log as the player's ResultSink: each write committed before it returns.

    A set is in the log once ``set_finished`` returns, so a process killed right after
    a set's end was shown loses nothing shown (one small commit per set, on the
    caller's thread). Everything also goes to ``memory``. When the log cannot be
    opened, or a write fails, ``problem`` says why and the session goes on unlogged;
    ``on_problem`` hears about a failure as it happens.
    """

    def __init__(
        self,
        store: HistoryStore | None,
        problem: str = "",
        on_problem: Callable[[str], None] | None = None,
    ) -> None:
        self.store = store
        self.problem = problem
        """Why the session is not (or no longer) logged; empty while all is well."""
        self.on_problem = on_problem
        self.memory = RecordingResults()
        """Everything the player reported, kept in memory whatever the log does."""
        self.uuid: str | None = None
        """The session's id in the log, once its row is written."""
        self.active_offset = 0.0
        """Active seconds done before a resume, added to what the player reports."""

    @property
    def logging(self) -> bool:
        """Whether writes go to the log."""
        return self.store is not None and not self.problem

    def _write(self, write: Callable[[HistoryStore], None]) -> None:
        """Commit one write; the first failure stops logging (and is reported once)."""
        if self.store is None or self.problem:
            return
        try:
            write(self.store)
        except (HistoryError, RuntimeError, ValueError) as error:
            self.problem = f"not logged: {error}"
            if self.on_problem is not None:
                self.on_problem(self.problem)

    def session_started(self, info: SessionInfo) -> None:
        """Write the session row (or reopen the one a resume armed)."""
        self.memory.session_started(info)

        def write(store: HistoryStore) -> None:
            store.session_started(info)
            self.uuid = store.current_uuid

        self._write(write)

    def set_finished(self, result: SetResult) -> None:
        """Commit one set."""
        self.memory.set_finished(result)
        self._write(lambda store: store.set_finished(result))

    def session_ended(self, status: str, active_seconds: float) -> None:
        """Close the session row."""
        self.memory.session_ended(status, active_seconds)
        total = self.active_offset + active_seconds
        self._write(lambda store: store.session_ended(status, total))

    def update_position(self, segment: int, seconds_into: float, active_seconds: float) -> None:
        """Record where a resume would continue."""
        total = self.active_offset + active_seconds
        self._write(lambda store: store.update_position(segment, seconds_into, total))

    def annotate(self, **answers: Any) -> None:
        """Save answers about this session (e.g. ``pain_before=3``) once its row exists."""
        if self.uuid is not None:
            uuid = self.uuid
            self._write(lambda store: store.annotate(uuid, **answers))

    def close(self) -> None:
        """Close the log (a session still open then reads as interrupted)."""
        if self.store is not None:
            self.store.close()
            self.store = None


def open_log(on_problem: Callable[[str], None] | None = None) -> SessionLog:
    """The session log in the data folder, or an unlogged one saying why it cannot be opened."""
    try:
        store = HistoryStore()
    except HistoryError as error:
        return SessionLog(None, f"not logged: {error}", on_problem)
    return SessionLog(store, "", on_problem)


@dataclass
class Session:
    """A session ready to play: its player, sound and log, and a resume on offer."""

    entry: LibraryEntry
    timeline: Timeline
    info: SessionInfo
    sound: SessionSound
    log: SessionLog
    clock: Clock
    options: PlayOptions
    wall: Callable[[], float] = time.time
    resumable: SessionRecord | None = None
    """An interrupted session of this routine that may be continued."""
    player: Player = field(init=False)

    def __post_init__(self) -> None:
        self.player = self._new_player(self.options.start_at)

    def _new_player(self, start_at: int) -> Player:
        return Player(
            self.timeline,
            self.clock,
            cues=self.sound,
            results=self.log,
            info=self.info,
            speed=self.options.speed,
            wall=self.wall,
            start_at=start_at,
        )

    def notes(self) -> list[str]:
        """What to tell before starting: sound off and why (unless chosen), log problems."""
        summary = self.sound.summary
        chosen = summary.startswith("sound:") or summary.endswith(("--no-sound", "in config"))
        notes = [] if chosen else [summary]
        if self.log.problem:
            notes.append(self.log.problem)
        return notes

    def resume(self, record: SessionRecord) -> str:
        """Continue ``record`` (before starting): its log row, from its segment; or say why not."""
        if self.log.store is None or self.player.started:
            return "cannot resume: the session is not logged"
        try:
            self.log.store.continue_session(record.uuid)
        except HistoryError as error:
            return f"cannot resume: {error}"
        self.log.active_offset = record.active_seconds
        last = len(self.timeline.segments) - 1
        self.player = self._new_player(max(0, min(record.resume_segment, last)))
        return ""

    def spoken_cues(self) -> list[Cue]:
        """Every cue the session plans, to prepare speech from."""
        return all_cues(self.timeline)

    def close(self) -> None:
        """Finish the log's writes and close it; let a finish chime play out, then silence."""
        self.log.close()
        if self.player.finished:
            self.sound.drain(FINISH_DRAIN_SECONDS)
        self.sound.close()


def find_resumable(
    log: SessionLog, info: SessionInfo, now: float | None = None
) -> SessionRecord | None:
    """An interrupted session of this routine text, touched within RESUME_MAX_AGE."""
    if log.store is None or not info.content_hash:
        return None
    try:
        return log.store.find_resumable(
            content_hash=info.content_hash, max_age=RESUME_MAX_AGE, now=now
        )
    except HistoryError:
        return None


def build_session(
    entry: LibraryEntry,
    config: Config,
    options: PlayOptions | None = None,
    *,
    clock: Clock | None = None,
    cues: CueSink | None = None,
    log: SessionLog | None = None,
    bell: Callable[[], None] | None = None,
    wall: Callable[[], float] = time.time,
) -> Session:
    """Build the session of a loaded routine; slow parts (audio probe, log) run here.

    ``clock``, ``cues`` and ``log`` replace the monotonic clock, the audio and the
    history store (tests); ``bell`` is the UI's bell for when no audio backend works.
    """
    if entry.timeline is None:
        raise ValueError(f"{entry.path}: the routine did not load")
    options = options or PlayOptions()
    if cues is not None:
        sound = SessionSound(cues, "sound: given")
    else:
        sound = build_sound(entry, config, options, bell)
    info = session_info(entry, entry.timeline)
    log = log if log is not None else open_log()
    return Session(
        entry=entry,
        timeline=entry.timeline,
        info=info,
        sound=sound,
        log=log,
        clock=clock or MonotonicClock(),
        options=options,
        wall=wall,
        resumable=find_resumable(log, info, now=wall()),
    )
