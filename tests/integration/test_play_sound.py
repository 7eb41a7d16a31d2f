"""Sound at --speed with the real player: ``matwork play --plain --speed 20`` through ALSA.

ALSA's default device is a ``file`` plugin over ``null`` with ``truncate false``, so
every stream the player opens lands in its own file (out.raw, out.raw.0001, ...) in
the order opened. Each file is matched with the shipped WAV it must equal sample for
sample (volume 1.0), and the sequence of cues heard is compared with the cues the
player plans (``all_cues``). The routine is chosen so that no cue is still sounding
when the next one falls due at that speed (checked below), so the sink's priority
rules drop nothing and cut nothing short: the sequence must be exactly the plan.
"""

from __future__ import annotations

import wave
from array import array
from itertools import pairwise
from pathlib import Path

import pytest

from matwork.audio.clips import CUE_SOUND_FILES
from matwork.core.cue_schedule import all_cues
from matwork.shipped import shipped_dir

from helpers.alsa import alsa_usable, pcm_samples
from helpers.play import load_timeline, matwork_play, play_env, run_to_end

SPEED = 20.0
MARGIN = 0.1
"""Wall seconds a cue's sound must have ended before the next cue falls due."""
SOUNDS = shipped_dir("sounds") / "default"

CHIMES = """
name = "Chimes"

[defaults]
prepare = 10
countdown = 0

[[block]]

[[block.exercise]]
id = "a"
work = 40
halfway = true
rest = 20

[[block.exercise]]
id = "b"
work = 10
sides = "both"
switch = 10

[catalog.a]
name = "Plank"
category = "strength"

[catalog.b]
name = "Side plank"
category = "strength"
sided = true
"""
"""Prepare, start, halfway, rest, start, switch, start, finish: every opening kind."""

CHIMES_LINES = [
    "Chimes: 1:40",
    "Prepare 10 s, first: Plank",
    "Work: Plank, 40 s",
    "Halfway",
    "Rest 20 s, next: Side plank",
    "Work: Side plank, left, 10 s",
    "Switch sides, 10 s",
    "Work: Side plank, right, 10 s",
    "Session complete: 1:40",
    "Logged as completed: 3 of 3 sets done, 1:40 active, 100% of the planned time.",
]

CONFIG = """
[audio]
volume = 1.0
voice = false

[session]
pain_question = false
safety_acknowledged = true
"""


def _wav(name: str) -> array[int]:
    with wave.open(str(SOUNDS / name), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        return pcm_samples(wav.readframes(wav.getnframes()))


def _wav_seconds(name: str) -> float:
    with wave.open(str(SOUNDS / name), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def _identify(pcm: array[int]) -> tuple[str, bool]:
    """The shipped file these samples are (its name, True when whole, False when cut).

    A stream cut short ends early, so it is a prefix of its file. Two files never share
    a first second's worth of samples, so a long enough prefix names one file only.
    """
    names = sorted(set(CUE_SOUND_FILES.values()))
    whole = [name for name in names if _wav(name) == pcm]
    if whole:
        return whole[0], True
    cut = [name for name in names if pcm and _wav(name)[: len(pcm)] == pcm]
    if len(cut) == 1 and len(pcm) >= 441:  # 10 ms or more
        return cut[0], False
    return f"<unknown: {len(pcm)} samples>", False


def _outputs(folder: Path) -> list[Path]:
    """ALSA's recordings in the order the streams were opened."""

    def order(path: Path) -> int:
        suffix = path.name.removeprefix("out.raw").lstrip(".")
        return int(suffix) if suffix else 0

    return sorted(folder.glob("out.raw*"), key=order)


@pytest.fixture
def chimes(tmp_path: Path, isolated_dirs: dict[str, Path]) -> Path:
    """The routine, and a config with volume 1.0, voice off and no pain question."""
    isolated_dirs["config"].mkdir(parents=True, exist_ok=True)
    (isolated_dirs["config"] / "config.toml").write_text(CONFIG)
    routine = tmp_path / "chimes.toml"
    routine.write_text(CHIMES)
    return routine


def test_cues_at_speed_reach_alsa_in_order_sample_for_sample(
    tmp_path: Path, chimes: Path, isolated_dirs: dict[str, Path]
) -> None:
    if not alsa_usable():
        pytest.skip("needs simpleaudio and libasound.so.2 (Linux)")
    folder = tmp_path / "alsa"
    folder.mkdir()
    alsa_config = tmp_path / "asound.conf"
    alsa_config.write_text(
        "pcm.!default { type file  slave.pcm { type null }"
        f'  file "{folder}/out.raw"  format "raw"  truncate false }}\n'
    )
    planned = all_cues(load_timeline(chimes))
    expected = [CUE_SOUND_FILES[cue.kind] for cue in planned]
    assert expected == [
        *("prepare.wav", "start.wav", "halfway.wav", "rest.wav"),
        *("start.wav", "switch.wav", "start.wav", "finish.wav"),
    ]
    # The routine's promise: each sound has ended before the next cue falls due.
    for cue, following in pairwise(planned):
        gap = (following.at - cue.at) / SPEED
        assert gap >= _wav_seconds(CUE_SOUND_FILES[cue.kind]) + MARGIN, (cue, following)

    done = run_to_end(
        matwork_play(chimes, "--speed", f"{SPEED:g}"),
        play_env(isolated_dirs, ALSA_CONFIG_PATH=str(alsa_config)),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == CHIMES_LINES
    assert done.stderr == ""

    heard = [_identify(pcm_samples(path.read_bytes())) for path in _outputs(folder)]
    assert [name for name, _ in heard] == expected
    # Nothing overlapped, so nothing was cut short: every stream is its whole file.
    assert [whole for _, whole in heard] == [True] * len(expected), heard


def test_with_no_sound_card_and_no_players_the_session_still_completes_quietly(
    tmp_path: Path, chimes: Path, isolated_dirs: dict[str, Path]
) -> None:
    alsa_config = tmp_path / "nocard.conf"
    alsa_config.write_text('pcm.!default { type hw card "matwork_no_such_card" }\n')
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    done = run_to_end(
        matwork_play(chimes, "--speed", f"{SPEED:g}"),
        play_env(isolated_dirs, ALSA_CONFIG_PATH=str(alsa_config), PATH=str(empty)),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == CHIMES_LINES
    assert "Session complete: 1:40" in done.stdout.splitlines()
    assert not [line for line in done.stderr.splitlines() if "ALSA lib" in line], done.stderr
    assert "Traceback" not in done.stderr
