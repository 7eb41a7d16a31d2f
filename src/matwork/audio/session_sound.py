"""The cue sink a session plays through: the audio sink with a mute and a voice switch.

``SessionSound`` decorates any ``CueSink``. Its ``status`` says, as a value, whether
cues sound and why not; ``toggle_voice`` answers with a ``VoiceSwitch``, never with
prose to be parsed back.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from matwork.core.cues import Cue, CueSink
from matwork.i18n import _

if TYPE_CHECKING:
    from matwork.audio.settings import AudioSettings
    from matwork.audio.sink import AudioSink
    from matwork.audio.voice import Voice


class SoundState(enum.StrEnum):
    """Whether a session's cues make a sound."""

    PLAYING = "playing"
    """Cues sound through a backend (``SoundStatus.detail`` names it)."""
    OFF_BY_CHOICE = "off"
    """Sound is off because the user said so (--no-sound, or disabled in config)."""
    UNAVAILABLE = "unavailable"
    """Nothing can play (``detail`` says why); the session goes on silently."""
    GIVEN = "given"
    """A cue sink handed in by the caller (tests, previews)."""
    PENDING = "pending"
    """Not set up yet: the full screen sets sound up after its first frame (silent till then)."""


@dataclass(frozen=True)
class SoundStatus:
    """How a session sounds: a state and its detail (the backend, or the reason)."""

    state: SoundState
    detail: str = ""

    @property
    def chosen(self) -> bool:
        """True unless sound was wanted and could not be had (worth telling the user)."""
        return self.state is not SoundState.UNAVAILABLE

    def text(self) -> str:
        """One line for the UI: ``sound: simpleaudio`` or ``sound off: why``."""
        if self.state is SoundState.PLAYING:
            return _("sound: {detail}").format(detail=self.detail)
        if self.state is SoundState.GIVEN:
            return _("sound: given")
        if self.state is SoundState.PENDING:
            return _("sound: getting ready")
        return _("sound off: {detail}").format(detail=self.detail)


class VoiceChange(enum.StrEnum):
    """What pressing the voice key did."""

    ON = "on"
    OFF = "off"
    NEEDS_SOUND = "needs-sound"
    """Nothing sounds, so nothing can be spoken."""
    UNAVAILABLE = "unavailable"
    """No speech engine could be set up (the reason says why)."""


@dataclass(frozen=True)
class VoiceSwitch:
    """The outcome of ``toggle_voice``: what changed, and why when nothing could."""

    change: VoiceChange
    reason: str = ""

    def text(self) -> str:
        """What to tell the user."""
        if self.change is VoiceChange.ON:
            return _("Voice on")
        if self.change is VoiceChange.OFF:
            return _("Voice off")
        if self.change is VoiceChange.NEEDS_SOUND:
            return _("Voice needs sound ({reason})").format(reason=self.reason)
        return _("No voice: {reason}").format(reason=self.reason)


class SessionSound:
    """The cue sink a session plays through, with a mute switch and a voice switch."""

    def __init__(
        self,
        sink: CueSink,
        status: SoundStatus,
        *,
        audio: AudioSink | None = None,
        settings: AudioSettings | None = None,
        cache: Path | None = None,
        voice: Voice | None = None,
    ) -> None:
        self.sink = sink
        self.status = status
        """Whether cues sound, and why not."""
        self.audio = audio
        """The audio sink behind ``sink`` when there is one (voice needs it)."""
        self.muted = False
        """True while cues make no sound."""
        self._settings = settings
        self._cache = cache
        self._voice: Voice | None = voice or (audio.voice if audio is not None else None)
        """The voice the switch turns on (built on first use when none is given)."""

    @property
    def pending(self) -> bool:
        """True until the sound set up after the first frame takes over (``take_over``)."""
        return self.status.state is SoundState.PENDING

    def take_over(self, ready: SessionSound) -> None:
        """Play through ``ready`` from now on (its sink, status and voice); mute is kept."""
        self.sink, self.status, self.audio = ready.sink, ready.status, ready.audio
        self._settings, self._cache, self._voice = ready._settings, ready._cache, ready._voice

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

    def toggle_voice(self) -> VoiceSwitch:
        """Turn speech on or off."""
        if self.audio is None or not self.audio.status.sounding:
            return VoiceSwitch(VoiceChange.NEEDS_SOUND, self.status.text())
        if self.audio.voice is not None:
            self._voice, self.audio.voice = self.audio.voice, None
            return VoiceSwitch(VoiceChange.OFF)
        if self._voice is None:
            from matwork.audio.settings import AudioSettings, build_voice

            if self._cache is None:
                return VoiceSwitch(VoiceChange.UNAVAILABLE, "no cache folder for speech")
            settings = self._settings or AudioSettings()
            voice, reason = build_voice(
                msgspec.structs.replace(settings, voice=True), cache=self._cache
            )
            if voice is None:
                return VoiceSwitch(VoiceChange.UNAVAILABLE, reason)
            self._voice = voice
        self.audio.voice = self._voice
        return VoiceSwitch(VoiceChange.ON)

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
