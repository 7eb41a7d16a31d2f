"""Spoken cues: phrases synthesized ahead of time to WAV and cached, played like tones.

``prepare`` is meant for a worker thread at session start: each phrase is synthesized
once into ``<cache>/voice/<engine>-<language>-<voice>-<speed>-<sha1(text)>.wav`` and
read into memory, so a spoken cue starts as promptly as a tone. ``spd-say`` cannot write
files; it speaks live instead. ``language_voice`` names the voice each engine speaks a
language with when the config names none (espeak-ng ``de``, macOS ``say -v Anna``).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from matwork.audio.backends import ProcessHandle
from matwork.audio.clips import Clip, SoundFileError, load_wav
from matwork.i18n import _

VOICE_ENGINES: tuple[str, ...] = ("espeak-ng", "say", "spd-say")
"""Speech engines tried, in order."""

Runner = Callable[[Sequence[str]], None]
"""Runs a synthesis command to completion; raises OSError or subprocess.SubprocessError."""

LANGUAGE_VOICES: dict[str, dict[str, str]] = {
    "espeak-ng": {"en": "en", "de": "de"},
    "say": {"en": "en", "de": "Anna"},
    "spd-say": {"en": "en", "de": "de"},
}
"""Per engine, the voice for each language matwork speaks (``en`` for say: the system's)."""

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


def language_voice(engine: str, language: str) -> str:
    """The voice ``engine`` speaks ``language`` with; the language code where none is known."""
    return LANGUAGE_VOICES.get(engine, {}).get(language, language)


def find_voice_engine(
    which: Callable[[str], str | None] = shutil.which,
) -> tuple[VoiceEngine | None, dict[str, str]]:
    """The first speech engine on PATH, and why each engine before it is not used."""
    reasons: dict[str, str] = {}
    for name in VOICE_ENGINES:
        executable = which(name)
        if executable:
            return VoiceEngine(name, executable), reasons
        reasons[name] = _("not on PATH")
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
        cache: Path,
        runner: Runner = run_quietly,
        language: str = "en",
    ) -> None:
        self.engine = engine
        self.voice_name = voice_name
        self.language = language
        """The language the phrases are written in (part of the cache key)."""
        self.speed = speed
        self.volume = volume
        self.cache = cache
        """The folder of synthesized phrases."""
        self.runner = runner
        self.errors: dict[str, str] = {}
        """Phrases that could not be synthesized, with the reason (they fall back to tones)."""
        self._clips: dict[str, Clip] = {}
        self._claimed: set[str] = set()
        self._lock = threading.Lock()

    @property
    def live(self) -> bool:
        """True when phrases are spoken aloud by the engine rather than played as clips."""
        return self.engine.live

    def cache_path(self, text: str) -> Path:
        """Where the WAV of ``text`` is kept."""
        digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()
        voice = _UNSAFE.sub("_", self.voice_name)
        language = _UNSAFE.sub("_", self.language)
        return self.cache / f"{self.engine.name}-{language}-{voice}-{self.speed}-{digest}.wav"

    def _synthesize(self, text: str, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        # A name of its own: another process (or thread) may be writing the same phrase.
        descriptor, name = tempfile.mkstemp(
            dir=target.parent, prefix=f"{target.stem}.", suffix=".part.wav"
        )
        os.close(descriptor)
        partial = Path(name)
        try:
            self.runner(self.engine.synth_command(text, partial, self.voice_name, self.speed))
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)

    def _claim(self, text: str) -> bool:
        """True when this thread is to prepare ``text``: not ready and nobody else on it."""
        with self._lock:
            if text in self._clips or text in self._claimed:
                return False
            self._claimed.add(text)
            return True

    def prepare(self, phrases: Iterable[str]) -> None:
        """Synthesize (unless cached) and load every phrase; failures go to ``errors``.

        Safe to run on several threads at once: each phrase is prepared by one of them.
        """
        if self.live:
            return
        for text in dict.fromkeys(p for p in phrases if p.strip()):
            if not self._claim(text):
                continue
            try:
                self._prepare_one(text)
            finally:
                with self._lock:
                    self._claimed.discard(text)

    def _prepare_one(self, text: str) -> None:
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
