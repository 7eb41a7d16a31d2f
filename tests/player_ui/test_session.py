"""session.py: the sound a session plays through, its log, and how a session is built."""

from __future__ import annotations

from pathlib import Path

import pytest

from matwork.app.config import Config
from matwork.app.library import LibraryEntry
from matwork.app.session import PlayOptions, build_session, build_sound, sound_overrides
from matwork.app.session_log import LogProblem, SessionLog, open_log
from matwork.audio.clips import load_cue_clips
from matwork.audio.session_sound import SessionSound, SoundState, SoundStatus
from matwork.core.clock import FakeClock
from matwork.core.cues import Cue, CueKind, RecordingSink
from matwork.store.writer import HistoryError, HistoryStore

from helpers.paths import test_paths
from helpers.player_ui import TINY, audio_sound, write
from helpers.store import log_path


def test_mute_drops_cues_and_unmute_lets_them_through() -> None:
    sink = RecordingSink()
    sound = SessionSound(sink, SoundStatus(SoundState.GIVEN))
    sound.play(Cue(CueKind.START, 0.0, 0))
    assert sound.toggle_mute() is True
    sound.play(Cue(CueKind.COUNTDOWN, 1.0, 0))
    assert sound.toggle_mute() is False
    sound.play(Cue(CueKind.FINAL, 2.0, 0))
    assert [cue.kind for cue in sink.cues] == ["start", "final"]


def test_voice_toggles_on_the_audio_sink(tmp_path: Path) -> None:
    sound, backend = audio_sound(tmp_path)
    assert not sound.voice_on
    assert sound.toggle_voice().text() == "Voice on"
    assert sound.voice_on
    assert sound.audio is not None
    assert sound.audio.voice is not None
    cue = Cue(CueKind.START, 0.0, 0, "Glute bridge")
    sound.prepare([cue])
    sound.play(cue)
    assert backend.played[-1].source.name.endswith(".wav")
    assert backend.played[-1].source.parent == tmp_path / "voice"
    assert sound.toggle_voice().text() == "Voice off"
    assert not sound.voice_on
    sound.play(cue)
    assert backend.played[-1].source.name == "start.wav"


def test_voice_needs_sound() -> None:
    sound = SessionSound(RecordingSink(), SoundStatus(SoundState.OFF_BY_CHOICE, "--no-sound"))
    assert sound.toggle_voice().text() == "Voice needs sound (sound off: --no-sound)"
    assert not sound.voice_on


def test_no_sound_is_silent_and_not_a_problem(tiny: LibraryEntry) -> None:
    sound = build_sound(tiny, Config(), test_paths(), PlayOptions(sound=False))
    assert sound.status.text() == "sound off: --no-sound"
    assert sound.status.chosen
    assert sound.audio is None


def test_a_bad_audio_table_gives_silence_and_the_reason(tiny: LibraryEntry) -> None:
    sound = build_sound(tiny, Config(audio={"volume": 3}), test_paths(), PlayOptions())
    assert sound.status.text().startswith("sound off: ")
    assert "volume" in sound.status.text()
    assert not sound.status.chosen
    assert sound.audio is None


def shipped_wav(folder: Path) -> None:
    """Put a real WAV named bell.wav in ``folder``."""
    clip = load_cue_clips()["start"]
    assert clip is not None
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bell.wav").write_bytes(clip.source.read_bytes())


def test_routine_sounds_resolve_beside_the_file(tmp_path: Path) -> None:
    shipped_wav(tmp_path / "r")
    entry = write(
        tmp_path / "r", "own", TINY + '\n[sounds]\nstart = "bell.wav"\nhalfway = "none"\n'
    )
    overrides = sound_overrides(entry)
    assert overrides == {"start": (tmp_path / "r" / "bell.wav").resolve(), "halfway": None}


def test_a_routine_sound_that_is_missing_gives_silence_and_the_reason(tmp_path: Path) -> None:
    text = TINY + '\n[sounds]\nstart = "bell.wav"\n'
    shipped_wav(tmp_path / "r")
    entry = write(tmp_path / "r", "own", text)
    (tmp_path / "r" / "bell.wav").unlink()  # gone between loading and playing
    sound = build_sound(entry, Config(), test_paths(), PlayOptions())
    assert sound.status.text().startswith("sound off: ")
    assert "bell.wav" in sound.status.text()


def test_each_write_is_in_the_log_when_it_returns(tiny: LibraryEntry) -> None:
    session = build_session(
        tiny, Config(), test_paths(), clock=FakeClock(10.0), cues=RecordingSink()
    )
    player, log = session.player, session.log
    assert log.logging
    player.start()
    log.annotate(pain_before=4)
    player.skip()  # prepare
    player.flag_pain()
    player.skip()  # the bridge, skipped with a pain flag
    assert log.uuid is not None
    assert log.store is not None
    with HistoryStore(log.store.path, create=False) as reader:  # another connection
        assert [s.exercise_name for s in reader.get_session(log.uuid).sets] == ["Glute bridge"]
    player.stop()
    assert log.uuid is not None
    store = log.store
    assert store is not None
    detail = store.get_session(log.uuid)
    assert detail.session.status == "stopped"
    assert detail.session.pain_before == 4
    assert [(s.exercise_name, s.skipped, s.pain_flag) for s in detail.sets] == [
        ("Glute bridge", True, True)
    ]
    assert log.memory.ended == ("stopped", 0.0)
    session.close()
    assert log.store is None


def test_a_log_that_cannot_be_opened_does_not_stop_the_session(
    tiny: LibraryEntry, isolated_dirs: dict[str, Path]
) -> None:
    isolated_dirs["data"].parent.mkdir(parents=True, exist_ok=True)
    isolated_dirs["data"].write_text("a file where the folder should be")
    log = open_log(log_path())
    assert log.store is None
    assert log.problem is not None
    assert log.problem.text().startswith("not logged: ")
    session = build_session(
        tiny, Config(), test_paths(), clock=FakeClock(), cues=RecordingSink(), log=log
    )
    assert session.notes() == [log.problem.text()]
    session.player.start()
    session.player.skip()
    session.player.skip()
    assert [s.exercise_name for s in log.memory.sets] == ["Glute bridge"]
    session.close()


def test_a_write_that_fails_mid_session_is_reported_once(tiny: LibraryEntry) -> None:
    heard: list[LogProblem] = []
    store = HistoryStore(log_path())
    log = SessionLog(store, on_problem=heard.append)
    session = build_session(
        tiny, Config(), test_paths(), clock=FakeClock(), cues=RecordingSink(), log=log
    )
    session.player.start()

    def broken(*_: object, **__: object) -> None:
        raise HistoryError(store.path, "disk full")

    store.set_finished = broken  # type: ignore[method-assign]
    session.player.skip()
    session.player.skip()
    session.player.skip()
    session.player.skip()
    assert len(heard) == 1
    assert heard[0].text().startswith("not logged: ")
    assert heard[0].text().endswith("disk full")
    assert not log.logging
    assert len(log.memory.sets) == 2
    session.close()


def test_resume_continues_the_interrupted_row_from_its_segment(tiny: LibraryEntry) -> None:
    first = build_session(tiny, Config(), test_paths(), clock=FakeClock(), cues=RecordingSink())
    first.player.start()
    first.player.skip()
    first.player.skip()  # bridge skipped: resume goes on at segment 2
    uuid = first.log.uuid
    first.close()  # no end: the row reads as interrupted

    again = build_session(tiny, Config(), test_paths(), clock=FakeClock(), cues=RecordingSink())
    assert again.resumable is not None
    assert again.resumable.uuid == uuid
    again.resume(again.resumable)  # raises ResumeError when it cannot
    assert again.player.index == 2
    again.player.start()
    again.player.stop()
    assert again.log.uuid == uuid
    assert again.log.store is not None
    assert again.log.store.get_session(uuid).session.status == "stopped"
    again.close()

    fresh = build_session(tiny, Config(), test_paths(), clock=FakeClock(), cues=RecordingSink())
    assert fresh.resumable is None
    fresh.close()


def test_a_routine_that_did_not_load_cannot_be_built(tmp_path: Path) -> None:
    entry = LibraryEntry(path=tmp_path / "x.toml", origin="user")
    with pytest.raises(ValueError, match="did not load"):
        build_session(entry, Config(), test_paths())


class WaitingAudio:
    """Stands in for an AudioSink: records waits and closes."""

    def __init__(self) -> None:
        self.waits: list[float | None] = []
        self.closed = False
        self.voice = None

    def play(self, cue: Cue) -> None:
        pass

    def wait(self, timeout: float | None = None) -> None:
        self.waits.append(timeout)

    def close(self) -> None:
        self.closed = True


@pytest.mark.parametrize(("finish", "waits"), [(True, [2.0]), (False, [])])
def test_closing_lets_the_finish_chime_play_out_only_after_a_finish(
    tiny: LibraryEntry, finish: bool, waits: list[float]
) -> None:
    clock = FakeClock()
    session = build_session(tiny, Config(), test_paths(), clock=clock, cues=RecordingSink())
    audio = WaitingAudio()
    status = SoundStatus(SoundState.PLAYING, "fake")
    session.sound = SessionSound(audio, status, audio=audio)  # type: ignore[arg-type]
    session.player.start()
    if finish:
        clock.advance(session.timeline.total_seconds + 1)
        session.player.poll()
        assert session.player.finished
    else:
        session.player.stop()
    session.close()
    assert audio.waits == waits
    assert audio.closed
