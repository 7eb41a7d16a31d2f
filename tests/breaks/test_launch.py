"""Where Start plays the routine: a new terminal window, or the terminal breaks runs in."""

from __future__ import annotations

from pathlib import Path

import pytest

from matwork.app.breaks.launch import LaunchWhere, plan_launch

PY = "/venv/bin/python"
PLAY = [PY, "-m", "matwork", "play", "desk-break-hips"]


def which_of(*found: str):
    return lambda name: f"/usr/bin/{name}" if name in found else None


def test_the_configured_terminal_command_comes_first() -> None:
    plan = plan_launch(
        "desk-break-hips", configured="kitty --title break --", env={}, which=which_of(), python=PY
    )
    assert plan.argv == ["kitty", "--title", "break", "--", *PLAY]
    assert plan.where is LaunchWhere.WINDOW


def test_dollar_terminal_then_the_known_terminals() -> None:
    display = {"DISPLAY": ":0", "TERMINAL": "alacritty"}
    plan = plan_launch(
        "desk-break-hips", env=display, which=which_of("alacritty"), python=PY, platform="linux"
    )
    assert plan.argv == ["alacritty", "-e", *PLAY]
    for found, prefix in [
        ("x-terminal-emulator", ["x-terminal-emulator", "-e"]),
        ("gnome-terminal", ["gnome-terminal", "--"]),
        ("kitty", ["kitty"]),
        ("wezterm", ["wezterm", "start", "--"]),
    ]:
        plan = plan_launch(
            "desk-break-hips",
            env={"WAYLAND_DISPLAY": "wayland-0"},
            which=which_of(found),
            python=PY,
            platform="linux",
        )
        assert plan.argv == [*prefix, *PLAY], found


def test_without_a_graphical_session_it_plays_here_or_nowhere() -> None:
    here = plan_launch(
        "desk-break-hips",
        env={},
        which=which_of("kitty"),
        python=PY,
        platform="linux",
        here_is_terminal=True,
    )
    assert (here.argv, here.where) == (PLAY, LaunchWhere.HERE)
    nowhere = plan_launch("desk-break-hips", env={}, which=which_of(), python=PY, platform="linux")
    assert nowhere.where is LaunchWhere.NOWHERE
    assert nowhere.terminal == "no graphical session"


@pytest.mark.parametrize(("iterm", "application"), [(True, "iTerm"), (False, "Terminal")])
def test_macos_uses_osascript(tmp_path: Path, iterm: bool, application: str) -> None:
    if iterm:
        (tmp_path / "iTerm.app").mkdir()
    plan = plan_launch(
        "desk-break-hips",
        env={},
        which=which_of("osascript"),
        python=PY,
        platform="darwin",
        apps=tmp_path,
    )
    assert plan.argv[:2] == ["osascript", "-e"]
    assert f'tell application "{application}"' in plan.argv[2]
    assert '"/venv/bin/python -m matwork play desk-break-hips"' in plan.argv[2]
