"""The History screen's "Assessments" view: every assessment, and the ratios over time.

``AssessmentsScreen(log_file)`` reads the log on a thread worker and shows a table
(day, where the results came from, the three ratios, the emphases) over the ratios
over time: for each ratio, one line per assessment with its value and a small bar
against the goal. ``a`` on the History screen opens it; Escape goes back.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from matwork.app.assessments import AssessmentReport, history, reports
from matwork.core.assessment_bars import ratio_bar, ratio_cell
from matwork.core.assessment_ratios import RatioId
from matwork.i18n import lazy_tui_, tui_
from matwork.store.errors import HistoryError
from matwork.tui.assess.styles import ASSESS_CSS
from matwork.tui.widgets.bindings_text import lazy_binding

COLUMNS = (
    lazy_tui_("Day"),
    lazy_tui_("From"),
    lazy_tui_("Flex : ext"),
    lazy_tui_("Left : right"),
    lazy_tui_("Side : ext"),
    lazy_tui_("Emphases"),
)
"""The table's columns."""


def over_time_text(found: list[AssessmentReport]) -> Text:
    """Each ratio over time: its goal, then a line per assessment with value and bar."""
    if not found:
        return Text(
            tui_(
                "No assessment in the log yet. `matwork assess` (or a in the library) runs one; "
                "`matwork assess record FILE` stores results measured elsewhere."
            )
        )
    text = Text()
    for ratio_id in RatioId:
        first = found[-1].assessment.ratios[ratio_id]
        if text:
            text.append("\n\n")
        text.append(f"{first.name}", "bold")
        text.append("  " + tui_("goal {goal}").format(goal=first.goal), "dim")
        for report in found:
            ratio = report.assessment.ratios[ratio_id]
            day = report.stored.measured_on.isoformat()
            text.append(f"\n  {day}  {ratio_cell(ratio):>6}  ")
            if ratio.value is None:
                text.append(tui_("not measured"), "dim")
                continue
            text.append(ratio_bar(ratio), "cyan")
            met = ratio.goal_met
            said = tui_("met") if met else tui_("not met")
            text.append("  " + said, "green" if met else "yellow")
    return text


class AssessmentsScreen(Screen[None]):
    """Every assessment in a table, and the ratios over time."""

    CSS_PATH = ASSESS_CSS

    BINDINGS = [
        lazy_binding("escape", "back", lazy_tui_("Back"), id="assessments_back"),
    ]

    class Loaded(Message):
        """The assessments were read (``reports``) or not (``error``)."""

        def __init__(self, found: list[AssessmentReport], error: str = "") -> None:
            super().__init__()
            self.found = found
            self.error = error

    def __init__(self, log_file: Path) -> None:
        super().__init__(id="assessments")
        self.log_file = log_file
        self.found: list[AssessmentReport] | None = None
        """The assessments, oldest first, once read."""

    def compose(self) -> ComposeResult:
        """The table over the ratios over time."""
        yield Header()
        with Vertical(id="assessments-body"):
            yield DataTable(id="assessments-table", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="assessments-detail"):
                yield Static(tui_("Reading the assessments…"), id="assessments-over-time")
        yield Footer()

    def on_mount(self) -> None:
        """Set up the columns and read the log."""
        self.query_one(DataTable).add_columns(*(str(column) for column in COLUMNS))
        self.query_one("#assessments-detail").border_title = tui_("Ratios over time")
        self._read(self.log_file)

    @work(thread=True, exclusive=True, group="assessments-read")
    def _read(self, log_file: Path) -> None:
        try:
            found = reports(history(log_file))
        except HistoryError as error:
            self.post_message(self.Loaded([], str(error)))
            return
        self.post_message(self.Loaded(found))

    def on_assessments_screen_loaded(self, message: Loaded) -> None:
        """Fill the table, newest first, and the ratios over time."""
        self.found = message.found
        table = self.query_one(DataTable)
        table.clear()
        for report in reversed(message.found):
            ratios = report.assessment.ratios
            table.add_row(
                report.stored.measured_on.isoformat(),
                report.stored.source.value,
                *(ratio_cell(ratio) for ratio in ratios.values()),
                Text(", ".join(report.assessment.emphases) or tui_("none")),
                key=str(report.stored.id),
            )
        detail = self.query_one("#assessments-over-time", Static)
        if message.error:
            detail.update(
                Text(tui_("The log cannot be read: {reason}").format(reason=message.error))
            )
        else:
            detail.update(over_time_text(message.found))

    def action_back(self) -> None:
        """Back to the sessions."""
        self.dismiss()
