"""The cue sink the player uses: one sound at a time, by priority, through a backend chain."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from matwork.audio.backends import Backend, BackendError, PlayHandle, SilentBackend
from matwork.audio.clips import Clip
from matwork.audio.voice import Voice
from matwork.core.cues import Cue
from matwork.i18n import _

BREATH_KINDS: frozenset[str] = frozenset({"inhale", "exhale", "hold", "hold_out"})
"""Cue kinds that mark breathing phases."""


@dataclass
class AudioStatus:
    """Which backend and voice are in use, and why the others are not."""

    backend: str = "silent"
    """Name of the backend playing cues now."""
    reasons: dict[str, str] = field(default_factory=dict)
    """Why each backend tried before it is not used (name -> short reason)."""
    voice: str | None = None
    """The speech engine in use, or None when cues are not spoken."""
    voice_reason: str = "voice off"
    """Why cues are not spoken (empty when they are)."""
    off_reason: str = ""
    """Set when sound is off by choice (e.g. disabled in config) rather than by failure."""

    @property
    def sounding(self) -> bool:
        """Whether cues make any sound."""
        return self.backend != "silent"

    def why_not(self) -> str:
        """The reasons, grouped: ``pw-play, aplay: not on PATH; bell: not a terminal``."""
        grouped: dict[str, list[str]] = {}
        for name, reason in self.reasons.items():
            grouped.setdefault(reason, []).append(name)
        return "; ".join(f"{', '.join(names)}: {reason}" for reason, names in grouped.items())

    def summary(self) -> str:
        """One line for the UI: ``sound: simpleaudio, voice: espeak-ng`` or ``sound off: ...``."""
        if not self.sounding:
            why = self.off_reason or self.why_not() or _("no backend")
            return _("sound off: {detail}").format(detail=why)
        line = _("sound: {backend}").format(backend=self.backend)
        return (
            _("{sound}, voice: {voice}").format(sound=line, voice=self.voice)
            if self.voice
            else line
        )


@dataclass
class _Playing:
    priority: int
    ends: float
    handle: PlayHandle


class AudioSink:
    """Plays cues as tones or speech, one at a time: a lower-priority cue never talks over
    a higher one still sounding, and a higher (or equal) one cuts a lower one short."""

    def __init__(
        self,
        backends: Sequence[Backend],
        clips: Mapping[str, Clip | None],
        *,
        voice: Voice | None = None,
        breath_voice: bool = False,
        clock: Callable[[], float] = time.monotonic,
        status: AudioStatus | None = None,
    ) -> None:
        if not backends:
            raise ValueError("at least one backend is needed")
        self._backends = list(backends)
        self._clips = dict(clips)
        self.voice = voice
        self.breath_voice = breath_voice
        self._clock = clock
        self.status = status if status is not None else AudioStatus()
        """Live status: updated when a backend fails mid-session."""
        self.dropped = 0
        """How many cues were dropped because a higher-priority cue was sounding."""
        self._current: _Playing | None = None
        self._index = -1
        self._advance()

    @property
    def backend(self) -> Backend:
        """The backend playing cues now."""
        return self._backends[self._index]

    def _advance(self, failure: str | None = None) -> None:
        """Move to the next backend that probes fine, noting why the current one is not used."""
        if failure is not None:
            self.status.reasons[self.backend.name] = failure
        while self._index < len(self._backends) - 1:
            self._index += 1
            reason = self.backend.probe()
            if reason is None:
                break
            self.status.reasons[self.backend.name] = reason
        else:
            self._backends.append(SilentBackend())  # every backend failed: play nothing
            self._index = len(self._backends) - 1
        self.status.backend = self.backend.name
        if self.voice is None:
            return
        if self.backend.speaks:
            self.status.voice, self.status.voice_reason = self.voice.engine.name, ""
        else:
            self.status.voice = None
            self.status.voice_reason = f"{self.backend.name} cannot play speech"

    def _speaks(self, cue: Cue) -> bool:
        if self.voice is None or not cue.text or not self.backend.speaks:
            return False
        return self.breath_voice or cue.kind not in BREATH_KINDS

    def _sound(self, cue: Cue) -> tuple[float, Callable[[], PlayHandle]] | None:
        """How long the cue sounds and how to start it; None when it is muted."""
        tone = self._clips.get(cue.kind)
        if tone is None:
            return None
        voice = self.voice
        if voice is not None and self._speaks(cue):
            if voice.live:
                seconds = voice.estimate_seconds(cue.text)
                return seconds, lambda: self._speak_live(voice, cue.text, tone)
            speech = voice.clip(cue.text)
            if speech is not None:
                return speech.duration, lambda: self._start(speech)
        return tone.duration, lambda: self._start(tone)

    def _start(self, clip: Clip) -> PlayHandle:
        while True:
            try:
                return self.backend.play(clip)
            except BackendError as exc:
                self._advance(str(exc))

    def _speak_live(self, voice: Voice, text: str, tone: Clip) -> PlayHandle:
        try:
            return voice.speak(text)
        except OSError as exc:  # the engine is gone: tones from now on
            self.voice = None
            self.status.voice = None
            self.status.voice_reason = f"{voice.engine.name} could not start ({exc})"
            return self._start(tone)

    def play(self, cue: Cue) -> None:
        """Start the cue's sound now, unless a higher-priority cue is still sounding."""
        sound = self._sound(cue)
        if sound is None:
            return
        now = self._clock()
        current = self._current
        if current is not None and now < current.ends:
            if cue.priority < current.priority:
                self.dropped += 1
                return
            current.handle.stop()
        seconds, start = sound
        handle = start()
        self._current = _Playing(cue.priority, now + seconds, handle)

    def tone(self, kind: str) -> Clip | None:
        """The clip a cue kind plays when not spoken (None when muted)."""
        return self._clips.get(kind)

    def spoken_phrases(self, cues: Iterable[Cue]) -> list[str]:
        """The distinct texts among ``cues`` that would be spoken, in order of first use."""
        if self.voice is None:
            return []
        return list(
            dict.fromkeys(c.text for c in cues if self._speaks(c) and self._clips.get(c.kind))
        )

    def prepare(self, phrases: Iterable[str]) -> None:
        """Synthesize the phrases ahead of time (run it in a worker thread); no-op without voice."""
        if self.voice is not None:
            self.voice.prepare(phrases)

    def wait(self, timeout: float | None = None) -> None:
        """Block until the sound now playing has finished (for ``matwork sounds`` and tests).

        Once it has, the sink is idle: the next cue plays whatever its priority.
        """
        current = self._current
        if current is not None:
            current.handle.wait(timeout)
            if not current.handle.is_playing():
                self._current = None

    def stop(self) -> None:
        """Cut the sound now playing short."""
        if self._current is not None:
            self._current.handle.stop()
            self._current = None

    def close(self) -> None:
        """Stop everything, including player processes still running."""
        self.stop()
        for backend in self._backends:
            close = getattr(backend, "close", None)
            if callable(close):
                close()
