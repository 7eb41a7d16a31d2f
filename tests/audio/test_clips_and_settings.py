"""Clips, override validation, settings and the sink factory, without any real audio."""

from __future__ import annotations

import wave
from array import array
from pathlib import Path
from typing import Any

import msgspec
import pytest

from matwork.audio import AudioSettings, SoundFileError, build_sink, load_cue_clips, load_wav
from matwork.audio.clips import scale_pcm, trim_silence
from matwork.audio.settings import settings_from_table
from matwork.core.cues import CUE_KINDS, Cue
from matwork.shipped import shipped_dir

from helpers.paths import test_paths


def _cache() -> Path:
    return test_paths().cache_dir


DEFAULT = shipped_dir("sounds") / "default"


def _write_wav(path: Path, values: list[int], *, width: int = 2, rate: int = 22050) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(width)
        out.setframerate(rate)
        if width == 2:
            out.writeframes(array("h", values).tobytes())
        else:
            out.writeframes(bytes(v & 0xFF for v in values))
    return path


def _pcm(values: list[int]) -> bytes:
    return array("h", values).tobytes()


def test_scale_pcm_rounds_and_clamps() -> None:
    assert scale_pcm(_pcm([1000, -1001, 3, 0]), 0.5) == _pcm([500, -500, 2, 0])
    assert scale_pcm(_pcm([30000, -30000]), 2.0) == _pcm([32767, -32768])
    data = _pcm([123, -456])
    assert scale_pcm(data, 1.0) is data


def test_trim_silence_keeps_the_sound() -> None:
    assert trim_silence(_pcm([0, 3, -10, 500, -600, 20, 0, 0]), 1) == _pcm([500, -600])
    assert trim_silence(_pcm([0, 0, 0]), 1) == b""


def test_load_wav_applies_volume(tmp_path: Path) -> None:
    path = _write_wav(tmp_path / "a.wav", [0, 1000, -2000, 0])
    full = load_wav(path)
    half = load_wav(path, 0.5)
    assert (full.channels, full.rate, full.derived) == (1, 22050, False)
    assert full.player_file(_cache() / "sounds") == path
    assert half.data == _pcm([0, 500, -1000, 0])
    assert half.derived
    copy = half.player_file(_cache() / "sounds")
    assert copy.parent == test_paths().cache_dir / "sounds"
    assert load_wav(copy).data == half.data
    assert full.duration == pytest.approx(4 / 22050)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "not a PCM WAV"),
        (b"ID3\x03\x00 this is an mp3, honest", "not a PCM WAV"),
        (b"RIFF\x10\x00\x00\x00WAVEfmt ", "not a PCM WAV"),
    ],
)
def test_non_wav_raises_sound_file_error(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "cue.mp3"
    path.write_bytes(content)
    with pytest.raises(SoundFileError, match=reason) as caught:
        load_wav(path)
    assert caught.value.path == path
    assert str(path) in str(caught.value)


def test_eight_bit_and_missing_and_empty_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SoundFileError, match="16-bit"):
        load_wav(_write_wav(tmp_path / "eight.wav", [1, 2, 3], width=1))
    with pytest.raises(SoundFileError, match="no such file"):
        load_wav(tmp_path / "missing.wav")
    with pytest.raises(SoundFileError, match="holds no audio"):
        load_wav(_write_wav(tmp_path / "empty.wav", []))
    with pytest.raises(SoundFileError, match="cannot be read"):
        load_wav(tmp_path)  # a folder


def test_cue_clips_map_kinds_to_files_with_overrides_and_mutes(tmp_path: Path) -> None:
    mine = _write_wav(tmp_path / "gong.wav", [0, 5000, -5000, 0])
    clips = load_cue_clips(overrides={"start": mine, "rep": None}, muted=["halfway"])
    assert set(clips) == set(CUE_KINDS)
    start, rep, halfway = clips["start"], clips["rep"], clips["halfway"]
    assert start is not None
    assert start.source == mine
    assert rep is None
    assert halfway is None
    hold, hold_out = clips["hold"], clips["hold_out"]
    assert hold is not None
    assert hold_out is hold
    assert hold.source == DEFAULT / "hold.wav"
    final = clips["final"]
    assert final is not None
    assert final.source == DEFAULT / "final.wav"
    soft = load_cue_clips("soft")["final"]
    assert soft is not None
    assert soft.source.parent.name == "soft"


def test_unknown_kinds_and_sets_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown cue kind"):
        load_cue_clips(overrides={"gong": None})
    with pytest.raises(ValueError, match="unknown sound set"):
        load_cue_clips("loud")


def test_build_sink_validates_overrides_up_front(tmp_path: Path, fake_backend: Any) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("not audio")
    backend = fake_backend("fake")
    with pytest.raises(SoundFileError, match=r"notes\.txt"):
        build_sink(AudioSettings(), {"switch": bad}, backends=[backend], cache=_cache())
    assert backend.played == []


def test_settings_defaults_and_validation() -> None:
    settings = AudioSettings()
    assert (settings.enabled, settings.volume, settings.voice, settings.cue_set) == (
        True,
        0.8,
        False,
        "default",
    )
    assert settings.muted_kinds() == set()
    quiet = settings_from_table({"breath_cues": False, "rep_ticks": False, "mute": ["halfway"]})
    assert quiet.muted_kinds() == {"halfway", "rep", "inhale", "exhale", "hold", "hold_out"}
    for bad in ({"volume": 1.5}, {"cue_set": "loud"}, {"mute": ["gong"]}, {"volume_": 1}):
        with pytest.raises(msgspec.ValidationError):
            settings_from_table(bad)


def test_disabled_sound_is_silent_with_a_reason(fake_backend: Any) -> None:
    backend = fake_backend("fake")
    sink, status = build_sink(AudioSettings(enabled=False), backends=[backend], cache=_cache())
    sink.play(Cue("start", 0.0, 0))
    assert backend.played == []
    assert status.backend == "silent"
    assert status.summary() == "sound off: disabled in config"


def test_muted_settings_reach_the_sink(fake_backend: Any, clock: Any) -> None:
    backend = fake_backend("fake")
    settings = AudioSettings(rep_ticks=False, breath_cues=False, mute=["halfway"])
    sink, _ = build_sink(settings, backends=[backend], clock=clock, cache=_cache())
    for i, kind in enumerate(CUE_KINDS):
        clock.now = 10.0 * i
        sink.play(Cue(kind, clock.now, 0))
    played = [c.source.stem for c in backend.played]
    assert played == ["prepare", "start", "switch", "rest", "countdown", "final", "finish"]


def test_volume_reaches_the_samples(fake_backend: Any, samples: Any) -> None:
    backend = fake_backend("fake")
    sink, _ = build_sink(AudioSettings(volume=0.25), backends=[backend], cache=_cache())
    sink.play(Cue("rep", 0.0, 0))
    played = array("h")
    played.frombytes(backend.played[0].data)
    assert list(played) == [round(s * 0.25) for s in samples(DEFAULT / "rep.wav")]
