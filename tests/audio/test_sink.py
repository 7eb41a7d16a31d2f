"""The cue sink: backend fall-over, priority between overlapping cues, tone or speech."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from matwork.audio import (
    AudioSink,
    AudioStatus,
    BellBackend,
    Clip,
    SilentBackend,
    Voice,
    VoiceEngine,
    load_cue_clips,
)
from matwork.audio.backends import TimedHandle
from matwork.core.cues import Cue

from helpers.paths import test_paths


def _cache() -> Path:
    return test_paths().cache_dir


@pytest.fixture
def clips() -> dict[str, Clip | None]:
    return load_cue_clips(volume=1.0)


def _names(backend: Any) -> list[str]:
    return [clip.source.stem for clip in backend.played]


# -- fall-over ---------------------------------------------------------------------------


def test_first_backend_that_probes_fine_plays(fake_backend: Any, clips: Any) -> None:
    a = fake_backend("a", unavailable="not installed")
    b = fake_backend("b", unavailable="no device")
    c = fake_backend("c")
    d = fake_backend("d")
    sink = AudioSink([a, b, c, d], clips)
    sink.play(Cue("start", 0.0, 0))
    assert (_names(a), _names(b), _names(c), _names(d)) == ([], [], ["start"], [])
    assert d.probes == 0, "backends after the chosen one are not probed"
    assert sink.status.backend == "c"
    assert sink.status.reasons == {"a": "not installed", "b": "no device"}
    assert sink.status.summary() == "sound: c"


def test_a_backend_failing_mid_session_hands_over(fake_backend: Any, clips: Any) -> None:
    a = fake_backend("a", fail_after=2)
    b = fake_backend("b", unavailable="gone")
    c = fake_backend("c")
    sink = AudioSink([a, b, c], clips)
    for i, kind in enumerate(["prepare", "start", "countdown", "final"]):
        sink.play(Cue(kind, float(i), 0))
        sink.wait()
    assert _names(a) == ["prepare", "start"]
    assert _names(c) == ["countdown", "final"], "the cue that hit the failure is not lost"
    assert sink.status.backend == "c"
    assert sink.status.reasons == {"a": "a broke", "b": "gone"}


def test_everything_failing_ends_silent_without_raising(fake_backend: Any, clips: Any) -> None:
    a = fake_backend("a", unavailable="no device")
    b = fake_backend("b", fail_after=0)
    sink = AudioSink([a, b], clips)
    sink.play(Cue("start", 0.0, 0))
    sink.play(Cue("finish", 1.0, 0))
    assert sink.status.backend == "silent"
    assert sink.status.summary() == "sound off: a: no device; b: b broke"


def test_bell_rings_the_ui_bell_or_writes_bel(clips: Any) -> None:
    rung: list[int] = []
    sink = AudioSink([BellBackend(lambda: rung.append(1)), SilentBackend()], clips)
    sink.play(Cue("start", 0.0, 0))
    assert rung == [1]

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Tty()
    sink = AudioSink([BellBackend(stream=tty)], clips)
    sink.play(Cue("start", 0.0, 0))
    assert tty.getvalue() == "\a"
    piped = AudioSink([BellBackend(stream=io.StringIO()), SilentBackend()], clips)
    assert piped.status.reasons == {"bell": "not a terminal"}
    assert piped.status.backend == "silent"


def test_status_groups_identical_reasons() -> None:
    status = AudioStatus(
        backend="silent",
        reasons={"simpleaudio": "no device", "pw-play": "not on PATH", "aplay": "not on PATH"},
    )
    assert status.summary() == "sound off: simpleaudio: no device; pw-play, aplay: not on PATH"


# -- priority ---------------------------------------------------------------------------


def test_lower_cue_is_dropped_while_a_higher_one_sounds(
    fake_backend: Any, clips: Any, clock: Any
) -> None:
    backend = fake_backend("fake")
    sink = AudioSink([backend], clips, clock=clock)
    start = clips["start"].duration  # about 0.32 s
    sink.play(Cue("start", 0.0, 0))
    clock.now = start / 2
    sink.play(Cue("rep", clock.now, 0))
    sink.play(Cue("inhale", clock.now, 0))
    sink.play(Cue("halfway", clock.now, 0))
    assert _names(backend) == ["start"]
    assert sink.dropped == 3
    assert not backend.handles[0].stopped
    clock.now = start + 0.001
    sink.play(Cue("rep", clock.now, 0))
    assert _names(backend) == ["start", "rep"], "once it has ended, anything plays"


def test_higher_cue_cuts_a_lower_one_short(fake_backend: Any, clips: Any, clock: Any) -> None:
    backend = fake_backend("fake")
    sink = AudioSink([backend], clips, clock=clock)
    sink.play(Cue("inhale", 0.0, 0))
    clock.now = 0.1
    sink.play(Cue("countdown", 0.1, 0, count=3))
    clock.now = 0.12
    sink.play(Cue("final", 0.12, 0, count=1))  # same priority: the newer one wins
    clock.now = 0.13
    sink.play(Cue("finish", 0.13, 0))
    assert _names(backend) == ["inhale", "countdown", "final", "finish"]
    assert [h.stopped for h in backend.handles] == [True, True, True, False]
    assert sink.dropped == 0


def test_a_session_never_has_two_sounds_at_once(fake_backend: Any, clips: Any, clock: Any) -> None:
    backend = fake_backend("fake")
    sink = AudioSink([backend], clips, clock=clock)
    kinds = ["start", "rep", "inhale", "countdown", "rep", "exhale", "halfway", "final", "rest"]
    starts: list[float] = []
    for i in range(200):
        clock.now = i * 0.07
        before = len(backend.played)
        sink.play(Cue(kinds[i % len(kinds)], clock.now, 0))
        if len(backend.played) > before:
            starts.append(clock.now)
    played, handles = backend.played, backend.handles
    for k in range(len(played) - 1):
        overlaps = starts[k + 1] < starts[k] + played[k].duration
        assert not overlaps or handles[k].stopped, f"sound {k} overlaps the next one"
    assert sink.dropped > 0
    assert any(h.stopped for h in handles)


# -- tone or speech ---------------------------------------------------------------------


class FakeVoice(Voice):
    """A voice whose phrases are ready-made clips."""

    def __init__(self, phrases: dict[str, Clip], live: bool = False) -> None:
        super().__init__(
            VoiceEngine("spd-say" if live else "espeak-ng", "/bin/true"), cache=_cache() / "voice"
        )
        self._clips = dict(phrases)
        self.spoken: list[str] = []

    def speak(self, text: str) -> Any:
        self.spoken.append(text)
        return TimedHandle(0.0)


def test_voice_speaks_cue_text_and_keeps_tones_for_breath(
    fake_backend: Any, clips: Any, tmp_path: Path
) -> None:
    speech = Clip(tmp_path / "three.wav", b"\x01\x00" * 4410, 1, 22050)
    word = Clip(tmp_path / "inhale.wav", b"\x02\x00" * 4410, 1, 22050)
    voice = FakeVoice({"3": speech, "Inhale": word})
    backend = fake_backend("fake")
    sink = AudioSink([backend], clips, voice=voice)
    for cue in [
        Cue("countdown", 0, 0, text="3", count=3),
        Cue("countdown", 1, 0, text="2", count=2),  # not prepared: the tone
        Cue("inhale", 2, 0, text="Inhale"),
        Cue("start", 3, 0),  # no text: the tone
    ]:
        sink.play(cue)
        sink.wait()
    assert [c.source.stem for c in backend.played] == ["three", "countdown", "inhale", "start"]
    assert backend.played[2] is clips["inhale"], "breath words only with breath voice on"
    assert sink.spoken_phrases([Cue("inhale", 0, 0, text="Inhale"), Cue("rest", 0, 0, text="Rest")])
    assert sink.spoken_phrases([Cue("inhale", 0, 0, text="Inhale")]) == []

    sink.breath_voice = True
    sink.play(Cue("inhale", 5, 0, text="Inhale"))
    assert backend.played[-1] is word


def test_voice_is_not_used_by_a_backend_that_cannot_play_speech(
    fake_backend: Any, clips: Any, tmp_path: Path
) -> None:
    voice = FakeVoice({"Go": Clip(tmp_path / "go.wav", b"\x01\x00" * 100, 1, 22050)})
    bell = fake_backend("bell", speaks=False)
    sink = AudioSink([bell], clips, voice=voice)
    sink.play(Cue("start", 0, 0, text="Go"))
    assert bell.played == [clips["start"]]


def test_muted_cue_is_not_spoken_either(fake_backend: Any, tmp_path: Path) -> None:
    clips = load_cue_clips(muted=["halfway"])
    voice = FakeVoice({"Halfway": Clip(tmp_path / "h.wav", b"\x01\x00" * 100, 1, 22050)})
    backend = fake_backend("fake")
    sink = AudioSink([backend], clips, voice=voice)
    sink.play(Cue("halfway", 0, 0, text="Halfway"))
    assert backend.played == []


def test_live_engine_speaks_directly_and_still_yields_to_priority(
    fake_backend: Any, clips: Any, clock: Any
) -> None:
    voice = FakeVoice({}, live=True)
    backend = fake_backend("fake")
    sink = AudioSink([backend], clips, voice=voice, clock=clock)
    sink.play(Cue("start", 0.0, 0, text="Glute bridge, twelve reps"))
    clock.now = 0.5  # the phrase is estimated at well over half a second
    sink.play(Cue("rep", 0.5, 0, text="1"))
    assert voice.spoken == ["Glute bridge, twelve reps"]
    assert backend.played == []
    assert sink.dropped == 1


def test_falling_over_to_the_bell_turns_the_voice_status_off(
    fake_backend: Any, clips: Any, tmp_path: Path
) -> None:
    voice = FakeVoice({"Go": Clip(tmp_path / "go.wav", b"\x01\x00" * 100, 1, 22050)})
    speaker = fake_backend("speaker", fail_after=1)
    bell = fake_backend("bell", speaks=False)
    sink = AudioSink([speaker, bell], clips, voice=voice)
    assert (sink.status.voice, sink.status.summary()) == (
        "espeak-ng",
        "sound: speaker, voice: espeak-ng",
    )
    sink.play(Cue("start", 0, 0, text="Go"))
    sink.wait()
    sink.play(Cue("start", 1, 0, text="Go"))
    assert speaker.played[0].source.name == "go.wav"
    assert len(bell.played) == 1, "the cue that met the failure rings the bell"
    sink.wait()
    sink.play(Cue("start", 2, 0, text="Go"))
    assert bell.played[1] is clips["start"], "then tones, the bell cannot speak"
    assert sink.status.voice is None
    assert sink.status.voice_reason == "bell cannot play speech"
    assert sink.status.summary() == "sound: bell"
