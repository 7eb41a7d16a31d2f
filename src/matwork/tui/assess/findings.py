"""The findings of an assessment on screen: each ratio with its bar, each finding with its rule
and source, and the retest against the last assessment.

``findings_text(report)`` builds the text (``rich.text.Text``, never markup: every
word comes from the data files or the log). ``AssessmentSummaryScreen`` is the
session summary with a ``FindingsView`` under the session's numbers.
"""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from matwork.app.assessments import AssessmentReport
from matwork.core.assessment_bars import ratio_bar, ratio_cell
from matwork.core.assessment_ratios import RatioResult
from matwork.core.findings import Finding, Level
from matwork.core.retest import Verdict
from matwork.i18n import LazyString, lazy_tui_, tui_
from matwork.store.writer import HistoryStore
from matwork.tui.assess.styles import ASSESS_CSS
from matwork.tui.history.summary import SummaryScreen

LEVEL_STYLES = {Level.OK: "green", Level.NOTE: "yellow", Level.ATTENTION: "bold red"}
"""How each level is coloured."""
VERDICT_STYLES = {Verdict.IMPROVED: "green", Verdict.WORSE: "yellow", Verdict.WITHIN_NOISE: "cyan"}
"""How the retest verdicts that say something are coloured."""
SUMMARY_CSS = str(Path(__file__).parents[1] / "history" / "summary.tcss")
"""The summary's own stylesheet, which the assessment summary keeps."""


LEVEL_WORDS: dict[Level, LazyString] = {
    Level.OK: lazy_tui_("ok"),
    Level.NOTE: lazy_tui_("note"),
    Level.ATTENTION: lazy_tui_("attention"),
}
"""A finding's level as its tag says it: "[ok]", "[note]", "[attention]"."""

VERDICT_WORDS: dict[Verdict, LazyString] = {
    Verdict.IMPROVED: lazy_tui_("improved"),
    Verdict.WORSE: lazy_tui_("worse"),
    Verdict.WITHIN_NOISE: lazy_tui_("within the noise"),
    Verdict.NO_MDC: lazy_tui_("no published MDC"),
    Verdict.SAME: lazy_tui_("same"),
}
"""A retest verdict as its tag says it: "[improved]", "[within the noise]"."""


def ratio_text(ratio: RatioResult, source: str) -> Text:
    """One ratio: name, value, bar, goal, met or not; then its rule's source and note."""
    text = Text()
    text.append(f"{ratio.name:<26}", "bold")
    if ratio.goal_met is None:
        what = ", ".join(ratio.missing) if ratio.missing else ratio.note
        text.append(tui_("not computed: {what}").format(what=what), "dim")
        return text
    text.append(f"{ratio_cell(ratio):>6}  ")
    text.append(ratio_bar(ratio), "cyan")
    text.append("  " + tui_("goal {goal}").format(goal=ratio.goal) + "  ")
    said = tui_("met") if ratio.goal_met else tui_("not met")
    text.append(said, "green" if ratio.goal_met else "yellow")
    text.append(f"\n{'':<26}" + tui_("Source: {source}").format(source=source), "dim")
    if ratio.note:
        text.append(f"\n{'':<26}{ratio.note}", "italic")
    return text


def finding_text(finding: Finding) -> Text:
    """A finding: level and title, what was found, its rule and source (and meaning)."""
    text = Text()
    text.append(f"[{LEVEL_WORDS[finding.level]}]", LEVEL_STYLES[finding.level])
    text.append(f" {finding.title}\n", "bold")
    text.append(f"  {finding.text}\n")
    text.append("  " + tui_("Rule:") + " ", "dim")
    text.append(f"{finding.rule}\n")
    text.append("  " + tui_("Source:") + " ", "dim")
    text.append(finding.source)
    if finding.level is not Level.OK:
        text.append("\n  " + tui_("Means:") + " ", "dim")
        text.append(finding.means)
    text.append("\n  " + tui_("Does not mean:") + " ", "dim")
    text.append(finding.does_not_mean)
    if finding.emphases:
        asks = tui_("Asks to train: {emphases}").format(emphases=", ".join(finding.emphases))
        text.append("\n  " + asks, "cyan")
    return text


def retest_text(report: AssessmentReport) -> Text:
    """The retest against the last assessment, or that this one is the first."""
    retest = report.retest
    if retest is None or report.previous is None:
        return Text(tui_("First assessment: the next one will be compared with it."), "dim")
    day = report.previous.measured_on.isoformat()
    if retest.days_apart is not None:
        compared = tui_("Compared with {day}, {days} days apart")
        said = compared.format(day=day, days=retest.days_apart)
    else:
        said = tui_("Compared with {day}").format(day=day)
    text = Text()
    text.append(said, "bold")
    for change in retest.changes:
        text.append("\n  ")
        verdict = VERDICT_WORDS.get(change.verdict, change.verdict.value)
        text.append(f"[{verdict}]", VERDICT_STYLES.get(change.verdict, "dim"))
        text.append(f" {change.text}")
    return text


def findings_text(report: AssessmentReport) -> Text:
    """The whole report: ratios, findings, the retest, the emphases and the notice."""
    assessment = report.assessment
    text = Text()
    text.append(tui_("Ratios (McGill's endurance battery)") + "\n", "bold underline")
    sources = {finding.id: finding.source for finding in assessment.findings}
    for ratio_id, ratio in assessment.ratios.items():
        source = sources.get("ratio-" + ratio_id.value.replace("_", "-"), "")
        text.append_text(ratio_text(ratio, source))
        text.append("\n")
    text.append("\n" + tui_("Findings") + "\n", "bold underline")
    for finding in assessment.findings:
        text.append_text(finding_text(finding))
        text.append("\n")
    if assessment.missing:
        missing = ", ".join(assessment.missing)
        text.append(
            tui_("Not measured (no finding): {missing}").format(missing=missing) + "\n", "dim"
        )
    text.append("\n")
    text.append_text(retest_text(report))
    emphases = ", ".join(assessment.emphases) if assessment.emphases else tui_("none")
    text.append("\n\n" + tui_("Emphases for a programme:") + " ", "bold")
    text.append(emphases)
    text.append(f"\n\n{assessment.notice}", "italic")
    return text


class FindingsView(Static):
    """An assessment's report, under the session summary."""

    def __init__(self, report: AssessmentReport | None, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.report = report

    def on_mount(self) -> None:
        """Show the report (or why there is none)."""
        self.border_title = tui_("Assessment")
        if self.report is None:
            self.update(Text(tui_("No test ended with a result, so there are no findings.")))
        else:
            self.update(findings_text(self.report))


class AssessmentSummaryScreen(SummaryScreen):
    """The summary of an assessment session: its numbers, then the findings."""

    CSS_PATH = [SUMMARY_CSS, ASSESS_CSS]  # type: ignore[assignment]  # the base's, and ours

    def __init__(
        self,
        store: HistoryStore,
        uuid: str,
        report: AssessmentReport | None,
        *,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(store, uuid, tz=tz)
        self.report = report

    def on_mount(self) -> None:
        """Read the session; put the findings under its numbers."""
        super().on_mount()
        box = self.query_one("#summary-box", VerticalScroll)
        box.mount(FindingsView(self.report, id="summary-findings"), after="#summary-facts")
