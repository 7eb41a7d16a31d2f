"""How ``matwork assess`` prints an assessment: ratio bars, findings with rule and source."""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from matwork.app.assessments import AssessmentReport
from matwork.app.formats import date_text
from matwork.core.assessment_bars import BAR_WIDTH, bar_scale, ratio_bar, ratio_cell
from matwork.core.assessment_ratios import RatioResult
from matwork.core.findings import Assessment, Finding, Level
from matwork.core.retest import Verdict
from matwork.i18n import LazyString, _, lazy_

__all__ = ["BAR_WIDTH", "bar_scale", "print_assessment", "print_report", "ratio_bar"]

LEVEL_STYLES = {Level.OK: "green", Level.NOTE: "yellow", Level.ATTENTION: "bold red"}
"""How each level is coloured."""

LEVEL_WORDS: dict[Level, LazyString] = {
    Level.OK: lazy_("ok"),
    Level.NOTE: lazy_("note"),
    Level.ATTENTION: lazy_("attention"),
}
"""A finding's level as its tag says it: "[ok]", "[note]", "[attention]"."""

VERDICT_WORDS: dict[Verdict, LazyString] = {
    Verdict.IMPROVED: lazy_("improved"),
    Verdict.WORSE: lazy_("worse"),
    Verdict.WITHIN_NOISE: lazy_("within the noise"),
    Verdict.NO_MDC: lazy_("no published MDC"),
    Verdict.SAME: lazy_("same"),
}
"""A retest verdict as its tag says it: "[improved]", "[within the noise]"."""


def ratio_line(ratio: RatioResult) -> Text:
    """One ratio: name, value, bar, goal and whether it is met (or what is missing)."""
    line = Text(f"  {ratio.name:<25}")
    if ratio.goal_met is None:
        missing = ", ".join(ratio.missing) if ratio.missing else ratio.note
        words = _("not computed: missing {what}") if ratio.missing else _("not computed: {what}")
        line.append(words.format(what=missing), style="dim")
        return line
    shown = ratio_cell(ratio) if ratio.value is not None else "  ∞ "
    line.append(f"{shown:>5}  ")
    line.append(ratio_bar(ratio), style="cyan")
    line.append("  " + _("goal {goal}").format(goal=ratio.goal) + "  ")
    verdict = _("met") if ratio.goal_met else _("not met")
    line.append(verdict, style="green" if ratio.goal_met else "yellow")
    return line


def finding_lines(finding: Finding) -> list[Text]:
    """A finding: level and title, what was found, rule, source, and (unless ok) meaning."""
    head = Text("  ")
    head.append(f"[{LEVEL_WORDS[finding.level]}]", style=LEVEL_STYLES[finding.level])
    head.append(" " + finding.title, style="bold")
    lines = [head, Text("    " + finding.text)]
    explained = [(_("Rule"), finding.rule), (_("Source"), finding.source)]
    if finding.level is not Level.OK:
        explained.append((_("Means"), finding.means))
    explained.append((_("Does not mean"), finding.does_not_mean))
    for label, words in explained:
        line = Text(f"    {label}: ", style="dim")
        line.append(words)
        lines.append(line)
    if finding.emphases:
        asks = _("Asks to train: {emphases}").format(emphases=", ".join(finding.emphases))
        lines.append(Text("    " + asks, style="cyan"))
    return lines


def print_assessment(assessment: Assessment, shown_path: str, console: Console) -> None:
    """Print a whole assessment for a person to read."""
    results = assessment.results
    who = ", ".join(
        part
        for part in (
            results.sex,
            _("{age} years").format(age=results.age) if results.age is not None else None,
            _("measured {day}").format(day=date_text(results.measured_on))
            if results.measured_on
            else None,
            _("by {who}").format(who=results.measured_by) if results.measured_by else None,
        )
        if part
    )
    title = Text(_("Assessment: "), style="bold")
    title.append(shown_path)
    if who:
        title.append(f"  ({who})")
    console.print(title)
    console.print(Text(_("Ratios"), style="bold"))
    for ratio in assessment.ratios.values():
        console.print(ratio_line(ratio))
    console.print(Text(_("Findings"), style="bold"))
    for finding in assessment.findings:
        for line in finding_lines(finding):
            console.print(hanging(line))
    if assessment.missing:
        missing = ", ".join(assessment.missing)
        words = _("Not measured (no finding): {missing}").format(missing=missing)
        console.print(Text(words, style="dim"))
    emphases = ", ".join(assessment.emphases) if assessment.emphases else _("none")
    console.print(Text(_("Emphases for a programme: "), style="bold").append(emphases))
    console.print(Text(assessment.notice, style="italic"))


def hanging(line: Text) -> Padding:
    """A line whose wrapped rows keep its indent (a narrow or piped terminal wraps them)."""
    indent = len(line.plain) - len(line.plain.lstrip(" "))
    return Padding(line[indent:], (0, 0, 0, indent), expand=False)


def retest_lines(report: AssessmentReport) -> list[Text]:
    """The retest against the last assessment: each change and its verdict by the MDC."""
    retest = report.retest
    if retest is None or report.previous is None:
        first = _("First assessment: the next one will be compared with it.")
        return [Text(first, style="dim")]
    when = date_text(report.previous.measured_on)
    apart = ""
    if retest.days_apart is not None:
        apart = ", " + _("{days} days apart").format(days=retest.days_apart)
    words = _("Compared with the assessment of {day}{apart}").format(day=when, apart=apart)
    lines = [Text(words, style="bold")]
    for change in retest.changes:
        line = Text("  ")
        line.append(
            f"[{VERDICT_WORDS[change.verdict]}]", style=VERDICT_STYLES.get(change.verdict, "")
        )
        line.append(" " + change.text)
        lines.append(line)
    if retest.not_compared:
        once = _("Measured only once: {tests}").format(tests=", ".join(retest.not_compared))
        lines.append(Text("  " + once, style="dim"))
    return lines


VERDICT_STYLES = {
    Verdict.IMPROVED: "green",
    Verdict.WORSE: "yellow",
    Verdict.WITHIN_NOISE: "cyan",
    Verdict.NO_MDC: "dim",
    Verdict.SAME: "dim",
}
"""How each retest verdict is coloured."""


def print_report(report: AssessmentReport, shown: str, console: Console) -> None:
    """An assessment with its findings, then the retest against the one before."""
    print_assessment(report.assessment, shown, console)
    for line in retest_lines(report):
        console.print(hanging(line))


def history_lines(reports: list[AssessmentReport]) -> list[Text]:
    """Every assessment, oldest first: day, source, the three ratios and the emphases."""
    if not reports:
        return [Text(_("No assessment in the log yet: `matwork assess` runs one."))]
    lines = [Text(f"{'day':<11} {'from':<7} {'F:E':>5} {'L:R':>5} {'S:E':>5}  emphases")]
    for report in reports:
        ratios = report.assessment.ratios
        cells = [ratio_cell(ratio) for ratio in ratios.values()]
        source = report.stored.source.value
        emphases = ", ".join(report.assessment.emphases) or "none"
        line = Text(f"{report.stored.measured_on.isoformat():<11} {source:<7} ")
        line.append(" ".join(f"{cell:>5}" for cell in cells))
        line.append(f"  {emphases}")
        lines.append(line)
    lines.append(
        Text(
            "F:E flexion : extension, L:R side bridges left : right, "
            "S:E side bridge : extension; · not measured",
            style="dim",
        )
    )
    return lines
