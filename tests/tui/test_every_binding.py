"""Every binding of every screen and modal, pressed in each state, on a fake clock.

A state is the app brought somewhere: the player in each of its states (prepare, work,
rest, switch, paused, an open set, finished), the questions before a session (resume,
pain), its modals (stop, help), the summary after it, the library (list and search),
the history (with sessions, empty, a damaged log, the problem dialog), the builder
(new, a copy, the catalog picker) and the safety notice. The keys are read from the
state itself: ``app.screen.active_bindings`` is every binding a key press can reach
there (the focused widget's, the screen's, the app's, Textual's own), with the user's
key map applied. Each key is pressed in a fresh app brought to the state, the clock
moved on a few seconds, the workers let finish; any exception, in the app or in a
worker, fails the state (``run_test`` re-raises the app's exception on exit; the app's
return code is checked too).

The states are built in tests/helpers/ui_states.py. The key map: every matwork binding
reachable in a state has an id, and remapping every
id (config ``[keys]``) moves each binding to its new key, as the help and README promise.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.binding import Binding
from textual.pilot import Pilot

from helpers.ui_states import SIZE, STATES, World, advance

pytestmark = pytest.mark.slow

AFTER_KEY_SECONDS = 3.0
"""How far the clock moves on after the key, so what the key started goes on running."""


@dataclass(frozen=True)
class Reachable:
    """A binding a key press reaches in a state."""

    key: str
    binding: Binding
    owner: type
    """The class of the node the binding is on (a widget, a screen, the app)."""

    @property
    def ours(self) -> bool:
        """True when one of matwork's classes declares the binding (not Textual)."""
        for cls in self.owner.__mro__:
            if not cls.__module__.startswith("matwork."):
                continue
            for declared in cls.__dict__.get("BINDINGS", ()):
                if (
                    isinstance(declared, Binding)
                    and declared.action == self.binding.action
                    and declared.id == self.binding.id
                ):
                    return True
        return False


async def reachable(pilot: Pilot[Any]) -> list[Reachable]:
    """Every binding of the screen on top, keyed as pressed (the key map applied)."""
    return [
        Reachable(key, active.binding, type(active.node))
        for key, active in pilot.app.screen.active_bindings.items()
    ]


async def survey(name: str, world: World, keys: dict[str, str]) -> list[Reachable]:
    """The bindings reachable in a state, checking the setup brought the app there."""
    make, setup = STATES[name]
    world.runs += 1
    app = make(world, keys)
    async with app.run_test(size=SIZE) as pilot:
        stage = await setup(pilot, world)
        assert isinstance(app.screen, stage.top), (name, app.screen)
        return await reachable(pilot)


async def press_in(name: str, key: str, world: World) -> str | None:
    """Press ``key`` in a fresh app brought to the state; what went wrong, or None."""
    make, setup = STATES[name]
    world.runs += 1
    app = make(world, {})
    try:
        async with app.run_test(size=SIZE) as pilot:
            stage = await setup(pilot, world)
            await pilot.press(key)
            await pilot.pause()
            if stage.clock is not None and stage.player is not None and stage.player.is_attached:
                await advance(stage, pilot, AFTER_KEY_SECONDS)
            await app.workers.wait_for_complete()
            await pilot.pause()
    except Exception as error:  # noqa: BLE001 - collected: every key's failure is reported
        return f"{name}: {key}: {type(error).__name__}: {error}"
    if app.return_code not in (None, 0):
        return f"{name}: {key}: the app ended with code {app.return_code}"
    return None


KNOWN_DEFECTS: dict[tuple[str, str], str] = {
    ("history empty", "end"): "AttributeError: 'NoneType' object has no attribute 'value'",
}
"""(state, key) that crash today, with a fragment of the error: reported, not mine to mend.

End on an empty sessions table moves DataTable's cursor to row -1; its RowHighlighted
carries ``row_key=None`` and ``HistoryScreen._highlighted`` reads ``row_key.value``.
An entry that stops failing fails the test, so the list cannot go stale.
"""

TEXTUAL_STATES = frozenset({"library", "library search", "player work", "summary", "builder new"})
"""States where Textual's own bindings (palette, focus, quit) are pressed too."""


def keys_to_press(name: str, reached: list[Reachable]) -> list[str]:
    """One key per binding reachable in the state (a binding may have several keys).

    matwork's bindings everywhere; Textual's own (ctrl+p, tab, ctrl+q, ...) in the
    states of ``TEXTUAL_STATES``, which cover each kind of screen they act on.
    """
    chosen: dict[tuple[type, str, str | None], str] = {}
    for reach in sorted(reached, key=lambda reach: reach.key):
        if reach.ours or name in TEXTUAL_STATES:
            chosen.setdefault((reach.owner, reach.binding.action, reach.binding.id), reach.key)
    return sorted(chosen.values())


@pytest.mark.parametrize("name", list(STATES))
async def test_every_key_of_the_state_runs_without_an_exception(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "true")
    monkeypatch.setenv("VISUAL", "true")
    world = World(tmp_path)
    keys = keys_to_press(name, await survey(name, world, {}))
    assert keys, f"{name}: no key reaches anything"
    problems = {key: problem for key in keys if (problem := await press_in(name, key, world))}
    known = {key: fragment for (state, key), fragment in KNOWN_DEFECTS.items() if state == name}
    unexpected = [
        problem for key, problem in problems.items() if known.get(key, "\0") not in problem
    ]
    assert not unexpected, "\n".join(unexpected)
    mended = sorted(set(known) - set(problems))
    assert not mended, f"{name}: {mended} no longer fail: take them out of KNOWN_DEFECTS"


@pytest.mark.parametrize("name", list(STATES))
async def test_every_binding_of_the_state_can_be_remapped_by_its_id(
    name: str, tmp_path: Path
) -> None:
    world = World(tmp_path)
    ours = [reach for reach in await survey(name, world, {}) if reach.ours]
    assert ours, f"{name}: no matwork binding"
    unnamed = sorted(
        f"{reach.owner.__name__}: {reach.key} ({reach.binding.action})"
        for reach in ours
        if not reach.binding.id
    )
    assert not unnamed, f"{name}: bindings without an id cannot be remapped: {unnamed}"
    ids = sorted({str(reach.binding.id) for reach in ours})
    assert len(ids) <= 24, "more ids than function keys"
    keymap = {binding_id: f"f{number}" for number, binding_id in enumerate(ids, start=1)}
    moved = {str(reach.binding.id): reach.key for reach in await survey(name, world, keymap)}
    assert {binding_id: moved.get(binding_id) for binding_id in ids} == keymap
