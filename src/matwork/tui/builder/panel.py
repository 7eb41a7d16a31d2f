"""The builder's side panel: total time, timeline summary, trunk balance and problems."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from matwork.core.balance import trunk_balance
from matwork.core.errors import Problem
from matwork.core.kinds import SegmentKind
from matwork.core.timefmt import clock
from matwork.core.timeline import Timeline
from matwork.i18n import LazyString, lazy_tui_, tui_, tui_ngettext
from matwork.tui.builder.state import Check
from matwork.tui.library.balance_bar import BalanceBar

KIND_WORDS: dict[str, LazyString] = {
    "prepare": lazy_tui_("prepare"),
    "work": lazy_tui_("work"),
    "switch": lazy_tui_("switch"),
    "rest": lazy_tui_("rest"),
}
"""A segment kind in the panel's counts: "4 work · 3 rest"."""


def problem_line(problem: Problem) -> str:
    """A problem as ``matwork check`` prints it, without the path: "line:col: message (hint)"."""
    text = f"{problem.line}:{problem.col}: {problem.message}"
    return f"{text} ({problem.hint})" if problem.hint else text


def timeline_summary(timeline: Timeline) -> Content:
    """Segment counts by kind, then each block with its rounds."""
    counts = Counter(segment.kind for segment in timeline.segments)
    kinds = " · ".join(
        f"{counts[kind]} {KIND_WORDS.get(kind, kind)}" for kind in SegmentKind if counts[kind]
    )
    blocks: dict[int, tuple[str, int]] = {}
    for segment in timeline.segments:
        if segment.kind == "work":
            blocks.setdefault(segment.block, (segment.block_name, segment.rounds))
    lines = [
        f"  {name or tui_('Block {number}').format(number=index + 1)} × {rounds}"
        for index, (name, rounds) in sorted(blocks.items())
    ]
    return Content.assemble(
        (tui_("Segments") + "\n", "bold"),
        f"  {kinds}\n",
        (tui_("Blocks × rounds") + "\n", "bold"),
        "\n".join(lines),
    )


class BuilderPanel(VerticalScroll):
    """Live figures of the routine being built, and what stops it from saving.

    CSS classes: ``-invalid`` while the checker finds problems (the figures are then
    those of the last valid state), ``-untimed`` before the routine was ever valid.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=False)
        self._timed = False

    def compose(self) -> ComposeResult:
        """Total, target file, summary, balance bar, problems."""
        yield Static(id="panel-total")
        yield Static(id="panel-target")
        yield Static(id="panel-summary")
        yield BalanceBar(id="panel-balance")
        yield Static(id="panel-problems-title")
        yield Static(id="panel-problems")

    def show(self, check: Check, target_name: str) -> None:
        """Show a check's figures (or keep the last ones) and its problems."""
        self.query_one("#panel-target", Static).update(
            tui_("Saves as {name}").format(name=target_name)
        )
        if check.timeline is not None:
            self._timed = True
            self._figures(check.timeline)
        elif not self._timed:
            self.query_one("#panel-total", Static).update(tui_("Total –"))
            self.query_one("#panel-summary", Static).update(
                tui_("Add an exercise to see the plan.")
            )
            self.query_one(BalanceBar).balance = None
        self.set_class(not check.ok, "-invalid")
        self.set_class(not self._timed, "-untimed")
        self._problems(check.problems)

    def _figures(self, timeline: Timeline) -> None:
        estimate = "~" if timeline.estimated else ""
        total = self.query_one("#panel-total", Static)
        shown = tui_("Total {time}").format(time=f"{estimate}{clock(timeline.total_seconds)}")
        total.update(Content.styled(shown, "bold"))
        self.query_one("#panel-summary", Static).update(timeline_summary(timeline))
        self.query_one(BalanceBar).balance = trunk_balance(timeline)

    def _problems(self, problems: Sequence[Problem]) -> None:
        count = len(problems)
        problems_title = tui_ngettext(
            "{count} problem: cannot save", "{count} problems: cannot save", count
        )
        title = problems_title.format(count=count) if count else ""
        self.query_one("#panel-problems-title", Static).update(title)
        self.query_one("#panel-problems", Static).update(
            Content("\n".join(problem_line(problem) for problem in problems))
        )
