"""The History screen's charts: minutes per week, training days, pain, categories.

``load(store, now, tz)`` reads the last weeks' rows on a worker of its own, which only
posts ``Loaded``; the handler draws. Colours come from the running theme.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from matwork.app.formats import number_text
from matwork.core.stats import (
    StatsSummary,
    local_date,
    local_midnight,
    summarize,
    window_start_day,
)
from matwork.i18n import tui_
from matwork.store.writer import HistoryError, HistoryStore
from matwork.tui.history.charts import (
    ChartPalette,
    calendar_heatmap,
    category_bars,
    daily_minutes,
    pain_chart,
    week_bars,
)

CHART_WEEKS = 26
"""Weeks the heatmap, the pain chart and the category bars cover."""

BAR_WEEKS = 12
"""Weeks of the minutes-per-week bars."""


class ChartsPanel(VerticalScroll):
    """Four charts of the last weeks, each in a titled box."""

    @dataclass
    class Loaded(Message):
        """Statistics for the charts were read. Handled by the panel itself."""

        summary: StatsSummary
        days: dict[date, float]
        """Active minutes per local day."""
        today: date

    @dataclass
    class Failed(Message):
        """The log could not be read. Handled by ``on_charts_panel_failed``."""

        error: HistoryError

    def compose(self) -> ComposeResult:
        """The four chart boxes."""
        yield Static("", id="chart-weeks", classes="chart")
        yield Static("", id="chart-heatmap", classes="chart")
        yield Static("", id="chart-pain", classes="chart")
        yield Static("", id="chart-categories", classes="chart")

    def on_mount(self) -> None:
        """Title the boxes."""
        titles = {
            "#chart-weeks": tui_("Minutes per week · last {weeks} weeks").format(weeks=BAR_WEEKS),
            "#chart-heatmap": tui_("Training days · last {weeks} weeks").format(weeks=CHART_WEEKS),
            "#chart-pain": tui_("Pain before → after"),
            "#chart-categories": tui_("Minutes per category · {weeks} weeks").format(
                weeks=CHART_WEEKS
            ),
        }
        for selector, title in titles.items():
            self.query_one(selector, Static).border_title = title

    @work(thread=True, exclusive=True, group="history-charts")
    def load(self, store: HistoryStore, now: float, tz: tzinfo | None) -> None:
        """Read the last weeks' rows and summarize them; post Loaded (or Failed)."""
        today = local_date(now, tz)
        since = local_midnight(window_start_day(today, CHART_WEEKS), tz)
        try:
            sessions, sets, starts = store.stats_rows(since)
        except HistoryError as error:
            self.post_message(self.Failed(error))
            return
        summary = summarize(
            sessions, sets, weeks=CHART_WEEKS, tz=tz, now=now, training_starts=starts
        )
        self.post_message(self.Loaded(summary, daily_minutes(sessions, tz), today))

    @on(Loaded)
    def _draw(self, message: Loaded) -> None:
        """Draw the four charts in the theme's colours."""
        message.stop()
        palette = ChartPalette.from_variables(self.app.theme_variables)
        summary = message.summary
        weeks = self.query_one("#chart-weeks", Static)
        weeks.update(week_bars(summary.weekly[-BAR_WEEKS:], palette=palette))
        heatmap = self.query_one("#chart-heatmap", Static)
        heatmap.update(calendar_heatmap(message.days, message.today, CHART_WEEKS, palette=palette))
        streaks = summary.streaks
        heatmap.border_subtitle = tui_(
            "{sessions} sessions · {minutes} min · streak {current} (best {best})"
        ).format(
            sessions=summary.sessions,
            minutes=number_text(summary.minutes, 0),
            current=streaks.current,
            best=streaks.longest,
        )
        pain = self.query_one("#chart-pain", Static)
        if summary.pain.weekly:
            labels = [week.week for week in summary.weekly]
            pain.update(pain_chart(labels, summary.pain.weekly, palette=palette))
        else:
            pain.update(Text(tui_("No pain ratings in these weeks."), style="italic"))
        categories = self.query_one("#chart-categories", Static)
        if summary.minutes_by_category:
            categories.update(category_bars(summary.minutes_by_category, palette=palette))
        else:
            categories.update(Text(tui_("No sets in these weeks."), style="italic"))
