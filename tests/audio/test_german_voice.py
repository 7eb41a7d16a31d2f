"""The voice in German: the German phrases of a session, synthesized by espeak-ng's German
voice (the cache keyed by the language) and played through the sink (ALSA to a file)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from matwork.audio.clips import load_wav
from matwork.audio.voice import LANGUAGE_VOICES, language_voice

pytestmark = pytest.mark.slow

GERMAN_SESSION = """
from matwork.i18n import use_language
use_language(ARGS["language"])

from matwork.app.library import load_entry
from matwork.audio import AudioSettings, build_sink
from matwork.core.cue_schedule import all_cues
from matwork.shipped import shipped_dir

entry = load_entry(shipped_dir("routines") / "back-basics.toml")
cues = all_cues(entry.timeline)
sink, status = build_sink(AudioSettings(volume=1.0, voice=True), cache=CACHE)
phrases = sink.spoken_phrases(cues)
sink.prepare(phrases)
chosen = []
for wanted in ARGS["play"]:
    cue = next(cue for cue in cues if cue.text.startswith(wanted))
    chosen.append(cue.text)
    sink.play(cue)
    sink.wait(timeout=10)
print(json.dumps({
    "summary": status.summary(),
    "voice": sink.voice.voice_name,
    "language": sink.voice.language,
    "phrases": phrases,
    "played": chosen,
    "cached": [str(sink.voice.cache_path(text)) for text in chosen],
    "errors": sink.voice.errors,
}))
"""


def _espeak(text: str, voice: str, out: Path) -> bytes:
    subprocess.run(
        ["espeak-ng", "-w", str(out), "-v", voice, "-s", "160", "--", text],
        check=True,
        capture_output=True,
    )
    return load_wav(out, trim=True).data


def test_each_engine_speaks_german_with_a_german_voice() -> None:
    assert language_voice("espeak-ng", "de") == "de"
    assert language_voice("say", "de") == "Anna"
    assert language_voice("spd-say", "de") == "de"
    assert language_voice("espeak-ng", "en") == "en"
    assert set(LANGUAGE_VOICES) == {"espeak-ng", "say", "spd-say"}


def test_german_phrases_are_spoken_by_the_german_voice(
    alsa_files: Any, run_python: Any, tmp_path: Path
) -> None:
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng not installed")
    if b"de" not in subprocess.run(["espeak-ng", "--voices=de"], capture_output=True).stdout:
        pytest.skip("espeak-ng has no German voice")
    play = ["Mach dich bereit. Zuerst:", "Seite wechseln", "Pause, ", "Noch 3"]
    run = run_python(GERMAN_SESSION, alsa_files.config, args={"language": "de", "play": play})
    assert run.code == 0, run.stderr
    result = run.result
    assert result["summary"] == "Ton: simpleaudio, Stimme: espeak-ng"  # German, as the session
    assert (result["voice"], result["language"]) == ("de", "de")
    assert result["errors"] == {}
    phrases = result["phrases"]
    assert "Seite wechseln" in phrases
    assert "Switch sides" not in phrases
    assert any("Wiederholungen" in text or "Sekunden" in text for text in phrases)
    assert not any(" reps" in text or " seconds" in text for text in phrases)
    played = alsa_files.played()
    assert len(played) == len(play)
    for index, (text, cached, pcm) in enumerate(
        zip(result["played"], result["cached"], played, strict=True)
    ):
        cache = Path(cached)
        assert cache.name.startswith("espeak-ng-de-de-160-"), "the language is in the cache key"
        assert pcm.tobytes() == load_wav(cache, trim=True).data, "played as synthesized"
        german = _espeak(text, "de", tmp_path / f"de{index}.wav")
        english = _espeak(text, "en", tmp_path / f"en{index}.wav")
        assert pcm.tobytes() == german, f"{text!r} in the German voice"
        assert pcm.tobytes() != english
