"""What a WAV file holds, read from its chunk headers, and whether matwork can play it.

Pure: the caller hands in a function that reads ``size`` bytes at ``offset`` of the
file. Both ``check`` (for a routine's ``[sounds]``) and the audio package (before it
plays a clip) use the same rules, so a file that passes ``check`` never stops a session.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass

SAMPLE_BITS = 16
"""matwork plays 16-bit PCM only."""
MIN_RATE = 8000
"""The lowest sample rate played, in Hz."""
MAX_RATE = 192_000
"""The highest sample rate played, in Hz."""
MAX_CHANNELS = 8
"""The most interleaved channels played."""
MAX_CHUNKS = 64
"""Chunks looked at before giving up on finding the format and the audio."""
_PCM = 1

ReadAt = Callable[[int, int], bytes]
"""``read_at(offset, size)``: up to ``size`` bytes of the file from ``offset``."""


@dataclass(frozen=True)
class WavFormat:
    """The sound format of a WAV file, and how many bytes of audio it holds."""

    format_tag: int
    channels: int
    rate: int
    bits: int
    data_bytes: int


class WavError(ValueError):
    """A file that is not a WAV file matwork can read; the message says why."""


def read_wav_format(read_at: ReadAt) -> WavFormat:
    """Read the RIFF header, the ``fmt `` chunk and the size of the ``data`` chunk."""
    header = read_at(0, 12)
    if len(header) < 12 or header[:4] != b"RIFF" or header[8:12] != b"WAVE":
        raise WavError("is not a WAV file")
    offset = 12
    fmt: tuple[int, int, int, int] | None = None
    data_bytes: int | None = None
    for _ in range(MAX_CHUNKS):
        chunk = read_at(offset, 8)
        if len(chunk) < 8:
            break
        name, size = chunk[:4], struct.unpack("<I", chunk[4:])[0]
        if name == b"fmt ":
            body = read_at(offset + 8, 16)
            if size < 16 or len(body) < 16:
                raise WavError("is a WAV file whose format chunk is cut short")
            tag, channels, rate, _, _, bits = struct.unpack("<HHIIHH", body)
            fmt = (tag, channels, rate, bits)
        elif name == b"data":
            data_bytes = size if read_at(offset + 8, 1) else 0
            if fmt is not None:
                break
        offset += 8 + size + (size & 1)
    if fmt is None:
        raise WavError("is a WAV file with no format chunk (a stub?)")
    if data_bytes is None:
        raise WavError("is a WAV file with no audio data (a stub?)")
    return WavFormat(*fmt, data_bytes=data_bytes)


def playable_problem(channels: int, bits: int, rate: int, data_bytes: int) -> str | None:
    """Why matwork cannot play audio of this shape, or None when it can."""
    if bits != SAMPLE_BITS:
        return f"is {bits}-bit audio; matwork plays 16-bit PCM only"
    if not 1 <= channels <= MAX_CHANNELS:
        return f"has {channels} channels; matwork plays 1 to {MAX_CHANNELS}"
    if not MIN_RATE <= rate <= MAX_RATE:
        return (
            f"has a sample rate of {rate} Hz; matwork plays {MIN_RATE} to {MAX_RATE} Hz "
            "(44100 or 48000 is usual)"
        )
    if data_bytes < channels * bits // 8:
        return "holds no audio"
    return None


def wav_problem(read_at: ReadAt) -> str | None:
    """Why the file cannot be played as a cue sound, or None when it can."""
    try:
        found = read_wav_format(read_at)
    except WavError as error:
        return str(error)
    if found.format_tag != _PCM:
        return f"is not PCM audio (format {found.format_tag}); save it as 16-bit PCM WAV"
    return playable_problem(found.channels, found.bits, found.rate, found.data_bytes)
