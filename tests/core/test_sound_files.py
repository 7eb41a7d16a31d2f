"""Every bad [sounds] file is refused by check at its line, and never blocks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from matwork.core.routine import RoutineError, load_routine, parse_routine

from helpers.routines import CATALOG
from helpers.wav import BROKEN_WAVS, write_wav

BASE = 'name = "x"\n[[block]]\n[[block.exercise]]\nid = "a"\n' + CATALOG + "[sounds]\n"
LINE = BASE.count("\n") + 1


def error_for(folder: Path, value: str) -> RoutineError:
    with pytest.raises(RoutineError) as caught:
        parse_routine(BASE + f"finish = {value}\n", folder / "r.toml")
    assert len(caught.value.problems) == 1, caught.value
    return caught.value


def test_a_good_wav_passes(tmp_path: Path) -> None:
    write_wav(tmp_path / "good.wav")
    write_wav(tmp_path / "stereo-48k.wav", channels=2, rate=48000, frames=b"\x00\x10" * 64)
    parse_routine(BASE + 'finish = "good.wav"\nstart = "stereo-48k.wav"\n', tmp_path / "r.toml")


@pytest.mark.parametrize(("options", "words"), BROKEN_WAVS.values(), ids=BROKEN_WAVS)
def test_each_broken_wav_is_refused_at_its_line(
    tmp_path: Path, options: dict[str, Any], words: str
) -> None:
    write_wav(tmp_path / "bad.wav", **options)  # type: ignore[arg-type]
    error = error_for(tmp_path, '"bad.wav"')
    assert (error.line, error.col) == (LINE, 1)
    assert error.message.startswith("sound 'bad.wav' ")
    assert words in error.message


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ('""', "sound path is empty"),
        ('"  "', "sound path is empty"),
        ('"a\\u0000.wav"', "control character U+0000 (NUL)"),
        ('"missing.wav"', "cannot read sound 'missing.wav': no such file"),
        ('"folder"', "cannot read sound 'folder': is a folder, not a WAV file"),
        ('"loop.wav"', "cannot read sound 'loop.wav': a loop of symbolic links"),
        ('"dangling.wav"', "cannot read sound 'dangling.wav': a symbolic link to a missing file"),
        ('"text.wav"', "sound 'text.wav' is not a WAV file"),
        ('"../x.wav"', "sound '../x.wav' leaves the routine's folder"),
        ('"/dev/zero"', "sound '/dev/zero' leaves the routine's folder"),
        ('"zero.wav"', "sound 'zero.wav' leaves the routine's folder"),  # a link to /dev/zero
    ],
)
def test_each_bad_sound_path_is_refused_at_its_line(tmp_path: Path, value: str, words: str) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "loop.wav").symlink_to(tmp_path / "loop.wav")
    (tmp_path / "dangling.wav").symlink_to(tmp_path / "nowhere.wav")
    (tmp_path / "text.wav").write_text("not audio")
    (tmp_path / "zero.wav").symlink_to("/dev/zero")
    error = error_for(tmp_path, value)
    assert (error.line, error.col) == (LINE, 1)
    assert words in error.message


CHILD = """\
import sys
from pathlib import Path
from matwork.core.routine import RoutineError, load_routine
try:
    load_routine(Path(sys.argv[1]))
except RoutineError as error:
    print(error)
"""


def test_a_fifo_as_sound_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.wav")
    routine = tmp_path / "r.toml"
    routine.write_text(BASE + 'finish = "pipe.wav"\n')
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(routine)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.stdout.strip() == (
        f"{routine}:{LINE}:1: cannot read sound 'pipe.wav': is a named pipe (FIFO), not a WAV file"
    )


def test_a_sound_symlinked_out_of_the_folder_leaves_it(tmp_path: Path) -> None:
    outside = write_wav(tmp_path / "outside.wav")
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "in.wav").symlink_to(outside)
    (tmp_path / "r" / "r.toml").write_text(BASE + 'finish = "in.wav"\n')
    with pytest.raises(RoutineError, match="leaves the routine's folder"):
        load_routine(tmp_path / "r" / "r.toml")
