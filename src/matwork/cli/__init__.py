"""The ``matwork`` command line (click).

Commands are imported only when they run, so ``matwork log`` does not pay for the
audio stack and ``matwork check`` does not pay for Textual.
"""

from __future__ import annotations

import importlib

import click

from matwork import __version__
from matwork.cli.help_text import choose_language, translate_help
from matwork.i18n import UI_LANGUAGES

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
    "assess": "matwork.cli.assess_cmd:assess",
    "programme": "matwork.cli.programme_cmd:programme",
    "today": "matwork.cli.programme_cmd:today",
    "checkin": "matwork.cli.programme_cmd:checkin",
    "breaks": "matwork.cli.breaks_cmd:breaks",
}
"""Command name to "module:attribute" of its click command."""


class LazyGroup(click.Group):
    """A click group that imports each command's module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, sorted."""
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Choose the language first (``--help`` is answered while parsing), then parse."""
        if ctx.parent is None:
            choose_language(args)
            translate_help(self, ctx)
        return super().parse_args(ctx, args)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command called ``cmd_name``, imported now, its help in the language in use."""
        target = COMMANDS.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        module_name, attribute = target.split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        translate_help(command, ctx)
        return command


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="matwork")
@click.option(
    "--lang",
    type=click.Choice(UI_LANGUAGES),
    expose_value=False,
    help="Language of the interface, the catalog, the routines and the voice "
    "(default: [ui] language in config, else the system locale, else en).",
)
@click.pass_context
def main(ctx: click.Context) -> None:
    """matwork: a terminal workout player for back health.

    Without a command, opens the routine library.
    """
    from matwork.cli.terminal import ascii_fallback

    ascii_fallback()
    import atexit
    import gc

    atexit.register(gc.freeze)  # the last handler: the exit skips collecting every object
    if ctx.invoked_subcommand is None:
        from matwork.tui.app import run_app

        raise SystemExit(run_app())
