"""Waiting in Pilot tests: on workers and messages, bounded by a condition, never a bare sleep."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

ROUNDS = 500
"""How many rounds of (workers done, messages handled) a wait may take before it fails."""


async def wait_until(
    pilot: Pilot[Any],
    condition: Callable[[], bool],
    rounds: int = ROUNDS,
    *,
    workers: bool = True,
) -> None:
    """Let workers finish and messages be handled until ``condition()`` holds.

    Each round waits for every worker to complete (unless ``workers`` is False: a test
    that holds a worker at a gate), then for the message queues to drain, with a tick
    of 10 ms so a timer due meanwhile gets its turn. Fails with an assertion when
    ``rounds`` pass without the condition.
    """
    for _ in range(rounds):
        if condition():
            return
        if workers:
            await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.01)
    assert condition(), "condition not met"


async def settle(pilot: Pilot[Any], rounds: int = 3) -> None:
    """Let the workers finish and their messages be handled, ``rounds`` times."""
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
