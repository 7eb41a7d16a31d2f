"""The ``matwork`` command line (click)."""

from __future__ import annotations

import click

from matwork import __version__
from matwork.cli.audio_cmds import doctor, sounds
from matwork.cli.catalog_cmd import catalog
from matwork.cli.routines import check, list_routines, plan, schema


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="matwork")
@click.pass_context
def main(ctx: click.Context) -> None:
    """matwork: a terminal workout player for back health.

    Without a command, opens the routine library.
    """
    if ctx.invoked_subcommand is None:
        from matwork.tui.app import run_app

        raise SystemExit(run_app())


for command in (check, plan, list_routines, schema, catalog, doctor, sounds):
    main.add_command(command)
