"""Session log commands: ``log``, ``show``, ``stats``, ``export`` and ``import``.

Rich and the history modules are imported inside the commands, so ``matwork --help``
and the other commands do not pay for them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

if TYPE_CHECKING:
    from rich.table import Table

    from matwork.core.history import HistoryStore, SessionRecord
    from matwork.core.stats import StatsSummary

_Command = TypeVar("_Command", bound=Callable[..., Any])


def _fail(message: str) -> NoReturn:
    """Print a one-line error to stderr and exit 1."""
    click.echo(f"matwork: {message}", err=True)
    raise SystemExit(1)


def data_dir_option(function: _Command) -> _Command:
    """The ``--data-dir`` option every review command takes."""
    option = click.option(
        "--data-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Folder of the session log (overrides MATWORK_DATA_DIR).",
    )
    return option(function)


def _open_store(data_dir: Path | None, *, create: bool = False) -> HistoryStore:
    """The session log, or a clean exit naming what is wrong with it."""
    from matwork.core.history import HistoryError, HistoryStore

    try:
        return HistoryStore(data_dir=data_dir, create=create)
    except HistoryError as error:
        _fail(str(error))
    except OSError as error:
        _fail(f"cannot open the session log: {error}")


def _print_json(value: Any) -> None:
    import msgspec

    click.echo(json.dumps(msgspec.to_builtins(value), indent=2, ensure_ascii=False))


def _local(timestamp: float | None) -> str:
    if timestamp is None:
        return "-"
    return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M")


def _parse_since(text: str) -> float:
    try:
        return datetime.fromisoformat(text).timestamp()
    except ValueError:
        _fail(f"--since: {text!r} is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)")


def _pain(record: SessionRecord) -> str:
    if record.pain_before is None and record.pain_after is None:
        return "-"
    before = "?" if record.pain_before is None else str(record.pain_before)
    after = "?" if record.pain_after is None else str(record.pain_after)
    return f"{before}→{after}"


def _sets(record: SessionRecord) -> str:
    """Sets done out of sets recorded (the rest were skipped)."""
    return f"{record.sets_done}/{record.sets_done + record.sets_skipped}"


@click.command()
@click.option("--since", help="Only sessions started on or after this date (YYYY-MM-DD).")
@click.option("--routine", help="Only sessions of the routine with this name.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the sessions as JSON.")
@data_dir_option
def log(
    since: str | None, routine: str | None, limit: int, as_json: bool, data_dir: Path | None
) -> None:
    """List recent sessions, newest first; the # column is what `matwork show` takes."""
    from matwork.core.history import HistoryError
    from matwork.core.timefmt import clock

    since_epoch = _parse_since(since) if since else None
    with _open_store(data_dir) as store:
        try:
            records = store.recent_sessions(since=since_epoch, routine=routine, limit=limit)
            numbers = [
                store.row_number(record.uuid) if routine else index
                for index, record in enumerate(records, start=1)
            ]
        except HistoryError as error:
            _fail(str(error))
    if as_json:
        _print_json(
            [
                {"number": number, **_builtins(record)}
                for number, record in zip(numbers, records, strict=True)
            ]
        )
        return
    if not records:
        click.echo("No sessions logged yet." if not (since or routine) else "No sessions match.")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, header_style="bold", padding=(0, 2, 0, 0), pad_edge=False)
    for column in ("#", "ID", "Started", "Routine", "Status", "Active", "Sets", "RPE", "Pain"):
        table.add_column(
            column,
            justify="right" if column in ("#", "Active", "RPE") else "left",
            no_wrap=column != "Routine",
        )
    for number, record in zip(numbers, records, strict=True):
        table.add_row(
            str(number),
            record.uuid[:8],
            _local(record.started_at),
            record.routine_name,
            record.status,
            clock(record.active_seconds),
            _sets(record),
            "-" if record.rpe is None else str(record.rpe),
            _pain(record),
        )
    Console(soft_wrap=True, highlight=False).print(table)


def _builtins(value: Any) -> dict[str, Any]:
    import msgspec

    result: dict[str, Any] = msgspec.to_builtins(value)
    return result


@click.command()
@click.argument("session_id")
@click.option("--json", "as_json", is_flag=True, help="Print the session and its sets as JSON.")
@data_dir_option
def show(session_id: str, as_json: bool, data_dir: Path | None) -> None:
    """Show one session and its sets: SESSION_ID is a # from `matwork log` or a uuid prefix."""
    from matwork.core.history import HistoryError
    from matwork.core.timefmt import clock

    with _open_store(data_dir) as store:
        try:
            detail = store.get_session(store.resolve(session_id))
        except HistoryError as error:
            _fail(str(error))
    if as_json:
        _print_json(detail)
        return
    from rich.console import Console
    from rich.table import Table

    record = detail.session
    console = Console(soft_wrap=True, highlight=False)
    console.print(f"[bold]{record.routine_name}[/bold]  {record.uuid}", highlight=False)
    facts = (
        ("Routine file", record.routine_path),
        ("Started", _local(record.started_at)),
        ("Ended", _local(record.ended_at)),
        ("Status", record.status),
        ("Active / planned", f"{clock(record.active_seconds)} / {clock(record.planned_seconds)}"),
        ("RPE", "-" if record.rpe is None else str(record.rpe)),
        ("Pain before→after", _pain(record)),
        ("Notes", record.notes or "-"),
    )
    for label, value in facts:
        console.print(f"  {label + ':':<19} {value}", highlight=False, markup=False)
    if record.status == "interrupted":
        console.print(
            f"  {'Resume at:':<19} segment {record.resume_segment}, "
            f"{record.resume_offset:.0f} s in",
            highlight=False,
        )
    table = Table(box=None, header_style="bold")
    for column in ("Seg", "Exercise", "Category", "Pattern", "Side", "R/S", "Time", "Reps", "Load"):
        table.add_column(column)
    for result in detail.sets:
        reps = "" if result.reps_done is None else str(result.reps_done)
        if result.reps_planned is not None:
            reps += f"/{result.reps_planned}"
        note = " skipped" if result.skipped else ""
        note += " pain" if result.pain_flag else ""
        table.add_row(
            str(result.segment),
            result.exercise_name + note,
            result.category,
            result.pattern,
            result.side or "",
            f"{result.round}/{result.set}",
            f"{clock(result.actual_seconds)}/{clock(result.planned_seconds)}",
            reps,
            result.load or "",
        )
    if detail.sets:
        console.print(table)
    else:
        console.print("  No sets recorded.")


def _zone(name: str | None) -> tzinfo | None:
    if name is None:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        _fail(f"--tz: unknown time zone {name!r} (use an IANA name like Europe/Berlin)")


@click.command()
@click.option("--weeks", type=click.IntRange(min=1), default=8, show_default=True)
@click.option("--tz", "zone_name", help="Time zone for days and weeks (default: the system's).")
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
@data_dir_option
def stats(weeks: int, zone_name: str | None, as_json: bool, data_dir: Path | None) -> None:
    """Weekly totals, streaks, minutes per category and pattern, pain trend, trunk balance."""
    import time

    from matwork.core.history import HistoryError
    from matwork.core.stats import local_date, local_midnight, summarize, window_start_day

    zone = _zone(zone_name)
    now = time.time()
    since = local_midnight(window_start_day(local_date(now, zone), weeks), zone)
    with _open_store(data_dir) as store:
        try:
            sessions, sets, starts = store.stats_rows(since)
        except HistoryError as error:
            _fail(str(error))
    summary = summarize(sessions, sets, weeks=weeks, tz=zone, now=now, training_starts=starts)
    if as_json:
        _print_json(summary)
        return
    _print_stats(summary)


def _numbers_table(label: str, *numbers: str) -> Table:
    """A borderless table: a label column, then right-aligned number columns."""
    from rich.table import Table

    table = Table(box=None, header_style="bold")
    table.add_column(label)
    for column in numbers:
        table.add_column(column, justify="right")
    return table


def _print_stats(summary: StatsSummary) -> None:
    from rich.console import Console

    console = Console(soft_wrap=True, highlight=False)
    console.print(
        f"[bold]Last {summary.weeks} weeks[/bold] (since {summary.since}): "
        f"{summary.sessions} sessions, {summary.minutes:.0f} min"
    )
    streak = summary.streaks
    last = f", last trained {streak.last_day}" if streak.last_day else ""
    console.print(f"Streak: {streak.current} days (longest {streak.longest}){last}")
    weekly = _numbers_table("Week", "Sessions", "Minutes")
    for week in summary.weekly:
        weekly.add_row(week.week, str(week.sessions), f"{week.minutes:.0f}")
    console.print(weekly)
    for title, minutes in (
        ("Category", summary.minutes_by_category),
        ("Pattern", summary.minutes_by_pattern),
    ):
        if minutes:
            table = _numbers_table(title, "Minutes")
            for name, value in minutes.items():
                table.add_row(name, f"{value:.1f}")
            console.print(table)
    balance = summary.trunk_balance
    ratio = "no extension work" if balance.ratio is None else f"ratio {balance.ratio:.2f}"
    console.print(
        f"Trunk balance: flexion side {balance.flexion_minutes:.1f} min, "
        f"extension side {balance.extension_minutes:.1f} min ({ratio})"
    )
    if summary.pain.weekly:
        pain = _numbers_table("Week", "Pain before", "Pain after", "Rated")
        for rated in summary.pain.weekly:
            pain.add_row(
                rated.week,
                "-" if rated.mean_before is None else f"{rated.mean_before:.1f}",
                "-" if rated.mean_after is None else f"{rated.mean_after:.1f}",
                str(rated.sessions),
            )
        console.print(pain)


@click.command()
@click.option(
    "--format",
    "export_format",
    type=click.Choice(["csv", "jsonl"]),
    default="csv",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default: stdout).",
)
@data_dir_option
def export(export_format: str, output: Path | None, data_dir: Path | None) -> None:
    """Export the whole log: CSV (one row per set) or JSON Lines (one session per line)."""
    from matwork.core.history import HistoryError
    from matwork.core.history_io import export as export_log

    with _open_store(data_dir) as store:
        try:
            if output is None:
                export_log(store, export_format, sys.stdout)
            else:
                count = export_log(store, export_format, output)
                click.echo(f"Exported {count} sessions to {output}.", err=True)
        except HistoryError as error:
            _fail(str(error))
        except OSError as error:
            _fail(f"cannot write {output}: {error.strerror or error}")


@click.command(name="import")
@click.argument("file", type=click.Path(path_type=Path))
@data_dir_option
def import_(file: Path, data_dir: Path | None) -> None:
    """Import sessions from a CSV or JSON Lines export; sessions already logged are skipped."""
    from matwork.core.history import HistoryError
    from matwork.core.history_io import import_file

    if not file.is_file():
        _fail(f"{file}: no such file")
    with _open_store(data_dir, create=True) as store:
        try:
            result = import_file(store, file)
        except HistoryError as error:
            _fail(str(error))
    click.echo(
        f"Imported {result.added} sessions ({result.sets} sets); "
        f"{result.already_present} already in the log."
    )
