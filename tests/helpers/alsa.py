"""ALSA test helpers shared by the audio and integration tests."""

from __future__ import annotations

import ctypes
import importlib.util
import sys
from array import array


def alsa_usable() -> bool:
    """True when simpleaudio is installed and libasound can be loaded."""
    if importlib.util.find_spec("simpleaudio") is None:
        return False
    try:
        ctypes.CDLL("libasound.so.2")
    except OSError:
        return False
    return True


def pcm_samples(data: bytes) -> array[int]:
    """16-bit little-endian samples of raw PCM bytes."""
    samples = array("h")
    samples.frombytes(data)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples
