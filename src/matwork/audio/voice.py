"""Spoken cues: phrases synthesized ahead of time to WAV and cached, played like tones.

``prepare`` is meant for a worker thread at session start: each phrase is synthesized
once into ``cache_dir()/voice/<engine>-<voice>-<speed>-<sha1(text)>.wav`` and read into
memory, so a spoken cue starts as promptly as a tone. ``spd-say`` cannot write files; it
speaks live instead.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from matwork import paths
from matwork.audio.backends import ProcessHandle
from matwork.audio.clips import Clip, SoundFileError, load_wav

VOICE_ENGINES: tuple[str, ...] = ("espeak-ng", "say", "spd-say")
"""Speech engines tried, in order."""

Runner = Callable[[Sequence[str]], None]
"""Runs a synthesis command to completion; raises OSError or subprocess.SubprocessError."""

_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}([-_][A-Za-z]{2,4})?$")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.+-]")


def run_quietly(args: Sequence[str]) -> None:
    """Run a command with no terminal output; CalledProcessError carries its stderr."""
    subprocess.run(
        list(args),
        check=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=30,
    )


@dataclass(frozen=True)
class VoiceEngine:
    """A speech engine found on PATH."""

    name: str
    """One of VOICE_ENGINES."""
    executable: str
    """Full path of the program."""

    @property
    def live(self) -> bool:
        """True when it can only speak aloud, not write a file (spd-say)."""
        return self.name == "spd-say"

    def synth_command(self, text: str, out: Path, voice: str, speed: int) -> list[str]:
        """The command that writes ``text`` spoken as a WAV file at ``out``."""
        if self.name == "espeak-ng":
            return [self.executable, "-w", str(out), "-v", voice, "-s", str(speed), "--", text]
        if self.name == "say":
            named = [] if _LANGUAGE_CODE.match(voice) else ["-v", voice]
            return [
                self.executable,
                "-o",
                str(out),
                "--file-format=WAVE",
                "--data-format=LEI16@22050",
                "-r",
                str(speed),
                *named,
                text,
            ]
        raise ValueError(f"{self.name} cannot write speech to a file")

    def speak_command(self, text: str, voice: str, speed: int) -> list[str]:
        """The command that speaks ``text`` aloud (spd-say's rate runs -100..100)."""
        rate = max(-100, min(100, round((speed - 175) / 2)))
        language = ["-l", voice] if _LANGUAGE_CODE.match(voice) else []
        return [self.executable, "-r", str(rate), *language, text]


def find_voice_engine(
    which: Callable[[str], str | None] = shutil.which,
) -> tuple[VoiceEngine | None, dict[str, str]]:
    """The first speech engine on PATH, and why each engine before it is not used."""
    reasons: dict[str, str] = {}
    for name in VOICE_ENGINES:
        executable = which(name)
        if executable:
            return VoiceEngine(name, executable), reasons
        reasons[name] = "not on PATH"
    return None, reasons


class Voice:
    """Speaks phrases with one engine, voice and speed, through a cache of WAV files."""

    def __init__(
        self,
        engine: VoiceEngine,
        voice_name: str = "en",
        speed: int = 160,
        volume: float = 1.0,
        *,
        cache: Path | None = None,
        runner: Runner = run_quietly,
    ) -> None:
        self.engine = engine
        self.voice_name = voice_name
        self.speed = speed
        self.volume = volume
        self.cache = cache if cache is not None else paths.cache_dir() / "voice"
        self.runner = runner
        self.errors: dict[str, str] = {}
        """Phrases that could not be synthesized, with the reason (they fall back to tones)."""
        self._clips: dict[str, Clip] = {}
        self._lock = threading.Lock()

    @property
    def live(self) -> bool:
        """True when phrases are spoken aloud by the engine rather than played as clips."""
        return self.engine.live

    def cache_path(self, text: str) -> Path:
        """Where the WAV of ``text`` is kept."""
        digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()
        voice = _UNSAFE.sub("_", self.voice_name)
        return self.cache / f"{self.engine.name}-{voice}-{self.speed}-{digest}.wav"

    def _synthesize(self, text: str, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.stem + ".part.wav")
        try:
            self.runner(self.engine.synth_command(text, partial, self.voice_name, self.speed))
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)

    def prepare(self, phrases: Iterable[str]) -> None:
        """Synthesize (unless cached) and load every phrase; failures go to ``errors``."""
        if self.live:
            return
        for text in dict.fromkeys(p for p in phrases if p.strip()):
            with self._lock:
                if text in self._clips:
                    continue
            target = self.cache_path(text)
            try:
                if not target.exists():
                    self._synthesize(text, target)
                clip = load_wav(target, self.volume, trim=True)
            except subprocess.CalledProcessError as exc:
                detail = (exc.stderr or b"").decode(errors="replace").strip()
                self.errors[text] = detail or f"{self.engine.name} exited with {exc.returncode}"
            except (OSError, subprocess.SubprocessError, SoundFileError) as exc:
                self.errors[text] = str(exc)
            else:
                with self._lock:
                    self._clips[text] = clip

    def clip(self, text: str) -> Clip | None:
        """The prepared clip of ``text``, or None if it is not ready (yet)."""
        with self._lock:
            return self._clips.get(text)

    def speak(self, text: str) -> ProcessHandle:
        """Speak aloud through a live engine, without blocking; OSError if it cannot start."""
        process = subprocess.Popen(
            self.engine.speak_command(text, self.voice_name, self.speed),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        return ProcessHandle(process)

    @staticmethod
    def estimate_seconds(text: str) -> float:
        """A rough length of ``text`` spoken, for live engines whose clips are unseen."""
        return 0.3 + 0.07 * len(text)
