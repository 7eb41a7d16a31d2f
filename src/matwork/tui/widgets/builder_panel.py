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
from matwork.core.timefmt import clock
from matwork.core.timeline import KINDS, Timeline
from matwork.tui.widgets.balance_bar import BalanceBar
from matwork.tui.widgets.builder_state import Check


def problem_line(problem: Problem) -> str:
    """A problem as ``matwork check`` prints it, without the path: "line:col: message (hint)"."""
    text = f"{problem.line}:{problem.col}: {problem.message}"
    return f"{text} ({problem.hint})" if problem.hint else text


def timeline_summary(timeline: Timeline) -> Content:
    """Segment counts by kind, then each block with its rounds."""
    counts = Counter(segment.kind for segment in timeline.segments)
    kinds = " · ".join(f"{counts[kind]} {kind}" for kind in KINDS if counts[kind])
    blocks: dict[int, tuple[str, int]] = {}
    for segment in timeline.segments:
        if segment.kind == "work":
            blocks.setdefault(segment.block, (segment.block_name, segment.rounds))
    lines = [
        f"  {name or f'Block {index + 1}'} × {rounds}"
        for index, (name, rounds) in sorted(blocks.items())
    ]
    return Content.assemble(
        ("Segments\n", "bold"),
        f"  {kinds}\n",
        ("Blocks × rounds\n", "bold"),
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
        self.query_one("#panel-target", Static).update(f"Saves as {target_name}")
        if check.timeline is not None:
            self._timed = True
            self._figures(check.timeline)
        elif not self._timed:
            self.query_one("#panel-total", Static).update("Total –")
            self.query_one("#panel-summary", Static).update("Add an exercise to see the plan.")
            self.query_one(BalanceBar).balance = None
        self.set_class(not check.ok, "-invalid")
        self.set_class(not self._timed, "-untimed")
        self._problems(check.problems)

    def _figures(self, timeline: Timeline) -> None:
        estimate = "~" if timeline.estimated else ""
        total = self.query_one("#panel-total", Static)
        total.update(Content.styled(f"Total {estimate}{clock(timeline.total_seconds)}", "bold"))
        self.query_one("#panel-summary", Static).update(timeline_summary(timeline))
        self.query_one(BalanceBar).balance = trunk_balance(timeline)

    def _problems(self, problems: Sequence[Problem]) -> None:
        count = len(problems)
        title = f"{count} problem{'s' * (count != 1)}: cannot save" if count else ""
        self.query_one("#panel-problems-title", Static).update(title)
        self.query_one("#panel-problems", Static).update(
            Content("\n".join(problem_line(problem) for problem in problems))
        )
