"""No sound file can crash or hang a session: load_wav refuses what check refuses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from matwork.app.config import Config
from matwork.app.library import load_entry
from matwork.app.session import PlayOptions, build_sound
from matwork.audio.clips import SoundFileError, load_cue_clips, load_wav

from helpers.paths import test_paths
from helpers.routines import CATALOG
from helpers.wav import BROKEN_WAVS, write_wav

PLAYABLE_WORDS = {"8-bit": "8-bit", "24-bit": "24-bit", "0-hz": "0 Hz", "1-hz": "1 Hz"}


@pytest.mark.parametrize(("options", "words"), BROKEN_WAVS.values(), ids=BROKEN_WAVS)
def test_load_wav_refuses_each_broken_wav(
    tmp_path: Path, options: dict[str, Any], words: str
) -> None:
    path = write_wav(tmp_path / "bad.wav", **options)  # type: ignore[arg-type]
    with pytest.raises(SoundFileError) as caught:
        load_wav(path)
    assert caught.value.path == path


@pytest.mark.parametrize("name", sorted(PLAYABLE_WORDS))
def test_the_shape_problems_say_what_is_wrong(tmp_path: Path, name: str) -> None:
    options, _ = BROKEN_WAVS[name]
    path = write_wav(tmp_path / "bad.wav", **options)  # type: ignore[arg-type]
    with pytest.raises(SoundFileError, match=PLAYABLE_WORDS[name]):
        load_wav(path)


def test_a_zero_hz_override_fails_when_the_sink_is_built_not_when_it_sounds(tmp_path: Path) -> None:
    zero = write_wav(tmp_path / "zero.wav", rate=0)
    with pytest.raises(SoundFileError, match="0 Hz"):
        load_cue_clips(overrides={"start": zero})


def test_a_nul_byte_or_a_folder_is_a_sound_file_error(tmp_path: Path) -> None:
    with pytest.raises(SoundFileError, match="NUL byte"):
        load_wav(tmp_path / "a\x00.wav")
    with pytest.raises(SoundFileError, match="is a folder"):
        load_wav(tmp_path)
    (tmp_path / "loop.wav").symlink_to(tmp_path / "loop.wav")
    with pytest.raises(SoundFileError, match="loop of symbolic links"):
        load_wav(tmp_path / "loop.wav")


CHILD = """\
import sys
from pathlib import Path
from matwork.audio.clips import SoundFileError, load_wav
try:
    load_wav(Path(sys.argv[1]))
except SoundFileError as error:
    print(error)
"""


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.wav"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (
        result.stdout.strip() == f"{fifo}: cannot be read (is a named pipe (FIFO), not a WAV file)"
    )


@pytest.mark.parametrize("swap", ["0-hz", "8-bit", "stub-no-data", "folder"])  # FIFO: above
def test_a_sound_swapped_after_check_gives_a_silent_session(tmp_path: Path, swap: str) -> None:
    write_wav(tmp_path / "bell.wav")
    routine = tmp_path / "r.toml"
    routine.write_text(
        'name = "x"\n[[block]]\n[[block.exercise]]\nid = "a"\n'
        + CATALOG
        + '[sounds]\nstart = "bell.wav"\n'
    )
    entry = load_entry(routine)
    assert entry.ok, entry.error
    (tmp_path / "bell.wav").unlink()
    if swap == "folder":
        (tmp_path / "bell.wav").mkdir()
    else:
        options, _ = BROKEN_WAVS[swap]
        write_wav(tmp_path / "bell.wav", **options)  # type: ignore[arg-type]
    sound = build_sound(entry, Config(), test_paths(), PlayOptions())
    assert sound.status.text().startswith("sound off: ")
    assert "bell.wav" in sound.status.text()
