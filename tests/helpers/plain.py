"""The plain player in tests: its routine, a fake keyboard, fake answers, a session."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from matwork.app.config import load_config
from matwork.app.library import LibraryEntry
from matwork.app.session import PlayOptions, Session, build_session
from matwork.core.clock import FakeClock
from matwork.core.cues import RecordingSink

from helpers.paths import test_paths as dirs_of_test

PLAIN_ROUTINE = """
name = "Plain check"

[defaults]
prepare = 5
rest = 5
countdown = 0

[[block]]
[[block.exercise]]
id = "bridge"
work = 20
cues = ["Ribs down"]

[[block.exercise]]
id = "dog"
reps = 2
tempo = "1-0-1-0"
load = "2 kg"

[[block.exercise]]
id = "curl"
reps = 8

[catalog.bridge]
name = "Glute bridge"
category = "strength"
instructions = ["Lie on your back, knees bent."]
cautions = ["Stop on sharp pain."]

[catalog.dog]
name = "Bird dog"
category = "pilates"

[catalog.curl]
name = "Curl up"
category = "pilates"
"""
"""0 prepare 5, 1 bridge 20, 2 rest 5, 3 bird dog 2 reps at 1-0-1-0 (4 s, 2 kg), 4 rest 5,
5 curl-ups: an open set of 8 (~24 s)."""


class Keys:
    """A fake keyboard: each key pressed at its clock instant (then none, for ever)."""

    def __init__(self, clock: FakeClock, presses: list[tuple[float, str]]) -> None:
        self.clock = clock
        self.presses = sorted(presses)

    def __call__(self, timeout: float | None) -> str | None:
        now = self.clock.now()
        if self.presses and (timeout is None or self.presses[0][0] <= now + timeout):
            instant, key = self.presses.pop(0)
            self.clock.set(max(now, instant))
            return key
        assert timeout is not None, f"waiting for a key for ever at {now}"
        self.clock.sleep(timeout)
        return None


class Answers:
    """Fake answers to the questions, in order; every prompt asked is kept."""

    def __init__(self, *answers: str | None) -> None:
        self.answers: Iterator[str | None] = iter(answers)
        self.prompts: list[str] = []

    def __call__(self, prompt: str) -> str | None:
        self.prompts.append(prompt)
        return next(self.answers)


class VoiceKeys(Keys):
    """Keys that, before each key, let the voice's warm-up thread finish (as real time
    would: synthesis takes milliseconds, a session's cues come seconds apart)."""

    def __call__(self, timeout: float | None) -> str | None:
        for thread in threading.enumerate():
            if thread.name == "matwork-voice":
                thread.join(timeout=10)
        return super().__call__(timeout)


def plain_session(entry: LibraryEntry, clock: FakeClock, **options: object) -> Session:
    return build_session(
        entry,
        load_config(dirs_of_test().config_file),
        dirs_of_test(),
        PlayOptions(**options),  # type: ignore[arg-type]
        clock=clock,
        cues=RecordingSink(),
    )
