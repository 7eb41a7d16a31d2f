"""Scripted input for plain mode on a fake clock: lines that come after seconds pass."""

from __future__ import annotations

from matwork.cli.plain_tests import EOF, TIMEOUT
from matwork.core.clock import FakeClock
from matwork.core.red_flags import load_red_flags


class ScriptedLines:
    """Plain mode's ``Lines``: each float in the script is seconds that pass on the clock
    before the next line comes; each str is a line typed (piped, so not interactive)."""

    interactive = False

    def __init__(self, clock: FakeClock, script: list[float | str]) -> None:
        self.clock = clock
        self.script = list(script)
        self.ended = False

    def wait(self, timeout: float | None) -> str | None:
        while True:
            if not self.script:
                self.ended = True
                return EOF
            item = self.script[0]
            if isinstance(item, str):
                self.script.pop(0)
                return item + "\n"
            if timeout is not None and item > timeout:
                self.clock.advance(timeout)
                self.script[0] = item - timeout
                return TIMEOUT
            self.clock.advance(item)
            self.script.pop(0)
            if timeout is not None:
                timeout -= item


def red_flag_answers(yes: frozenset[str] = frozenset()) -> list[float | str]:
    """A y or n for every red-flag question, in order: y for the ids in ``yes``."""
    return ["y" if q.id in yes else "n" for _, q in load_red_flags().questions()]


def assessment_script(
    holds: tuple[float, float, float, float],
    fingertip: float,
    *,
    pain_after: str = "",
    yes: frozenset[str] = frozenset(),
) -> list[float | str]:
    """The whole plain assessment: red flags, a man with straps, pain 2, the flexor,
    side bridges and extensor held ``holds`` s, the plank to its ceiling, then the
    measurements (Thomas right positive, ASLR right 1) and the questions after."""
    flexor, left, right, extensor = holds
    return [
        *red_flag_answers(yes),
        "m",
        "s",
        "2",
        flexor, "",
        left, "",
        right, "",
        extensor, "",
        300.0,  # the plank runs to its ceiling of 240 s; the rest passes
        "n", "n",  # Thomas left: both questions no
        "y", "n",  # Thomas right: the thigh stays above the table
        str(fingertip),
        "0",
        "1",
        pain_after,
        "n",
    ]  # fmt: skip
