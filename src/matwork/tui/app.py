"""The Textual app, and the one factory the CLI and the tests build it with.

Importing this module does no work: the config is read, and folders are looked at,
only when ``make_app`` or ``run_app`` is called.
"""

from __future__ import annotations

import asyncio
import gc
import inspect
import signal
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Literal

import msgspec
from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.driver import Driver
from textual.screen import Screen
from textual.theme import ThemeProvider

from matwork.app.config import Config, ConfigError, routine_sources
from matwork.app.config_read import ConfigWarning, read_config
from matwork.app.library import LibraryEntry, RoutineSource
from matwork.app.paths import Paths
from matwork.i18n import lazy_tui_, tui_
from matwork.tui.widgets.bindings_text import lazy_binding, translate_bindings, translate_node
from matwork.tui.widgets.system_commands import translated_commands

if TYPE_CHECKING:
    from matwork.app.session import PlayOptions
    from matwork.tui.library.screen import LibraryScreen

StartScreen = Literal["library", "history", "flow"]
"""The screen the app opens on: the library, the History (the library built when the user
leaves it), or "flow": the caller sets ``play_on_start`` or ``start_flow`` (``play``,
``assess``), and no library is underneath."""


class MatworkApp(App[None]):
    """matwork's terminal UI: the library first, the safety notice on the first start."""

    CSS_PATH = "app.tcss"
    TITLE = "matwork"

    HORIZONTAL_BREAKPOINTS = [(0, "-slim"), (60, "-narrow"), (100, "-wide"), (140, "-very-wide")]
    """Width classes every screen gets (app.tcss and each screen's styles choose by them)."""
    VERTICAL_BREAKPOINTS = [(0, "-tiny"), (16, "-short"), (30, "-tall"), (45, "-very-tall")]
    """Height classes every screen gets."""

    BINDINGS = [
        lazy_binding("q", "quit", lazy_tui_("Quit"), id="quit"),
        lazy_binding("h", "history", lazy_tui_("History"), id="history", show=False),
        lazy_binding("T", "today", lazy_tui_("Today"), id="today", show=False),
        lazy_binding("a", "assess", lazy_tui_("15-min check"), id="assess", show=False),
        lazy_binding(
            App.COMMAND_PALETTE_BINDING,
            "command_palette",
            lazy_tui_("palette"),
            show=False,
            priority=True,
            tooltip=lazy_tui_("Open the command palette"),
            id="command_palette",
        ),
    ]

    def __init__(
        self,
        *,
        config: Config,
        paths: Paths,
        sources: Sequence[RoutineSource],
        poll_seconds: float = 2.0,
        start_screen: StartScreen = "library",
        config_warnings: Sequence[ConfigWarning] = (),
    ) -> None:
        super().__init__()
        self.config = config
        self.paths = paths
        """matwork's folders, resolved once by whoever built the app."""
        self.config_warnings = tuple(config_warnings)
        """What config.toml holds that is ignored: shown as notifications on start."""
        self.sources = tuple(sources)
        self.poll_seconds = poll_seconds
        self.start_screen = start_screen
        self._offer_when_shown = False
        self.play_on_start: tuple[LibraryEntry, PlayOptions] | None = None
        """``matwork play``: (entry, options) to play at once, then quit."""
        self.local_day: Callable[[], date] = date.today
        """Today's local date, for the programme's Today (tests fix it)."""
        self.start_flow: Callable[[], None] | None = None
        """``matwork assess``: screens to push at once (instead of the library's use)."""
        translate_bindings()
        translate_node(self)

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, but on Linux and macOS one whose input thread ends at once on exit."""
        driver = super().get_driver_class()
        from textual.drivers.linux_driver import LinuxDriver

        if driver is LinuxDriver:
            from matwork.tui.driver import QuickExitDriver

            return QuickExitDriver
        return driver

    def get_default_screen(self) -> Screen[Any]:
        """The library is the bottom screen; ``matwork play`` needs none (it quits after).

        ``matwork history`` builds the library only when the user leaves the History.
        """
        flow = self.play_on_start is not None or self.start_flow is not None
        if flow or self.start_screen == "flow":
            return Screen()
        if self.start_screen == "history":
            from matwork.tui.library.later import LibraryLater

            return LibraryLater(self._library_screen)
        return self._library_screen()

    def _library_screen(self) -> Screen[Any]:
        """A new library screen over the app's routine sources."""
        from matwork.tui.library.screen import LibraryScreen

        translate_bindings()  # the library's module may have been imported just now
        return LibraryScreen(
            self.sources, routines_dir=self.paths.routines_dir, poll_seconds=self.poll_seconds
        )

    def on_mount(self) -> None:
        """Apply the user's key map; show the safety notice if not yet acknowledged."""
        self._exit_on_signals()
        for warning in self.config_warnings:
            self.notify(str(warning), title="config.toml", severity="warning", markup=False)
        if self.config.keys:
            self.set_keymap(self.config.keys)
        if self.play_on_start is None and self.start_flow is None:
            self.call_after_refresh(self._offer_assessment)
        if self.start_screen == "history":
            self.action_history()
        if not self.config.session.safety_acknowledged:
            from matwork.tui.modals.safety import SafetyScreen

            self.push_screen(SafetyScreen(first_run=True), self._safety_answered)
        else:
            self._play_on_start()
            self._open_today()

    def _exit_on_signals(self) -> None:
        """SIGTERM or SIGHUP (the terminal closed) ends the app as quitting does.

        The terminal gets its screen back (alternate screen and mouse mode off), and a
        session under way closes its log without ending, so it reads as interrupted and
        can be resumed. Not in a headless test run, which shares the test's process.
        """
        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(number, self._signalled, number)

    def _signalled(self, number: int) -> None:
        self.exit(return_code=128 + number)

    # -- safety -----------------------------------------------------------------

    def _safety_answered(self, acknowledged: bool | None) -> None:
        """First start: save the acknowledgement, or quit when the user declines."""
        if not acknowledged:
            self.exit()
            return
        self._safety_reread(acknowledged)
        self._play_on_start()
        self._open_today()

    def _safety_reread(self, acknowledged: bool | None) -> None:
        """The notice read again: save only a new acknowledgement; closing is fine."""
        if not acknowledged or self.config.session.safety_acknowledged:
            return
        session = msgspec.structs.replace(self.config.session, safety_acknowledged=True)
        self.config = msgspec.structs.replace(self.config, session=session)
        from matwork.app.config_write import ConfigWriteError, save_config_value  # tomlkit: 17 ms

        try:
            save_config_value(self.paths.config_file, "session", "safety_acknowledged", True)
        except ConfigWriteError as error:
            self.notify(
                tui_(
                    "Could not save to {name}: {reason}. The notice will show again next time."
                ).format(name=self.paths.config_file.name, reason=error),
                severity="error",
                timeout=10,
            )

    def action_safety(self) -> None:
        """Show the safety notice again."""
        from matwork.tui.modals.safety import SafetyScreen

        self.push_screen(SafetyScreen(first_run=False), self._safety_reread)

    # -- navigation ---------------------------------------------------------------

    def action_library(self) -> None:
        """Go back to the library, closing the screens above it."""
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_history(self) -> None:
        """Show the session history over the library."""
        from matwork.tui.history.screen import HistoryScreen

        self.action_library()
        self.push_screen(HistoryScreen(self.paths.log_file))

    def action_today(self) -> None:
        """Show the active programme's Today over the library."""
        from matwork.tui.today.screen import TodayScreen

        self.action_library()
        self.push_screen(TodayScreen(self.paths, day=self.local_day))

    def _open_today(self) -> None:
        """At the start: Today when a programme is active (not for ``play`` or ``history``).

        Only over the library: ``play`` and ``assess`` (whose bottom screen is a bare
        Screen) neither import Today nor read the programme's state.
        """
        if self.start_screen == "library" and _on_library(self.screen_stack[0]):
            from matwork.tui.today.startup import open_today

            open_today(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """History, Today and the check work on the library and Today (never over a session)."""
        if action in ("history", "today", "assess"):
            return _on_library(self.screen) or _on_today(self.screen)
        return True

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands (in the language shown), plus the screens and actions of matwork."""
        yield from translated_commands(super().get_system_commands(screen))
        yield SystemCommand(
            tui_("Library"), tui_("Browse, search and start routines"), self.action_library
        )
        yield SystemCommand(
            tui_("History"), tui_("Past sessions, their sets and charts"), self.action_history
        )
        yield SystemCommand(
            tui_("Today"), tui_("The programme's session due, and why"), self.action_today
        )
        yield SystemCommand(
            tui_("Safety notice"), tui_("Read the safety notice again"), self.action_safety
        )
        yield SystemCommand(
            tui_("Self-assessment"),
            tui_("The 15-minute check: red flags, holds, lengths"),
            self.action_assess,
        )
        if _on_library(screen):
            assert hasattr(screen, "start_scan")
            yield SystemCommand(
                tui_("Reload routines"),
                tui_("Look for new and changed routine files now"),
                screen.start_scan,
            )

    def action_command_palette(self) -> None:
        """Show the command palette, its search field in the language shown."""
        palette_open = any(isinstance(shown, CommandPalette) for shown in self.screen_stack)
        if self.use_command_palette and not palette_open:
            placeholder = tui_("Search for commands…")
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def search_themes(self) -> None:
        """The theme picker (Textual's), its search field in the language shown."""
        placeholder = tui_("Search for themes…")
        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=placeholder))

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        """Textual's push_screen, with the key texts of the screen in the language shown."""
        translate_bindings()
        if isinstance(screen, Screen):
            translate_node(screen)
        return super().push_screen(screen, *args, **kwargs)

    def action_assess(self) -> None:
        """The self-assessment: the red-flag check first, then the tests."""
        from matwork.tui.assess.flow import start_assessment

        self.action_library()
        start_assessment(self, self.paths, then=self._offer_assessment)

    def _offer_assessment(self) -> None:
        """The library's "Start with a 15-minute check", while no assessment is logged."""
        from matwork.tui.library.assess_offer import AssessOffer, offer_on

        library = self.screen_stack[0]
        if not _on_library(library):  # `matwork history`: offered once the library shows
            self._offer_when_shown = True
            return
        if not library.is_mounted:  # built, not mounted yet: once it shows
            self._offer_when_shown = True
            return
        if not library.is_attached:  # the app is closing (q on the safety notice)
            return
        found = library.query(AssessOffer)
        if found:
            found.first().recheck()
        else:
            offer_on(library, self.paths.log_file)

    def on_library_screen_shown(self, message: LibraryScreen.Shown) -> None:
        """The library is mounted at last: the offer that waited for it."""
        if self._offer_when_shown:
            self._offer_when_shown = False
            self._offer_assessment()

    def on_library_screen_start(self, message: LibraryScreen.Start) -> None:
        """Start the chosen routine in the player (with a test panel if it has test sets)."""
        from matwork.tui.assess.choose import player_screen_for

        self.push_screen(player_screen_for(message.entry, paths=self.paths))

    def _play_on_start(self) -> None:
        """``matwork play``: the routine in the player, then quit (after the safety notice)."""
        if self.start_flow is not None:
            flow, self.start_flow = self.start_flow, None
            flow()
            return
        if self.play_on_start is None:
            return
        from matwork.tui.assess.choose import player_screen_for

        entry, options = self.play_on_start
        self.play_on_start = None
        screen = player_screen_for(entry, options, paths=self.paths)
        self.push_screen(screen, lambda _: self.exit())


def _on_library(screen: Screen[Any]) -> bool:
    """True when ``screen`` is the library (imported only if it was ever shown)."""
    library = sys.modules.get("matwork.tui.library.screen")
    return library is not None and isinstance(screen, library.LibraryScreen)


def _on_today(screen: Screen[Any]) -> bool:
    """True when ``screen`` is the programme's Today (imported only if it was ever shown)."""
    today = sys.modules.get("matwork.tui.today.screen")
    return today is not None and isinstance(screen, today.TodayScreen)


def make_app(
    *,
    paths: Paths | None = None,
    config: Config | None = None,
    sources: Sequence[RoutineSource] | None = None,
    poll_seconds: float = 2.0,
    start_screen: StartScreen = "library",
) -> MatworkApp:
    """Build the app; the CLI and the tests both come through here.

    ``paths`` defaults to the folders the environment names (resolved here, once),
    ``config`` to the config file (raising ``ConfigError`` if it is bad) and ``sources``
    to the shipped, the user's and the config's routine folders. ``poll_seconds`` is
    how often the library looks for changed files (0: never). ``start_screen``
    "history" opens on the session history; the library is built when the user leaves it.
    The start screen's stylesheet is parsed with the app's ("flow": the caller adds its
    own, as ``run_player`` does; the library's is not needed).
    """
    paths = paths or Paths.from_environment()
    warnings: tuple[ConfigWarning, ...] = ()
    if config is None:
        config, warnings = read_config(paths.config_file)
    if sources is None:
        sources = routine_sources(config, paths)
    app = MatworkApp(
        config=config,
        paths=paths,
        sources=sources,
        poll_seconds=poll_seconds,
        start_screen=start_screen,
        config_warnings=warnings,
    )
    # The first screen's styles are parsed with the app's, once, not in a second parse.
    if start_screen == "history":
        from matwork.tui.history.screen import HistoryScreen

        app.css_path = [*app.css_path, *screen_css_paths(HistoryScreen)]
    elif start_screen == "library":
        from matwork.tui.library.screen import LibraryScreen

        app.css_path = [*app.css_path, *screen_css_paths(LibraryScreen)]
    return app


def screen_css_paths(screen: type[Screen[Any]]) -> list[Path]:
    """A screen class's stylesheets as absolute paths, to hand to the app at its start.

    Textual parses a pushed screen's CSS_PATH by parsing the whole stylesheet again and
    restyling every node; given to the app first, it is parsed once with the app's.
    """
    folder = Path(inspect.getfile(screen)).parent
    given = screen.CSS_PATH
    paths: list[str | PurePath] = (
        [given] if isinstance(given, str | PurePath) else list(given) if given else []
    )
    return [(folder / path).resolve() for path in paths]


NO_TERMINAL_EXIT = 2
"""The exit code when a full screen is asked for without a terminal."""


def no_terminal(what: str, instead: str) -> bool:
    """True (after saying so on stderr) when stdin or stdout is not a terminal."""
    if (
        sys.stdin is not None
        and sys.stdin.isatty()
        and sys.stdout is not None
        and sys.stdout.isatty()
    ):
        return False
    print(
        tui_(
            "matwork: {what} needs a terminal (stdin and stdout are not one); use {instead}"
        ).format(what=what, instead=instead),
        file=sys.stderr,
    )
    return True


def run_app(
    *,
    paths: Paths | None = None,
    start_screen: StartScreen = "library",
) -> int:
    """Run the app in the terminal; the exit code for the CLI (1 for a bad config)."""
    if start_screen == "history" and no_terminal(
        tui_("the history screen"), tui_("`matwork log`, `matwork show N` or `matwork stats`")
    ):
        return NO_TERMINAL_EXIT
    if no_terminal(
        tui_("the routine library"), tui_("`matwork list`, or `matwork play ROUTINE --plain`")
    ):
        return NO_TERMINAL_EXIT
    try:
        app = make_app(paths=paths, start_screen=start_screen)
    except ConfigError as error:
        for problem in error.problems:
            print(f"matwork: {problem}", file=sys.stderr)
        return 1
    gc.freeze()  # what the imports built lives on: later collections need not scan it
    app.run()
    return app.return_code or 0


def run_player(entry: LibraryEntry, options: PlayOptions, paths: Paths | None = None) -> int:
    """``matwork play``: play one routine full screen, then back to the shell; the exit code."""
    instead = tui_("`matwork play {file} --plain`").format(file=entry.path.name)
    if no_terminal(tui_("the full-screen player"), instead):
        return NO_TERMINAL_EXIT
    try:
        app = make_app(paths=paths, sources=(), poll_seconds=0, start_screen="flow")
    except ConfigError as error:
        for problem in error.problems:
            print(f"matwork: {problem}", file=sys.stderr)
        return 1
    app.play_on_start = (entry, options)
    from matwork.tui.assess.choose import player_class_for

    # the player's stylesheets with the app's: one parse of the CSS at the start, not two
    app.css_path = [*app.css_path, *screen_css_paths(player_class_for(entry))]
    gc.freeze()  # what the imports built lives on: later collections need not scan it
    app.run()
    return app.return_code or 0
