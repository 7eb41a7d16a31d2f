"""Sound for matwork: cue tones and speech through the first audio backend that works.

The player calls ``build_sink(settings, overrides, bell)`` once, runs
``sink.prepare(sink.spoken_phrases(cues))`` in a worker thread when voice is on, and
calls ``sink.play(cue)`` as cues fall due. Importing this package has no side effects.
"""

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
