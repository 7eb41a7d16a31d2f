"""``matwork breaks``: desk-break reminders (run, install, uninstall, status)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from matwork.app.config import ConfigError, load_config
from matwork.app.paths import Paths
from matwork.cli.common import fail
from matwork.i18n import _, ngettext


def _seconds(text: str | None) -> float | None:
    """``--every`` in seconds, or a usage error that shows the accepted forms."""
    if text is None:
        return None
    from matwork.core.breaks import parse_duration

    try:
        seconds = parse_duration(text)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--every") from None
    if seconds > 24 * 3600:
        message = _("{text} is longer than a day").format(text=repr(text))
        raise click.BadParameter(message, param_hint="--every")
    return seconds


@click.group(invoke_without_command=True)
@click.option(
    "--every",
    metavar="DURATION",
    help="Remind after this long (30m, 1h, 90s) instead of the configured interval.",
)
@click.option(
    "--once",
    is_flag=True,
    help="One reminder (after --every or the interval), at any hour, then exit.",
)
@click.pass_context
def breaks(ctx: click.Context, every: str | None, once: bool) -> None:
    """Desk-break reminders: without a command, run them in the foreground.

    Reminders come every interval in working hours (see [breaks] in config.toml), as a
    desktop notification with Start, Snooze and Skip where there is one. Stop with
    Ctrl-C; `matwork breaks install` starts them at every login.
    """
    if ctx.invoked_subcommand is not None:
        if every is not None or once:
            raise click.UsageError("--every and --once go without a subcommand")
        return
    seconds = _seconds(every)
    import asyncio

    from matwork.app.breaks.runner import ServiceError, serve
    from matwork.store.schema import HistoryError

    paths = Paths.from_environment()
    try:
        config = load_config(paths.config_file)
    except ConfigError as error:
        fail(str(error.problems[0]))
    try:
        code = asyncio.run(serve(config, paths, every=seconds, once=once))
    except (ServiceError, HistoryError) as error:
        fail(str(error))
    except KeyboardInterrupt:
        click.echo("\nmatwork breaks: " + _("stopped."))
        code = 0
    raise SystemExit(code)


def _reminders(number: int) -> str:
    return ngettext("{count} reminder", "{count} reminders", number).format(count=number)


def _breaks(number: int) -> str:
    return ngettext("{count} break", "{count} breaks", number).format(count=number)


def _home() -> Path:
    return Path(os.environ.get("HOME") or Path.home())


@breaks.command()
def install() -> None:
    """Start the reminders at login: write a systemd user unit (or a LaunchAgent)."""
    from matwork.app.breaks import install as installer

    paths = Paths.from_environment()

    try:
        result = installer.install(
            home=_home(), env=os.environ, logs=paths.data_dir, run=installer.run_command
        )
    except OSError as error:
        fail(f"cannot install the service: {error}")
    click.echo(f"Wrote {result.path}:\n")
    click.echo(result.content)
    for command in result.commands:
        status = "ok" if command.code == 0 else f"failed (exit {command.code}: {command.output})"
        click.echo(f"$ {' '.join(command.argv)}: {status}")
    if any(command.code != 0 for command in result.commands):
        click.echo(
            "Start it by hand once the service manager is reachable:\n  "
            + installer.manual_commands(result)
        )
    else:
        click.echo(
            "The reminders start now and at every login; `matwork breaks uninstall` removes them."
        )


@breaks.command()
def uninstall() -> None:
    """Stop the reminders and remove the unit (or LaunchAgent) that install wrote."""
    from matwork.app.breaks import install as installer

    result = installer.uninstall(home=_home(), env=os.environ, run=installer.run_command)
    if not result.content:
        click.echo(f"Nothing to remove: {result.path} does not exist.")
        return
    for command in result.commands:
        status = "ok" if command.code == 0 else f"failed (exit {command.code}: {command.output})"
        click.echo(f"$ {' '.join(command.argv)}: {status}")
    click.echo(f"Removed {result.path}.")


@breaks.command()
@click.option("--tz", "zone_name", help="Time zone for today (default: the system's).")
def status(zone_name: str | None) -> None:
    """Whether the reminders run, when the next one comes, and today's breaks."""
    from datetime import datetime

    from matwork.app.breaks.notify import backend_word
    from matwork.app.breaks.status import read_status
    from matwork.app.formats import moment_text
    from matwork.cli.review import _zone
    from matwork.core.break_days import break_days
    from matwork.core.stats import local_date, local_midnight
    from matwork.store.break_log import BreakLog
    from matwork.store.schema import HistoryError

    zone = _zone(zone_name)
    service = read_status(Paths.from_environment().data_dir)
    if service.running and service.state is not None:
        state = service.state
        words = _("Running (pid {pid}), reminders by {backend}.")
        click.echo(words.format(pid=state.pid, backend=backend_word(state.backend)))
        if state.next_due is not None:
            when = moment_text(datetime.fromtimestamp(state.next_due, zone))
            click.echo(_("Next reminder: {when}.").format(when=when))
        else:
            click.echo(_("Next reminder: none in the coming week (check [breaks] days and hours)."))
    elif service.running:
        click.echo(_("Running."))
    else:
        click.echo(_("Not running (start with `matwork breaks`, or `matwork breaks install`)."))
    now = time.time()
    since = local_midnight(local_date(now, zone), zone)
    try:
        with BreakLog(Paths.from_environment().log_file, create=False) as log:
            totals = break_days(log.count_rows(since), zone)
    except HistoryError as error:
        fail(str(error))
    share = ""
    if totals.share_taken is not None:
        share = " " + _("({share} taken)").format(share=f"{totals.share_taken:.0%}")
    words = _("Today: {reminders}, {breaks} started, {completed} completed{share}.")
    click.echo(
        words.format(
            reminders=_reminders(totals.reminders),
            breaks=_breaks(totals.taken),
            completed=totals.completed,
            share=share,
        )
    )
    sys.stdout.flush()
