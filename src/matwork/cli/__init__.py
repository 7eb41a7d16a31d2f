"""The ``matwork`` command line (click).

Commands are imported only when they run, so ``matwork log`` does not pay for the
audio stack and ``matwork check`` does not pay for Textual.
"""

from __future__ import annotations

import importlib

import click

from matwork import __version__

COMMANDS: dict[str, str] = {
    "check": "matwork.cli.routines:check",
    "plan": "matwork.cli.routines:plan",
    "list": "matwork.cli.routines:list_routines",
    "schema": "matwork.cli.routines:schema",
    "catalog": "matwork.cli.catalog_cmd:catalog",
    "doctor": "matwork.cli.audio_cmds:doctor",
    "sounds": "matwork.cli.audio_cmds:sounds",
    "log": "matwork.cli.review:log",
    "show": "matwork.cli.review:show",
    "stats": "matwork.cli.review:stats",
    "export": "matwork.cli.review:export",
    "import": "matwork.cli.review:import_",
    "play": "matwork.cli.play:play",
    "new": "matwork.cli.new_cmd:new_routine",
    "history": "matwork.cli.history_cmd:history",
}
"""Command name to "module:attribute" of its click command."""


class LazyGroup(click.Group):
    """A click group that imports each command's module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, sorted."""
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command called ``cmd_name``, imported now."""
        target = COMMANDS.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        module_name, attribute = target.split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="matwork")
@click.pass_context
def main(ctx: click.Context) -> None:
    """matwork: a terminal workout player for back health.

    Without a command, opens the routine library.
    """
    if ctx.invoked_subcommand is None:
        from matwork.tui.app import run_app

        raise SystemExit(run_app())
