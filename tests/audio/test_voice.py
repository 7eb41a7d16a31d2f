"""Speech: engine choice, commands, and the phrase cache (each phrase synthesized once)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import threading
import wave
from array import array
from collections.abc import Sequence
from pathlib import Path

import pytest

from matwork.audio import AudioSettings, Voice, VoiceEngine, build_sink, find_voice_engine
from matwork.audio.settings import build_voice
from matwork.core.cues import Cue

from helpers.paths import test_paths


def _cache() -> Path:
    return test_paths().cache_dir


ESPEAK = VoiceEngine("espeak-ng", "/usr/bin/espeak-ng")


class FakeEspeak:
    """A runner that writes a small WAV where espeak-ng would, and counts its calls."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.calls: list[list[str]] = []
        self.fail_on = fail_on

    def __call__(self, args: Sequence[str]) -> None:
        args = list(args)
        self.calls.append(args)
        text = args[-1]
        if text == self.fail_on:
            Path(args[args.index("-w") + 1]).write_bytes(b"half a file")
            raise subprocess.CalledProcessError(1, args, stderr=b"Error: voice does not exist")
        with wave.open(args[args.index("-w") + 1], "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(22050)
            out.writeframes(array("h", [0, 0, *([len(text) * 100] * 50), 0, 0]).tobytes())


def test_engines_are_tried_in_order() -> None:
    found = {"spd-say": "/usr/bin/spd-say", "say": "/usr/bin/say"}
    engine, reasons = find_voice_engine(found.get)
    assert engine == VoiceEngine("say", "/usr/bin/say")
    assert reasons == {"espeak-ng": "not on PATH"}
    assert find_voice_engine(lambda name: None) == (
        None,
        {"espeak-ng": "not on PATH", "say": "not on PATH", "spd-say": "not on PATH"},
    )


def test_commands_per_engine(tmp_path: Path) -> None:
    out = tmp_path / "x.wav"
    assert ESPEAK.synth_command("-3 reps", out, "en-us", 150) == [
        "/usr/bin/espeak-ng",
        *("-w", str(out), "-v", "en-us", "-s", "150", "--", "-3 reps"),
    ]
    say = VoiceEngine("say", "/usr/bin/say")
    assert "-v" not in say.synth_command("Go", out, "en", 160)
    assert say.synth_command("Go", out, "Samantha", 160)[-3:] == ["-v", "Samantha", "Go"]
    spd = VoiceEngine("spd-say", "/usr/bin/spd-say")
    assert spd.live
    assert spd.speak_command("Go", "en", 175) == ["/usr/bin/spd-say", "-r", "0", "-l", "en", "Go"]
    with pytest.raises(ValueError, match="cannot write"):
        spd.synth_command("Go", out, "en", 160)


def test_cache_file_name() -> None:
    voice = Voice(ESPEAK, "en+f3", 170, cache=_cache() / "voice")
    sha = hashlib.sha1(b"Switch sides").hexdigest()
    expected = test_paths().cache_dir / "voice" / f"espeak-ng-en-en+f3-170-{sha}.wav"
    assert voice.cache_path("Switch sides") == expected
    assert (
        Voice(ESPEAK, "mb/mb-en1", cache=_cache() / "voice")
        .cache_path("x")
        .name.startswith("espeak-ng-en-mb_mb-en1-160-")
    )
    german = Voice(ESPEAK, "en+f3", 170, cache=_cache() / "voice", language="de")
    assert german.cache_path("Switch sides").name == f"espeak-ng-de-en+f3-170-{sha}.wav"


def test_each_phrase_is_synthesized_once() -> None:
    runner = FakeEspeak()
    voice = Voice(ESPEAK, runner=runner, cache=_cache() / "voice")
    phrases = ["Glute bridge, twelve reps", "3", "2", "1", "3", "", "Switch sides"]
    voice.prepare(phrases)
    voice.prepare(phrases)
    assert sorted(call[-1] for call in runner.calls) == sorted(
        ["Glute bridge, twelve reps", "3", "2", "1", "Switch sides"]
    )
    clip = voice.clip("3")
    assert clip is not None
    assert clip.data == array("h", [100] * 50).tobytes(), "silence trimmed"
    assert voice.clip("4") is None

    again = FakeEspeak()  # a new session: the files on disk are reused
    Voice(ESPEAK, runner=again, cache=_cache() / "voice").prepare(phrases)
    assert again.calls == []
    other_speed = FakeEspeak()
    Voice(ESPEAK, speed=200, runner=other_speed, cache=_cache() / "voice").prepare(["3"])
    assert len(other_speed.calls) == 1


def test_a_failed_phrase_is_reported_and_leaves_no_file() -> None:
    voice = Voice(ESPEAK, runner=FakeEspeak(fail_on="Halfway"), cache=_cache() / "voice")
    voice.prepare(["Halfway", "Rest"])
    assert voice.errors == {"Halfway": "Error: voice does not exist"}
    assert voice.clip("Halfway") is None
    assert voice.clip("Rest") is not None
    assert sorted(p.name.count(".part") for p in voice.cache.iterdir()) == [0]


class HeldEspeak(FakeEspeak):
    """A FakeEspeak whose first call waits, mid-write, until ``release`` is set."""

    def __init__(self) -> None:
        super().__init__()
        self.writing = threading.Event()
        self.release = threading.Event()

    def __call__(self, args: Sequence[str]) -> None:
        first = not self.calls
        super().__call__(args)
        if first:
            self.writing.set()
            assert self.release.wait(timeout=30)


def test_two_warm_ups_at_once_prepare_each_phrase_once() -> None:
    """Two preparers (a second warm-up, `v` pressed twice) must not write one file twice:
    they shared one partial file name, and a clip was read while the other still wrote."""
    runner = HeldEspeak()
    voice = Voice(ESPEAK, runner=runner, cache=_cache() / "voice")
    phrases = ["Glute bridge, twenty seconds", "Switch sides"]
    first = threading.Thread(target=voice.prepare, args=(phrases,))
    first.start()
    assert runner.writing.wait(timeout=30)
    voice.prepare(phrases)  # the second warm-up, while the first is mid-phrase
    runner.release.set()
    first.join(timeout=30)
    assert sorted(call[-1] for call in runner.calls) == sorted(phrases)
    clip = voice.clip("Glute bridge, twenty seconds")
    assert clip is not None
    assert clip.data == array("h", [2800] * 50).tobytes()


def test_two_processes_never_share_a_partial_file() -> None:
    """Two matwork processes (a break and a session) may synthesize one phrase at once."""
    held = HeldEspeak()
    one = Voice(ESPEAK, runner=held, cache=_cache() / "voice")
    other_runner = FakeEspeak()
    other = Voice(ESPEAK, runner=other_runner, cache=_cache() / "voice")
    first = threading.Thread(target=one.prepare, args=(["Switch sides"],))
    first.start()
    assert held.writing.wait(timeout=30)
    other.prepare(["Switch sides"])
    held.release.set()
    first.join(timeout=30)
    written = {call[call.index("-w") + 1] for call in held.calls + other_runner.calls}
    assert len(written) == 2
    one_clip, other_clip = one.clip("Switch sides"), other.clip("Switch sides")
    assert one_clip is not None
    assert other_clip is not None
    assert one_clip.data == other_clip.data == array("h", [1200] * 50).tobytes()
    assert [p.name for p in one.cache.iterdir()] == [one.cache_path("Switch sides").name]


def test_missing_engine_program_is_reported() -> None:
    voice = Voice(VoiceEngine("espeak-ng", "/nonexistent/espeak-ng"), cache=_cache() / "voice")
    voice.prepare(["Go"])
    assert "Go" in voice.errors
    assert voice.clip("Go") is None


def test_sink_speaks_prepared_phrases(fake_backend: object) -> None:
    runner = FakeEspeak()
    voice, _ = build_voice(AudioSettings(voice=True), engine=ESPEAK, runner=runner, cache=_cache())
    backend = fake_backend("fake")  # type: ignore[operator]
    sink, status = build_sink(
        AudioSettings(voice=True), backends=[backend], voice=voice, cache=_cache()
    )
    cues = [Cue("switch", 0, 0, text="Switch sides"), Cue("inhale", 1, 0, text="Inhale")]
    assert sink.spoken_phrases(cues) == ["Switch sides"]
    sink.prepare(sink.spoken_phrases(cues))
    sink.play(cues[0])
    assert backend.played[0].data == array("h", [960] * 50).tobytes(), "at volume 0.8"
    assert status.summary() == "sound: fake, voice: espeak-ng"


def test_voice_off_or_missing_engine_is_explained() -> None:
    assert build_voice(AudioSettings(), cache=_cache()) == (None, "voice off in config")
    voice, reason = build_voice(AudioSettings(voice=True), which=lambda name: None, cache=_cache())
    assert voice is None
    assert "no speech engine" in reason


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")
def test_real_espeak_runs_once_per_phrase() -> None:
    engine, _ = find_voice_engine()
    assert engine is not None
    voice = Voice(engine, "en", 160, cache=_cache() / "voice")
    voice.prepare(["Session complete", "3"])
    assert voice.errors == {}
    files = {p: p.stat().st_mtime_ns for p in voice.cache.glob("*.wav")}
    assert len(files) == 2
    fresh = Voice(engine, "en", 160, cache=_cache() / "voice")
    fresh.prepare(["Session complete", "3"])
    assert {p: p.stat().st_mtime_ns for p in fresh.cache.glob("*.wav")} == files
    clip = fresh.clip("Session complete")
    assert clip is not None
    assert 0.4 < clip.duration < 3.0
