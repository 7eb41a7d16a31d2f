"""``matwork assess``: the self-assessment. Runs it (TUI or ``--plain``), lists and prints them.

* ``matwork assess``: the red-flag check, then the shipped assessment in the player;
  ``--plain`` does the same as plain lines;
* ``matwork assess --red-flags``: answer the red-flag questions again;
* ``matwork assess --json``: the newest assessment (played or recorded) as JSON, with
  its findings and the retest against the one before;
* ``matwork assess --history``: every assessment (``--json`` for scripts);
* ``matwork assess record FILE``: results measured elsewhere, stored and printed.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import NoReturn

import click

from matwork.app.paths import Paths
from matwork.cli.common import FiniteFloatRange
from matwork.core.assessment_file import ResultsError, load_results
from matwork.i18n import _
from matwork.store.errors import HistoryError


def _print_json(data: object) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _fail(message: str) -> NoReturn:
    click.echo(f"matwork: {message}", err=True)
    raise SystemExit(1)


@click.group(name="assess", invoke_without_command=True)
@click.option("--plain", is_flag=True, help="Plain lines on stdout instead of the full screen.")
@click.option("--json", "as_json", is_flag=True, help="Print the newest assessment as JSON.")
@click.option("--history", "show_history", is_flag=True, help="List every assessment.")
@click.option("--red-flags", "red_flags", is_flag=True, help="Answer the red-flag questions again.")
@click.option("--no-sound", is_flag=True, help="Play no cue sounds.")
@click.option(
    "--speed",
    type=FiniteFloatRange(min=0.1, max=10_000),
    default=1.0,
    hidden=True,
    help="Run session time this many times faster (previews, tests).",
)
@click.option(
    "--log/--no-log",
    default=None,
    hidden=True,
    help="Log the results (default: yes, unless --speed makes it a preview).",
)
@click.pass_context
def assess(
    ctx: click.Context,
    plain: bool,
    as_json: bool,
    show_history: bool,
    red_flags: bool,
    no_sound: bool,
    speed: float,
    log: bool | None,
) -> None:
    """Self-assessment: endurance and length tests, findings against published norms."""
    if ctx.invoked_subcommand is not None:
        return
    paths = Paths.from_environment()
    try:
        if show_history:
            _history(paths, as_json)
        elif as_json:
            _latest_json(paths)
        elif red_flags:
            raise SystemExit(_red_flags(paths, plain))
        else:
            raise SystemExit(_run(paths, plain, no_sound, speed, log))
    except HistoryError as error:
        _fail(str(error))


def _history(paths: Paths, as_json: bool) -> None:
    from matwork.app.assessments import history, report_data, reports

    found = reports(history(paths.log_file))
    if as_json:
        _print_json([report_data(report) for report in found])
        return
    from rich.console import Console

    from matwork.cli.assess_view import history_lines

    console = Console(highlight=False)
    for line in history_lines(found):
        console.print(line)


def _latest_json(paths: Paths) -> None:
    from matwork.app.assessments import latest_report, report_data

    report = latest_report(paths.log_file)
    if report is None:
        _fail(_("no assessment in the log yet (`matwork assess` runs one)"))
    _print_json(report_data(report))


def _red_flags(paths: Paths, plain: bool) -> int:
    from matwork.core.red_flags import CheckReason

    if plain:
        from matwork.cli.plain_tests import LineInput, asker
        from matwork.cli.red_flags_plain import run_check

        ask = asker(LineInput(sys.stdin), click.echo)
        return 1 if run_check(paths.log_file, ask, click.echo, CheckReason.RECHECK) else 0
    from matwork.tui.assess.run import run_red_flags

    return run_red_flags(paths)


def _run(paths: Paths, plain: bool, no_sound: bool, speed: float, log: bool | None) -> int:
    from matwork.app.session import PlayOptions
    from matwork.cli.common import checked_config

    config = checked_config(paths)
    options = PlayOptions(speed=speed, sound=not no_sound, log=log)
    if plain:
        from matwork.cli.assess_plain import PlainRun, assess_plain
        from matwork.cli.plain_tests import LineInput

        try:
            return assess_plain(config, paths, options, PlainRun(LineInput(sys.stdin), click.echo))
        except KeyboardInterrupt:
            click.echo(_("Stopped."))
            return 130
    from matwork.tui.assess.run import run_assessment

    return run_assessment(paths, options)


@assess.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=True))
@click.option("--json", "as_json", is_flag=True, help="Print results, ratios and findings as JSON.")
def record(file: Path, as_json: bool) -> None:
    """Read the results in FILE (TOML), store them in the log and print the findings."""
    from matwork.app.assessments import report_data, store_record

    try:
        results = load_results(file)
    except ResultsError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        raise SystemExit(1) from None
    paths = Paths.from_environment()
    try:
        report = store_record(
            paths.log_file, results, str(file.resolve()), date.today(), now=time.time()
        )
    except HistoryError as error:
        _fail(_("not stored: {error}").format(error=error))
    if as_json:
        _print_json(report_data(report))
        return
    from rich.console import Console

    from matwork.cli.assess_view import print_report

    console = Console(highlight=False)
    print_report(report, str(file), console)
    console.print(
        _("Stored in the log as assessment {id}.").format(id=report.stored.id), markup=False
    )


@assess.command()
def schema() -> None:
    """Print the JSON Schema of the results-file format."""
    from matwork.core.assessment_file import results_schema_text

    click.echo(results_schema_text(), nl=False)
