"""The player restyles its screen only for classes that change how it looks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.geometry import Size

from matwork.app.config import Config
from matwork.app.library import LibraryEntry, RoutineSource
from matwork.tui.app import MatworkApp
from matwork.tui.player import screen as player_screen
from matwork.tui.player.screen import UNSTYLED_CLASSES, PlayerScreen
from matwork.tui.widgets.size_classes import size_classes

from helpers.player_ui import app_for, open_player

STYLES = Path(player_screen.__file__).with_name("player.tcss")


def selectors_of(tcss: str) -> str:
    """The selector text of a stylesheet: comments and declaration blocks removed."""
    without_comments = re.sub(r"/\*.*?\*/", "", tcss, flags=re.S)
    return re.sub(r"\{[^{}]*\}", "", without_comments)


@pytest.mark.parametrize("name", sorted(UNSTYLED_CLASSES))
def test_no_rule_names_an_unstyled_class(name: str) -> None:
    selectors = selectors_of(STYLES.read_text(encoding="utf-8"))
    assert ".-prepare" in selectors  # the reading finds the classes that are styled
    assert not re.search(rf"\.{re.escape(name)}\b", selectors)


@pytest.fixture
def restyles(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """The player screen's classes at each of its restyles, in order, from now on."""
    seen: list[set[str]] = []
    real = PlayerScreen.update_node_styles

    def counted(self: PlayerScreen, animate: bool = True) -> None:
        seen.append(set(self.classes))
        real(self, animate)

    monkeypatch.setattr(PlayerScreen, "update_node_styles", counted)
    return seen


async def test_starting_the_session_restyles_the_screen_once(
    tiny: LibraryEntry,
    config: Config,
    no_routines: list[RoutineSource],
    restyles: list[set[str]],
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=(100, 30)) as pilot:
        rig = await open_player(pilot, tiny, config)
        assert rig.player.started
        assert "-waiting" not in rig.screen.classes
        built = [classes for classes in restyles if "-loading" not in classes]
        assert len(built) == 1, restyles  # built and started: one restyle, not two
        assert "-prepare" in built[0]


@pytest.mark.parametrize("size", [(120, 36), (80, 24), (50, 20)])
async def test_the_first_resize_restyles_nothing(
    tiny: LibraryEntry,
    config: Config,
    no_routines: list[RoutineSource],
    restyles: list[set[str]],
    size: tuple[int, int],
) -> None:
    """The width, height and compact classes are set before the widgets are styled, so the
    screen is styled once while it loads (when Textual resumes it), not again on its
    first Resize."""
    app = app_for(config, no_routines)
    async with app.run_test(size=size) as pilot:
        rig = await open_player(pilot, tiny, config)
        assert rig.player.started
        loading = [classes for classes in restyles if "-loading" in classes]
        assert len(loading) == 1, restyles
        wanted = size_classes(rig.screen, app, Size(*size))
        assert {name for name, on in wanted.items() if on} <= loading[0]
        assert ("-compact" in loading[0]) == (size == (50, 20))


@pytest.mark.parametrize("size", [(40, 10), (60, 16), (99, 29), (100, 30), (150, 50)])
async def test_size_classes_are_textuals_own(size: tuple[int, int]) -> None:
    """The classes set ahead are those Textual's Resize gives the screen."""
    from textual.app import App

    class Sized(App[None]):
        HORIZONTAL_BREAKPOINTS = MatworkApp.HORIZONTAL_BREAKPOINTS
        VERTICAL_BREAKPOINTS = MatworkApp.VERTICAL_BREAKPOINTS

    app = Sized()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        wanted = size_classes(app.screen, app, Size(*size))
        assert sum(wanted.values()) == 2
        assert {name for name, on in wanted.items() if on} == set(app.screen.classes)
