"""The middle of the player: what runs, the big digits, bars, breath, reps, next, how-to.

``PlayerStage.show(player)`` reads everything from the player; it only changes texts and
the classes of its parts, never styles (player.tcss styles by the screen's classes).
Getting ready and resting name the coming exercise in the big line, with its dosage,
its first instruction lines and its cautions: that is when the user gets into position.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Static

from matwork.core.kinds import RestReason
from matwork.core.player import Player
from matwork.core.results import SetResult
from matwork.core.timeline import Segment
from matwork.i18n import LazyString, lazy_tui_, tui_
from matwork.tui.player.big_timer import BigTimer
from matwork.tui.player.breath_meter import BreathMeter
from matwork.tui.player.cue_panel import CuePanel, HowTo
from matwork.tui.player.finish import caption_text, sets_text
from matwork.tui.player.next_up import NextUp, side_text, work_details
from matwork.tui.player.rep_counter import RepCounter
from matwork.tui.widgets.progress_line import ProgressLine
from matwork.tui.widgets.texts import TextCache

KIND_LABELS: dict[str, LazyString] = {
    "prepare": lazy_tui_("GET READY"),
    "work": lazy_tui_("WORK"),
    "switch": lazy_tui_("SWITCH SIDES"),
    "rest": lazy_tui_("REST"),
    "finished": lazy_tui_("DONE"),
    "stopped": lazy_tui_("STOPPED"),
    "paused": lazy_tui_("PAUSED"),
}
"""The label over the name for each state."""

GETTING_READY = ("prepare", "rest")
"""The states that show the coming exercise, its how-to and cautions."""


def state_of(player: Player) -> str:
    """What runs: "prepare", "work", "switch", "rest", or "finished" once ended."""
    segment = player.current()
    return "finished" if segment is None else segment.kind


def rest_label(segment: Segment) -> str:
    """A rest's label, with why it is there: "REST · ROUND 2 NEXT", "REST · STRETCH NEXT"."""
    if segment.rest_reason == RestReason.ROUND:
        return tui_("REST · ROUND {round} NEXT").format(round=segment.round)
    if segment.rest_reason == RestReason.BLOCK:
        block = (segment.block_name or tui_("next block")).upper()
        return tui_("REST · {block} NEXT").format(block=block)
    return str(KIND_LABELS["rest"])


def label_text(player: Player) -> str:
    """The label over the name: the kind of segment, PAUSED, DONE or STOPPED."""
    if player.paused:
        return str(KIND_LABELS["paused"])
    segment = player.current()
    if segment is not None and segment.kind == "rest":
        return rest_label(segment)
    return str(KIND_LABELS["stopped" if player.stopped else state_of(player)])


def title_text(segment: Segment | None, stopped: bool) -> str:
    """The big line: the exercise at work or switching, or the one coming after a rest."""
    if segment is None:
        return tui_("Session stopped") if stopped else tui_("Session complete")
    return segment.exercise.name


def detail_text(
    segment: Segment | None, pain_flagged: bool = False, upcoming: Segment | None = None
) -> str:
    """The line under the name: side, dosage, set, load (of the coming set while resting)."""
    parts: list[str] = []
    if segment is not None and segment.kind == "work":
        parts = work_details(segment)
        if segment.open and segment.exercise.test is None:  # a test set says it in its panel
            parts.append(tui_("Enter when done"))
    elif segment is not None and segment.kind == "switch":
        parts = [tui_("Next: {side}").format(side=side_text(segment))]
    elif segment is not None and upcoming is not None:
        parts = work_details(upcoming)
    if pain_flagged:
        parts.append(tui_("pain flagged"))
    return " · ".join(parts)


def howto_for(state: str, toggled: bool) -> HowTo:
    """How much how-to a state shows; ``i`` (``toggled``) hides it, or in work adds it all."""
    if state in GETTING_READY:
        return HowTo.NONE if toggled else HowTo.BRIEF
    if state == "work":
        return HowTo.FULL if toggled else HowTo.CUE
    return HowTo.NONE


class PlayerStage(Vertical):
    """The session under way, from the label over the name to the instructions."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._texts = TextCache()

    def compose(self) -> ComposeResult:
        """The parts, top to bottom."""
        with Center(id="kind-row"):
            yield Static("", id="kind", markup=False)
        yield Static(tui_("Getting ready…"), id="title", markup=False)
        yield Static("", id="detail", markup=False)
        yield BigTimer("", id="timer")
        yield Static("", id="caption", markup=False)
        yield ProgressLine(id="segment-bar")
        yield BreathMeter(id="breath")
        yield RepCounter(id="reps")
        yield CuePanel(id="cues")
        yield NextUp(id="next")

    def say(self, title: str) -> None:
        """Show a message in the title line (before the session is ready)."""
        self._texts.set(self.query_one("#title", Static), title)

    def show(
        self,
        player: Player,
        pain_flagged: bool = False,
        *,
        howto: bool = False,
        results: Sequence[SetResult] = (),
    ) -> None:
        """Show the player's state; ``howto``: ``i`` was pressed in this segment."""
        segment = player.current()
        state = state_of(player)
        upcoming = player.next_work() if segment is not None else None
        if state in GETTING_READY and segment is not None:
            upcoming = upcoming if upcoming is not None else segment
        self._texts.set(self.query_one("#kind", Static), label_text(player))
        self._texts.set(self.query_one("#title", Static), title_text(segment, player.stopped))
        if segment is None:
            detail = sets_text(results)
        else:
            detail = detail_text(segment, pain_flagged, upcoming)
        self._texts.set(self.query_one("#detail", Static), detail)
        planned = player.timeline.total_seconds
        caption = "" if segment is not None else caption_text(planned, player.finished)
        self._texts.set(self.query_one("#caption", Static), caption)
        timer = self.query_one(BigTimer)
        if segment is None:
            timer.show(player.session_elapsed())
        elif segment.open:
            timer.show(player.segment_elapsed(), counting_up=True)
        else:
            timer.show(player.segment_remaining())
        progress = 1.0 if segment is None else player.segment_progress()
        self.query_one("#segment-bar", ProgressLine).show(progress)
        following = upcoming if state == "work" else None
        self.query_one(NextUp).show(following)
        self.set_class(following is not None, "-show-next")
        shown = upcoming if state in GETTING_READY else segment
        exercise = shown.exercise if shown is not None else None
        self.query_one(CuePanel).show(exercise, player.segment_elapsed(), howto_for(state, howto))
        self.show_breath(player)

    def show_breath(self, player: Player) -> bool:
        """Show the breath and the rep under way (each breath frame); True if breathing."""
        segment = player.current()
        elapsed = player.segment_elapsed()
        breath = player.breath_now()
        self.query_one(BreathMeter).show(breath, elapsed)
        reps = segment.exercise.reps if segment is not None else None
        rep = player.rep_now()
        self.query_one(RepCounter).show(rep, reps, elapsed)
        self.set_class(breath is not None, "-has-breath")
        self.set_class(rep is not None, "-has-reps")
        return breath is not None
