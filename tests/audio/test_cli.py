"""``matwork doctor`` and ``matwork sounds``, run for real in a subprocess (never a traceback)."""

from __future__ import annotations

from array import array
from pathlib import Path
from typing import Any

import pytest

from matwork.audio.clips import CUE_SOUND_FILES
from matwork.cli.audio_cmds import SOUND_ORDER
from matwork.shipped import shipped_dir

COMMAND = """
import sys
from matwork.cli import audio_cmds
getattr(audio_cmds, ARGS[0]).main(args=ARGS[1:], prog_name="matwork " + ARGS[0])
"""


def test_doctor_reports_backends_voice_paths_and_terminal(
    alsa_files: Any, run_python: Any, isolated_dirs: dict[str, Path]
) -> None:
    run = run_python(COMMAND, alsa_files.config, args=["doctor"])
    assert (run.code, run.stderr) == (0, "")
    out = run.stdout
    assert "simpleaudio  IN USE" in out
    assert "Voice engines" in out
    assert str(isolated_dirs["cache"]) in out
    assert str(isolated_dirs["config"] / "config.toml") in out
    assert "default      13 cues ok" in out
    assert "size" in out
    assert "colour" in out
    assert alsa_files.outputs() == [], "doctor plays nothing"


def test_doctor_without_any_device_explains_why(
    alsa_files: Any, run_python: Any, no_device: Path, empty_path: str
) -> None:
    run = run_python(COMMAND, no_device, path=empty_path, args=["doctor"])
    assert (run.code, run.stderr) == (0, "")
    assert "simpleaudio  unavailable  (no ALSA playback device" in run.stdout
    assert "aplay        unavailable  (not on PATH)" in run.stdout
    assert "silent       IN USE" in run.stdout
    assert "espeak-ng    not on PATH" in run.stdout


@pytest.mark.parametrize(
    ("config", "message"),
    [("[audio\nvolume = ", "config not usable"), ("[audio]\nvolume = 3\n", "config not usable")],
)
def test_doctor_survives_a_broken_config(
    alsa_files: Any, run_python: Any, isolated_dirs: dict[str, Path], config: str, message: str
) -> None:
    isolated_dirs["config"].mkdir(parents=True)
    (isolated_dirs["config"] / "config.toml").write_text(config)
    run = run_python(COMMAND, alsa_files.config, args=["doctor"])
    assert run.code == 0
    assert "Traceback" not in run.stderr
    assert message in run.stdout


def test_sounds_plays_every_cue_once_in_order(
    alsa_files: Any, run_python: Any, samples: Any
) -> None:
    run = run_python(COMMAND, alsa_files.config, args=["sounds", "--set", "soft"])
    assert (run.code, run.stderr) == (0, "")
    lines = run.stdout.splitlines()
    assert lines[0] == "sound: simpleaudio (set: soft, volume: 0.8)"
    assert [line.split()[0] for line in lines[1:]] == [kind for kind, _ in SOUND_ORDER]
    played = alsa_files.played()
    assert len(played) == len(SOUND_ORDER)
    folder = shipped_dir("sounds") / "soft"
    for (kind, _), got in zip(SOUND_ORDER, played, strict=True):
        expected = array("h", (round(s * 0.8) for s in samples(folder / CUE_SOUND_FILES[kind])))
        assert got == expected, kind


def test_sounds_without_a_device_says_why(
    alsa_files: Any, run_python: Any, no_device: Path, empty_path: str
) -> None:
    run = run_python(COMMAND, no_device, path=empty_path, args=["sounds", "--volume", "0.3"])
    assert (run.code, run.stderr) == (0, "")
    assert run.stdout.startswith("sound off: simpleaudio: no ALSA playback device")


def test_sounds_rejects_an_unknown_set_without_a_traceback(
    alsa_files: Any, run_python: Any
) -> None:
    run = run_python(COMMAND, alsa_files.config, args=["sounds", "--set", "loud"])
    assert run.code == 2
    assert "Traceback" not in run.stderr
    assert "'loud' is not one of 'default', 'soft'" in run.stderr
