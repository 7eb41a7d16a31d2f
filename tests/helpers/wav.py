"""Write WAV files of any shape, good or broken, byte by byte."""

from __future__ import annotations

import struct
from pathlib import Path


def write_wav(
    path: Path,
    *,
    tag: int = 1,
    channels: int = 1,
    rate: int = 44100,
    bits: int = 16,
    frames: bytes = b"\x00\x10" * 64,
    fmt: bool = True,
    data: bool = True,
) -> Path:
    """A RIFF/WAVE file with the given format chunk fields (or none) and audio bytes."""
    body = b""
    if fmt:
        block = channels * bits // 8
        body += b"fmt " + struct.pack(
            "<IHHIIHH", 16, tag, channels, rate, rate * block, block, bits
        )
    if data:
        body += b"data" + struct.pack("<I", len(frames)) + frames
    path.write_bytes(b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WAVE" + body)
    return path


BROKEN_WAVS: dict[str, tuple[dict[str, object], str]] = {
    "stub-header-only": ({"fmt": False, "data": False}, "no format chunk"),
    "stub-no-format": ({"fmt": False}, "no format chunk"),
    "stub-no-data": ({"data": False}, "no audio data"),
    "empty-data": ({"frames": b""}, "holds no audio"),
    "8-bit": ({"bits": 8, "frames": b"\x80" * 64}, "8-bit audio"),
    "24-bit": ({"bits": 24, "frames": b"\x00" * 63}, "24-bit audio"),
    "0-hz": ({"rate": 0}, "sample rate of 0 Hz"),
    "1-hz": ({"rate": 1}, "sample rate of 1 Hz"),
    "0-channels": ({"channels": 0}, "0 channels"),
    "float": ({"tag": 3, "bits": 32, "frames": b"\x00" * 64}, "not PCM audio (format 3)"),
}
"""Name: (write_wav options, what the problem says)."""
