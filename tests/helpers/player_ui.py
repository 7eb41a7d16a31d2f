"""Driving the player screen on a fake clock."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from matwork.app.config import Config
from matwork.app.library import LibraryEntry, RoutineSource, load_entry
from matwork.audio.backends import TimedHandle
from matwork.audio.clips import Clip, load_cue_clips
from matwork.audio.session_sound import SessionSound, SoundState, SoundStatus
from matwork.audio.sink import AudioSink
from matwork.audio.voice import Voice, VoiceEngine
from matwork.core.clock import FakeClock
from matwork.core.cues import RecordingSink
from matwork.tui.app import MatworkApp, make_app
from matwork.tui.player.screen import PlayerScreen
from matwork.tui.player.session_header import SessionHeader

from helpers.paths import test_paths
from helpers.pilot import wait_until

START = 1000.0
"""Where the fake clock starts."""


def app_for(config: Config, sources: list[RoutineSource]) -> MatworkApp:
    """The app with an empty library, for the player to be pushed over."""
    return make_app(config=config, sources=sources, poll_seconds=0)


class Rig:
    """A player screen on a fake clock, recording its cues."""

    def __init__(
        self, pilot: Pilot[Any], screen: PlayerScreen, clock: FakeClock, sink: RecordingSink
    ):
        self.pilot = pilot
        self.screen = screen
        self.clock = clock
        self.sink = sink

    @property
    def player(self) -> Any:
        """The session's player."""
        assert self.screen.session is not None
        return self.screen.session.player

    async def advance(self, seconds: float) -> None:
        """Move the clock on and wake the screen as its timers would."""
        self.clock.advance(seconds)
        self.screen.wake()
        await self.pilot.pause()

    async def press(self, *keys: str) -> None:
        """Press keys and let the screen handle them."""
        await self.pilot.press(*keys)
        await self.pilot.pause()

    def text(self, selector: str) -> str:
        """The plain text of a Static on the player."""
        return str(self.screen.query_one(selector, Static).content)

    def header(self) -> dict[str, str]:
        """The header's parts."""
        return self.screen.query_one(SessionHeader).texts

    def classes(self) -> set[str]:
        """The screen's state classes."""
        return {name for name in self.screen.classes if name.startswith("-")}


async def open_player(
    pilot: Pilot[Any],
    entry: LibraryEntry,
    config: Config,
    *,
    start: bool = True,
    **options: Any,
) -> Rig:
    """Push the player for ``entry`` on a fake clock; wait until it has started."""
    clock = FakeClock(START)
    sink = RecordingSink()
    screen = PlayerScreen(
        entry, paths=test_paths(), config=config, clock=clock, cues=sink, **options
    )
    pilot.app.push_screen(screen)
    rig = Rig(pilot, screen, clock, sink)
    if start:
        await wait_until(
            pilot, lambda: screen.session is not None and screen.session.player.started
        )
        await pilot.pause()
    return rig


TINY = """
name = "Tiny session"

[defaults]
prepare = 5
rest = 10
countdown = 3

[[block]]
name = "Main"
rounds = 2
round_rest = 15

[[block.exercise]]
id = "bridge"
work = 20
breath = "calm"
cues = ["Ribs down", "Press through the heels"]

[[block.exercise]]
id = "plank"
work = 12
sides = "both"
switch = 4
load = "bodyweight"

[catalog.bridge]
name = "Glute bridge"
category = "strength"
pattern = "hip-extension"
instructions = ["Lie on your back, knees bent.", "Lift the hips until knees, hips and shoulders line up."]

[catalog.plank]
name = "Side plank"
category = "strength"
sided = true
"""
"""Segments: 0 prepare 5, 1 bridge 20 (calm breath), 2 rest 10, 3 plank left 12, 4 switch 4,
5 plank right 12, 6 round rest 15, 7-11 round 2 the same: 136 s in all."""

REPS = """
name = "Reps"

[defaults]
prepare = 0
countdown = 0

[[block]]
[[block.exercise]]
id = "curl"
reps = 3
tempo = "2-1-3-0"
breath = "tempo"
sets = 2
rest = 5

[[block.exercise]]
id = "dog"
reps = 8

[catalog.curl]
name = "Curl up"
category = "pilates"
instructions = [
    "Lie on your back, one knee bent, hands under the low back.",
    "Lift the head and shoulders a little.",
    "Lower slowly.",
]
cautions = ["Keep the neck long."]

[catalog.dog]
name = "Bird dog"
category = "pilates"
"""
"""Two sets of 3 reps at 2-1-3-0 (18 s each) with the breath on the tempo, then an open set."""


def write(folder: Path, name: str, text: str) -> LibraryEntry:
    """Write a routine file and load it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    entry = load_entry(path, "user")
    assert entry.timeline is not None, entry.error
    return entry


class ToneBackend:
    """A backend that records what it was asked to play."""

    name = "fake"
    speaks = True

    def __init__(self) -> None:
        self.played: list[Clip] = []

    def probe(self) -> str | None:
        return None

    def play(self, clip: Clip) -> TimedHandle:
        self.played.append(clip)
        return TimedHandle(0.0)


def fake_voice(tmp_path: Path) -> Voice:
    """A voice whose engine 'synthesizes' by copying a shipped WAV."""
    source = load_cue_clips()["start"]
    assert source is not None

    def runner(args: Sequence[str]) -> None:
        out = Path(args[args.index("-w") + 1])
        out.write_bytes(source.source.read_bytes())

    return Voice(VoiceEngine("espeak-ng", "/bin/true"), cache=tmp_path / "voice", runner=runner)


def audio_sound(tmp_path: Path) -> tuple[SessionSound, ToneBackend]:
    backend = ToneBackend()
    sink = AudioSink([backend], load_cue_clips(), clock=FakeClock().now)
    status = SoundStatus(SoundState.PLAYING, "fake")
    return SessionSound(sink, status, audio=sink, voice=fake_voice(tmp_path)), backend
