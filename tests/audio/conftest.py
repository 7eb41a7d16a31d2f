"""Fixtures for audio tests: fakes, a hand-moved clock, and real ALSA playback.

libasound reads its configuration once per process, so every test that really plays
runs the playing code in a fresh Python with ``ALSA_CONFIG_PATH`` pointing at a config
whose default device writes raw PCM to files. With ``truncate false`` ALSA never
overwrites: the first stream goes to ``out.raw``, the next ones to ``out.raw.0001``,
``out.raw.0002``... (checked on alsa-lib 1.2.8).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import wave
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from matwork.audio.backends import BackendError, TimedHandle
from matwork.audio.clips import Clip

from helpers.alsa import alsa_usable, pcm_samples


def read_pcm(path: Path) -> array[int]:
    """16-bit little-endian samples of a raw file."""
    return pcm_samples(path.read_bytes())


def wav_samples(path: Path) -> array[int]:
    """16-bit samples of a WAV file."""
    with wave.open(str(path), "rb") as wav:
        data = wav.readframes(wav.getnframes())
    samples = array("h")
    samples.frombytes(data)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


@pytest.fixture
def alsa_files(tmp_path: Path) -> AlsaFiles:
    """An ALSA config whose default device writes each stream to tmp_path/alsa/out.raw*."""
    if not alsa_usable():
        pytest.skip("needs simpleaudio and libasound.so.2 (Linux)")
    folder = tmp_path / "alsa"
    folder.mkdir()
    config = tmp_path / "asound.conf"
    config.write_text(
        "pcm.!default { type file  slave.pcm { type null }"
        f'  file "{folder}/out.raw"  format "raw"  truncate false }}\n'
    )
    return AlsaFiles(folder, config)


@dataclass
class AlsaFiles:
    """An ALSA config that records every stream, and where the recordings land."""

    folder: Path
    config: Path

    def outputs(self) -> list[Path]:
        """The recorded streams, in the order they were opened."""

        def order(path: Path) -> int:
            suffix = path.name.removeprefix("out.raw").lstrip(".")
            return int(suffix) if suffix else 0

        return sorted(self.folder.glob("out.raw*"), key=order)

    def played(self) -> list[array[int]]:
        """The samples of every recorded stream, in order."""
        return [read_pcm(p) for p in self.outputs()]


@dataclass
class Run:
    """What a subprocess printed."""

    code: int
    stdout: str
    stderr: str

    @property
    def result(self) -> Any:
        """The JSON the script printed on its last stdout line."""
        return json.loads(self.stdout.strip().splitlines()[-1])


def _run_python(
    script: str, alsa_config: Path, *, path: str | None = None, args: Any = None
) -> Run:
    """Run ``script`` in a fresh interpreter with ALSA_CONFIG_PATH set; ARGS holds ``args``."""
    env = dict(os.environ)
    env["ALSA_CONFIG_PATH"] = str(alsa_config)
    env["MATWORK_TEST_ARGS"] = json.dumps(args)
    if path is not None:
        env["PATH"] = path
    prelude = (
        "import json, os\nfrom pathlib import Path\n"
        "ARGS = json.loads(os.environ['MATWORK_TEST_ARGS'])\n"
        "CACHE = Path(os.environ['MATWORK_CACHE_DIR'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(script)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def run_python() -> Callable[..., Run]:
    """Run a script in a fresh interpreter: ``run_python(script, alsa_config, path=, args=)``."""
    return _run_python


@pytest.fixture
def samples() -> Callable[[Path], array[int]]:
    """Read the 16-bit samples of a WAV file."""
    return wav_samples


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@dataclass
class FakeHandle:
    """A handle that remembers being stopped."""

    clip: Clip
    stopped: bool = False

    def is_playing(self) -> bool:
        return not self.stopped

    def stop(self) -> None:
        self.stopped = True

    def wait(self, timeout: float | None = None) -> None:
        self.stopped = True


@pytest.fixture
def clock() -> FakeClock:
    """A clock at 0.0 that the test moves by hand."""
    return FakeClock()


@dataclass
class FakeBackend:
    """A backend whose probe and play outcomes the test decides."""

    name: str
    unavailable: str | None = None
    fail_after: int | None = None
    speaks: bool = True
    played: list[Clip] = field(default_factory=list)
    handles: list[FakeHandle] = field(default_factory=list)
    probes: int = 0

    def probe(self) -> str | None:
        self.probes += 1
        return self.unavailable

    def play(self, clip: Clip) -> FakeHandle | TimedHandle:
        if self.fail_after is not None and len(self.played) >= self.fail_after:
            raise BackendError(f"{self.name} broke")
        self.played.append(clip)
        handle = FakeHandle(clip)
        self.handles.append(handle)
        return handle


@pytest.fixture
def fake_backend() -> type[FakeBackend]:
    """Make backends whose outcome the test decides: ``fake_backend("a", unavailable="x")``."""
    return FakeBackend


@pytest.fixture
def no_device(tmp_path: Path) -> Path:
    """An ALSA config whose default device is a card that does not exist."""
    config = tmp_path / "nocard.conf"
    config.write_text('pcm.!default { type hw card "matwork_no_such_card" }\n')
    return config


@pytest.fixture
def empty_path(tmp_path: Path) -> str:
    """A PATH with no players and no speech engines on it."""
    folder = tmp_path / "empty-bin"
    folder.mkdir()
    return str(folder)
