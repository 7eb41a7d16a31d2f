"""A session from the questions before it to the summary after it, and the timers between."""

from __future__ import annotations

from pathlib import Path

import pytest

from matwork.app.config import Config
from matwork.app.library import LibraryEntry, RoutineSource
from matwork.app.session import PlayOptions, Session, build_session, open_log, session_info
from matwork.core.clock import FakeClock
from matwork.core.cues import RecordingSink
from matwork.core.player import Player
from matwork.store.writer import HistoryStore
from matwork.tui.history.summary import SummaryScreen
from matwork.tui.library.screen import LibraryScreen
from matwork.tui.modals.questions import PainQuestion, ResumeQuestion
from matwork.tui.modals.reps import RepsQuestion
from matwork.tui.player.big_timer import BigTimer, timer_text
from matwork.tui.player.breath_meter import BreathMeter
from matwork.tui.player.screen import PlayerScreen
from matwork.tui.player.wake import next_display_change

from helpers.paths import test_paths
from helpers.pilot import wait_until
from helpers.player_ui import START, app_for, audio_sound, open_player
from helpers.store import log_path

SIZE = (100, 30)
OPENINGS = {"prepare", "start", "switch", "rest", "finish"}


async def test_a_whole_session_to_the_summary_and_back_to_the_library(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config)
        seen = []
        while not rig.player.finished:
            await rig.advance(1.0)
            seen.append(rig.screen.query_one(BigTimer).value)
        assert rig.player.session_elapsed() == 136.0
        assert "-finished" in rig.classes()
        assert rig.text("#title") == "Session complete"
        assert rig.screen.query_one(BigTimer).value == "2:16"
        assert rig.screen.timers is not None
        assert rig.screen.timers.wake_at is None
        openings = [cue.kind for cue in rig.sink.cues if cue.kind in OPENINGS]
        assert openings == [
            "prepare",
            *["start", "rest", "start", "switch", "start", "rest"],
            *["start", "rest", "start", "switch", "start", "finish"],
        ]
        assert seen[:5] == ["0:04", "0:03", "0:02", "0:01", "0:20"]
        await rig.press("enter")  # the finished screen: on to the summary at once
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        await wait_until(pilot, lambda: summary.detail is not None)
        assert summary.detail is not None
        assert summary.detail.session.status == "completed"
        assert len(summary.detail.sets) == 6
        await rig.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        assert rig.screen.session is not None
        assert rig.screen.session.log.store is None


async def test_the_finished_screen_goes_on_to_the_summary_by_itself(
    reps: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, reps, config)
        rig.screen.FINISH_PAUSE = 0.05
        rig.player.jump(4)
        await rig.advance(1)
        await rig.press("enter")  # the open set: how many reps?
        await wait_until(pilot, lambda: isinstance(app.screen, RepsQuestion))
        await rig.press("enter")  # as planned
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        await wait_until(pilot, lambda: summary.detail is not None)


async def test_pain_before_is_asked_and_saved(
    tiny: LibraryEntry, asking: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(asking, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, asking, start=False)
        await wait_until(pilot, lambda: isinstance(app.screen, PainQuestion))
        assert rig.screen.session is not None
        assert not rig.player.started
        await pilot.press("3", "enter")
        await wait_until(pilot, lambda: rig.player.started)
        assert rig.screen.pain_before == 3
        log = rig.screen.session.log
        assert log.store is not None
        assert log.uuid is not None
        assert log.store.get_session(log.uuid).session.pain_before == 3


def interrupted_session(entry: LibraryEntry) -> str:
    """A session of ``entry`` that ran past the bridge, then the program died."""
    session = build_session(entry, Config(), test_paths(), clock=FakeClock(), cues=RecordingSink())
    session.player.start()
    session.player.skip()
    session.player.skip()
    assert session.log.uuid is not None
    uuid = session.log.uuid
    session.close()
    return uuid


async def test_an_interrupted_session_is_offered_and_resumed(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    uuid = interrupted_session(tiny)
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config, start=False)
        await wait_until(pilot, lambda: isinstance(app.screen, ResumeQuestion))
        await pilot.press("y")
        await wait_until(pilot, lambda: rig.player.started)
        assert rig.player.index == 2
        assert "-rest" in rig.classes()
        assert rig.screen.session is not None
        log = rig.screen.session.log
        assert log.uuid == uuid


async def test_starting_over_starts_a_new_session(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    uuid = interrupted_session(tiny)
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config, start=False)
        await wait_until(pilot, lambda: isinstance(app.screen, ResumeQuestion))
        await pilot.press("n")
        await wait_until(pilot, lambda: rig.player.started)
        assert rig.player.index == 0
        assert rig.screen.session is not None
        log = rig.screen.session.log
        assert log.uuid not in (None, uuid)


async def test_the_resume_position_is_written_every_ten_seconds(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config)
        await rig.advance(9)
        rig.screen.tick()
        session = rig.screen.session
        assert session is not None
        assert session.log.store is not None
        assert session.log.uuid is not None
        record = session.log.store.get_session(session.log.uuid).session
        assert (record.resume_segment, record.resume_offset) == (0, 0.0)
        await rig.advance(3)
        rig.screen.tick()
        record = session.log.store.get_session(session.log.uuid).session
        assert (record.resume_segment, record.resume_offset) == (1, 7.0)
        assert record.active_seconds == 12.0


def test_the_digit_tick_falls_exactly_where_the_digits_change(tiny: LibraryEntry) -> None:
    assert tiny.timeline is not None
    clock = FakeClock(START)
    player = Player(tiny.timeline, clock, speed=2.0)
    player.start()
    clock.advance(0.3)
    for _ in range(40):
        at = next_display_change(player)
        assert at is not None
        before = timer_text(player.segment_remaining())
        clock.set(at - 1e-6)
        assert timer_text(player.segment_remaining()) == before
        clock.set(at)
        player.poll()
        assert timer_text(player.segment_remaining()) != before or player.index > 0
    player.pause()
    assert next_display_change(player) is None


async def test_the_breath_meter_animates_only_in_a_breathing_set_that_runs(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config)
        timers = rig.screen.timers
        assert timers is not None
        assert not timers.animating
        await rig.advance(6)
        assert timers.animating
        meter = rig.screen.query_one(BreathMeter)
        first = meter.text
        rig.clock.advance(0.5)
        rig.screen._frame()
        assert meter.text != first
        assert meter.text.startswith("Inhale")
        await rig.press("space")
        assert not timers.animating
        await rig.press("space")
        assert timers.animating
        await rig.advance(20)  # the rest
        assert not timers.animating
        assert "-has-breath" not in rig.screen.query_one("#stage").classes


async def test_it_runs_on_its_own_timers(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    """The real monotonic clock at 400x: the timers alone carry it to the summary."""
    app = app_for(config, no_routines)
    sink = RecordingSink()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(
            PlayerScreen(
                tiny, PlayOptions(speed=400, log=True), paths=test_paths(), config=config, cues=sink
            )
        )
        await wait_until(
            pilot, lambda: isinstance(app.screen, SummaryScreen), rounds=8000
        )  # a loaded CI
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        await wait_until(pilot, lambda: summary.detail is not None)
    openings = [cue.kind for cue in sink.cues if cue.kind in OPENINGS]
    assert openings[0] == "prepare"
    assert openings[-1] == "finish"
    assert len(openings) == 13


async def test_compact_layout_in_a_small_terminal(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=(40, 12)) as pilot:
        rig = await open_player(pilot, tiny, config)
        assert "-compact" in rig.classes()
        assert not rig.screen.query_one("#header").display
        assert rig.screen.query_one(BigTimer).display
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert "-compact" not in rig.classes()
        assert rig.screen.query_one("#header").display


async def test_a_log_that_cannot_be_opened_never_blocks_the_session(
    tiny: LibraryEntry,
    config: Config,
    no_routines: list[RoutineSource],
    isolated_dirs: dict[str, Path],
) -> None:
    isolated_dirs["data"].parent.mkdir(parents=True, exist_ok=True)
    isolated_dirs["data"].write_text("not a folder")
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config)
        notes = [n.message for n in app._notifications]
        assert any(note.startswith("not logged: ") for note in notes)
        await rig.press("q", "y")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        assert any(n.message.startswith("The session was not logged") for n in app._notifications)


async def test_a_routine_that_cannot_be_played_says_why_and_q_leaves(
    tmp_path: Path, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        entry = LibraryEntry(path=tmp_path / "gone.toml", origin="user")
        screen = PlayerScreen(entry, paths=test_paths(), config=config, cues=RecordingSink())
        app.push_screen(screen)
        await wait_until(pilot, lambda: screen.is_mounted)
        await wait_until(pilot, lambda: "Cannot play" in str(screen.query_one("#title").render()))
        await pilot.press("q")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))


async def test_voice_and_mute_switch_the_audio_sink(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource], tmp_path: Path
) -> None:
    assert tiny.timeline is not None
    sound, backend = audio_sound(tmp_path)
    session = Session(
        entry=tiny,
        timeline=tiny.timeline,
        info=session_info(tiny, tiny.timeline),
        sound=sound,
        log=open_log(log_path()),
        clock=FakeClock(START),
        options=PlayOptions(),
    )
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        screen = PlayerScreen(tiny, paths=test_paths(), config=config, session=session)
        app.push_screen(screen)
        await wait_until(pilot, lambda: session.player.started)
        assert len(backend.played) == 1  # the prepare's tone
        await pilot.press("v")
        assert sound.audio is not None
        assert sound.audio.voice is not None
        assert screen.query_one("#header-sound").render().plain == "voice"  # type: ignore[union-attr]
        await app.workers.wait_for_complete()
        session.clock.advance(5)  # type: ignore[attr-defined]
        screen.wake()
        assert backend.played[-1].source.parent == tmp_path / "voice"  # spoken
        await pilot.press("m")
        played = len(backend.played)
        session.clock.advance(3)  # type: ignore[attr-defined]
        screen.wake()
        assert len(backend.played) == played
        await pilot.press("m", "v")
        await pilot.pause()
        assert sound.audio.voice is None
        assert screen.query_one("#header-sound").render().plain == ""  # type: ignore[union-attr]


@pytest.mark.parametrize("acknowledged", [True, False])
async def test_matwork_play_opens_the_player_and_quits_after(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource], acknowledged: bool
) -> None:
    if not acknowledged:
        config = Config(session=type(config.session)(pain_question=False))
    app = app_for(config, no_routines)
    app.play_on_start = (tiny, PlayOptions(sound=False, start_at=3))
    async with app.run_test(size=SIZE) as pilot:
        if not acknowledged:
            await pilot.pause()
            await pilot.click("#acknowledge")
        await wait_until(pilot, lambda: isinstance(app.screen, PlayerScreen))
        screen = app.screen
        assert isinstance(screen, PlayerScreen)
        await wait_until(
            pilot, lambda: screen.session is not None and screen.session.player.started
        )
        assert screen.session is not None
        # --start-at 4 (the left side plank): a get-ready for it first, in place of segment 3
        assert screen.session.player.index == 2
        assert "-prepare" in screen.classes
        assert screen.query_one("#title").render().plain == "Side plank"  # type: ignore[union-attr]
        assert screen.session.player.segment_duration() == 5.0  # the routine's prepare
        await pilot.press("q", "y")
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: not app.is_running)
    with HistoryStore(log_path()) as store:
        assert [r.status for r in store.recent_sessions()] == ["stopped"]


async def test_enter_on_a_routine_in_the_library_plays_it_and_comes_back(
    tiny: LibraryEntry, config: Config
) -> None:
    app = app_for(config, [RoutineSource("user", tiny.path.parent)])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        library.query_one("#routines").focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, PlayerScreen))
        screen = app.screen
        assert isinstance(screen, PlayerScreen)
        await wait_until(
            pilot, lambda: screen.session is not None and screen.session.player.started
        )
        assert screen.session is not None
        assert screen.session.timeline.name == "Tiny session"
        await pilot.press("q", "y")
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        await wait_until(pilot, lambda: summary.detail is not None)
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is library)


async def test_a_frame_that_changes_nothing_for_a_while_sets_one_frame_for_the_change(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config)
        timers = rig.screen.timers
        assert timers is not None
        await rig.advance(6)
        assert timers.animating
        rig.screen._frame()  # calm breathing: the bar moves, every frame is drawn
        assert timers._next_frame is None
        assert timers._frames._active.is_set()
        timers.frame_done(rig.clock.now() + 0.1)  # the next change within a frame
        assert timers._next_frame is None
        assert timers._frames._active.is_set()
        timers.frame_done(rig.clock.now() + 0.9)  # a hold: the same line for 0.9 s
        assert timers._next_frame is not None
        assert not timers._frames._active.is_set()
        timers.frame_done(None)
        assert timers._next_frame is None
        assert timers._frames._active.is_set()
        timers.frame_done(rig.clock.now() + 0.9)
        await rig.press("space")  # paused: no frame at all
        assert timers._next_frame is None
        assert not timers.animating
        await rig.press("space")
        assert timers.animating
        assert timers._frames._active.is_set()
