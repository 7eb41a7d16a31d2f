"""Plain mode speaks: ``matwork play --plain`` with espeak-ng, heard through an ALSA file sink.

Each stream ALSA records is matched, sample for sample, with a phrase espeak-ng wrote
into the voice cache (or with a shipped tone): the voice says what comes next in the
get-ready and the rest, the work's start and the end, whether voice comes from
``--voice`` or from ``[audio] voice = true``. Phrases are synthesized on a thread from
the start, so the first cue may still be a tone; none waits.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

import pytest

from matwork.audio.clips import CUE_SOUND_FILES, load_wav
from matwork.shipped import shipped_dir

from helpers.alsa import alsa_usable, pcm_samples
from helpers.play import play_env, run_to_end

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed"),
    pytest.mark.skipif(not alsa_usable(), reason="needs simpleaudio and libasound.so.2"),
]

ROUTINE = """
name = "Spoken"

[defaults]
prepare = 6
countdown = 0

[[block]]
[[block.exercise]]
id = "a"
work = 8
rest = 6
cues = ["Ribs down"]

[[block.exercise]]
id = "b"
work = 8

[catalog.a]
name = "Dead bug"
category = "pilates"

[catalog.b]
name = "Bird dog"
category = "pilates"
"""

PHRASES = [
    "Get ready. First: Dead bug, eight seconds, ribs down",
    "Dead bug, eight seconds",
    "Rest six seconds. Next: Bird dog, eight seconds",
    "Bird dog, eight seconds",
    "Session complete",
]
"""Every phrase the session speaks, in order."""


def _cached(cache: Path, phrase: str) -> bytes:
    digest = hashlib.sha1(phrase.encode(), usedforsecurity=False).hexdigest()
    return load_wav(cache / "voice" / f"espeak-ng-en-en-160-{digest}.wav", 1.0, trim=True).data


def _heard(folder: Path, cache: Path) -> list[str]:
    """What each recorded stream was: a phrase, or ``tone:<file>``."""
    known = {phrase: _cached(cache, phrase) for phrase in PHRASES}
    sounds = shipped_dir("sounds") / "default"
    for name in set(CUE_SOUND_FILES.values()):
        known[f"tone:{name}"] = load_wav(sounds / name, 1.0).data
    streams = sorted(
        folder.glob("out.raw*"), key=lambda p: int(p.name.removeprefix("out.raw").lstrip(".") or 0)
    )
    heard = []
    for stream in streams:
        data = pcm_samples(stream.read_bytes()).tobytes()
        names = [name for name, sound in known.items() if data and sound.startswith(data)]
        heard.append(names[0] if len(names) == 1 else f"<unknown {len(data)} bytes>")
    return heard


@pytest.mark.parametrize("how", ["flag", "config"])
def test_plain_mode_speaks_with_espeak(
    tmp_path: Path, isolated_dirs: dict[str, Path], how: str
) -> None:
    routine = tmp_path / "spoken.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    config = isolated_dirs["config"]
    config.mkdir(parents=True, exist_ok=True)
    voice = "true" if how == "config" else "false"
    (config / "config.toml").write_text(
        f"[audio]\nvolume = 1.0\nvoice = {voice}\n\n[session]\nsafety_acknowledged = true\n",
        encoding="utf-8",
    )
    folder = tmp_path / "alsa"
    folder.mkdir()
    alsa = tmp_path / "asound.conf"
    alsa.write_text(
        "pcm.!default { type file  slave.pcm { type null }"
        f'  file "{folder}/out.raw"  format "raw"  truncate false }}\n'
    )
    flags = ["--voice"] if how == "flag" else []
    command = [
        *(sys.executable, "-m", "matwork", "play", "--plain", "--speed", "2", "--no-log"),
        *flags,
        str(routine),
    ]
    done = run_to_end(command, play_env(isolated_dirs, ALSA_CONFIG_PATH=str(alsa)), timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.splitlines()[-1] == "Session complete: 0:28"  # 6 + 8 + 6 + 8

    heard = _heard(folder, isolated_dirs["cache"])
    spoken = [name for name in heard if not name.startswith(("tone:", "<"))]
    # Every phrase after the first is ready in time; the first may be its tone.
    assert spoken[-4:] == PHRASES[1:], heard
    assert heard[0] in (PHRASES[0], "tone:prepare.wav"), heard
    assert len(heard) == len(PHRASES), heard


@pytest.mark.parametrize(
    "flags",
    [["--voice"], ["--no-voice"], ["--no-sound", "--voice"], ["--voice", "--no-log"]],
)
def test_voice_flags_play_to_the_end_without_a_traceback(
    tmp_path: Path, isolated_dirs: dict[str, Path], flags: list[str]
) -> None:
    routine = tmp_path / "spoken.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    alsa = tmp_path / "asound.conf"
    alsa.write_text("pcm.!default { type null }\n")
    command = [sys.executable, "-m", "matwork", "play", "--plain", "--speed", "50", *flags]
    done = run_to_end(
        [*command, str(routine)], play_env(isolated_dirs, ALSA_CONFIG_PATH=str(alsa)), timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.splitlines()[-1] == "Session complete: 0:28"
