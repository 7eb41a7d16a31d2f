"""Synthesize matwork's cue sounds (stdlib only) into sounds/default and sounds/soft.

Every file is 16-bit mono PCM at 44100 Hz, peak-normalized to about -3 dBFS, with a
raised-cosine fade at both ends so it never clicks. The output is deterministic: the
same bytes on every run, so the committed WAVs can be checked against a fresh build.

    python tools/make_sounds.py            # writes ./sounds/{default,soft}/*.wav
    python tools/make_sounds.py --out DIR  # writes DIR/{default,soft}/*.wav
"""

from __future__ import annotations

import argparse
import math
import sys
import wave
from array import array
from collections.abc import Callable
from pathlib import Path

RATE = 44100
PEAK_DBFS = -3.0
PEAK = round(32767 * 10 ** (PEAK_DBFS / 20))  # 23197
FADE_IN = 0.006
FADE_OUT = 0.012

Signal = list[float]


def _silence(seconds: float) -> Signal:
    return [0.0] * round(seconds * RATE)


def _note(
    freq: float,
    seconds: float,
    *,
    partials: tuple[float, ...] = (1.0,),
    decay: float = 0.0,
    attack: float = FADE_IN,
    glide_to: float | None = None,
    release: float = FADE_OUT,
) -> Signal:
    """One note: harmonic partials (amplitudes for 1x, 2x, 3x...), optional glide, decay."""
    n = round(seconds * RATE)
    end_freq = freq if glide_to is None else glide_to
    phase = 0.0
    out: Signal = []
    for i in range(n):
        t = i / RATE
        f = freq + (end_freq - freq) * (i / n)
        phase += 2 * math.pi * f / RATE
        value = 0.0
        for k, amp in enumerate(partials, start=1):
            value += amp * math.sin(k * phase)
        env = math.exp(-decay * t) if decay else 1.0
        out.append(value * env)
    return _fade(out, attack, release)


def _fade(signal: Signal, fade_in: float, fade_out: float) -> Signal:
    """Raised-cosine fade-in and fade-out: the first and last samples are exactly zero."""
    n = len(signal)
    n_in = max(2, min(n // 2, round(fade_in * RATE)))
    n_out = max(2, min(n // 2, round(fade_out * RATE)))
    out = list(signal)
    for i in range(n_in):
        out[i] *= 0.5 - 0.5 * math.cos(math.pi * i / n_in)
    for i in range(n_out):
        out[n - 1 - i] *= 0.5 - 0.5 * math.cos(math.pi * i / n_out)
    return out


def _concat(*parts: Signal) -> Signal:
    out: Signal = []
    for part in parts:
        out.extend(part)
    return out


def _mix(length: float, *voices: tuple[float, Signal]) -> Signal:
    """Mix signals, each starting at its offset (seconds), into one of ``length`` seconds."""
    out = [0.0] * round(length * RATE)
    for offset, signal in voices:
        start = round(offset * RATE)
        for i, value in enumerate(signal[: len(out) - start]):
            out[start + i] += value
    return _fade(out, FADE_IN, FADE_OUT * 4)


BRIGHT = (1.0, 0.45, 0.25, 0.12)
WARM = (1.0, 0.2, 0.05)
PURE = (1.0,)


def _default_set() -> dict[str, Signal]:
    return {
        "start": _note(1046.5, 0.32, partials=BRIGHT, decay=9.0, attack=0.004),
        "rest": _concat(
            _note(784.0, 0.18, partials=WARM, decay=6.0),
            _silence(0.03),
            _note(523.25, 0.26, partials=WARM, decay=6.0),
        ),
        "prepare": _note(659.25, 0.28, partials=WARM, decay=7.0, attack=0.01),
        "switch": _concat(
            _note(880.0, 0.09, partials=BRIGHT, decay=12.0, attack=0.004),
            _silence(0.07),
            _note(880.0, 0.09, partials=BRIGHT, decay=12.0, attack=0.004),
        ),
        "countdown": _note(1000.0, 0.06, partials=WARM, decay=30.0, attack=0.003),
        "final": _note(1568.0, 0.16, partials=BRIGHT, decay=14.0, attack=0.003),
        "halfway": _concat(
            _note(587.33, 0.14, partials=WARM, decay=8.0),
            _note(880.0, 0.22, partials=WARM, decay=8.0),
        ),
        "inhale": _note(330.0, 0.7, partials=PURE, attack=0.25, glide_to=494.0, release=0.2),
        "exhale": _note(
            494.0, 0.7, partials=PURE, attack=0.06, decay=2.0, glide_to=330.0, release=0.15
        ),
        "hold": _note(392.0, 0.35, partials=PURE, attack=0.08, release=0.1),
        "rep": _note(1318.5, 0.03, partials=WARM, decay=40.0, attack=0.002),
        "finish": _mix(
            1.5,
            (0.0, _note(523.25, 1.4, partials=BRIGHT, decay=3.0, attack=0.004)),
            (0.12, _note(659.25, 1.3, partials=BRIGHT, decay=3.0, attack=0.004)),
            (0.24, _note(783.99, 1.2, partials=BRIGHT, decay=3.0, attack=0.004)),
            (0.36, _note(1046.5, 1.1, partials=BRIGHT, decay=3.0, attack=0.004)),
        ),
    }


def _soft_set() -> dict[str, Signal]:
    return {
        "start": _note(523.25, 0.4, partials=PURE, decay=6.0, attack=0.02),
        "rest": _concat(
            _note(392.0, 0.22, partials=PURE, decay=4.0, attack=0.02),
            _silence(0.03),
            _note(261.63, 0.3, partials=PURE, decay=4.0, attack=0.02),
        ),
        "prepare": _note(440.0, 0.32, partials=PURE, decay=5.0, attack=0.03),
        "switch": _concat(
            _note(587.33, 0.12, partials=PURE, decay=8.0, attack=0.015),
            _silence(0.07),
            _note(587.33, 0.12, partials=PURE, decay=8.0, attack=0.015),
        ),
        "countdown": _note(659.25, 0.08, partials=PURE, decay=20.0, attack=0.008),
        "final": _note(880.0, 0.2, partials=PURE, decay=9.0, attack=0.008),
        "halfway": _concat(
            _note(440.0, 0.16, partials=PURE, decay=5.0, attack=0.02),
            _note(587.33, 0.26, partials=PURE, decay=5.0, attack=0.02),
        ),
        "inhale": _note(247.0, 0.8, partials=PURE, attack=0.35, glide_to=370.0, release=0.25),
        "exhale": _note(
            370.0, 0.8, partials=PURE, attack=0.1, decay=1.5, glide_to=247.0, release=0.2
        ),
        "hold": _note(294.0, 0.4, partials=PURE, attack=0.12, release=0.12),
        "rep": _note(784.0, 0.04, partials=PURE, decay=30.0, attack=0.005),
        "finish": _mix(
            1.6,
            (0.0, _note(392.0, 1.5, partials=PURE, decay=2.5, attack=0.02)),
            (0.15, _note(493.88, 1.4, partials=PURE, decay=2.5, attack=0.02)),
            (0.3, _note(587.33, 1.3, partials=PURE, decay=2.5, attack=0.02)),
            (0.45, _note(783.99, 1.15, partials=PURE, decay=2.5, attack=0.02)),
        ),
    }


SETS: dict[str, Callable[[], dict[str, Signal]]] = {
    "default": _default_set,
    "soft": _soft_set,
}


def _to_pcm(signal: Signal) -> bytes:
    """Peak-normalize to PEAK and quantize to little-endian 16-bit samples."""
    top = max(abs(v) for v in signal)
    scale = PEAK / top
    samples = array("h", (round(v * scale) for v in signal))
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


def write_wav(path: Path, signal: Signal) -> None:
    """Write ``signal`` as a 16-bit mono 44100 Hz WAV."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(_to_pcm(signal))


def build(out_dir: Path) -> list[Path]:
    """Write every set into ``out_dir/<set>/<cue>.wav`` and return the paths written."""
    written = []
    for set_name, make in SETS.items():
        folder = out_dir / set_name
        folder.mkdir(parents=True, exist_ok=True)
        for cue, signal in make().items():
            path = folder / f"{cue}.wav"
            write_wav(path, signal)
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "sounds")
    args = parser.parse_args(argv)
    for path in build(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
