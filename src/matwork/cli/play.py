"""``matwork play``: play a routine full screen, or as plain lines with ``--plain``."""

from __future__ import annotations

import click

from matwork.app.paths import Paths
from matwork.app.session import PlayOptions
from matwork.cli.common import FiniteFloatRange, checked_config, fail, resolve_routine
from matwork.i18n import _

__all__ = ["PlayOptions", "play"]

MIN_SPEED = 0.1
"""Slowest --speed: a tenth of real time (slower is never useful, and 1e-300 never ends)."""
MAX_SPEED = 10_000.0
"""Fastest --speed."""


@click.command()
@click.argument("routine")
@click.option("--plain", is_flag=True, help="Plain lines on stdout instead of the full screen.")
@click.option(
    "--speed",
    type=FiniteFloatRange(min=MIN_SPEED, max=MAX_SPEED),
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
@click.option(
    "--log/--no-log",
    default=None,
    help="Write the session to the log (default: yes, but not for a --speed preview).",
)
@click.option("--resume", is_flag=True, help="Continue the interrupted session without asking.")
def play(
    routine: str,
    plain: bool,
    speed: float,
    no_sound: bool,
    voice: bool | None,
    start_at: int,
    log: bool | None,
    resume: bool,
) -> None:
    """Play ROUTINE (a path, or the name of a discovered routine)."""
    try:
        paths = Paths.from_environment()
        entry = resolve_routine(routine, paths)
        if entry.error or entry.timeline is None:
            for problem in entry.error.problems if entry.error else ():
                click.echo(str(problem), err=True)
            raise SystemExit(1)
        count = len(entry.timeline.segments)
        if start_at > count:
            fail(
                _("--start-at {start}: the routine has {count} segments").format(
                    start=start_at, count=count
                )
            )
        options = PlayOptions(speed, not no_sound, voice, start_at - 1, log=log, resume=resume)
        if plain:
            from matwork.cli.play_plain import play_plain

            raise SystemExit(play_plain(entry, options, checked_config(paths), paths))
        from matwork.tui.app import run_player

        raise SystemExit(run_player(entry, options, paths))
    except KeyboardInterrupt:
        click.echo(_("Stopped."))
        raise SystemExit(130) from None
