"""Every screen of the app, each set up the same way for snapshots and size checks.

A ``Scene`` builds an app over fixed data in a folder and says how to bring it to the
moment shown (``run_before``). The snapshot tests picture each scene at 80x24 and
120x36 (the player also at 40x12); the size test mounts each at four sizes and
measures. Times are fixed (a fake clock, NOW, UTC), so the pictures hold still.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Static

from matwork.app.config import Config, SessionSettings
from matwork.app.library import LibraryEntry, RoutineSource
from matwork.store.errors import CorruptHistoryError
from matwork.store.writer import HistoryStore
from matwork.tui.app import MatworkApp, make_app
from matwork.tui.history.screen import HistoryScreen
from matwork.tui.history.summary import SummaryScreen
from matwork.tui.modals.log_problem import HistoryProblem
from matwork.tui.modals.questions import PainQuestion, ResumeQuestion

from helpers.log_ui import (
    NOW,
    TZ,
    history_log,
    make_session,
    session_uuid,
    stopped_session,
    write_log,
)
from helpers.pilot import settle, wait_until
from helpers.player_ui import open_player, write
from helpers.tui import write_library

LOG_SHOWN = Path("/home/you/.local/share/matwork/history.sqlite3")
"""The log path a problem names (fixed, so the picture does not move)."""

RunBefore = Callable[[Pilot[Any]], Coroutine[Any, Any, None]]

ACKNOWLEDGED = Config(session=SessionSettings(safety_acknowledged=True, pain_question=False))
"""Safety acknowledged, no pain question: the player starts at once."""

MOMENTS = """
name = "Back care"

[defaults]
prepare = 10
rest = 15
countdown = 3

[[block]]
name = "Main"

[[block.exercise]]
id = "glute-bridge"
reps = 3
tempo = "3-0-3-1"
breath = "tempo"

[[block.exercise]]
id = "side-hold"
work = 20
sides = "both"
switch = 5
load = "bodyweight"

[[block.exercise]]
id = "curl"
reps = 8

[catalog.side-hold]
name = "Side plank on the knees"
category = "strength"
pattern = "anti-lateral-flexion"
sided = true
instructions = [
    "Lie on your side, knees bent, elbow under your shoulder.",
    "Lift your hips until knees, hips and shoulders line up.",
    "Breathe normally; keep the top hip stacked over the bottom one.",
]
cautions = ["Lower the hips if the shoulder aches.", "Stop on sharp or radiating pain."]

[catalog.curl]
name = "Curl up"
category = "pilates"
pattern = "trunk-flexion"
instructions = ["Lie on your back, one knee bent, hands under the low back."]
cautions = ["Keep the neck long: lift with the chest, not the chin."]
"""
"""Segments: 0 prepare 10, 1 bridge 21 (3 reps at 3-0-3-1, breath on the tempo), 2 rest 15,
3 side hold left 20, 4 switch 5, 5 right 20, 6 rest 15, 7 curl up (open set, ~8 reps)."""

PLAYER_MOMENTS: dict[str, tuple[float, tuple[str, ...]]] = {
    "prepare": (2.2, ()),
    "work_with_breath": (14.6, ()),
    "rest": (34.0, ()),
    "work": (50.4, ()),
    "switch": (67.2, ()),
    "paused": (14.6, ("space",)),
    "open_set": (110.5, ()),
    "finished": (110.5, ("enter", "enter")),  # Done, then the reps question: as planned
    "instructions": (50.4, ("i",)),
}
"""Each state of the player: seconds of session time run, then keys pressed."""


@dataclass(frozen=True)
class Scene:
    """One screen at one moment: ``build(folder)`` gives the app and its run_before."""

    name: str
    build: Callable[[Path], tuple[App[Any], RunBefore]]
    keys: tuple[str, ...] = ()
    """Selectors of the widgets that must keep some room at every size."""
    player: bool = False
    """A player screen (also pictured at 40x12)."""


class Host(App[None]):
    """A plain screen under the modals, so their pictures do not change with the library's.

    With the app's size classes (-slim, -tiny, ...), which the modals' styles follow."""

    HORIZONTAL_BREAKPOINTS = MatworkApp.HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS = MatworkApp.VERTICAL_BREAKPOINTS

    def compose(self) -> ComposeResult:
        yield Static("(the player would be here)")


def _empty(folder: Path) -> list[RoutineSource]:
    return [RoutineSource("user", folder / "no-routines")]


def _moments(folder: Path) -> LibraryEntry:
    return write(folder / "routines", "back-care", MOMENTS)


def player_scene(seconds: float, keys: tuple[str, ...]) -> Callable[[Path], Any]:
    """The player over MOMENTS, ``seconds`` in, after ``keys``."""

    def build(folder: Path) -> tuple[App[Any], RunBefore]:
        entry = _moments(folder)
        app = make_app(config=ACKNOWLEDGED, sources=_empty(folder), poll_seconds=0)

        async def run_before(pilot: Pilot[Any]) -> None:
            rig = await open_player(pilot, entry, ACKNOWLEDGED)
            rig.screen.FINISH_PAUSE = 3600.0
            await rig.advance(seconds)
            for key in keys:
                await rig.press(key)
            await pilot.pause()

        return app, run_before

    return build


def over_player(seconds: float, *keys: str) -> Callable[[Path], Any]:
    """A modal the player opens (help, stop), over the player ``seconds`` in."""
    return player_scene(seconds, keys)


def library_scene(folder: Path) -> tuple[App[Any], RunBefore]:
    """The library over three routines, with its preview."""
    sources = [RoutineSource("user", write_library(folder / "lib"))]
    return make_app(config=ACKNOWLEDGED, sources=sources, poll_seconds=0), settle


def broken_library_scene(folder: Path) -> tuple[App[Any], RunBefore]:
    """The library with a broken file among the good ones, the broken one highlighted."""
    from helpers.tui import BROKEN_TEXT, library

    lib = write_library(folder / "lib")
    (lib / "broken.toml").write_text(BROKEN_TEXT, encoding="utf-8")
    app = make_app(config=ACKNOWLEDGED, sources=[RoutineSource("user", lib)], poll_seconds=0)

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        library(pilot.app).query_one("#broken").focus()
        await pilot.pause()

    return app, run_before


def safety_scene(folder: Path) -> tuple[App[Any], RunBefore]:
    """The safety notice of the first start."""
    return make_app(sources=_empty(folder), poll_seconds=0), settle


def _log(folder: Path) -> Path:
    return write_log(folder, [stopped_session(1000), *history_log(120, every=1.5 * 86400.0)])


def history_scene(folder: Path) -> tuple[App[Any], RunBefore]:
    """The history of 120 sessions over 26 weeks, with its charts."""
    path = _log(folder)
    app = make_app(config=ACKNOWLEDGED, sources=_empty(folder), poll_seconds=0)

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        app.push_screen(HistoryScreen(path, now=NOW, tz=TZ))
        await settle(pilot)
        await wait_until(pilot, lambda: bool(app.screen.query("FooterKey")))
        await settle(pilot)

    return app, run_before


def summary_scene(folder: Path) -> tuple[App[Any], RunBefore]:
    """The summary of the stopped 'Core basics' session, RPE and pain entered."""
    path = _log(folder)
    app = make_app(config=ACKNOWLEDGED, sources=_empty(folder), poll_seconds=0)

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        store = HistoryStore(path)
        app.push_screen(SummaryScreen(store, session_uuid(1000), tz=TZ))
        await settle(pilot)
        await pilot.press("7", "tab", "2", "tab", *"left hip tight")
        await settle(pilot)

    return app, run_before


def builder_scene(folder: Path, *, bad_breath: bool = False) -> tuple[App[Any], RunBefore]:
    """The builder over a copy of a routine with blocks, its live panel beside.

    ``bad_breath``: the second exercise's breath is misspelt, so the panel lists a problem.
    """
    from textual.widgets import Input

    from matwork.tui.builder.outline import BuilderOutline
    from matwork.tui.builder.screen import BuilderScreen

    sources = [RoutineSource("user", write_library(folder / "lib"))]
    app = make_app(config=ACKNOWLEDGED, sources=sources, poll_seconds=0)

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("C")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, BuilderScreen)
        screen.query_one(BuilderOutline).focus()
        await pilot.pause()
        if bad_breath:
            await pilot.press("down")
            screen.query_one("#f-use-breath", Input).focus()
            await pilot.press(*"clam")
            screen.query_one(BuilderOutline).focus()
            await pilot.pause()
            assert not screen.check.ok

    return app, run_before


def modal_scene(make: Callable[[Path], Any]) -> Callable[[Path], Any]:
    """A modal over the plain host screen."""

    def build(folder: Path) -> tuple[App[Any], RunBefore]:
        app = Host()
        modal = make(folder)

        async def run_before(pilot: Pilot[Any]) -> None:
            await pilot.pause()
            app.push_screen(modal)
            await pilot.pause()

        return app, run_before

    return build


def _resume(folder: Path) -> ResumeQuestion:
    record = make_session(
        1,
        started_at=NOW - 5400,
        routine="Core basics",
        status="interrupted",
        planned=1200.0,
        active=754.0,
        resume_segment=9,
    ).session
    record = msgspec.structs.replace(record, sets_done=5, sets_skipped=1)  # as the log counts
    return ResumeQuestion(record, now=NOW, tz=TZ)


def _problem(folder: Path) -> HistoryProblem:
    return HistoryProblem(CorruptHistoryError(LOG_SHOWN, "file is not a database"))


PLAYER_KEYS = ("#kind", "#title", "#timer")
"""What the player keeps at every size (and, until the end, the segment's progress line)."""

SCENES: tuple[Scene, ...] = (
    Scene("library", library_scene, ("#search", "#routines")),
    Scene("library_broken", broken_library_scene, ("#routines", "#broken")),
    Scene("safety", safety_scene, ("#safety-text", "#acknowledge")),
    *(
        Scene(
            f"player_{name}",
            player_scene(seconds, keys),
            PLAYER_KEYS + ("#segment-bar",) * (name != "finished"),
            player=True,
        )
        for name, (seconds, keys) in PLAYER_MOMENTS.items()
    ),
    Scene("help", over_player(14.6, "question_mark"), ("#help-keys",), player=True),
    Scene("confirm_stop", over_player(50.4, "q"), ("#confirm-question", "#yes"), player=True),
    Scene("summary", summary_scene, ("#summary-title", "#rpe")),
    Scene("history", history_scene, ("#sessions", "#history-status")),
    Scene("builder", builder_scene, ("#outline", "#f-routine-name")),
    Scene(
        "builder_invalid",
        lambda folder: builder_scene(folder, bad_breath=True),
        ("#outline", "#f-use-breath"),
    ),
    Scene("pain_question", modal_scene(lambda folder: PainQuestion()), ("RatingScale",)),
    Scene("resume_question", modal_scene(_resume), ("#resume-text",)),
    Scene("log_problem", modal_scene(_problem), ("#problem-text",)),
)
"""Every screen and modal, in the order the snapshots list them."""

SNAPSHOT_SIZES = ((80, 24), (120, 36))
"""Every screen is pictured at these sizes; the player also at PLAYER_SMALL."""
PLAYER_SMALL = (40, 12)


def scenes(*prefixes: str) -> list[Any]:
    """pytest params of (scene, size) for the scenes whose name starts with a prefix."""
    import pytest

    params = []
    for scene in SCENES:
        if scene.name.startswith(prefixes):
            sizes = SNAPSHOT_SIZES + ((PLAYER_SMALL,) if scene.player else ())
            for width, height in sizes:
                params.append(
                    pytest.param(scene, (width, height), id=f"{scene.name}-{width}x{height}")
                )
    return params
