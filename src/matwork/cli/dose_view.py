"""The week in ``matwork stats``: the dose meter and the desk breaks per workday.

Printed after the statistics, and added to ``stats --json`` as ``dose_meter`` (this
week, see ``core.dose_meter``) and ``breaks`` (the reminders of the stats window per
day and the share taken).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import Any

import click
import msgspec

from matwork.app.paths import Paths
from matwork.cli.common import fail
from matwork.core.break_days import BreakTotals
from matwork.core.dose_meter_model import DoseMeter
from matwork.i18n import _


@dataclass(frozen=True)
class WeekReport:
    """What ``stats`` adds: this week's dose meter and the window's desk breaks."""

    meter: DoseMeter
    breaks: BreakTotals


def week_report(data_dir: Path | None, since: float, zone: tzinfo | None, now: float) -> WeekReport:
    """Read the week from the log (and the config's working days), or exit naming a problem."""
    from matwork.app.config import ConfigError, load_config
    from matwork.app.dose import break_totals, week_meter
    from matwork.app.programme_today import ProgrammeError
    from matwork.core.stats import local_date
    from matwork.store.writer import HistoryError, HistoryStore

    paths = Paths.from_environment().with_data_dir(data_dir)
    try:
        config = load_config(paths.config_file)
        with HistoryStore(paths.log_file, read_only=True) as store:
            meter = week_meter(store, paths, config, local_date(now, zone), tz=zone)
        breaks = break_totals(paths.log_file, since, None, zone)
    except ConfigError as error:
        fail(str(error.problems[0]))
    except (HistoryError, ProgrammeError) as error:
        fail(str(error))
    return WeekReport(meter, breaks)


def breaks_json(totals: BreakTotals) -> dict[str, Any]:
    """The window's reminders per day, taken and the share taken, as JSON values."""
    return {
        "reminders": totals.reminders,
        "taken": totals.taken,
        "completed": totals.completed,
        "share_taken": totals.share_taken,
        "days": [
            {**msgspec.to_builtins(day), "share_taken": day.share_taken} for day in totals.days
        ],
    }


def report_json(report: WeekReport) -> dict[str, Any]:
    """The ``dose_meter`` and ``breaks`` keys of ``stats --json``."""
    return {
        "dose_meter": msgspec.to_builtins(report.meter),
        "breaks": breaks_json(report.breaks),
    }


def print_week(report: WeekReport) -> None:
    """The dose meter's lines, then this week's desk breaks per workday."""
    from matwork.core.dose_text import line_words, week_title

    meter = report.meter
    heading = _("This week against the guidance: {week}")
    if not meter.complete:
        heading = _("This week against the guidance (so far): {week}")
    click.echo(heading.format(week=week_title(meter)))
    for line in meter.lines:
        click.echo(f"  {line_words(line, complete=meter.complete)}")
    days = [day for day in meter.desk_days if day.reminders or day.breaks]
    for day in days:
        said = _("Desk breaks on {weekday} {day}: {breaks}").format(
            weekday=day.weekday, day=day.day, breaks=day.breaks
        )
        if day.share_taken is not None:
            said += "; " + _("{taken} of {reminders} reminders taken ({share})").format(
                taken=day.taken, reminders=day.reminders, share=f"{day.share_taken:.0%}"
            )
        click.echo("  " + said)
