"""The Textual app, and the one factory the CLI and the tests build it with.

Importing this module does no work: the config is read, and folders are looked at,
only when ``make_app`` or ``run_app`` is called.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import msgspec
import tomli_w
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from matwork import paths
from matwork.config import Config, ConfigError, load_config, routine_sources
from matwork.core.library import LibraryEntry, RoutineSource
from matwork.tui.screens.safety import SafetyScreen

if TYPE_CHECKING:
    from matwork.tui.screens.library import LibraryScreen

PLAYER_MODULE = "matwork.tui.screens.player"

StartScreen = Literal["library", "history"]
"""The screen the app opens on (the library is always underneath)."""


def save_config_value(file: Path, table: str, key: str, value: Any) -> None:
    """Set ``[table] key = value`` in a TOML config file, keeping everything else.

    Creates the file and its folder when missing; writes a temporary file and
    renames it, so a crash never leaves half a config.
    """
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        data = {}
    section = data.setdefault(table, {})
    if not isinstance(section, dict):
        raise ValueError(f"{file}: '{table}' is not a table")
    section[key] = value
    file.parent.mkdir(parents=True, exist_ok=True)
    temporary = file.with_name(file.name + ".tmp")
    temporary.write_text(tomli_w.dumps(data), encoding="utf-8")
    os.replace(temporary, file)


class MatworkApp(App[None]):
    """matwork's terminal UI: the library first, the safety notice on the first start."""

    CSS_PATH = "app.tcss"
    TITLE = "matwork"

    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("h", "history", "History", id="history", show=False),
    ]

    def __init__(
        self,
        *,
        config: Config,
        sources: Sequence[RoutineSource],
        config_file: Path,
        poll_seconds: float = 2.0,
        start_screen: StartScreen = "library",
    ) -> None:
        super().__init__()
        self.config = config
        self.sources = tuple(sources)
        self.config_file = config_file
        self.poll_seconds = poll_seconds
        self.start_screen = start_screen
        self.play_on_start: tuple[LibraryEntry, Any] | None = None
        """``matwork play``: (entry, options) to play at once, then quit."""

    def get_default_screen(self) -> Screen[Any]:
        """The library is the bottom screen; ``matwork play`` needs none (it quits after)."""
        if self.play_on_start is not None:
            return Screen()
        from matwork.tui.screens.library import LibraryScreen

        return LibraryScreen(self.sources, poll_seconds=self.poll_seconds)

    def on_mount(self) -> None:
        """Apply the user's key map; show the safety notice if not yet acknowledged."""
        if self.config.keys:
            self.set_keymap(self.config.keys)
        if self.start_screen == "history":
            self.action_history()
        if not self.config.session.safety_acknowledged:
            self.push_screen(SafetyScreen(first_run=True), self._safety_answered)
        else:
            self._play_on_start()

    # -- safety -----------------------------------------------------------------

    def _safety_answered(self, acknowledged: bool | None) -> None:
        """First start: save the acknowledgement, or quit when the user declines."""
        if not acknowledged:
            self.exit()
            return
        self._safety_reread(acknowledged)
        self._play_on_start()

    def _safety_reread(self, acknowledged: bool | None) -> None:
        """The notice read again: save only a new acknowledgement; closing is fine."""
        if not acknowledged or self.config.session.safety_acknowledged:
            return
        session = msgspec.structs.replace(self.config.session, safety_acknowledged=True)
        self.config = msgspec.structs.replace(self.config, session=session)
        try:
            save_config_value(self.config_file, "session", "safety_acknowledged", True)
        except (OSError, ValueError, tomllib.TOMLDecodeError) as error:
            self.notify(
                f"Could not save to {self.config_file.name}: {error}. "
                "The notice will show again next time.",
                severity="error",
                timeout=10,
            )

    def action_safety(self) -> None:
        """Show the safety notice again."""
        self.push_screen(SafetyScreen(first_run=False), self._safety_reread)

    # -- navigation ---------------------------------------------------------------

    def action_library(self) -> None:
        """Go back to the library, closing the screens above it."""
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_history(self) -> None:
        """Show the session history over the library."""
        from matwork.tui.screens.history import HistoryScreen

        self.action_library()
        self.push_screen(HistoryScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The history key works on the library only (never over a running session)."""
        if action == "history":
            return _on_library(self.screen)
        return True

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands, plus the screens and actions of matwork."""
        yield from super().get_system_commands(screen)
        yield SystemCommand("Library", "Browse, search and start routines", self.action_library)
        yield SystemCommand("History", "Past sessions, their sets and charts", self.action_history)
        yield SystemCommand("Safety notice", "Read the safety notice again", self.action_safety)
        if _on_library(screen):
            assert hasattr(screen, "start_scan")
            yield SystemCommand(
                "Reload routines", "Look for new and changed routine files now", screen.start_scan
            )

    def on_library_screen_start(self, message: LibraryScreen.Start) -> None:
        """Start the chosen routine in the player (when the player exists)."""
        if importlib.util.find_spec(PLAYER_MODULE) is None:
            self.notify(f"{message.entry.name}: player coming soon")
            return
        player = importlib.import_module(PLAYER_MODULE)
        self.push_screen(player.PlayerScreen(message.entry))

    def _play_on_start(self) -> None:
        """``matwork play``: the routine in the player, then quit (after the safety notice)."""
        if self.play_on_start is None:
            return
        entry, options = self.play_on_start
        self.play_on_start = None
        player = importlib.import_module(PLAYER_MODULE)
        self.push_screen(player.PlayerScreen(entry, options), lambda _: self.exit())


def _on_library(screen: Screen[Any]) -> bool:
    """True when ``screen`` is the library (imported only if it was ever shown)."""
    library = sys.modules.get("matwork.tui.screens.library")
    return library is not None and isinstance(screen, library.LibraryScreen)


def make_app(
    *,
    config: Config | None = None,
    sources: Sequence[RoutineSource] | None = None,
    config_file: Path | None = None,
    poll_seconds: float = 2.0,
    start_screen: StartScreen = "library",
) -> MatworkApp:
    """Build the app; the CLI and the tests both come through here.

    ``config`` defaults to the config file (raising ``ConfigError`` if it is bad),
    ``sources`` to the shipped, the user's and the config's routine folders, and
    ``config_file`` (where the safety acknowledgement is saved) to ``paths.config_file()``.
    ``poll_seconds`` is how often the library looks for changed files (0: never).
    ``start_screen`` "history" opens on the session history (over the library).
    """
    file = config_file or paths.config_file()
    if config is None:
        config = load_config(file)
    if sources is None:
        sources = routine_sources(config)
    return MatworkApp(
        config=config,
        sources=sources,
        config_file=file,
        poll_seconds=poll_seconds,
        start_screen=start_screen,
    )


def run_app(
    *,
    config: Config | None = None,
    sources: Sequence[RoutineSource] | None = None,
    start_screen: StartScreen = "library",
) -> int:
    """Run the app in the terminal; the exit code for the CLI (1 for a bad config)."""
    try:
        app = make_app(config=config, sources=sources, start_screen=start_screen)
    except ConfigError as error:
        for problem in error.problems:
            print(f"matwork: {problem}", file=sys.stderr)
        return 1
    app.run()
    return app.return_code or 0


def run_player(entry: LibraryEntry, options: Any) -> int:
    """``matwork play``: play one routine full screen, then back to the shell; the exit code."""
    try:
        app = make_app(sources=(), poll_seconds=0)
    except ConfigError as error:
        for problem in error.problems:
            print(f"matwork: {problem}", file=sys.stderr)
        return 1
    app.play_on_start = (entry, options)
    app.run()
    return app.return_code or 0
