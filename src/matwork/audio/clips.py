"""Sound clips: WAV files read into memory, volume applied, and the cue-to-file table."""

from __future__ import annotations

import hashlib
import os
import sys
import wave
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from matwork.core.cues import CUE_KINDS
from matwork.core.userfiles import FileProblem, open_regular
from matwork.core.wavinfo import playable_problem
from matwork.shipped import shipped_dir

CUE_SOUND_FILES: dict[str, str] = {
    "prepare": "prepare.wav",
    "start": "start.wav",
    "switch": "switch.wav",
    "rest": "rest.wav",
    "countdown": "countdown.wav",
    "final": "final.wav",
    "halfway": "halfway.wav",
    "inhale": "inhale.wav",
    "hold": "hold.wav",
    "exhale": "exhale.wav",
    "hold_out": "hold.wav",
    "rep": "rep.wav",
    "finish": "finish.wav",
}
"""The shipped file each cue kind plays (``hold_out`` shares ``hold``)."""

CUE_SETS: tuple[str, ...] = ("default", "soft")
"""The shipped sound sets, folders of ``sounds/``."""


class SoundFileError(ValueError):
    """A sound file that cannot be used: missing, unreadable, not WAV, or not 16-bit PCM."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(eq=False)
class Clip:
    """PCM samples ready to hand to a backend, plus the file they came from."""

    source: Path
    """The file the samples were read from."""
    data: bytes
    """Little-endian 16-bit PCM, volume already applied."""
    channels: int
    """Number of interleaved channels."""
    rate: int
    """Frames per second."""
    derived: bool = False
    """True when ``data`` differs from the file (volume applied or silence trimmed)."""
    _player_file: Path | None = field(default=None, init=False, repr=False)

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return len(self.data) / (2 * self.channels * self.rate)

    def player_file(self, cache: Path) -> Path:
        """A WAV file holding exactly ``data``, for players that take a path.

        The source itself when nothing was changed; otherwise a copy written once into
        ``cache`` (named by content, so it is shared and reused).
        """
        if not self.derived:
            return self.source
        if self._player_file is None:
            digest = hashlib.sha1(self.data, usedforsecurity=False)
            digest.update(f"{self.channels}:{self.rate}".encode())
            target = cache / f"{digest.hexdigest()}.wav"
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                partial = target.with_suffix(".part")
                with wave.open(str(partial), "wb") as out:
                    out.setnchannels(self.channels)
                    out.setsampwidth(2)
                    out.setframerate(self.rate)
                    out.writeframes(self.data)
                partial.replace(target)
            self._player_file = target
        return target


def _samples(data: bytes) -> array[int]:
    samples = array("h")
    samples.frombytes(data)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def _to_bytes(samples: array[int]) -> bytes:
    if sys.byteorder == "big":
        samples = array("h", samples)
        samples.byteswap()
    return samples.tobytes()


def scale_pcm(data: bytes, volume: float) -> bytes:
    """Multiply 16-bit little-endian samples by ``volume``, rounded and clamped."""
    if volume == 1.0:
        return data
    scaled = array("h", (max(-32768, min(32767, round(s * volume))) for s in _samples(data)))
    return _to_bytes(scaled)


def trim_silence(data: bytes, channels: int, threshold: int = 64) -> bytes:
    """Drop the near-silent frames at both ends (speech engines pad with silence)."""
    samples = _samples(data)
    loud = [i for i, s in enumerate(samples) if abs(s) > threshold]
    if not loud:
        return b""
    start = loud[0] - loud[0] % channels
    stop = loud[-1] - loud[-1] % channels + channels
    return _to_bytes(samples[start:stop])


def load_wav(path: Path, volume: float = 1.0, *, trim: bool = False) -> Clip:
    """Read a 16-bit PCM WAV into a Clip, or raise SoundFileError naming the file.

    Only a regular file is opened (never blocking on a FIFO), and the format must be
    one ``check`` accepts (``core.wavinfo``), so no clip can fail once a session runs.
    """
    try:
        with (
            open_regular(path, "WAV file") as descriptor,
            os.fdopen(descriptor, "rb", closefd=False) as handle,
            wave.open(handle, "rb") as wav,
        ):
            channels = wav.getnchannels()
            width = wav.getsampwidth()
            rate = wav.getframerate()
            data = wav.readframes(wav.getnframes())
    except FileProblem as exc:
        if exc.message == "cannot read: no such file":
            raise SoundFileError(path, "no such file") from None
        reason = exc.message.removeprefix("cannot read: ")
        raise SoundFileError(path, f"cannot be read ({reason})") from None
    except (wave.Error, EOFError) as exc:
        raise SoundFileError(path, f"not a PCM WAV file ({exc})") from None
    except OSError as exc:
        raise SoundFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    problem = playable_problem(channels, 8 * width, rate, len(data))
    if problem:
        raise SoundFileError(path, problem)
    original = data
    if trim:
        data = trim_silence(data, channels) or data
    data = scale_pcm(data, volume)
    return Clip(path, data, channels, rate, derived=data != original)


def sound_set_dir(cue_set: str) -> Path:
    """The folder of a shipped sound set."""
    if cue_set not in CUE_SETS:
        raise ValueError(f"unknown sound set {cue_set!r}; choose one of {', '.join(CUE_SETS)}")
    return shipped_dir("sounds") / cue_set


def load_cue_clips(
    cue_set: str = "default",
    volume: float = 1.0,
    *,
    overrides: Mapping[str, Path | None] | None = None,
    muted: Iterable[str] = (),
) -> dict[str, Clip | None]:
    """Read the clip of every cue kind: the set's file, a routine's override, or None (muted).

    Raises SoundFileError for any file that cannot be played, and ValueError for an
    override or mute naming a cue kind that does not exist.
    """
    overrides = dict(overrides or {})
    muted = set(muted)
    unknown = sorted((set(overrides) | muted) - set(CUE_KINDS))
    if unknown:
        raise ValueError(f"unknown cue kind(s): {', '.join(unknown)}")
    folder = sound_set_dir(cue_set)
    loaded: dict[Path, Clip] = {}
    clips: dict[str, Clip | None] = {}
    for kind in CUE_KINDS:
        path = overrides[kind] if kind in overrides else folder / CUE_SOUND_FILES[kind]
        if kind in muted or path is None:
            clips[kind] = None
            continue
        if path not in loaded:
            loaded[path] = load_wav(path, volume)
        clips[kind] = loaded[path]
    return clips
