"""What the player's start does, and in which order: the benches time it, these check it.

No timing here: the order of events is recorded (frames drawn, sound built, the app's
exit asked for) and the modules a ``play --no-sound`` process imported are listed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from matwork.app.config import Config
from matwork.app.library import LibraryEntry, RoutineSource
from matwork.app.session import PlayOptions
from matwork.audio.session_sound import SessionSound, SoundState, SoundStatus
from matwork.core.clock import FakeClock
from matwork.core.cues import RecordingSink
from matwork.tui.history.summary import SummaryScreen
from matwork.tui.player import session_screen
from matwork.tui.player.screen import PlayerScreen

from helpers.paths import test_paths
from helpers.pilot import wait_until
from helpers.player_ui import START, app_for

SHORT = """
name = "Short"

[defaults]
prepare = 2
countdown = 0
rest = 0

[[block]]
name = "Main"

[[block.exercise]]
id = "front-plank"
work = 3
"""


def _record_frames(monkeypatch: pytest.MonkeyPatch, events: list[str]) -> None:
    """Record each frame the app draws: the player's with its session, or another."""
    real = App._display

    def display(self: App[Any], screen: Any, renderable: Any) -> None:
        real(self, screen, renderable)
        if renderable is None:
            return
        shown = isinstance(screen, PlayerScreen) and screen.session is not None
        events.append("session frame" if shown else "frame")

    monkeypatch.setattr(App, "_display", display)


async def test_sound_is_set_up_after_the_first_frame_and_the_start_waits_for_it(
    tiny: LibraryEntry,
    config: Config,
    no_routines: list[RoutineSource],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    events: list[str] = []
    sink = RecordingSink()
    _record_frames(monkeypatch, events)

    def build_sound(*_: Any, **__: Any) -> SessionSound:
        started = screen.session is not None and screen.session.player.started
        events.append("sound built (session started)" if started else "sound built")
        return SessionSound(sink, SoundStatus(SoundState.GIVEN))

    monkeypatch.setattr(session_screen, "build_sound", build_sound)
    screen = PlayerScreen(
        tiny, PlayOptions(sound=True), paths=test_paths(), config=config, clock=FakeClock(START)
    )
    app = app_for(config, no_routines)
    async with app.run_test() as pilot:
        app.push_screen(screen)
        await wait_until(
            pilot, lambda: screen.session is not None and screen.session.player.started
        )
        session = screen.session
        assert session is not None
        assert not session.sound.pending
        assert session.sound.sink is sink  # cues now sound through what was built
    assert "sound built" in events
    assert "sound built (session started)" not in events
    assert events.index("session frame") < events.index("sound built")


async def test_no_sound_is_set_up_at_once_without_a_probe(
    tiny: LibraryEntry,
    config: Config,
    no_routines: list[RoutineSource],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[str] = []
    monkeypatch.setattr(session_screen, "build_sound", lambda *_, **__: built.append("sound"))
    screen = PlayerScreen(
        tiny, PlayOptions(sound=False), paths=test_paths(), config=config, clock=FakeClock(START)
    )
    app = app_for(config, no_routines)
    async with app.run_test() as pilot:
        app.push_screen(screen)
        await wait_until(
            pilot, lambda: screen.session is not None and screen.session.player.started
        )
        assert screen.session is not None
        assert screen.session.sound.status.state is SoundState.OFF_BY_CHOICE
    assert built == []


async def test_play_exits_as_the_summary_is_left_with_no_timer_between(
    tmp_path: Path, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matwork.app.library import load_entry
    from matwork.tui.assess import choose as assess_choose

    path = tmp_path / "short.toml"
    path.write_text(SHORT, encoding="utf-8")
    entry = load_entry(path)
    clock = FakeClock(START)
    real = assess_choose.player_screen_for

    def on_fake_clock(*args: Any, **kwargs: Any) -> PlayerScreen:
        return real(*args, clock=clock, cues=RecordingSink(), **kwargs)

    monkeypatch.setattr(assess_choose, "player_screen_for", on_fake_clock)
    app = app_for(config, [])
    events: list[str] = []
    real_exit = app.exit

    def exit_(*args: Any, **kwargs: Any) -> None:
        events.append("exit")
        real_exit(*args, **kwargs)

    monkeypatch.setattr(app, "exit", exit_)
    app.play_on_start = (entry, PlayOptions(sound=False))
    async with app.run_test() as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, PlayerScreen)
        await wait_until(
            pilot, lambda: screen.session is not None and screen.session.player.started
        )
        clock.advance(10)
        screen.wake()
        await pilot.press("enter")  # the finished screen: on to the summary at once
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, SummaryScreen))
        assert events == []
        events.append("summary left")
        await pilot.press("escape")
        await pilot.pause()  # one turn of the message queue: no timer, no clock moved
        assert events == ["summary left", "exit"]


SEES_MODULES = r"""
import json, sys
from textual.app import App
from matwork.tui import app as tui_app
from matwork.tui.player.screen import PlayerScreen
real = App._display
styled = set()
def display(self, screen, renderable):
    real(self, screen, renderable)
    if isinstance(screen, PlayerScreen) and screen.session is not None:
        styled.update(name for rule in self.stylesheet.rules for name in rule.selector_names)
        self.exit()
tui_app.MatworkApp._display = display
real_run = App.run
tui_app.MatworkApp.run = lambda self, **_: real_run(self, headless=True, size=(80, 24))
tui_app.no_terminal = lambda what, instead: False
from matwork.cli import main
try:
    main(["play", "--no-sound", sys.argv[1]])
except SystemExit:
    pass
print(json.dumps(sorted(styled)))
print(json.dumps(sorted(sys.modules)))
"""
"""``matwork play --no-sound ROUTINE`` through the CLI, headless, quitting at the first
frame with the session; prints the names the parsed stylesheet's selectors use, then
the names of every module imported."""


@pytest.mark.slow
def test_play_no_sound_imports_and_styles_no_audio_and_no_other_screen(tmp_path: Path) -> None:
    path = tmp_path / "short.toml"
    path.write_text(SHORT, encoding="utf-8")
    config_dir = Path(__import__("os").environ["MATWORK_CONFIG_DIR"])
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.toml").write_text(
        "[session]\nsafety_acknowledged = true\npain_question = false\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-c", SEES_MODULES, str(path)],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    *_, styled_line, modules_line = result.stdout.strip().splitlines()
    modules = json.loads(modules_line)
    assert "matwork.tui.player.screen" in modules  # the player did start
    styled = json.loads(styled_line)
    assert "PlayerScreen" in styled
    assert "SafetyScreen" in styled  # the app's own stylesheet
    assert not {"LibraryScreen", "library-side", "RoutinePreview"} & set(styled)  # not parsed
    audio = [name for name in modules if name.startswith("matwork.audio.")]
    assert audio == ["matwork.audio.session_sound"]  # the silent sound's status, no backend
    assert "simpleaudio" not in modules
    for screens in ("library", "history", "builder", "today"):
        assert not [name for name in modules if name.startswith(f"matwork.tui.{screens}")]
    assert "tomlkit" not in modules
    assert "matwork.tui.assess.choose" in modules  # it chose the player
    assert "matwork.tui.assess.player" not in modules  # no test sets: no test panel
    assert "matwork.core.findings" not in modules
