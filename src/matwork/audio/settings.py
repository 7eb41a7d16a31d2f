"""Audio settings (the ``[audio]`` table of config.toml) and the factory that builds the sink."""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal, TextIO

import msgspec

from matwork.audio.backends import Backend, SilentBackend, default_backends
from matwork.audio.clips import load_cue_clips
from matwork.audio.sink import BREATH_KINDS, AudioSink, AudioStatus
from matwork.audio.voice import (
    VOICE_ENGINES,
    Runner,
    Voice,
    VoiceEngine,
    find_voice_engine,
    language_voice,
    run_quietly,
)
from matwork.core.cues import CUE_KINDS
from matwork.i18n import current_language


class AudioSettings(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """How cues sound: the ``[audio]`` table of config.toml."""

    enabled: bool = True
    """Play cues at all."""
    volume: Annotated[float, msgspec.Meta(ge=0.0, le=1.0)] = 0.8
    """Loudness of tones and speech, 0 to 1."""
    voice: bool = False
    """Speak cues (countdown numbers, exercise names...) instead of tones."""
    voice_name: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] | None = None
    """The engine's voice, e.g. ``en``, ``en-us`` (espeak-ng) or ``Samantha`` (macOS);
    unset, the voice of the language in use (espeak-ng ``de``, ``say -v Anna``)."""
    voice_speed: Annotated[int, msgspec.Meta(ge=80, le=450)] = 160
    """Words per minute."""
    breath_cues: bool = True
    """Sound the breathing phases (inhale, hold, exhale)."""
    breath_voice: bool = False
    """With voice on, also say the breath words; otherwise breath cues stay tones."""
    rep_ticks: bool = True
    """Tick on each rep phase of a tempo."""
    cue_set: Literal["default", "soft"] = "default"
    """Which shipped set of sounds to use."""
    mute: list[str] = msgspec.field(default_factory=list)
    """Cue kinds never to sound, e.g. ``["halfway"]``."""

    def __post_init__(self) -> None:
        unknown = sorted(set(self.mute) - set(CUE_KINDS))
        if unknown:
            raise ValueError(
                f"mute: unknown cue kind(s) {', '.join(unknown)}; known: {', '.join(CUE_KINDS)}"
            )

    def muted_kinds(self) -> set[str]:
        """Every kind that stays silent, counting breath_cues and rep_ticks."""
        muted = set(self.mute)
        if not self.breath_cues:
            muted |= BREATH_KINDS
        if not self.rep_ticks:
            muted.add("rep")
        return muted


def settings_from_table(table: Mapping[str, Any]) -> AudioSettings:
    """Validate a decoded ``[audio]`` table; raises msgspec.ValidationError naming the field."""
    return msgspec.convert(dict(table), AudioSettings)


def build_voice(
    settings: AudioSettings,
    *,
    cache: Path,
    engine: VoiceEngine | None = None,
    which: Callable[[str], str | None] | None = None,
    runner: Runner = run_quietly,
) -> tuple[Voice | None, str]:
    """The Voice the settings ask for, or None and why not."""
    if not settings.voice:
        return None, "voice off in config"
    if engine is None:
        engine, _ = find_voice_engine() if which is None else find_voice_engine(which)
    if engine is None:
        return None, "no speech engine on PATH (espeak-ng, say or spd-say)"
    language = current_language()
    voice = Voice(
        engine,
        settings.voice_name or language_voice(engine.name, language),
        settings.voice_speed,
        settings.volume,
        cache=cache / "voice",
        runner=runner,
        language=language,
    )
    return voice, ""


def build_sink(
    settings: AudioSettings,
    overrides: Mapping[str, Path | None] | None = None,
    bell: Callable[[], None] | None = None,
    *,
    cache: Path,
    stream: TextIO | None = None,
    backends: Sequence[Backend] | None = None,
    voice: Voice | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> tuple[AudioSink, AudioStatus]:
    """Build the session's cue sink and report which backend plays and why others do not.

    ``overrides`` maps cue kinds to a routine's own WAV (None mutes that cue); every file
    is checked now, raising SoundFileError naming the file rather than failing mid-session.
    ``cache`` is matwork's cache folder (speech in voice/, scaled copies in sounds/).
    ``bell`` is the UI's bell, used when no audio backend works. ``backends`` and ``voice``
    replace the defaults (tests); call ``sink.prepare(phrases)`` in a worker thread to
    synthesize speech before the session starts.
    """
    clips = load_cue_clips(
        settings.cue_set,
        settings.volume,
        overrides=overrides,
        muted=settings.muted_kinds(),
    )
    status = AudioStatus()
    if not settings.enabled:
        status.off_reason = "disabled in config"
        sink = AudioSink([SilentBackend()], clips, status=status, clock=clock)
        return sink, status
    if backends is None:
        backends = default_backends(
            cache / "sounds", bell, stream if stream is not None else sys.stdout
        )
    reason = ""
    if voice is None:
        voice, reason = build_voice(settings, cache=cache)
    sink = AudioSink(
        backends,
        clips,
        voice=voice,
        breath_voice=settings.breath_voice,
        clock=clock,
        status=status,
    )
    if voice is None:
        status.voice_reason = reason
    return sink, status


def probe_backends(
    cache: Path, bell: Callable[[], None] | None = None, stream: TextIO | None = None
) -> list[tuple[str, str | None]]:
    """Probe every backend, in the order tried: (name, why it cannot play or None)."""
    return [(b.name, b.probe()) for b in default_backends(cache / "sounds", bell, stream)]


def probe_voice_engines(
    which: Callable[[str], str | None] = shutil.which,
) -> list[tuple[str, str | None]]:
    """Look up every speech engine, in the order tried: (name, its path or None)."""
    return [(name, which(name)) for name in VOICE_ENGINES]
