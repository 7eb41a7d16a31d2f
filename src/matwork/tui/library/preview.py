"""The preview pane: what a routine asks for, before it is started."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from matwork.app.library import LibraryEntry
from matwork.core.balance import trunk_balance
from matwork.core.exercise import Exercise
from matwork.core.timefmt import clock, duration_words
from matwork.core.timeline import Timeline
from matwork.core.vocab_words import muscle_word
from matwork.i18n import tui_, tui_ngettext
from matwork.tui.library.balance_bar import BalanceBar
from matwork.tui.widgets.words import level_label, origin_label


@dataclass(frozen=True)
class BlockOutline:
    """A block as the preview lists it: its name, rounds and exercise uses in order."""

    name: str
    rounds: int
    exercises: tuple[Exercise, ...]


def outline(timeline: Timeline) -> list[BlockOutline]:
    """The blocks of a timeline with each exercise use once, in order.

    Every exercise use has exactly one work segment in its block's first round and
    first set that is not the right side of a "both" exercise.
    """
    blocks: dict[int, tuple[str, int, list[Exercise]]] = {}
    for segment in timeline.work_segments():
        if segment.round != 1 or segment.set != 1 or segment.side == "right":
            continue
        _, _, exercises = blocks.setdefault(segment.block, (segment.block_name, segment.rounds, []))
        exercises.append(segment.exercise)
    return [
        BlockOutline(name, rounds, tuple(exercises)) for name, rounds, exercises in blocks.values()
    ]


def muscles_worked(timeline: Timeline) -> list[str]:
    """Primary muscles of the work, most seconds first (ties by name)."""
    seconds: dict[str, float] = defaultdict(float)
    for segment in timeline.work_segments():
        for muscle in segment.exercise.entry.muscles:
            seconds[muscle] += segment.duration
    return sorted(seconds, key=lambda muscle: (-seconds[muscle], muscle))


def outline_content(blocks: Sequence[BlockOutline]) -> Content:
    """Each block's title, then its exercises with their dosage in an aligned column."""
    names = [exercise.name for block in blocks for exercise in block.exercises]
    width = max(map(len, names), default=0)
    lines: list[Content] = []
    for number, block in enumerate(blocks, start=1):
        title = block.name or tui_("Block {number}").format(number=number)
        if block.rounds > 1:
            title += "  × " + tui_ngettext("{count} round", "{count} rounds", block.rounds).format(
                count=block.rounds
            )
        lines.append(Content.styled(title, "bold"))
        lines.extend(
            Content.assemble("  ", exercise.name.ljust(width), "  ", (exercise.dosage, "dim"))
            for exercise in block.exercises
        )
    return Content("\n").join(lines)


class RoutinePreview(VerticalScroll):
    """Shows one library entry: a routine's plan, or a broken file's errors.

    CSS classes: ``-empty`` with nothing to show, ``-broken`` for a broken file.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=False)
        self.entry: LibraryEntry | None = None

    def compose(self) -> ComposeResult:
        """Head, balance bar, block outline, muscles."""
        yield Static(id="preview-head")
        yield BalanceBar(id="preview-balance")
        yield Static(id="preview-outline")
        yield Static(id="preview-muscles")

    def on_mount(self) -> None:
        """Start empty."""
        self.show(None)

    def show(self, entry: LibraryEntry | None) -> None:
        """Show an entry, or the empty state for None."""
        self.entry = entry
        self.set_class(entry is None, "-empty")
        self.set_class(entry is not None and not entry.ok, "-broken")
        head = self.query_one("#preview-head", Static)
        balance = self.query_one(BalanceBar)
        body = self.query_one("#preview-outline", Static)
        muscles = self.query_one("#preview-muscles", Static)
        if entry is None:
            head.update(tui_("Nothing to preview."))
            balance.balance = None
            body.update("")
            muscles.update("")
            return
        if entry.error is not None or entry.routine is None or entry.timeline is None:
            head.update(self._broken_head(entry))
            balance.balance = None
            body.update(self._problems(entry))
            muscles.update("")
            self.scroll_home(animate=False)
            return
        routine, timeline = entry.routine, entry.timeline
        estimate = "~" if timeline.estimated else ""
        exercise_count = sum(len(block.exercises) for block in outline(timeline))
        exercises = tui_ngettext("{count} exercise", "{count} exercises", exercise_count)
        facts = [
            tui_("Total {time}").format(time=f"{estimate}{clock(timeline.total_seconds)}"),
            exercises.format(count=exercise_count),
        ]
        if routine.level:
            facts.append(level_label(routine.level))
        head.update(
            Content.from_markup(
                "[b]$name[/b]\n[$text-muted]$file · $origin[/]\n\n$description\n\n"
                "[b]$facts[/b]$tags",
                name=routine.name,
                file=entry.path.name,
                origin=origin_label(entry.origin),
                description=routine.description or tui_("(no description)"),
                facts=" · ".join(facts),
                tags="\n" + tui_("Tags: {tags}").format(tags=", ".join(routine.tags))
                if routine.tags
                else "",
            )
        )
        balance.balance = trunk_balance(timeline)
        body.update(outline_content(outline(timeline)))
        worked = muscles_worked(timeline)
        muscles.update(
            Content.from_markup(
                "[b]$title[/b]\n$muscles",
                title=tui_("Muscles worked"),
                muscles=", ".join(muscle_word(name) for name in worked) or tui_("(none listed)"),
            )
        )
        self.scroll_home(animate=False)

    @staticmethod
    def _broken_head(entry: LibraryEntry) -> Content:
        count = len(entry.error.problems) if entry.error else 0
        return Content.from_markup(
            "[b]$file[/b]\n[$text-muted]$origin[/]\n\n[b $error]$count[/]",
            file=entry.path.name,
            origin=origin_label(entry.origin),
            count=tui_ngettext(
                "Cannot be used: {count} problem", "Cannot be used: {count} problems", count
            ).format(count=count),
        )

    @staticmethod
    def _problems(entry: LibraryEntry) -> Content:
        lines = [
            f"{problem.place}: {problem.message}"
            + ("\n  " + tui_("hint: {hint}").format(hint=problem.hint) if problem.hint else "")
            for problem in (entry.error.problems if entry.error else ())
        ]
        return Content("\n".join(lines) + "\n\n" + tui_("Press e to open it in your editor."))


def summary_line(entry: LibraryEntry) -> str:
    """Total and tags of an entry, for the routine list's second line."""
    if entry.timeline is None or entry.routine is None:
        return ""
    estimate = "~" if entry.timeline.estimated else ""
    parts = [estimate + duration_words(entry.timeline.total_seconds)]
    if entry.routine.tags:
        parts.append(", ".join(entry.routine.tags))
    return " · ".join(parts)
