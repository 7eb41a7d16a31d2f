"""Plain mode: resuming, the stop key, the keys read, and the voice, on a fake clock.

The terminal is replaced by ``helpers.plain.Keys`` (single keys at given instants)
and ``Answers`` (the lines typed at the questions); the ``said`` fixture keeps what is
printed. The same on a real pseudo-terminal: tests/integration/test_plain_pty.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from matwork.app.library import LibraryEntry
from matwork.app.session import (
    NOTHING_TO_RESUME,
    PlayOptions,
    Session,
    session_info,
)
from matwork.app.session_log import SessionLog
from matwork.cli import play_plain as plain
from matwork.cli.plain.terminal import key_tokens
from matwork.core.clock import FakeClock

from helpers.plain import Answers, Keys, VoiceKeys, plain_session
from helpers.player_ui import audio_sound


def killed_after_the_bridge(entry: LibraryEntry) -> str:
    """A session played past the bridge, then 'killed' (its log closed, no end)."""
    clock = FakeClock(1000.0)
    first = plain_session(entry, clock)
    first.player.start()
    clock.advance(27.0)  # the bridge done, 2 s into the rest after it
    first.player.poll()
    uuid = first.log.uuid
    first.log.close()
    assert uuid is not None
    return uuid


def test_a_terminal_run_offers_the_interrupted_session(
    entry: LibraryEntry, said: dict[str, list[str]]
) -> None:
    uuid = killed_after_the_bridge(entry)
    clock = FakeClock(5000.0)
    session = plain_session(entry, clock)
    answers = Answers("y")
    plain.offer_resume(session, session.options, answers)
    assert answers.prompts[0].startswith("An interrupted session of Plain check from ")
    assert "1 set done, 0:25 active, stopped at segment 3. Resume? y/n" in answers.prompts[0]
    assert said["out"] == ["Resuming at segment 3: 1 set done, 0:25 active."]
    session.player.start()
    assert session.log.uuid == uuid  # the same row goes on
    session.close()


def test_without_a_terminal_a_resumable_session_is_named_and_kept(
    entry: LibraryEntry, said: dict[str, list[str]]
) -> None:
    uuid = killed_after_the_bridge(entry)
    session = plain_session(entry, FakeClock(5000.0))
    plain.offer_resume(session, session.options, None)
    assert said["err"][0].startswith("matwork: the interrupted session of Plain check from ")
    assert said["err"][0].endswith(
        "(1 set done, 0:25 active) can be resumed: play it with --resume"
    )
    assert session.player.index == 0
    session.close()

    resumed = plain_session(entry, FakeClock(6000.0), resume=True)
    plain.offer_resume(resumed, resumed.options, None)
    assert resumed.player.index == 2
    resumed.player.start()
    assert resumed.log.uuid == uuid
    resumed.close()


def test_resume_with_nothing_to_resume_says_so(
    entry: LibraryEntry, said: dict[str, list[str]]
) -> None:
    session = plain_session(entry, FakeClock(), resume=True)
    plain.offer_resume(session, session.options, None)
    session.close()
    assert said["err"] == [f"matwork: {NOTHING_TO_RESUME}; starting from the beginning"]


def test_stop_asks_with_one_key(entry: LibraryEntry, said: dict[str, list[str]]) -> None:
    clock = FakeClock(1000.0)
    session = plain_session(entry, clock, log=False)
    keys = Keys(clock, [(1002.0, "q"), (1002.0, "x"), (1003.0, "q"), (1003.0, "y")])
    code = plain.run_plain(
        session.player, clock, sleep=clock.sleep, out=said["out"].append, wait_input=keys,
        session=session,
    )  # fmt: skip
    session.close()
    assert code == 0
    tail = said["out"][-4:]
    assert tail == [
        "Stop the session? y: stop, any other key: go on",
        "Going on.",
        "Stop the session? y: stop, any other key: go on",
        "Stopped.",
    ]
    assert session.player.stopped
    assert session.player.session_elapsed() == pytest.approx(3.0)


@pytest.mark.parametrize(
    ("typed", "keys"),
    [
        (" ", [" "]),
        ("\n", ["enter"]),
        ("\r", ["enter"]),
        ("nb", ["n", "b"]),
        ("\x1b[C\x1b[D", ["right", "left"]),
        ("\x1b", ["escape"]),
        ("\x1b[A", []),  # up: not a key of the player
        ("\x03\x7f", []),
    ],
)
def test_key_tokens(typed: str, keys: list[str]) -> None:
    assert key_tokens(typed) == keys


def test_plain_mode_speaks_and_v_switches_the_voice(
    entry: LibraryEntry, said: dict[str, list[str]], tmp_path: Path
) -> None:
    """A fake speech engine: the phrases are warmed up on a thread, then spoken; v switches."""
    assert entry.timeline is not None
    sound, backend = audio_sound(tmp_path)
    clock = FakeClock(1000.0)
    session = Session(
        entry=entry,
        timeline=entry.timeline,
        info=session_info(entry, entry.timeline),
        sound=sound,
        log=SessionLog(None),
        clock=clock,
        options=PlayOptions(),
    )
    assert session.warm_voice() is None  # voice off: nothing to warm up
    keys = VoiceKeys(clock, [(1000.0, "v"), (1015.0, "v"), (1020.0, "v"), (1045.0, "enter")])
    voice_dir = tmp_path / "voice"
    code = plain.run_plain(
        session.player, clock, sleep=clock.sleep, out=said["out"].append, wait_input=keys,
        session=session,
    )  # fmt: skip
    assert code == 0
    switches = [line for line in said["out"] if line.startswith(("Voice", "Muted"))]
    assert switches == ["Voice on", "Voice off", "Voice on"]
    assert sound.voice_on
    voice = sound.audio.voice if sound.audio else None
    assert voice is not None
    assert voice.clip("Rest five seconds. Next: Bird dog, two reps") is not None
    assert voice.clip("Get ready. First: Glute bridge, twenty seconds, ribs down") is not None
    spoken = [clip for clip in backend.played if clip.source.parent == voice_dir]
    tones = [clip for clip in backend.played if clip.source.parent != voice_dir]
    assert spoken, backend.played
    assert tones  # while the voice was off (5 s to 20 s)
    assert len(backend.played) == len(spoken) + len(tones)
    session.close()
