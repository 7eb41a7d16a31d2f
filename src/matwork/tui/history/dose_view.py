"""The week view of History: the dose meter, and the desk breaks per workday.

``WeekScreen`` reads the week on a thread (``app.dose.week_meter``), shows each line of
the meter (the week's number, the guidance, the programme's plan, met or not, the
source), the workdays with their breaks and the reminders' share taken, and the desk
breaks of the last eight weeks. Left and right go a week back and forth.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from matwork.app.config import Config, ConfigError
from matwork.app.dose import break_totals, week_meter
from matwork.app.formats import number_text
from matwork.app.paths import Paths
from matwork.core.break_days import BreakTotals
from matwork.core.dose_meter_model import DeskDay, DoseMeter, MeterLine, MeterStatus
from matwork.core.dose_text import planned_text, status_word, value_text, week_title
from matwork.core.stats import local_midnight, week_monday
from matwork.i18n import lazy_tui_, tui_, tui_ngettext
from matwork.store.writer import HistoryError, HistoryStore
from matwork.tui.history.charts import month_abbreviation
from matwork.tui.widgets.bindings_text import lazy_binding

HISTORY_WEEKS = 8
"""Weeks of desk breaks the view sums up."""

STATUS_MARKS: dict[MeterStatus, tuple[str, str]] = {
    MeterStatus.MET: ("✓", "$text-success"),
    MeterStatus.SHORT: ("○", "$text-warning"),
    MeterStatus.OVER: ("!", "$text-warning"),
    MeterStatus.UNEVEN: ("≠", "$text-warning"),
    MeterStatus.NO_INFORMATION: ("?", "dim"),
}
"""Each status's mark and colour (a week under way shows "short" muted: "so far")."""


def meter_mark(line: MeterLine, *, complete: bool) -> Content:
    """The line's mark in its colour (a week under way shows "short" dim: "so far")."""
    mark, style = STATUS_MARKS[line.status]
    if line.status is MeterStatus.SHORT and not complete:
        style = "dim"
    return Content.styled(mark, style)


def meter_text(line: MeterLine, *, complete: bool, width: int = 0) -> Content:
    """Two lines: the label (padded to ``width``), the week's number and the status; then
    the guidance, the programme's plan and the source. The desk breaks' days are listed
    below the meter, so their line leaves them out."""
    _, style = STATUS_MARKS[line.status]
    if line.status is MeterStatus.SHORT and not complete:
        style = "dim"
    value = value_text(line)
    shows_detail = line.status is not MeterStatus.NO_INFORMATION and line.id != "desk-breaks"
    if line.detail and shows_detail:
        value += f" ({line.detail})"
    planned = planned_text(line)
    guidance = tui_("guidance {target}").format(target=line.target)
    second = " · ".join(part for part in (guidance, planned, line.source) if part)
    return Content.assemble(
        (line.label.ljust(width), "bold"),
        f"  {value}  ",
        (status_word(line, complete=complete), style),
        "\n",
        (second, "dim"),
    )


def meter_row(line: MeterLine, *, complete: bool, width: int = 0) -> Horizontal:
    """A line of the meter as a row: its mark, then its text (wrapped lines stay indented)."""
    return Horizontal(
        Static(meter_mark(line, complete=complete), classes="meter-mark"),
        Static(meter_text(line, complete=complete, width=width), classes="meter-text"),
        classes="meter-row",
    )


def desk_day_line(day: DeskDay) -> Content:
    """A workday: breaks taken, and the reminders' share taken."""
    shown = date.fromisoformat(day.day)
    breaks = tui_ngettext("{count} break", "{count} breaks", day.breaks).format(count=day.breaks)
    reminders = ""
    if day.share_taken is not None:
        reminders = " · " + tui_("{taken} of {reminders} reminders taken ({share})").format(
            taken=day.taken, reminders=day.reminders, share=f"{day.share_taken:.0%}"
        )
    return Content.assemble(
        (f"{day.weekday} {shown.day:>2} {month_abbreviation(shown)}", "bold"),
        f"  {breaks}",
        (reminders, "dim"),
    )


def totals_line(totals: BreakTotals, weeks: int) -> str:
    """The last weeks' reminders: per workday and the share taken."""
    if not totals.reminders:
        return tui_(
            "No desk-break reminders in the last {weeks} weeks (`matwork breaks` starts them)."
        ).format(weeks=weeks)
    days = len(totals.days)
    share = totals.share_taken or 0.0
    return tui_(
        "Last {weeks} weeks: {reminders} reminders on {days} workdays ({per_day} a day), "
        "{taken} taken ({share}), {completed} completed"
    ).format(
        weeks=weeks,
        reminders=totals.reminders,
        days=days,
        per_day=number_text(totals.reminders / days, 1),
        taken=totals.taken,
        share=f"{share:.0%}",
        completed=totals.completed,
    )


class WeekScreen(Screen[None]):
    """One week against the guidance and the programme, and the desk breaks; Esc goes back."""

    CSS_PATH = "dose.tcss"

    BINDINGS = [
        lazy_binding("escape", "back", lazy_tui_("Back"), id="week_back"),
        lazy_binding("left,comma", "shift(-1)", lazy_tui_("Week before"), id="week_before"),
        lazy_binding("right,full_stop", "shift(1)", lazy_tui_("Week after"), id="week_after"),
        lazy_binding("r", "reload", lazy_tui_("Reload"), id="week_reload", show=False),
    ]

    @dataclass
    class Loaded(Message):
        """The week was read. Handled by ``on_week_screen_loaded``."""

        meter: DoseMeter
        totals: BreakTotals

    @dataclass
    class Failed(Message):
        """The week could not be read. Handled by ``on_week_screen_failed``."""

        reason: str

    def __init__(
        self,
        paths: Paths,
        config: Config,
        *,
        day: Callable[[], date] = date.today,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(id="week")
        self.paths = paths
        self.config = config
        self.day = day
        self.tz = tz
        self.week_shift = 0
        """Weeks from this one: 0 this week, -1 the week before."""
        self.meter: DoseMeter | None = None
        """The week shown, once read."""

    def compose(self) -> ComposeResult:
        """The week's title, the meter, the workdays, the weeks of breaks."""
        yield Header()
        with VerticalScroll(id="week-body"):
            yield Static(tui_("Reading the week…"), id="week-title", markup=False)
            yield Vertical(id="week-lines")
            yield Static(tui_("Desk breaks per workday"), classes="week-heading")
            yield Static("", id="week-desk")
            yield Static("", id="week-totals", markup=False)
            yield Static(
                tui_(
                    "matwork informs; it does not diagnose. Each number's source and what it "
                    "does not mean: src/matwork/data/guidance.toml and docs/programmes.md."
                ),
                id="week-note",
                markup=False,
            )
        yield Footer()

    def on_mount(self) -> None:
        """Read this week."""
        self.action_reload()

    def action_reload(self) -> None:
        """Read the week shown again."""
        shown = self.day() + timedelta(weeks=self.week_shift)
        self._read(self.paths, self.config, shown, self.day(), self.tz)

    @work(thread=True, exclusive=True, group="week-read")
    def _read(
        self, paths: Paths, config: Config, shown: date, today: date, tz: tzinfo | None
    ) -> None:
        try:
            with HistoryStore(paths.log_file, read_only=True) as store:
                meter = week_meter(store, paths, config, shown, tz=tz, as_of=today)
            since = local_midnight(week_monday(today) - timedelta(weeks=HISTORY_WEEKS - 1), tz)
            totals = break_totals(paths.log_file, since, None, tz)
        except ConfigError as error:
            self.post_message(self.Failed(str(error.problems[0])))
        except HistoryError as error:
            self.post_message(self.Failed(str(error)))
        else:
            self.post_message(self.Loaded(meter, totals))

    def on_week_screen_loaded(self, message: Loaded) -> None:
        """Show the week."""
        meter = message.meter
        self.meter = meter
        state = "" if meter.complete else " " + tui_("(so far)")
        title = f"{week_title(meter)}{state}"
        self.query_one("#week-title", Static).update(title)
        width = max((len(line.label) for line in meter.lines), default=0)
        rows = self.query_one("#week-lines", Vertical)
        rows.remove_children()
        rows.mount_all(
            meter_row(line, complete=meter.complete, width=width) for line in meter.lines
        )
        desk = [desk_day_line(day) for day in meter.desk_days]
        self.query_one("#week-desk", Static).update(
            Content("\n").join(desk) if desk else Content(tui_("No workday in this week yet."))
        )
        self.query_one("#week-totals", Static).update(totals_line(message.totals, HISTORY_WEEKS))

    def on_week_screen_failed(self, message: Failed) -> None:
        """Say why the week cannot be shown."""
        said = tui_("The week cannot be shown: {reason}").format(reason=message.reason)
        self.query_one("#week-title", Static).update(said)

    def action_shift(self, weeks: int) -> None:
        """A week back or forth (never past this one)."""
        wanted = min(0, self.week_shift + weeks)
        if wanted != self.week_shift:
            self.week_shift = wanted
            self.action_reload()

    def action_back(self) -> None:
        """Back to the screen underneath."""
        self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No week after this one."""
        if action == "shift" and parameters and parameters[0] == 1:
            return self.week_shift < 0 or None
        return True


def for_app(app: object, *, tz: tzinfo | None = None) -> WeekScreen | None:
    """A week screen with the app's folders, config and day; None outside matwork's app."""
    paths = getattr(app, "paths", None)
    if not isinstance(paths, Paths):
        return None
    config = getattr(app, "config", None)
    day = getattr(app, "local_day", date.today)
    return WeekScreen(paths, config if isinstance(config, Config) else Config(), day=day, tz=tz)
