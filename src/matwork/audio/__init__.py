"""Sound for matwork: cue tones and speech through the first audio backend that works.

The player calls ``build_sink(settings, overrides, bell)`` once, runs
``sink.prepare(sink.spoken_phrases(cues))`` in a worker thread when voice is on, and
calls ``sink.play(cue)`` as cues fall due. Importing this package has no side effects
and loads none of its modules: each name below is imported when first asked for, so
``matwork.audio.session_sound`` (what a silent ``play --no-sound`` needs) comes alone.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matwork.audio.backends import (
        EXTERNAL_PLAYERS,
        Backend,
        BackendError,
        BellBackend,
        ExternalPlayerBackend,
        PlayHandle,
        SilentBackend,
        SimpleaudioBackend,
        default_backends,
    )
    from matwork.audio.clips import CUE_SOUND_FILES, Clip, SoundFileError, load_cue_clips, load_wav
    from matwork.audio.settings import (
        AudioSettings,
        build_sink,
        probe_backends,
        probe_voice_engines,
        settings_from_table,
    )
    from matwork.audio.sink import AudioSink, AudioStatus
    from matwork.audio.voice import VOICE_ENGINES, Voice, VoiceEngine, find_voice_engine

_MODULE_OF = {
    "EXTERNAL_PLAYERS": "matwork.audio.backends",
    "Backend": "matwork.audio.backends",
    "BackendError": "matwork.audio.backends",
    "BellBackend": "matwork.audio.backends",
    "ExternalPlayerBackend": "matwork.audio.backends",
    "PlayHandle": "matwork.audio.backends",
    "SilentBackend": "matwork.audio.backends",
    "SimpleaudioBackend": "matwork.audio.backends",
    "default_backends": "matwork.audio.backends",
    "CUE_SOUND_FILES": "matwork.audio.clips",
    "Clip": "matwork.audio.clips",
    "SoundFileError": "matwork.audio.clips",
    "load_cue_clips": "matwork.audio.clips",
    "load_wav": "matwork.audio.clips",
    "AudioSettings": "matwork.audio.settings",
    "build_sink": "matwork.audio.settings",
    "probe_backends": "matwork.audio.settings",
    "probe_voice_engines": "matwork.audio.settings",
    "settings_from_table": "matwork.audio.settings",
    "AudioSink": "matwork.audio.sink",
    "AudioStatus": "matwork.audio.sink",
    "VOICE_ENGINES": "matwork.audio.voice",
    "Voice": "matwork.audio.voice",
    "VoiceEngine": "matwork.audio.voice",
    "find_voice_engine": "matwork.audio.voice",
}
"""Which module of the package defines each public name."""


def __getattr__(name: str) -> Any:
    """A public name, imported from its module when first asked for."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "CUE_SOUND_FILES",
    "EXTERNAL_PLAYERS",
    "VOICE_ENGINES",
    "AudioSettings",
    "AudioSink",
    "AudioStatus",
    "Backend",
    "BackendError",
    "BellBackend",
    "Clip",
    "ExternalPlayerBackend",
    "PlayHandle",
    "SilentBackend",
    "SimpleaudioBackend",
    "SoundFileError",
    "Voice",
    "VoiceEngine",
    "build_sink",
    "default_backends",
    "find_voice_engine",
    "load_cue_clips",
    "load_wav",
    "probe_backends",
    "probe_voice_engines",
    "settings_from_table",
]
