"""The app brought to each state the whole-surface bindings test presses keys in.

``STATES`` names each state with the app it needs (its config, its routines) and the
steps that bring a running app there: the player on a fake clock in each of its
states, the questions before a session and the modals during it, the summary, the
library, the history over three kinds of log, the builder and its picker, the safety
notice. Used by tests/tui/test_every_binding.py.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen

from matwork.app.config import Config, SessionSettings
from matwork.app.library import LibraryEntry, RoutineSource
from matwork.app.session import PlayOptions, Session, session_info
from matwork.app.session_log import open_log
from matwork.audio.clips import load_cue_clips
from matwork.audio.session_sound import SessionSound, SoundState, SoundStatus
from matwork.audio.settings import AudioSettings
from matwork.audio.sink import AudioSink
from matwork.core.clock import FakeClock
from matwork.core.kinds import SessionStatus
from matwork.store.writer import CorruptHistoryError
from matwork.tui.app import MatworkApp, make_app
from matwork.tui.builder.catalog_picker import CatalogPicker
from matwork.tui.builder.outline import BuilderOutline
from matwork.tui.builder.screen import BuilderScreen
from matwork.tui.history.screen import HistoryScreen
from matwork.tui.history.summary import SummaryScreen
from matwork.tui.library.screen import LibraryScreen
from matwork.tui.modals.confirm import ConfirmScreen
from matwork.tui.modals.help import HelpScreen
from matwork.tui.modals.log_problem import HistoryProblem
from matwork.tui.modals.questions import PainQuestion, ResumeQuestion
from matwork.tui.modals.safety import SafetyScreen
from matwork.tui.player.screen import PlayerScreen

from helpers.log_ui import history_log, make_session, write_log
from helpers.paths import test_paths
from helpers.pilot import settle, wait_until
from helpers.player_ui import REPS, START, TINY, ToneBackend, write
from helpers.store import log_path
from helpers.tui import write_library

SIZE = (100, 30)


@dataclass
class Stage:
    """The app brought to a state: the screen expected on top, and the session's clock."""

    top: type[Screen[Any]]
    clock: FakeClock | None = None
    player: PlayerScreen | None = None


@dataclass
class World:
    """The files a state needs, made again before every app."""

    tmp: Path
    runs: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def folder(self, name: str) -> Path:
        """A fresh folder for this run."""
        path = self.tmp / f"run-{self.runs}" / name
        path.mkdir(parents=True, exist_ok=True)
        return path


Setup = Callable[[Pilot[Any], World], Awaitable[Stage]]
"""Brings a running app to a state."""
AppFactory = Callable[[World, dict[str, str]], MatworkApp]
"""Builds the app of a state, with a key map."""

ACKNOWLEDGED = SessionSettings(safety_acknowledged=True, pain_question=False)


def plain_app(
    world: World, keys: dict[str, str], *, session: SessionSettings = ACKNOWLEDGED
) -> MatworkApp:
    """An app over an empty library (the player or a modal goes over it)."""
    config = Config(session=session, keys=keys)
    return make_app(
        config=config, sources=[RoutineSource("user", world.folder("none"))], poll_seconds=0
    )


def library_app(world: World, keys: dict[str, str]) -> MatworkApp:
    """An app over three routines, with the user's (empty) folder."""
    sources = [
        RoutineSource("shipped", write_library(world.folder("lib"))),
        RoutineSource("user", test_paths().routines_dir),
    ]
    config = Config(session=ACKNOWLEDGED, keys=keys)
    return make_app(config=config, sources=sources, poll_seconds=0)


def first_run_app(world: World, keys: dict[str, str]) -> MatworkApp:
    """An app whose safety notice has not been acknowledged."""
    return plain_app(world, keys, session=SessionSettings(safety_acknowledged=False))


def asking_app(world: World, keys: dict[str, str]) -> MatworkApp:
    """An app that asks about pain before a session."""
    return plain_app(
        world, keys, session=SessionSettings(safety_acknowledged=True, pain_question=True)
    )


# -- the player ---------------------------------------------------------------------------


def routine(world: World, text: str, name: str) -> LibraryEntry:
    """A routine file of this run, loaded."""
    return write(world.folder("routines"), name, text)


async def open_session(
    pilot: Pilot[Any], world: World, text: str = TINY, *, resumable: bool = False
) -> Stage:
    """The player over a session on a fake clock, not started yet.

    Its sound is a real AudioSink over a backend that plays nothing; the voice is the
    real one (espeak-ng where installed), built when ``v`` first turns it on.
    """
    entry = routine(world, text, "tiny" if text == TINY else "reps")
    assert entry.timeline is not None
    clock = FakeClock(START)
    sink = AudioSink([ToneBackend()], load_cue_clips(), clock=clock.now)
    sound = SessionSound(  # as build_sound makes it: the voice is built when v turns it on
        sink,
        SoundStatus(SoundState.PLAYING, "fake"),
        audio=sink,
        settings=AudioSettings(),
        cache=world.tmp / "cache",
    )
    record = None
    if resumable:
        detail = make_session(1, started_at=START - 600, status="interrupted", resume_segment=2)
        write_log(log_path().parent, [detail])
        record = detail.session
        assert record.status is SessionStatus.INTERRUPTED
    session = Session(
        entry=entry,
        timeline=entry.timeline,
        info=session_info(entry, entry.timeline),
        sound=sound,
        log=open_log(log_path()),
        clock=clock,
        options=PlayOptions(),
        wall=lambda: START,
        resumable=record,
    )
    config = pilot.app.config  # type: ignore[attr-defined]
    screen = PlayerScreen(entry, paths=test_paths(), config=config, session=session)
    screen.FINISH_PAUSE = 600.0  # the finished screen stays while its keys are pressed
    pilot.app.push_screen(screen)
    await wait_until(pilot, lambda: screen.session is not None and screen.is_mounted)
    await pilot.pause()
    return Stage(PlayerScreen, clock, screen)


async def advance(stage: Stage, pilot: Pilot[Any], seconds: float) -> None:
    """Move the session's clock on and wake the player as its timers would."""
    assert stage.clock is not None
    assert stage.player is not None
    stage.clock.advance(seconds)
    stage.player.wake()
    await pilot.pause()


def player_at(
    kind: str, text: str = TINY, *, into: float = 1.0, keys: tuple[str, ...] = ()
) -> Setup:
    """The player ``into`` seconds into the first segment of ``kind`` ("open": an open set)."""

    async def setup(pilot: Pilot[Any], world: World) -> Stage:
        stage = await open_session(pilot, world, text)
        assert stage.player is not None
        assert stage.player.session is not None
        player = stage.player.session.player
        await wait_until(pilot, lambda: player.started)
        segments = stage.player.session.timeline.segments
        if kind == "finished":
            await advance(stage, pilot, segments[-1].start + segments[-1].duration + 1)
            assert player.finished
        else:
            segment = next(s for s in segments if (s.open if kind == "open" else s.kind == kind))
            await advance(stage, pilot, segment.start + into)
            assert player.current() == segment
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        return stage

    return setup


def player_waiting(*, resumable: bool) -> Setup:
    """The player before the start: the resume question, or the pain question."""

    async def setup(pilot: Pilot[Any], world: World) -> Stage:
        stage = await open_session(pilot, world, resumable=resumable)
        expected = ResumeQuestion if resumable else PainQuestion
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, expected))
        return Stage(expected, stage.clock, stage.player)

    return setup


def player_modal(keys: tuple[str, ...], top: type[Screen[Any]]) -> Setup:
    """A modal over the player at work, opened with ``keys``."""
    at_work = player_at("work", into=3.0)

    async def setup(pilot: Pilot[Any], world: World) -> Stage:
        stage = await at_work(pilot, world)
        await pilot.press(*keys)
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, top))
        return Stage(top, stage.clock, stage.player)

    return setup


async def summary(pilot: Pilot[Any], world: World) -> Stage:
    """The summary after a finished session (Enter on the finished screen)."""
    stage = await player_at("finished")(pilot, world)
    await pilot.press("enter")
    await wait_until(
        pilot,
        lambda: isinstance(pilot.app.screen, SummaryScreen) and pilot.app.screen.detail is not None,
    )
    return Stage(SummaryScreen, stage.clock, stage.player)


# -- the library, the history, the builder, the rest ----------------------------------------


async def library(pilot: Pilot[Any], world: World) -> Stage:
    """The library with its routines loaded."""
    await settle(pilot)
    await wait_until(pilot, lambda: bool(pilot.app.screen.listed))  # type: ignore[attr-defined]
    return Stage(LibraryScreen)


async def library_search(pilot: Pilot[Any], world: World) -> Stage:
    """The library with its search field focused."""
    await library(pilot, world)
    await pilot.press("slash")
    await pilot.pause()
    return Stage(LibraryScreen)


def history(log: str) -> Setup:
    """The history over a log with sessions ("data"), none ("empty") or a damaged one."""

    async def setup(pilot: Pilot[Any], world: World) -> Stage:
        path = log_path()
        if log == "data":
            write_log(path.parent, history_log(12))
        elif log == "damaged":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"\x00garbage, not SQLite\x00" * 200)
        pilot.app.action_history()  # type: ignore[attr-defined]
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, HistoryScreen))
        await settle(pilot)
        return Stage(HistoryScreen)

    return setup


async def history_problem(pilot: Pilot[Any], world: World) -> Stage:
    """The dialog about a damaged log."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database at all" * 100)
    pilot.app.push_screen(HistoryProblem(CorruptHistoryError(path, "damaged")))
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, HistoryProblem))
    return Stage(HistoryProblem)


def builder(key: str, *, outline: bool = False, picker: bool = False) -> Setup:
    """The builder opened from the library with ``key`` (n: new, C: a copy)."""

    async def setup(pilot: Pilot[Any], world: World) -> Stage:
        await library(pilot, world)
        await pilot.press(key)
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, BuilderScreen))
        screen = pilot.app.screen
        if outline or picker:
            screen.query_one(BuilderOutline).focus()
            await pilot.pause()
        if picker:
            await pilot.press("a")
            await wait_until(pilot, lambda: isinstance(pilot.app.screen, CatalogPicker))
            return Stage(CatalogPicker)
        return Stage(BuilderScreen)

    return setup


async def safety(pilot: Pilot[Any], world: World) -> Stage:
    """The safety notice of the first start."""
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, SafetyScreen))
    return Stage(SafetyScreen)


STATES: dict[str, tuple[AppFactory, Setup]] = {
    "player prepare": (plain_app, player_at("prepare")),
    "player work": (plain_app, player_at("work", into=3.0)),
    "player rest": (plain_app, player_at("rest")),
    "player switch": (plain_app, player_at("switch")),
    "player paused": (plain_app, player_at("work", into=3.0, keys=("space",))),
    "player open set": (plain_app, player_at("open", REPS, into=4.0)),
    "player finished": (plain_app, player_at("finished")),
    "resume question": (plain_app, player_waiting(resumable=True)),
    "pain question": (asking_app, player_waiting(resumable=False)),
    "stop question": (plain_app, player_modal(("q",), ConfirmScreen)),
    "player help": (plain_app, player_modal(("question_mark",), HelpScreen)),
    "summary": (plain_app, summary),
    "library": (library_app, library),
    "library search": (library_app, library_search),
    "history with sessions": (plain_app, history("data")),
    "history empty": (plain_app, history("empty")),
    "history damaged log": (plain_app, history("damaged")),
    "history problem dialog": (plain_app, history_problem),
    "builder new": (library_app, builder("n")),
    "builder copy": (library_app, builder("C", outline=True)),
    "catalog picker": (library_app, builder("n", picker=True)),
    "safety notice": (first_run_app, safety),
}
"""Every state whose keys are pressed: how to build its app, and how to get there."""
