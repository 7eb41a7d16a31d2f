"""Real playback through simpleaudio and ALSA, with no sound card.

Each test runs the playing code in a fresh interpreter whose ALSA default device is a
``file`` plugin writing every stream as raw PCM (see conftest.py), then compares what
ALSA received with the WAV files sample for sample.
"""

from __future__ import annotations

from array import array
from pathlib import Path
from typing import Any

import pytest

from matwork.audio.clips import CUE_SOUND_FILES, load_wav
from matwork.core.cues import CUE_KINDS
from matwork.shipped import shipped_dir

SOUNDS = shipped_dir("sounds")

PLAY_EVERY_CUE = """
from matwork.audio import AudioSettings, build_sink
from matwork.core.cues import CUE_KINDS, Cue

sink, status = build_sink(AudioSettings(volume=ARGS["volume"], cue_set=ARGS["set"]), cache=CACHE)
for kind in CUE_KINDS:
    sink.play(Cue(kind, 0.0, 0))
    sink.wait(timeout=5)
print(json.dumps({"backend": status.backend, "reasons": status.reasons}))
"""


@pytest.mark.parametrize(("volume", "cue_set"), [(1.0, "default"), (0.5, "default"), (1.0, "soft")])
def test_every_cue_reaches_alsa_sample_for_sample(
    alsa_files: Any, run_python: Any, samples: Any, volume: float, cue_set: str
) -> None:
    run = run_python(PLAY_EVERY_CUE, alsa_files.config, args={"volume": volume, "set": cue_set})
    assert run.code == 0, run.stderr
    assert run.result["backend"] == "simpleaudio", run.result
    assert run.stderr == ""
    played = alsa_files.played()
    assert len(played) == len(CUE_KINDS)
    for kind, got in zip(CUE_KINDS, played, strict=True):
        original = samples(SOUNDS / cue_set / CUE_SOUND_FILES[kind])
        expected = array("h", (round(s * volume) for s in original))
        assert got == expected, f"{kind} at volume {volume} arrived changed"
        if volume != 1.0:
            assert got != original


FAKE_CLOCK_SEQUENCE = """
import time
from matwork.audio import AudioSettings, SimpleaudioBackend, SilentBackend, build_sink
from matwork.core.cues import Cue

class Recording(SimpleaudioBackend):
    handles = []
    stopped = []
    def play(self, clip):
        handle = super().play(clip)
        inner = handle.stop
        def stop():
            Recording.stopped.append(clip.source.stem)
            inner()
        handle.stop = stop
        Recording.handles.append(handle)
        return handle

now = [0.0]
sink, status = build_sink(
    AudioSettings(volume=1.0), backends=[Recording(), SilentBackend()], clock=lambda: now[0], cache=CACHE
)
for at, kind in ARGS:
    now[0] = at
    sink.play(Cue(kind, at, 0))
    time.sleep(0.1)  # the null device has long swallowed each stream before the next cue
for handle in Recording.handles:
    handle.wait(timeout=5)
print(json.dumps({"backend": status.backend, "stopped": Recording.stopped,
                  "dropped": sink.dropped}))
"""


def test_fake_clock_sequence_plays_the_expected_files(
    alsa_files: Any, run_python: Any, samples: Any
) -> None:
    # durations: start 0.32 s, rest 0.47 s, countdown 0.06 s, final 0.16 s, rep 0.03 s
    sequence = [
        (0.00, "start"),
        (0.10, "rep"),  # dropped: start (90) is sounding
        (0.20, "halfway"),  # dropped
        (0.50, "rep"),  # plays: start has ended
        (0.51, "countdown"),  # plays and cuts the rep short
        (0.55, "countdown"),  # same priority: the newer tick wins
        (0.58, "inhale"),  # dropped: the tick sounds until 0.61
        (1.00, "final"),
        (1.05, "rest"),  # cuts the final tick short
        (1.20, "exhale"),  # dropped: rest sounds until 1.52
        (1.30, "finish"),  # cuts rest short
    ]
    run = run_python(FAKE_CLOCK_SEQUENCE, alsa_files.config, args=sequence)
    assert run.code == 0, run.stderr
    assert run.result == {
        "backend": "simpleaudio",
        "stopped": ["rep", "countdown", "final", "rest"],
        "dropped": 4,
    }
    expected = ["start", "rep", "countdown", "countdown", "final", "rest", "finish"]
    played = alsa_files.played()
    assert [_identify(got, samples) for got in played] == expected


def _identify(pcm: array[int], samples: Any) -> str:
    for name in sorted(set(CUE_SOUND_FILES.values())):
        if samples(SOUNDS / "default" / name) == pcm:
            return name.removesuffix(".wav")
    return f"<unknown {len(pcm)} samples>"


SPEAK = """
from matwork.audio import AudioSettings, build_sink
from matwork.core.cues import Cue

sink, status = build_sink(AudioSettings(volume=1.0, voice=True), cache=CACHE)
sink.prepare(["Switch sides"])
sink.play(Cue("switch", 0.0, 0, text="Switch sides"))
sink.wait(timeout=5)
sink.play(Cue("switch", 0.0, 0, text="not prepared"))
sink.wait(timeout=5)
print(json.dumps({"summary": status.summary(), "voice": str(sink.voice.cache_path("Switch sides"))}))
"""


def test_spoken_cue_plays_through_the_same_backend(alsa_files: Any, run_python: Any) -> None:
    import shutil

    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng not installed")
    run = run_python(SPEAK, alsa_files.config)
    assert run.code == 0, run.stderr
    assert run.result["summary"] == "sound: simpleaudio, voice: espeak-ng"
    speech, tone = alsa_files.played()
    cached = Path(run.result["voice"])
    assert cached.is_file()
    assert speech.tobytes() == load_wav(cached, trim=True).data
    assert abs(speech[0]) > 64, "leading silence trimmed: speech starts at once"
    assert tone.tobytes() == load_wav(SOUNDS / "default" / "switch.wav").data


NO_DEVICE_SESSION = """
import sys
from matwork.audio import AudioSettings, build_sink
from matwork.core.cues import CUE_KINDS, Cue

bells = []
use_bell = ARGS["bell"]
sink, status = build_sink(
    AudioSettings(voice=True), bell=(lambda: bells.append(1)) if use_bell else None,
    stream=sys.stdout, cache=CACHE,
)
now = [0.0]
sink._clock = lambda: now[0]
for i in range(120):
    now[0] = 2.0 * i
    sink.play(Cue(CUE_KINDS[i % len(CUE_KINDS)], now[0], i, text="Go"))
print(json.dumps({"backend": status.backend, "reasons": status.reasons, "bells": len(bells),
                  "summary": status.summary(), "voice": status.voice_reason}))
"""

BARE_SIMPLEAUDIO = """
import simpleaudio
try:
    simpleaudio.play_buffer(b"\\0\\0" * 100, 1, 2, 44100)
except simpleaudio._simpleaudio.SimpleaudioError as exc:
    print(json.dumps(type(exc).__name__))
"""


def test_alsa_complains_on_stderr_without_the_handler(
    alsa_files: Any, run_python: Any, no_device: Path
) -> None:
    """The control: this configuration does make ALSA write to stderr."""
    run = run_python(BARE_SIMPLEAUDIO, no_device)
    assert run.result == "SimpleaudioError"
    assert "ALSA lib" in run.stderr


@pytest.mark.parametrize(("bell", "backend"), [(True, "bell"), (False, "silent")])
def test_no_device_no_players_falls_back_quietly(
    alsa_files: Any, run_python: Any, no_device: Path, empty_path: str, bell: bool, backend: str
) -> None:
    run = run_python(NO_DEVICE_SESSION, no_device, path=empty_path, args={"bell": bell})
    assert run.code == 0, run.stderr
    assert run.stderr == ""
    assert len(run.stdout.splitlines()) == 1, "nothing but the result on stdout"
    result = run.result
    assert result["backend"] == backend
    assert result["reasons"]["simpleaudio"].startswith("no ALSA playback device")
    for player in ("pw-play", "paplay", "aplay", "afplay"):
        assert result["reasons"][player] == "not on PATH"
    assert result["bells"] == (120 if bell else 0)
    if bell:
        assert result["summary"] == "sound: bell"
        assert result["voice"] == "no speech engine on PATH (espeak-ng, say or spd-say)"
    else:
        assert result["summary"].startswith("sound off: simpleaudio: no ALSA playback device")
        assert result["reasons"]["bell"] == "not a terminal"


EXTERNAL_PLAYER = """
from matwork.audio import AudioSettings, ExternalPlayerBackend, SilentBackend, build_sink
from matwork.core.cues import Cue

backends = [ExternalPlayerBackend("aplay", CACHE / "sounds"), SilentBackend()]
sink, status = build_sink(AudioSettings(volume=0.5), backends=backends, cache=CACHE)
for kind in ["start", "countdown", "finish"]:
    sink.play(Cue(kind, 0.0, 0))
    sink.wait(timeout=10)
sink.close()
print(json.dumps(status.backend))
"""


def test_external_player_gets_the_volume_scaled_file(
    alsa_files: Any, run_python: Any, samples: Any
) -> None:
    import shutil

    if shutil.which("aplay") is None:
        pytest.skip("aplay not installed")
    run = run_python(EXTERNAL_PLAYER, alsa_files.config)
    assert (run.code, run.stderr, run.result) == (0, "", "aplay")
    played = alsa_files.played()
    assert len(played) == 3
    for kind, got in zip(["start", "countdown", "finish"], played, strict=True):
        original = samples(SOUNDS / "default" / f"{kind}.wav")
        expected = array("h", (round(s * 0.5) for s in original))
        assert got[: len(expected)] == expected, kind
        assert set(got[len(expected) :]) <= {0}, "aplay pads the last period with silence"
