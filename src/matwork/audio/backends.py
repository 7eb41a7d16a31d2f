"""Ways to make a clip heard: simpleaudio, an external player, the terminal bell, silence.

Each backend says why it cannot play here (``probe``) and plays without blocking
(``play``), raising BackendError when it turns out it cannot, so the sink can move on
to the next one and the session goes on.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Protocol, TextIO

from matwork.audio.alsa import probe_default_device, silence_alsa_errors
from matwork.audio.clips import Clip
from matwork.i18n import _

EXTERNAL_PLAYERS: tuple[str, ...] = ("pw-play", "paplay", "aplay", "afplay")
"""Command-line players tried, in order, when simpleaudio cannot play."""


class BackendError(RuntimeError):
    """A backend failed to play; the message says why in a few words."""


class PlayHandle(Protocol):
    """One clip being played."""

    def is_playing(self) -> bool:
        """Whether the clip is still sounding."""

    def stop(self) -> None:
        """Cut the clip short."""

    def wait(self, timeout: float | None = None) -> None:
        """Block until the clip has finished, or ``timeout`` seconds have passed."""


class Backend(Protocol):
    """A way of playing clips."""

    name: str
    """Short name shown to the user, e.g. ``simpleaudio`` or ``aplay``."""
    speaks: bool
    """Whether it plays the clip's samples (so speech can go through it)."""

    def probe(self) -> str | None:
        """Why it cannot play on this machine, or None when it can."""

    def play(self, clip: Clip) -> PlayHandle:
        """Start playing ``clip`` and return at once; BackendError when it cannot."""


class TimedHandle:
    """A handle for sounds the program cannot observe: done after a fixed time."""

    def __init__(self, seconds: float) -> None:
        self._ends = time.monotonic() + seconds

    def is_playing(self) -> bool:
        """Whether the nominal length has not yet passed."""
        return time.monotonic() < self._ends

    def stop(self) -> None:
        """Mark it finished."""
        self._ends = 0.0

    def wait(self, timeout: float | None = None) -> None:
        """Sleep until the nominal end (or the timeout)."""
        remaining = self._ends - time.monotonic()
        if timeout is not None:
            remaining = min(remaining, timeout)
        if remaining > 0:
            time.sleep(remaining)


def _poll_wait(handle: PlayHandle, timeout: float | None) -> None:
    deadline = None if timeout is None else time.monotonic() + timeout
    while handle.is_playing():
        if deadline is not None and time.monotonic() >= deadline:
            return
        time.sleep(0.005)


class SimpleaudioHandle:
    """A clip playing through simpleaudio."""

    def __init__(self, play_object: object) -> None:
        self._play = play_object

    def is_playing(self) -> bool:
        """Whether simpleaudio is still playing it."""
        return bool(self._play.is_playing())  # type: ignore[attr-defined]

    def stop(self) -> None:
        """Stop the stream."""
        self._play.stop()  # type: ignore[attr-defined]

    def wait(self, timeout: float | None = None) -> None:
        """Block until the stream has finished."""
        _poll_wait(self, timeout)


class SimpleaudioBackend:
    """Plays in-memory samples through simpleaudio (ALSA, CoreAudio or WinMM)."""

    name = "simpleaudio"
    speaks = True

    def __init__(self) -> None:
        self._module: ModuleType | None = None
        self._error: type[Exception] = OSError

    def probe(self) -> str | None:
        """Import simpleaudio and, on Linux, open ALSA's default device once."""
        if sys.platform.startswith("linux"):
            silence_alsa_errors()  # before simpleaudio first touches ALSA
        try:
            import simpleaudio
            from simpleaudio._simpleaudio import SimpleaudioError
        except ImportError:
            return _("simpleaudio not installed (pip install 'matwork[audio]')")
        if sys.platform.startswith("linux"):
            reason = probe_default_device()
            if reason is not None:
                return reason
        self._module = simpleaudio
        self._error = SimpleaudioError
        return None

    def play(self, clip: Clip) -> PlayHandle:
        """Hand the samples to simpleaudio, which plays them on its own thread."""
        if self._module is None:
            raise BackendError("simpleaudio was not probed")
        try:
            play_object = self._module.play_buffer(clip.data, clip.channels, 2, clip.rate)
        except (self._error, ValueError) as exc:
            raise BackendError(f"simpleaudio failed ({exc})") from exc
        return SimpleaudioHandle(play_object)


class ProcessHandle:
    """A clip playing in a player process."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.stopped = False

    def is_playing(self) -> bool:
        """Whether the player process is still running."""
        return self.process.poll() is None

    def stop(self) -> None:
        """Terminate the player."""
        if self.process.poll() is None:
            self.stopped = True
            self.process.terminate()

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the player to exit."""
        _poll_wait(self, timeout)


_SERVERS = {
    "pw-play": ("PIPEWIRE_REMOTE", "pipewire-0", "no PipeWire server running"),
    "paplay": ("PULSE_SERVER", "pulse/native", "no PulseAudio server running"),
}


def _server_missing(player: str) -> str | None:
    """Why ``player`` would fail at once: no PipeWire/PulseAudio socket, no ALSA device."""
    if player == "aplay":
        return probe_default_device()
    if player not in _SERVERS:
        return None
    variable, socket, reason = _SERVERS[player]
    runtime = Path(os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}")
    if variable in os.environ or (runtime / socket).exists():
        return None
    return reason


class ExternalPlayerBackend:
    """Plays WAV files by spawning a command-line player (pw-play, paplay, aplay, afplay)."""

    speaks = True

    def __init__(self, command: str, cache: Path) -> None:
        self.name = command
        self.cache = cache
        """Where volume-scaled copies of clips are written for the player to read."""
        self._path: str | None = None
        self._running: list[ProcessHandle] = []

    def probe(self) -> str | None:
        """Look the player up on PATH, and check the sound server or device it needs."""
        self._path = shutil.which(self.name)
        if self._path is None:
            return _("not on PATH")
        return _server_missing(self.name)

    def _reap(self) -> str | None:
        """Forget finished players; the reason if one failed on its own."""
        failure = None
        for handle in list(self._running):
            code = handle.process.poll()
            if code is None:
                continue
            self._running.remove(handle)
            if code != 0 and not handle.stopped:
                failure = f"{self.name} exited with status {code}"
        return failure

    def play(self, clip: Clip) -> PlayHandle:
        """Spawn the player on the clip's file, output to /dev/null."""
        failure = self._reap()
        if failure is not None:
            raise BackendError(failure)
        if self._path is None:
            raise BackendError(f"{self.name} was not probed")
        args = [self._path, "-q"] if self.name == "aplay" else [self._path]
        try:
            process = subprocess.Popen(
                [*args, str(clip.player_file(self.cache))],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        except OSError as exc:
            raise BackendError(f"{self.name} could not start ({exc.strerror or exc})") from exc
        handle = ProcessHandle(process)
        self._running.append(handle)
        return handle

    def close(self) -> None:
        """Stop every player still running."""
        for handle in self._running:
            handle.stop()
        for handle in self._running:
            try:
                handle.process.wait(timeout=1.0)
            except subprocess.TimeoutExpired:
                handle.process.kill()
        self._running.clear()


class BellBackend:
    """Rings the terminal bell for every cue: the UI's bell, or BEL written to a stream."""

    name = "bell"
    speaks = False

    def __init__(self, bell: Callable[[], None] | None = None, stream: TextIO | None = None):
        self._bell = bell
        self._stream = stream

    def probe(self) -> str | None:
        """Usable when the UI gave a bell, or the stream is a terminal."""
        if self._bell is not None:
            return None
        stream = self._stream if self._stream is not None else sys.stdout
        if stream is None or not stream.isatty():
            return _("not a terminal")
        self._stream = stream
        return None

    def play(self, clip: Clip) -> PlayHandle:
        """Ring once; the handle lasts as long as the clip would have."""
        try:
            if self._bell is not None:
                self._bell()
            elif self._stream is not None:
                self._stream.write("\a")
                self._stream.flush()
        except (OSError, ValueError) as exc:
            raise BackendError(f"bell failed ({exc})") from exc
        return TimedHandle(clip.duration)


class SilentBackend:
    """Plays nothing; the last resort, always available."""

    name = "silent"
    speaks = False

    def probe(self) -> str | None:
        """Always usable."""
        return None

    def play(self, clip: Clip) -> PlayHandle:
        """Do nothing."""
        return TimedHandle(0.0)


def default_backends(
    cache: Path, bell: Callable[[], None] | None = None, stream: TextIO | None = None
) -> list[Backend]:
    """The backends in the order they are tried; ``cache`` holds scaled copies for players."""
    return [
        SimpleaudioBackend(),
        *(ExternalPlayerBackend(name, cache) for name in EXTERNAL_PLAYERS),
        BellBackend(bell, stream),
        SilentBackend(),
    ]
