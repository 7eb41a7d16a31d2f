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

from matwork.i18n import _, ngettext

if TYPE_CHECKING:
    from matwork.store.writer import HistoryStore

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


def _open_store(data_dir: Path | None, *, write: bool = False) -> HistoryStore:
    """The session log, or a clean exit naming what is wrong with it.

    Opened read-only unless ``write`` (import): ``log``, ``show``, ``stats`` and
    ``export`` work on a read-only disk and never change the file.
    """
    from matwork.app.paths import Paths
    from matwork.store.writer import HistoryError, HistoryStore

    path = Paths.from_environment().with_data_dir(data_dir).log_file
    try:
        return HistoryStore(path, create=write, read_only=not write)
    except HistoryError as error:
        _fail(str(error))
    except OSError as error:
        _fail(_("cannot open the session log: {error}").format(error=error))


def _print_json(value: Any) -> None:
    import msgspec

    click.echo(json.dumps(msgspec.to_builtins(value), indent=2, ensure_ascii=False))


def _parse_since(text: str) -> float:
    try:
        return datetime.fromisoformat(text).timestamp()
    except ValueError:
        words = _("--since: {text} is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)")
        _fail(words.format(text=repr(text)))


@click.command()
@click.option("--since", help="Only sessions started on or after this date (YYYY-MM-DD).")
@click.option("--routine", help="Only sessions of the routine with this name.")
@click.option("--limit", type=click.IntRange(min=1, max=1_000_000), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the sessions as JSON.")
@data_dir_option
def log(
    since: str | None, routine: str | None, limit: int, as_json: bool, data_dir: Path | None
) -> None:
    """List recent sessions, newest first; the # column is what `matwork show` takes."""
    from matwork.app.formats import log_time_text
    from matwork.core.log_text import (
        STATUS_CELLS,
        pain_text,
        rating_text,
        readable,
        sets_text,
    )
    from matwork.core.timefmt import clock
    from matwork.store.records import unreadable_of
    from matwork.store.writer import HistoryError

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
        click.echo(
            _("No sessions logged yet.") if not (since or routine) else _("No sessions match.")
        )
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold", padding=(0, 2, 0, 0), pad_edge=False)
    headers = {
        "#": "#",
        "ID": "ID",
        "Started": _("Started"),
        "Routine": _("Routine"),
        "Status": _("Status"),
        "Active": _("Active"),
        "Sets": _("Sets"),
        "RPE": _("RPE"),
        "Pain": _("Pain"),
    }
    console = Console(soft_wrap=True, highlight=False)
    with_ids = console.width >= WIDE_LOG  # `show` takes the # too: narrow, the name gets room
    if not with_ids:
        del headers["ID"]
    for column, header in headers.items():
        table.add_column(
            header,
            justify="right" if column in ("#", "Active", "RPE") else "left",
            no_wrap=column != "Routine",
        )
    for number, record in zip(numbers, records, strict=True):
        bad = unreadable_of(record)
        ids = [Text(readable(record.uuid[:8], bad, "uuid"))] if with_ids else []
        table.add_row(
            str(number),
            *ids,
            readable(log_time_text(record.started_at), bad, "started_at"),
            Text(readable(record.routine_name, bad, "routine_name")),
            readable(str(STATUS_CELLS.get(record.status, record.status.value)), bad, "status"),
            readable(clock(record.active_seconds), bad, "active_seconds"),
            sets_text(record.sets_done, record.sets_skipped),
            readable(rating_text(record.rpe), bad, "rpe"),
            readable(
                pain_text(record.pain_before, record.pain_after), bad, "pain_before", "pain_after"
            ),
        )
    console.print(table)


WIDE_LOG = 100
"""From this many columns ``matwork log`` shows each session's id beside its #."""


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
    from rich.text import Text

    from matwork.app.formats import log_time_text
    from matwork.core.kinds import SessionStatus
    from matwork.core.log_text import (
        STATUS_CELLS,
        pain_text,
        rating_text,
        readable,
        reps_text,
        side_text,
    )
    from matwork.core.timefmt import clock
    from matwork.store.records import unreadable_of
    from matwork.store.writer import HistoryError

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
    bad = unreadable_of(record)
    console = Console(soft_wrap=True, highlight=False)
    console.print(
        Text.assemble(
            (readable(record.routine_name, bad, "routine_name"), "bold"), f"  {record.uuid}"
        )
    )
    active = readable(clock(record.active_seconds), bad, "active_seconds")
    planned = readable(clock(record.planned_seconds), bad, "planned_seconds")
    facts = (
        (_("Routine file"), readable(record.routine_path, bad, "routine_path")),
        (_("Started"), readable(log_time_text(record.started_at), bad, "started_at")),
        (_("Ended"), readable(log_time_text(record.ended_at), bad, "ended_at")),
        (_("Status"), readable(str(STATUS_CELLS.get(record.status, "?")), bad, "status")),
        (_("Active / planned"), f"{active} / {planned}"),
        (_("RPE"), readable(rating_text(record.rpe), bad, "rpe")),
        (
            _("Pain before→after"),
            readable(
                pain_text(record.pain_before, record.pain_after), bad, "pain_before", "pain_after"
            ),
        ),
        (_("Notes"), readable(record.notes or "-", bad, "notes")),
    )
    width = max(19, *(len(label) + 1 for label, _value in facts))
    for label, value in facts:
        console.print(f"  {label + ':':<{width}} {value}", highlight=False, markup=False)
    if record.status is SessionStatus.INTERRUPTED:
        where = _("segment {segment}, {seconds} s in").format(
            segment=record.resume_segment, seconds=f"{record.resume_offset:.0f}"
        )
        console.print(f"  {_('Resume at:'):<{width}} {where}", highlight=False)
    table = Table(box=None, header_style="bold")
    columns = (
        _("Seg"),
        _("Exercise"),
        _("Category"),
        _("Pattern"),
        _("Side"),
        _("R/S"),
        _("Time"),
        _("Reps"),
        _("Load"),
    )
    for column in columns:
        table.add_column(column)
    for result in detail.sets:
        marks = unreadable_of(result)
        note = " " + _("skipped") if result.skipped else ""
        note += " " + _("pain") if result.pain_flag else ""
        note += " ?" if "skipped" in marks or "pain_flag" in marks else ""
        table.add_row(
            readable(str(result.segment), marks, "segment"),
            Text(readable(result.exercise_name, marks, "exercise_name") + note),
            Text(readable(result.category, marks, "category")),
            Text(readable(result.pattern, marks, "pattern")),
            readable(_(side_text(result.side)) if result.side else "", marks, "side"),
            f"{readable(str(result.round), marks, 'round')}/"
            f"{readable(str(result.set), marks, 'set')}",
            f"{readable(clock(result.actual_seconds), marks, 'actual_seconds')}/"
            f"{readable(clock(result.planned_seconds), marks, 'planned_seconds')}",
            readable(
                reps_text(result.reps_done, result.reps_planned), marks, "reps_done", "reps_planned"
            ),
            Text(readable(result.load or "", marks, "load")),
        )
    if detail.sets:
        console.print(table)
    else:
        console.print("  " + _("No sets recorded."))


def _zone(name: str | None) -> tzinfo | None:
    if name is None:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        words = _("--tz: unknown time zone {name} (use an IANA name like Europe/Berlin)")
        _fail(words.format(name=repr(name)))


@click.command()
@click.option("--weeks", type=click.IntRange(min=1, max=520), default=8, show_default=True)
@click.option("--tz", "zone_name", help="Time zone for days and weeks (default: the system's).")
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
@data_dir_option
def stats(weeks: int, zone_name: str | None, as_json: bool, data_dir: Path | None) -> None:
    """Weekly totals, streaks, minutes per category and pattern, pain, balance, the week's dose."""
    import time

    from matwork.core.stats import local_date, local_midnight, summarize, window_start_day
    from matwork.store.writer import HistoryError

    zone = _zone(zone_name)
    now = time.time()
    since = local_midnight(window_start_day(local_date(now, zone), weeks), zone)
    with _open_store(data_dir) as store:
        try:
            sessions, sets, starts = store.stats_rows(since)
        except HistoryError as error:
            _fail(str(error))
        left_out = store.rows_left_out
    summary = summarize(sessions, sets, weeks=weeks, tz=zone, now=now, training_starts=starts)
    if left_out:
        click.echo(
            f"matwork: {left_out} rows of the log could not be read and were left out "
            "(see `matwork log`, where their values show as ?)",
            err=True,
        )
    from matwork.cli.dose_view import print_week, report_json, week_report

    report = week_report(data_dir, since, zone, now)
    if as_json:
        _print_json({**_builtins(summary), **report_json(report)})
        return
    from matwork.cli.stats_text import print_stats

    print_stats(summary)
    _print_breaks(since, zone, data_dir)
    print_week(report)


def _print_breaks(since: float, zone: tzinfo | None, data_dir: Path | None) -> None:
    """The desk-break line of ``stats``: reminders per workday and the share taken."""
    from matwork.app.formats import number_text
    from matwork.app.paths import Paths
    from matwork.core.break_days import break_days
    from matwork.store.break_log import BreakLog
    from matwork.store.writer import HistoryError

    try:
        path = Paths.from_environment().with_data_dir(data_dir).log_file
        with BreakLog(path, read_only=True) as log:
            totals = break_days(log.count_rows(since), zone)
    except HistoryError as error:
        _fail(str(error))
    if totals.reminders:
        per_day = totals.reminders / len(totals.days)
        words = _(
            "Desk breaks: {reminders} reminders on {days} workdays ({per_day} a day), "
            "{taken} taken ({share}), {completed} completed"
        )
        click.echo(
            words.format(
                reminders=totals.reminders,
                days=len(totals.days),
                per_day=number_text(per_day, 1),
                taken=totals.taken,
                share=f"{totals.share_taken:.0%}",
                completed=totals.completed,
            )
        )


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
    help="File to write (default: stdout); never the log itself.",
)
@click.option("--force", is_flag=True, help="Replace the --output file if it exists.")
@data_dir_option
def export(export_format: str, output: Path | None, force: bool, data_dir: Path | None) -> None:
    """Export the whole log: CSV (one row per set) or JSON Lines (one session per line).

    The file is written whole (a temporary file, then a rename) and private (0600).
    """
    from matwork.store.io import check_export_target
    from matwork.store.io import export as export_log
    from matwork.store.writer import HistoryError

    if output is not None:
        from matwork.app.paths import Paths

        database = Paths.from_environment().with_data_dir(data_dir).log_file
        try:  # before the log is opened: the target may be the log itself
            check_export_target(output, database, force=force)
        except HistoryError as error:
            _fail(str(error))
    with _open_store(data_dir) as store:
        try:
            if output is None:
                export_log(store, export_format, sys.stdout)
            else:
                count = export_log(store, export_format, output, force=force)
                words = ngettext(
                    "Exported {count} session to {file}.",
                    "Exported {count} sessions to {file}.",
                    count,
                )
                click.echo(words.format(count=count, file=output), err=True)
        except HistoryError as error:
            _fail(str(error))
        except OSError as error:
            from matwork.store.files import os_error_text

            _fail(_("cannot write the export: {reason}").format(reason=os_error_text(error)))


@click.command(name="import")
@click.argument("file", type=click.Path(path_type=Path))
@data_dir_option
def import_(file: Path, data_dir: Path | None) -> None:
    """Import sessions from a CSV or JSON Lines export; sessions already logged are skipped."""
    from matwork.store.io import import_file
    from matwork.store.writer import HistoryError

    if not file.is_file():
        _fail(_("{file}: no such file").format(file=file))
    with _open_store(data_dir, write=True) as store:
        try:
            result = import_file(store, file)
        except HistoryError as error:
            _fail(str(error))
    added = ngettext("Imported {count} session", "Imported {count} sessions", result.added).format(
        count=result.added
    )
    sets = ngettext("{count} set", "{count} sets", result.sets).format(count=result.sets)
    present = ngettext(
        "{count} already in the log", "{count} already in the log", result.already_present
    ).format(count=result.already_present)
    click.echo(_("{added} ({sets}); {present}.").format(added=added, sets=sets, present=present))
