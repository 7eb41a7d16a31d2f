"""One place that builds a session to play, for the full screen and for ``--plain``.

``build_session(entry, config, paths, options)`` gives a ``Session``: the Player on the
machine's monotonic clock (or an injected one), the sound its cues play through
(``SessionSound``, silent with ``--no-sound`` or when sound cannot be set up, saying
why in its ``status``) and the session log (``SessionLog``: each set committed as it
ends; kept in memory when the log cannot be opened, saying why). Both shells run the
very same Session, so both resume, ask, speak and log the same way. Nothing happens
at import.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import msgspec

from matwork.app.config import Config
from matwork.app.library import LibraryEntry
from matwork.app.paths import Paths
from matwork.app.session_log import LogProblem, LogProblemKind, SessionLog, open_log
from matwork.audio.session_sound import SessionSound, SoundState, SoundStatus
from matwork.core.clock import Clock, MonotonicClock
from matwork.core.cue_schedule import all_cues
from matwork.core.cues import Cue, CueSink, SilentSink
from matwork.core.model import MAX_FILE_BYTES
from matwork.core.player import Player
from matwork.core.results import SessionInfo
from matwork.core.session_outcome import work_plan
from matwork.core.timeline import Timeline, lead_in
from matwork.core.userfiles import FileProblem, read_limited
from matwork.i18n import lazy_
from matwork.store.writer import HistoryError, HistoryStore, SessionRecord

RESUME_MAX_AGE = timedelta(hours=12)
"""An interrupted session older than this is not offered for resuming."""
POSITION_EVERY = 10.0
"""Seconds of session time between two resume positions written to the log."""
NOTHING_TO_RESUME = lazy_(
    "Nothing to resume: no interrupted session of this routine in the last 12 h"
)
"""Said when --resume finds no session to continue (the session starts from the top)."""
FINISH_DRAIN_SECONDS = 2.0
"""How long closing a finished session waits for the finish chime (1.5 s) to end."""


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
    log: bool | None = None
    """--log / --no-log; None: log a session played at speed 1, not a --speed preview."""
    resume: bool = False
    """--resume: continue the interrupted session without asking."""

    @property
    def logged(self) -> bool:
        """Whether the session goes to the log (a preview at another speed does not)."""
        return self.log if self.log is not None else self.speed == 1

    def not_logged_reason(self) -> str:
        """Why the session is not logged, for the note said before it starts."""
        if self.log is False:
            return "--no-log"
        return f"--speed {self.speed:g} is a preview (add --log to log it)"

    on_logged: Callable[[HistoryStore, str], None] | None = None
    """Called with the log and the uuid once the session's row exists (in the same
    write): how playing today's session of a programme is logged against it."""


class ResumeError(Exception):
    """A session cannot be resumed; the message says why."""


def session_info(entry: LibraryEntry, timeline: Timeline) -> SessionInfo:
    """What the log needs to know about a routine file being played."""
    try:  # the file may have been swapped (for a FIFO...) since it loaded: never block
        digest = hashlib.sha256(read_limited(entry.path, MAX_FILE_BYTES)).hexdigest()
    except FileProblem:
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


def build_sound(
    entry: LibraryEntry,
    config: Config,
    paths: Paths,
    options: PlayOptions,
    bell: Callable[[], None] | None = None,
) -> SessionSound:
    """The session's sound from the config's [audio], the routine's [sounds] and the options.

    Never raises: a bad [audio] table or sound file gives a silent sink and the reason.
    """
    if not options.sound:
        return SessionSound(SilentSink(), SoundStatus(SoundState.OFF_BY_CHOICE, "--no-sound"))
    from matwork.audio.clips import SoundFileError
    from matwork.audio.settings import build_sink, settings_from_table

    try:
        settings = settings_from_table(config.audio)
        if options.voice is not None:
            settings = msgspec.structs.replace(settings, voice=options.voice)
        sink, status = build_sink(
            settings, sound_overrides(entry), bell=bell, cache=paths.cache_dir
        )
    except (msgspec.ValidationError, SoundFileError, ValueError) as error:
        return SessionSound(SilentSink(), SoundStatus(SoundState.UNAVAILABLE, str(error)))
    if status.sounding:
        sound_status = SoundStatus(SoundState.PLAYING, status.backend)
    elif status.off_reason:
        sound_status = SoundStatus(SoundState.OFF_BY_CHOICE, status.off_reason)
    else:
        sound_status = SoundStatus(SoundState.UNAVAILABLE, status.why_not() or "no backend")
    return SessionSound(sink, sound_status, audio=sink, settings=settings, cache=paths.cache_dir)


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

    _last_position: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        self.log.plan = work_plan(self.timeline)
        self.player = self._new_player(self.options.start_at)

    def _new_player(self, start_at: int) -> Player:
        timeline, start_at = lead_in(self.timeline, start_at)  # a later start: get ready first
        player = Player(
            timeline,
            self.clock,
            cues=self.sound,
            results=self.log,
            info=self.info,
            speed=self.options.speed,
            wall=self.wall,
            start_at=start_at,
            tests=self.log,
        )
        self.log.elapsed = player.last_set_end
        self._last_position = 0.0
        return player

    def record_position(self) -> None:
        """Every POSITION_EVERY s of session time, tell the log where a resume would go on.

        With the active time so far: both shells call it as they wake, so a killed
        session keeps its position and its active time (each set's end keeps them too).
        """
        player = self.player
        if not player.started:
            return
        index, into, elapsed = player.resume_point()  # brings the player up to the clock
        if not player.running:  # paused or ended, perhaps by that very read
            return
        if elapsed - self._last_position >= POSITION_EVERY:
            self._last_position = elapsed
            self.log.update_position(index, into, elapsed)

    def notes(self) -> list[str]:
        """What to tell before starting: sound off and why (unless chosen), log problems."""
        notes = [] if self.sound.status.chosen else [self.sound.status.text()]
        if self.log.problem is not None:
            notes.append(self.log.problem.text())
        return notes

    def resume(self, record: SessionRecord) -> None:
        """Continue ``record`` (before starting): its log row, from its segment.

        Raises ResumeError saying why when it cannot be continued.
        """
        if self.log.store is None or self.player.started:
            raise ResumeError("cannot resume: the session is not logged")
        try:
            self.log.store.continue_session(record.uuid)
            self.log.earlier_sets = list(self.log.store.get_session(record.uuid).sets)
        except HistoryError as error:
            raise ResumeError(f"cannot resume: {error}") from error
        # The segment under way at the kill is played again from its start: its time
        # (resume_offset, written with the active time) is not kept twice.
        self.log.active_offset = max(0.0, record.active_seconds - record.resume_offset)
        last = len(self.timeline.segments) - 1
        self.player = self._new_player(max(0, min(record.resume_segment, last)))

    def spoken_cues(self) -> list[Cue]:
        """Every cue the session plans, to prepare speech from: from where it starts on
        first (so the first phrases are ready first), then those before it."""
        cues = all_cues(self.timeline)
        first = self.player.index
        return [cue for cue in cues if cue.segment >= first] + [
            cue for cue in cues if cue.segment < first
        ]

    def warm_voice(self) -> threading.Thread | None:
        """Synthesize the session's phrases on a daemon thread (the first cue never waits:
        a phrase not ready yet sounds as its tone). None when nothing is spoken."""
        if not self.sound.voice_on:
            return None
        thread = threading.Thread(
            target=self.sound.prepare,
            args=(self.spoken_cues(),),
            name="matwork-voice",
            daemon=True,
        )
        thread.start()
        return thread

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
    paths: Paths,
    options: PlayOptions | None = None,
    *,
    clock: Clock | None = None,
    cues: CueSink | None = None,
    log: SessionLog | None = None,
    bell: Callable[[], None] | None = None,
    wall: Callable[[], float] = time.time,
    defer_sound: bool = False,
) -> Session:
    """Build the session of a loaded routine; slow parts (audio probe, log) run here.

    ``clock``, ``cues`` and ``log`` replace the monotonic clock, the audio and the
    history store (tests); ``bell`` is the UI's bell for when no audio backend works.
    ``defer_sound``: the sound is left pending (silent) for the caller to set up later
    with ``build_sound`` and ``session.sound.take_over`` (the full screen does, after
    its first frame).
    """
    if entry.timeline is None:
        raise ValueError(f"{entry.path}: the routine did not load")
    options = options or PlayOptions()
    if cues is not None:
        sound = SessionSound(cues, SoundStatus(SoundState.GIVEN))
    elif defer_sound and options.sound:
        sound = SessionSound(SilentSink(), SoundStatus(SoundState.PENDING))
    else:
        sound = build_sound(entry, config, paths, options, bell)
    info = session_info(entry, entry.timeline)
    if log is None and not options.logged:
        log = SessionLog(None, LogProblem(LogProblemKind.OFF, options.not_logged_reason()))
    log = log if log is not None else open_log(paths.log_file)
    log.on_logged = options.on_logged
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
