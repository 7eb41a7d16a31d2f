"""``matwork today --play``: play today's session (its doses in) and log it against the programme.

It plays what the Today view's Enter plays: the session due, or when the week's
sessions are done, the first of today's desk breaks still to do. ``--plain`` plays it
as lines (as ``matwork play --plain``), otherwise full screen.
"""

from __future__ import annotations

import click

from matwork.app.paths import Paths
from matwork.app.programme_today import TodayPlan
from matwork.app.session import PlayOptions
from matwork.cli.common import checked_config
from matwork.i18n import _


def play_today(plan: TodayPlan, options: PlayOptions, *, plain: bool, paths: Paths) -> int:
    """Play the first playable thing of ``plan``; the exit code (0 with nothing to play)."""
    from matwork.app.programme_play import first_playable, today_options

    chosen = first_playable(plan)
    if chosen is None:
        click.echo(_("Nothing of the programme is due today: everything is done. Well rested!"))
        return 0
    entry = chosen.session.entry
    words = _("Playing {title}: {name} (logged against {programme})")
    click.echo(words.format(title=chosen.title, name=entry.name, programme=plan.programme.name))
    played = today_options(plan, chosen.session, options)
    try:
        if plain:
            from matwork.cli.play_plain import play_plain

            return play_plain(entry, played, checked_config(paths), paths)
        from matwork.tui.app import run_player

        return run_player(entry, played, paths)
    except KeyboardInterrupt:
        click.echo(_("Stopped."))
        return 130
