"""Charts drawn with characters: weekly bars, a calendar heatmap, pain over time, categories.

Pure functions from statistics rows (``matwork.core.stats``) to rich ``Text``: no app,
no clock, no database, so they are tested with known inputs and shown by any Static.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta, tzinfo

from babel.dates import format_date
from rich.style import Style
from rich.text import Text

from matwork.app.formats import locale
from matwork.core.stats import (
    SessionRow,
    WeeklyPain,
    WeekTotal,
    counts,
    local_date,
    week_monday,
)
from matwork.i18n import DEFAULT_LANGUAGE, LazyString, current_language, lazy_tui_, tui_
from matwork.tui.widgets.words import category_label

VERTICAL_EIGHTHS = " ▁▂▃▄▅▆▇█"
"""Bar tops: index n is a cell filled n/8 from the bottom."""

HORIZONTAL_EIGHTHS = " ▏▎▍▌▋▊▉█"
"""Bar ends: index n is a cell filled n/8 from the left."""

HEAT_LIMITS: tuple[float, ...] = (15.0, 30.0, 45.0)
"""Minutes a day at which the heatmap moves up a shade (above 0: level 1)."""

HEAT_CELL = "▪"
"""The character of one heatmap day."""

DAY_LABELS: tuple[LazyString | str, ...] = (
    lazy_tui_("Mon"),
    "",
    lazy_tui_("Wed"),
    "",
    lazy_tui_("Fri"),
    "",
    lazy_tui_("Sun"),
)
"""Row labels of the heatmap, Monday first."""

PAIN_MARK = "●"


NO_STYLE = Style()
BOLD = Style(bold=True)


@dataclass(frozen=True)
class ChartPalette:
    """The colours of the charts; the screen builds it from the theme (``from_variables``)."""

    bar: Style = NO_STYLE
    axis: Style = NO_STYLE
    pain_before: Style = BOLD
    pain_after: Style = BOLD
    heat: tuple[Style, ...] = (NO_STYLE,) * 5
    """Heatmap shades, level 0 (no training) to 4."""
    categories: Mapping[str, Style] = field(default_factory=dict)
    """Bar colour per exercise category; others get ``bar``."""

    @classmethod
    def from_variables(cls, variables: Mapping[str, str]) -> ChartPalette:
        """The palette of a theme, from its CSS variables (``App.theme_variables``)."""

        def colour(name: str, bold: bool = False) -> Style:
            value = variables.get(name)
            return Style(color=value[:7] if value else None, bold=bold)

        return cls(
            bar=colour("primary-lighten-2"),
            axis=colour("foreground-darken-3"),
            pain_before=colour("warning", bold=True),
            pain_after=colour("success", bold=True),
            heat=(
                colour("surface-lighten-2"),
                colour("success-darken-3"),
                colour("success-darken-1"),
                colour("success"),
                colour("success-lighten-2"),
            ),
            categories={
                "pilates": colour("accent"),
                "fascia": colour("error"),
                "strength": colour("primary-lighten-1"),
                "mobility": colour("warning-lighten-2"),
                "breathing": colour("secondary-lighten-3"),
                "cardio": colour("warning"),
            },
        )


PLAIN = ChartPalette()
"""A palette without colours (the default of the chart functions)."""


def _half_up(value: float) -> int:
    """``value`` rounded to the nearest integer, halves up (not to even)."""
    return math.floor(value + 0.5)


def _eighths(fill: float) -> int:
    """How many eighths of a cell ``fill`` (0-1) covers, rounded."""
    return _half_up(min(1.0, max(0.0, fill)) * 8)


# Minutes per week ----------------------------------------------------------------------


def week_bars(
    weeks: Sequence[WeekTotal], *, height: int = 6, column: int = 4, palette: ChartPalette = PLAIN
) -> Text:
    """Vertical bars of minutes per week, oldest left, week numbers underneath.

    The y axis shows the highest week's minutes at the top and 0 at the bottom; each
    bar is ``column - 1`` cells wide with eighth blocks for the partial top cell.
    """
    peak = max((week.minutes for week in weeks), default=0.0)
    label_width = max(len(f"{peak:.0f}"), 1) + 1
    text = Text(no_wrap=True)
    for row in range(height):
        level = height - 1 - row  # 0 is the bottom row
        if row == 0:
            label = f"{peak:.0f}"
        elif level == 0:
            label = "0"
        else:
            label = ""
        text.append(f"{label:>{label_width - 1}}│", palette.axis)
        for week in weeks:
            fill = 0.0 if peak <= 0 else week.minutes / peak * height - level
            cell = VERTICAL_EIGHTHS[_eighths(fill)]
            if cell == " " and level == 0 and week.minutes > 0:
                cell = VERTICAL_EIGHTHS[1]  # a little training still shows
            text.append(cell * (column - 1) + " ", palette.bar)
        text.append("\n")
    text.append(" " * (label_width - 1) + "└" + "─" * (column * len(weeks)) + "\n", palette.axis)
    text.append(" " * label_width, palette.axis)
    for week in weeks:
        number = week.week.rsplit("W", 1)[-1]
        text.append(f"{number:<{column}}", palette.axis)
    return text


# Calendar heatmap --------------------------------------------------------------------


def daily_minutes(sessions: Iterable[SessionRow], tz: tzinfo | None) -> dict[date, float]:
    """Active minutes of counted sessions per local day."""
    minutes: dict[date, float] = {}
    for row in sessions:
        if counts(row):
            day = local_date(row.started_at, tz)
            minutes[day] = minutes.get(day, 0.0) + row.active_seconds / 60.0
    return minutes


def heat_level(minutes: float) -> int:
    """The shade of a day: 0 without training, then 1-4 by HEAT_LIMITS."""
    if minutes <= 0:
        return 0
    return 1 + sum(minutes >= limit for limit in HEAT_LIMITS)


def heatmap_days(today: date, weeks: int = 26) -> list[list[date | None]]:
    """The heatmap's days: 7 rows (Monday first) by ``weeks`` columns (oldest first).

    The last column is today's week; its days after today are None.
    """
    first = week_monday(today) - timedelta(weeks=weeks - 1)
    grid: list[list[date | None]] = []
    for weekday in range(7):
        row: list[date | None] = []
        for column in range(weeks):
            day = first + timedelta(weeks=column, days=weekday)
            row.append(day if day <= today else None)
        grid.append(row)
    return grid


def heatmap_levels(
    minutes_by_day: Mapping[date, float], today: date, weeks: int = 26
) -> list[list[int | None]]:
    """The shade of every heatmap cell (None for days after today)."""
    return [
        [None if day is None else heat_level(minutes_by_day.get(day, 0.0)) for day in row]
        for row in heatmap_days(today, weeks)
    ]


def month_abbreviation(day: date) -> str:
    """A month's name in three letters: "Mar" (en, as strftime), "Mär" (de, by Babel)."""
    if current_language() == DEFAULT_LANGUAGE:
        return day.strftime("%b")
    return format_date(day, "LLL", locale=locale()).rstrip(".")[:3]


def _month_line(today: date, weeks: int, label_width: int) -> str:
    """Month names over the first column whose Monday is in that month (when they fit)."""
    first = week_monday(today) - timedelta(weeks=weeks - 1)
    mondays = [first + timedelta(weeks=column) for column in range(weeks)]
    width = weeks * 2 - 1
    cells = [" "] * width
    free_from = 0
    for column, monday in enumerate(mondays):
        starts = column == 0 or monday.month != mondays[column - 1].month
        if column == 0 and any(later.month != monday.month for later in mondays[1:3]):
            starts = False  # the next month's name would not fit after this one
        if starts and column * 2 >= free_from and column * 2 + 3 <= width:
            name = month_abbreviation(monday)
            cells[column * 2 : column * 2 + len(name)] = name
            free_from = column * 2 + len(name) + 1
    return " " * label_width + "".join(cells).rstrip()


def calendar_heatmap(
    minutes_by_day: Mapping[date, float],
    today: date,
    weeks: int = 26,
    *,
    palette: ChartPalette = PLAIN,
) -> Text:
    """Days of the last ``weeks`` weeks as ▪ shaded by minutes, months on top, a legend below."""
    label_width = 4
    text = Text(no_wrap=True)
    text.append(_month_line(today, weeks, label_width) + "\n", palette.axis)
    for weekday, row in enumerate(heatmap_levels(minutes_by_day, today, weeks)):
        text.append(f"{DAY_LABELS[weekday]!s:<{label_width}}", palette.axis)
        for level in row:
            if level is None:
                text.append("  ")
            else:
                text.append(HEAT_CELL, palette.heat[level])
                text.append(" ")
        text.append("\n")
    text.append(" " * label_width + tui_("less") + " ", palette.axis)
    for shade in palette.heat:
        text.append(HEAT_CELL, shade)
        text.append(" ")
    text.append(tui_("more  (0, <15, <30, <45, 45+ min)"), palette.axis)
    return text


# Pain over time ------------------------------------------------------------------------


def pain_row(value: float, height: int) -> int:
    """The row (0 = bottom) a pain rating 0-10 is drawn on, in a chart ``height`` rows high."""
    return _half_up(min(10.0, max(0.0, value)) / 10.0 * (height - 1))


def pain_chart(
    weeks: Sequence[str],
    pain: Sequence[WeeklyPain],
    *,
    height: int = 6,
    palette: ChartPalette = PLAIN,
) -> Text:
    """Weekly mean pain before and after sessions (the palette's colours), a column pair a week.

    ``weeks`` are the ISO week labels of the x axis, oldest first; weeks without ratings
    stay empty.
    """
    by_week = {entry.week: entry for entry in pain}
    label_width = 3
    text = Text(no_wrap=True)
    for row in range(height):
        level = height - 1 - row
        label = "10" if row == 0 else ("0" if level == 0 else "")
        text.append(f"{label:>{label_width - 1}}│", palette.axis)
        for week in weeks:
            entry = by_week.get(week)
            before = entry.mean_before if entry else None
            after = entry.mean_after if entry else None
            if before is not None and pain_row(before, height) == level:
                text.append(PAIN_MARK, palette.pain_before)
            else:
                text.append(" ")
            if after is not None and pain_row(after, height) == level:
                text.append(PAIN_MARK, palette.pain_after)
            else:
                text.append(" ")
        text.append("\n")
    text.append(" " * (label_width - 1) + "└" + "─" * (2 * len(weeks)) + "\n", palette.axis)
    text.append(" " * label_width)
    text.append(PAIN_MARK, palette.pain_before)
    text.append(" " + tui_("before") + "  ", palette.axis)
    text.append(PAIN_MARK, palette.pain_after)
    text.append(" " + tui_("after  (weekly means, 0-10)"), palette.axis)
    return text


# Minutes per category ------------------------------------------------------------------


def category_bars(
    minutes: Mapping[str, float],
    *,
    width: int = 30,
    label_width: int = 10,
    palette: ChartPalette = PLAIN,
) -> Text:
    """Horizontal bars of minutes per category, in the mapping's order, minutes at the end."""
    peak = max(minutes.values(), default=0.0)
    text = Text(no_wrap=True)
    for index, (name, value) in enumerate(minutes.items()):
        if index:
            text.append("\n")
        text.append(f"{category_label(name)[:label_width]:<{label_width}} ", palette.axis)
        eighths = 0 if peak <= 0 else _half_up(value / peak * width * 8)
        if value > 0:
            eighths = max(eighths, 1)
        full, rest = divmod(eighths, 8)
        bar = "█" * full + (HORIZONTAL_EIGHTHS[rest] if rest else "")
        text.append(f"{bar:<{width}}", palette.categories.get(name, palette.bar))
        text.append(f" {value:5.0f} min", palette.axis)
    return text
