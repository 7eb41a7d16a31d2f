"""The chart renderers: known inputs, known characters and shades."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from rich.style import Style
from rich.text import Text

from matwork.core.stats import SessionRow, WeeklyPain, WeekTotal
from matwork.tui.history.charts import (
    HEAT_CELL,
    ChartPalette,
    calendar_heatmap,
    category_bars,
    daily_minutes,
    heat_level,
    heatmap_days,
    heatmap_levels,
    pain_chart,
    pain_row,
    week_bars,
)

TODAY = date(2026, 3, 5)  # a Thursday

HEAT_COLORS = ("#3a3f44", "#0e4429", "#006d32", "#26a641", "#39d353")
"""Heatmap shades of the test palette."""
PALETTE = ChartPalette(heat=tuple(Style(color=colour) for colour in HEAT_COLORS))


def color_at(text: Text, offset: int) -> str | None:
    """The colour (hex) of the character at ``offset``."""
    style = Style()
    for span in text.spans:
        if span.start <= offset < span.end:
            style += span.style if isinstance(span.style, Style) else Style.parse(span.style)
    return None if style.color is None else style.color.name


@pytest.mark.parametrize(
    ("minutes", "level"),
    [(0, 0), (-1, 0), (0.5, 1), (14.9, 1), (15, 2), (29.9, 2), (30, 3), (44, 3), (45, 4), (300, 4)],
)
def test_heat_level(minutes: float, level: int) -> None:
    assert heat_level(minutes) == level


def test_heatmap_days_end_with_this_week_and_stop_today() -> None:
    grid = heatmap_days(TODAY, 26)
    assert len(grid) == 7
    assert all(len(row) == 26 for row in grid)
    assert grid[0][25] == date(2026, 3, 2)  # this week's Monday, last column
    assert grid[3][25] == TODAY
    assert grid[4][25] is None
    assert grid[6][25] is None
    assert grid[0][0] == date(2026, 3, 2) - timedelta(weeks=25)
    assert grid[6][24] == date(2026, 3, 1)  # last Sunday


def test_heatmap_levels_put_known_days_in_their_cells() -> None:
    minutes = {
        date(2026, 3, 2): 20.0,  # Monday, this week
        date(2026, 3, 4): 50.0,  # Wednesday, this week
        date(2025, 9, 8): 5.0,  # the first Monday shown
        date(2025, 9, 7): 60.0,  # the day before: outside the map
    }
    levels = heatmap_levels(minutes, TODAY, 26)
    assert levels[0][25] == 2
    assert levels[2][25] == 4
    assert levels[0][0] == 1
    assert levels[1][25] == 0
    flat = [level for row in levels for level in row if level is not None]
    assert len(flat) == 7 * 25 + 4
    assert sorted(level for level in flat if level) == [1, 2, 4]


def test_calendar_heatmap_draws_the_cells_in_their_shades() -> None:
    text = calendar_heatmap(
        {date(2026, 3, 4): 50.0, date(2026, 3, 2): 20.0}, TODAY, 26, palette=PALETTE
    )
    lines = text.plain.split("\n")
    assert lines[0].startswith("    Sep     Oct     Nov     Dec")
    assert len(lines[0]) <= 4 + 26 * 2
    monday, wednesday, friday = lines[1], lines[3], lines[5]
    assert monday.startswith("Mon ")
    assert monday.count(HEAT_CELL) == 26
    assert friday.count(HEAT_CELL) == 25  # Friday has not come yet this week
    assert lines[2].startswith("    ")  # unlabelled Tuesday
    # the last cell of Wednesday (column 25) is the brightest shade
    line_start = sum(len(line) + 1 for line in lines[:3])
    assert color_at(text, line_start + 4 + 25 * 2) == HEAT_COLORS[4]
    monday_start = sum(len(line) + 1 for line in lines[:1])
    assert color_at(text, monday_start + 4 + 25 * 2) == HEAT_COLORS[2]
    assert color_at(text, monday_start + 4 + 24 * 2) == HEAT_COLORS[0]
    assert "less" in lines[8]
    assert "more" in lines[8]
    assert wednesday.startswith("Wed ")


def test_daily_minutes_counts_finished_sessions_per_local_day() -> None:
    def at(day: int, hour: int, minute: int = 0) -> float:
        return datetime(2026, 3, day, hour, minute, tzinfo=UTC).timestamp()

    rows = [
        SessionRow(at(2, 8), "completed", 600, None, None),
        SessionRow(at(2, 18), "stopped", 300, None, None),
        SessionRow(at(3, 8), "interrupted", 900, None, None),  # does not count
        SessionRow(at(3, 9), "completed", 0, None, None),  # no active time
        SessionRow(at(3, 23, 30), "completed", 1200, None, None),
    ]
    assert daily_minutes(rows, UTC) == {date(2026, 3, 2): 15.0, date(2026, 3, 3): 20.0}
    berlin = daily_minutes(rows, ZoneInfo("Europe/Berlin"))
    assert berlin[date(2026, 3, 4)] == 20.0  # 23:30 UTC is past midnight in Berlin


def test_week_bars_scale_to_the_highest_week() -> None:
    weeks = [
        WeekTotal("2026-W07", 2, 120.0),
        WeekTotal("2026-W08", 1, 60.0),
        WeekTotal("2026-W09", 0, 0.0),
        WeekTotal("2026-W10", 1, 5.0),
    ]
    lines = week_bars(weeks, height=4, column=4).plain.split("\n")
    assert len(lines) == 6
    assert lines[0].startswith("120│")
    assert lines[3].startswith("  0│")
    body = [line[4:] for line in lines[:4]]
    # the 120-minute week fills every row; the 60-minute week the lower two
    assert [row[0:3] for row in body] == ["███"] * 4
    assert [row[4:7] for row in body] == ["   ", "   ", "███", "███"]
    assert [row[8:11] for row in body] == ["   "] * 4
    assert body[3][12:15] == "▁▁▁"  # a little training still shows
    assert lines[4].startswith("   └")
    assert lines[5].split() == ["07", "08", "09", "10"]


def test_week_bars_with_no_training_are_empty() -> None:
    text = week_bars([WeekTotal("2026-W10", 0, 0.0)], height=3)
    assert "█" not in text.plain
    assert text.plain.startswith("0│")


@pytest.mark.parametrize(
    ("value", "row"), [(0, 0), (0.9, 0), (1, 1), (2, 1), (5, 3), (9, 5), (10, 5), (11, 5)]
)
def test_pain_row_rounds_halves_up(value: float, row: int) -> None:
    assert pain_row(value, 6) == row


def test_pain_chart_marks_before_and_after_per_week() -> None:
    weeks = ["2026-W08", "2026-W09", "2026-W10"]
    pain = [
        WeeklyPain("2026-W08", mean_before=10.0, mean_after=0.0, sessions=1),
        WeeklyPain("2026-W10", mean_before=None, mean_after=5.0, sessions=1),
    ]
    palette = ChartPalette(
        pain_before=Style(color="#e5a50a", bold=True), pain_after=Style(color="#57e389", bold=True)
    )
    text = pain_chart(weeks, pain, height=6, palette=palette)
    lines = text.plain.split("\n")
    assert lines[0] == "10│●     "
    assert lines[5] == " 0│ ●    "
    assert lines[2] == "  │     ●"  # after 5 in week 10: row 3 of 0-5 (2.5 rounds up)
    assert "before" in lines[7]
    assert "after" in lines[7]
    offset = len(lines[0]) + 1 + len(lines[1]) + 1 + 3 + 5
    assert color_at(text, offset) == "#57e389"
    assert color_at(text, 3) == "#e5a50a"


def test_category_bars_are_proportional_and_labelled() -> None:
    text = category_bars({"pilates": 80.0, "strength": 40.0, "breathing": 0.2}, width=20)
    lines = text.plain.split("\n")
    assert len(lines) == 3
    assert lines[0].startswith("pilates    " + "█" * 20)
    assert lines[0].endswith("   80 min")
    assert lines[1].startswith("strength   " + "█" * 10 + " ")
    assert lines[2].startswith("breathing  ▏")  # tiny, but visible
    assert lines[2].endswith("    0 min")
    assert category_bars({}).plain == ""
