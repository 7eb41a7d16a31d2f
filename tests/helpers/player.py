"""Routines, players and drivers shared by the player tests."""

from __future__ import annotations

from matwork.core import Timeline, compile_timeline, parse_routine
from matwork.core.clock import FakeClock
from matwork.core.cues import Cue, RecordingSink
from matwork.core.player import Player
from matwork.core.results import RecordingResults

WORKED_EXAMPLE = """
name = "Worked example"

[defaults]
prepare = 10
countdown = 3

[[block]]
rounds = 2
round_rest = 40

[[block.exercise]]
id = "a"
work = 30
rest = 10

[[block.exercise]]
id = "b"
work = 20
sides = "both"
switch = 5
rest = 10

[catalog.a]
name = "Dead bug"
category = "pilates"

[catalog.b]
name = "Side plank"
category = "strength"
sided = true
"""
"""routine-format.md's worked example: one block, two rounds of A then B on both sides."""

CATALOG = """
[catalog.bridge]
name = "Glute bridge"
category = "strength"

[catalog.birddog]
name = "Bird-dog"
category = "pilates"

[catalog.plank]
name = "Side plank"
category = "strength"
sided = true

[catalog.lift]
name = "Deadlift"
category = "strength"
"""


def timeline_of(text: str) -> Timeline:
    """Compile routine text (a complete file) into its timeline."""
    return compile_timeline(parse_routine(text, "routine.toml"))


def quick(body: str, defaults: str = "prepare = 0\ncountdown = 0") -> Timeline:
    """A routine of ``body`` blocks over the small catalog, with no prepare or countdown."""
    return timeline_of(f'name = "T"\n[defaults]\n{defaults}\n{body}\n{CATALOG}')


class Rig:
    """A player on a fake clock, with recording sinks."""

    def __init__(self, timeline: Timeline, start: float = 1000.0, **options: object) -> None:
        self.clock = FakeClock(start)
        self.sink = RecordingSink()
        self.results = RecordingResults()
        self.wall = 1_700_000_000.0
        self.player = Player(
            timeline,
            self.clock,
            cues=self.sink,
            results=self.results,
            wall=lambda: self.wall + self.clock.now(),
            **options,  # type: ignore[arg-type]
        )
        self.heard: list[Cue] = []

    def at(self, position: float) -> list[Cue]:
        """Move the clock to session ``position`` (running, speed 1 from start 0) and poll."""
        instant = self.player.clock_at(position)
        assert instant is not None
        self.clock.set(max(instant, self.clock.now()))
        return self.poll()

    def poll(self) -> list[Cue]:
        """Poll the player, remembering what was heard."""
        cues = self.player.poll()
        self.heard.extend(cues)
        return cues

    def run_out(self) -> list[Cue]:
        """Wake at every next cue until the session ends; returns everything heard."""
        self.poll()
        while not self.player.finished:
            instant = self.player.next_cue_at()
            assert instant is not None, "nothing scheduled before the end"
            self.clock.set(instant)
            assert self.poll(), "woke at next_cue_at() but nothing was due"
        return self.heard


def plan(cues: list[Cue]) -> list[tuple[str, float]]:
    """(kind, instant) of each cue."""
    return [(cue.kind, cue.at) for cue in cues]
