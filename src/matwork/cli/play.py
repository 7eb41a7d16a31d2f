"""``matwork play``: play a routine full screen, or as plain lines with ``--plain``."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable

import click

from matwork.cli.common import fail, resolve_routine
from matwork.config import ConfigError, load_config
from matwork.core.library import LibraryEntry
from matwork.session import PlayOptions

__all__ = ["FULL_SCREEN_MODULE", "PlayOptions", "play"]

FULL_SCREEN_MODULE = "matwork.tui.app"
"""The module whose ``run_player(entry, options)`` plays full screen."""


def _full_screen_player() -> Callable[[LibraryEntry, PlayOptions], int | None] | None:
    """``run_player`` of the full-screen module, or None while it does not exist."""
    try:
        if importlib.util.find_spec(FULL_SCREEN_MODULE) is None:
            return None
    except ModuleNotFoundError:
        return None
    run_player = getattr(importlib.import_module(FULL_SCREEN_MODULE), "run_player", None)
    return run_player if callable(run_player) else None


@click.command()
@click.argument("routine")
@click.option("--plain", is_flag=True, help="Plain lines on stdout instead of the full screen.")
@click.option(
    "--speed",
    type=click.FloatRange(min=0, min_open=True, max=10_000),
    default=1.0,
    show_default=True,
    help="Run session time this many times faster (for previews).",
)
@click.option("--no-sound", is_flag=True, help="Play no cue sounds.")
@click.option("--voice/--no-voice", default=None, help="Speak the cues (default: from config).")
@click.option(
    "--start-at",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Start at segment N, as numbered by `matwork plan`.",
)
def play(
    routine: str, plain: bool, speed: float, no_sound: bool, voice: bool | None, start_at: int
) -> None:
    """Play ROUTINE (a path, or the name of a discovered routine)."""
    try:
        entry = resolve_routine(routine)
        if entry.error or entry.timeline is None:
            for problem in entry.error.problems if entry.error else ():
                click.echo(str(problem), err=True)
            raise SystemExit(1)
        count = len(entry.timeline.segments)
        if start_at > count:
            fail(f"--start-at {start_at}: the routine has {count} segments")
        options = PlayOptions(speed, not no_sound, voice, start_at - 1)
        if plain:
            from matwork.cli.play_plain import play_plain

            try:
                config = load_config()
            except ConfigError as error:
                fail(str(error.problems[0]))
            raise SystemExit(play_plain(entry, options, config))
        run_player = _full_screen_player()
        if run_player is None:
            fail("the full-screen player is not built yet", "use --plain")
        raise SystemExit(run_player(entry, options))
    except KeyboardInterrupt:
        click.echo("Stopped.")
        raise SystemExit(130) from None
