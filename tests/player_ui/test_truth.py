"""The full-screen player's part in a truthful log: reps asked, --resume, --voice, --no-log."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input

from matwork.app.config import Config
from matwork.app.library import LibraryEntry, RoutineSource
from matwork.app.session import PlayOptions, Session, session_info
from matwork.app.session_log import open_log
from matwork.audio.clips import load_cue_clips
from matwork.audio.session_sound import SessionSound, SoundState, SoundStatus
from matwork.audio.sink import AudioSink
from matwork.audio.voice import Voice, VoiceEngine
from matwork.core.clock import FakeClock
from matwork.core.cues import RecordingSink
from matwork.store.writer import HistoryStore
from matwork.tui.modals.questions import ResumeQuestion
from matwork.tui.modals.reps import RepsQuestion
from matwork.tui.player.screen import PlayerScreen

from helpers.paths import test_paths as dirs_of_test
from helpers.pilot import wait_until
from helpers.player_ui import START, Rig, ToneBackend, app_for, open_player
from helpers.store import log_path

SIZE = (100, 34)


async def at_the_open_set(rig: Rig) -> None:
    await rig.advance(18 + 5 + 18 + 5 + 7.0)
    segment = rig.player.current()
    assert segment is not None
    assert segment.open


@pytest.mark.parametrize(
    ("keys", "done"),
    [(["enter"], 8), (["5", "enter"], 5), (["up", "up", "enter"], 10), (["down", "enter"], 7)],
)
async def test_an_open_set_asks_for_the_reps_done_and_logs_them(
    reps: LibraryEntry,
    config: Config,
    no_routines: list[RoutineSource],
    keys: list[str],
    done: int,
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, reps, config)
        await at_the_open_set(rig)
        await rig.press("enter")
        question = app.screen
        assert isinstance(question, RepsQuestion)
        assert question.query_one("#reps-done", Input).value == "8"
        assert rig.player.paused
        rig.clock.advance(20)  # answering is not counted
        await rig.press(*keys)
        await wait_until(pilot, lambda: rig.player.finished)
        assert rig.screen.session is not None
        last = rig.screen.session.log.memory.sets[-1]
        assert (last.exercise_name, last.reps_planned, last.reps_done) == ("Bird dog", 8, done)
        assert last.actual_seconds == pytest.approx(7.0)
        uuid = rig.screen.session.log.uuid
        assert uuid is not None
        with HistoryStore(log_path()) as store:
            assert store.get_session(uuid).sets[-1].reps_done == done


async def test_escape_goes_back_to_the_open_set(
    reps: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, reps, config)
        await at_the_open_set(rig)
        await rig.press("enter")
        assert isinstance(app.screen, RepsQuestion)
        await rig.press("escape")
        back: object = app.screen
        assert back is rig.screen
        assert rig.player.running  # the set goes on
        segment = rig.player.current()
        assert segment is not None
        assert segment.open


async def test_resume_flag_resumes_without_asking(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    assert tiny.timeline is not None
    clock = FakeClock(START)
    first = Session(
        entry=tiny,
        timeline=tiny.timeline,
        info=session_info(tiny, tiny.timeline),
        sound=SessionSound(RecordingSink(), SoundStatus(SoundState.GIVEN)),
        log=open_log(log_path()),
        clock=clock,
        options=PlayOptions(),
    )
    first.player.start()
    clock.advance(30.0)  # the bridge done, in the rest
    first.player.poll()
    uuid = first.log.uuid
    first.log.close()  # killed

    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config, options=PlayOptions(resume=True))
        assert not isinstance(app.screen, ResumeQuestion)
        assert rig.player.index == 2
        assert rig.screen.session is not None
        assert rig.screen.session.log.uuid == uuid


@pytest.mark.parametrize("voice", [True, False, None])
async def test_voice_options_build_and_v_switches_without_a_crash(
    tiny: LibraryEntry,
    config: Config,
    no_routines: list[RoutineSource],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    voice: bool | None,
) -> None:
    """--voice, --no-voice and the config, through the real build_sound (no sink given)."""
    null = tmp_path / "asound.conf"
    null.write_text("pcm.!default { type null }\n")
    monkeypatch.setenv("ALSA_CONFIG_PATH", str(null))
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        screen = PlayerScreen(
            tiny, PlayOptions(voice=voice), paths=dirs_of_test(), config=config, clock=FakeClock()
        )
        app.push_screen(screen)
        await wait_until(
            pilot, lambda: screen.session is not None and screen.session.player.started
        )
        assert screen.session is not None
        sound = screen.session.sound
        before = sound.voice_on
        if voice is False or voice is None:
            assert not before
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert sound.voice_on == before
        assert app.screen is screen  # no crash, still playing
        await app.workers.wait_for_complete()


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")
async def test_espeak_speaks_what_comes_next_in_the_get_ready(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource], tmp_path: Path
) -> None:
    assert tiny.timeline is not None
    espeak = shutil.which("espeak-ng")
    assert espeak is not None
    backend = ToneBackend()
    sink = AudioSink([backend], load_cue_clips(), clock=FakeClock().now)
    voice = Voice(VoiceEngine("espeak-ng", espeak), cache=tmp_path / "espeak")
    sound = SessionSound(sink, SoundStatus(SoundState.PLAYING, "fake"), audio=sink, voice=voice)
    assert sound.toggle_voice().text() == "Voice on"
    session = Session(
        entry=tiny,
        timeline=tiny.timeline,
        info=session_info(tiny, tiny.timeline),
        sound=sound,
        log=open_log(log_path()),
        clock=(clock := FakeClock(START)),
        options=PlayOptions(),
    )
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        screen = PlayerScreen(tiny, paths=dirs_of_test(), config=config, session=session)
        app.push_screen(screen)
        await wait_until(pilot, lambda: session.player.started)
        await app.workers.wait_for_complete()  # the warm-up, started before the first cue
        phrase = "Get ready. First: Glute bridge, twenty seconds, ribs down"
        assert voice.clip(phrase) is not None
        assert voice.clip("Rest ten seconds. Next: Side plank, twelve seconds per side")
        clock.advance(5)
        screen.wake()  # the bridge starts: spoken
        clip = backend.played[-1]
        assert clip.source.parent == tmp_path / "espeak"
        assert clip.duration > 0.5  # speech, not a tone
        assert clip.source == voice.cache_path("Glute bridge, twenty seconds")
