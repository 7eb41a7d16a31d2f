"""The text of ``matwork stats``: the summary as rich tables (split from ``review``)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from matwork.app.formats import date_text, number_text
from matwork.core.stats import StatsSummary
from matwork.i18n import _, ngettext


def _day(iso: str) -> str:
    """An ISO day of the summary as the locale writes it (as given if it is not one)."""
    from datetime import date

    try:
        return date_text(date.fromisoformat(iso))
    except ValueError:
        return iso


def _numbers_table(label: str, *numbers: str) -> Table:
    """A borderless table: a label column, then right-aligned number columns."""
    table = Table(box=None, header_style="bold")
    table.add_column(label)
    for column in numbers:
        table.add_column(column, justify="right")
    return table


def print_stats(summary: StatsSummary) -> None:
    """The text of ``matwork stats``: totals, streak, weeks, minutes, balance, pain."""
    from rich.console import Console

    console = Console(soft_wrap=True, highlight=False)
    weeks = ngettext("Last {count} week", "Last {count} weeks", summary.weeks)
    sessions = ngettext("{count} session", "{count} sessions", summary.sessions)
    console.print(
        f"[bold]{weeks.format(count=summary.weeks)}[/bold] "
        + _("(since {day}): {sessions}, {minutes} min").format(
            day=_day(summary.since),
            sessions=sessions.format(count=summary.sessions),
            minutes=number_text(summary.minutes, 0),
        )
    )
    streak = summary.streaks
    last = ""
    if streak.last_day:
        last = ", " + _("last trained {day}").format(day=_day(streak.last_day))
    streak_words = ngettext(
        "Streak: {current} day (longest {longest}){last}",
        "Streak: {current} days (longest {longest}){last}",
        streak.current,
    )
    console.print(streak_words.format(current=streak.current, longest=streak.longest, last=last))
    weekly = _numbers_table(_("Week"), _("Sessions"), _("Minutes"))
    for week in summary.weekly:
        weekly.add_row(week.week, str(week.sessions), number_text(week.minutes, 0))
    console.print(weekly)
    for title, minutes in (
        (_("Category"), summary.minutes_by_category),
        (_("Pattern"), summary.minutes_by_pattern),
    ):
        if minutes:
            table = _numbers_table(title, _("Minutes"))
            for name, value in minutes.items():
                # names from the log: not markup
                table.add_row(Text(name), number_text(value, 1))
            console.print(table)
    balance = summary.trunk_balance
    if balance.ratio is None:
        ratio = _("no extension work")
    else:
        ratio = _("ratio {ratio}").format(ratio=number_text(balance.ratio, 2))
    console.print(
        _(
            "Trunk balance: flexion side {flexion} min, extension side {extension} min ({ratio})"
        ).format(
            flexion=number_text(balance.flexion_minutes),
            extension=number_text(balance.extension_minutes),
            ratio=ratio,
        )
    )
    if summary.pain.weekly:
        pain = _numbers_table(_("Week"), _("Pain before"), _("Pain after"), _("Rated"))
        for rated in summary.pain.weekly:
            pain.add_row(
                rated.week,
                "-" if rated.mean_before is None else number_text(rated.mean_before),
                "-" if rated.mean_after is None else number_text(rated.mean_after),
                str(rated.sessions),
            )
        console.print(pain)
