"""The middle of the player: what runs, the big digits, bars, breath, reps, next, how-to.

``PlayerStage.show(player)`` reads everything from the player; it only changes texts and
the classes of its parts, never styles (player.tcss styles by the screen's classes).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Static

from matwork.core.player import Player
from matwork.core.timeline import Segment
from matwork.tui.widgets.big_timer import BigTimer
from matwork.tui.widgets.breath_meter import BreathMeter
from matwork.tui.widgets.cue_panel import CuePanel
from matwork.tui.widgets.next_up import NextUp, work_details
from matwork.tui.widgets.progress_line import ProgressLine
from matwork.tui.widgets.rep_counter import RepCounter
from matwork.tui.widgets.texts import TextCache

KIND_LABELS: dict[str, str] = {
    "prepare": "GET READY",
    "work": "WORK",
    "switch": "SWITCH SIDES",
    "rest": "REST",
    "finished": "DONE",
    "stopped": "STOPPED",
    "paused": "PAUSED",
}
"""The label over the name for each state."""


def state_of(player: Player) -> str:
    """What runs: "prepare", "work", "switch", "rest", or "finished" once ended."""
    segment = player.current()
    return "finished" if segment is None else segment.kind


def label_text(player: Player) -> str:
    """The label over the name: the kind of segment, PAUSED, DONE or STOPPED."""
    if player.paused:
        return KIND_LABELS["paused"]
    return KIND_LABELS["stopped" if player.stopped else state_of(player)]


def title_text(segment: Segment | None, stopped: bool) -> str:
    """The big line: the exercise at work or switching, else what the segment is."""
    if segment is None:
        return "Session stopped" if stopped else "Session complete"
    if segment.kind in ("work", "switch"):
        return segment.exercise.name
    if segment.kind == "prepare":
        return "Get ready"
    if segment.rest_reason == "round":
        return f"Rest before round {segment.round}"
    if segment.rest_reason == "block":
        return f"Rest before {segment.block_name or 'the next block'}"
    return "Rest between sets" if segment.rest_reason == "set" else "Rest"


def detail_text(segment: Segment | None, pain_flagged: bool = False) -> str:
    """The line under the name: side, dosage, set, load; or the side to switch to."""
    parts: list[str] = []
    if segment is not None and segment.kind == "work":
        parts = work_details(segment)
        if segment.open:
            parts.append("Enter when done")
    elif segment is not None and segment.kind == "switch":
        parts = [f"Next: {segment.side} side"]
    if pain_flagged:
        parts.append("pain flagged")
    return " · ".join(parts)


def ended_text(finished: bool) -> str:
    """The line under the name once the session has ended."""
    return "Well done. The summary comes next." if finished else "What you did is in the log."


class PlayerStage(Vertical):
    """The session under way, from the label over the name to the instructions."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._texts = TextCache()

    def compose(self) -> ComposeResult:
        """The parts, top to bottom."""
        with Center(id="kind-row"):
            yield Static("", id="kind", markup=False)
        yield Static("Getting ready…", id="title", markup=False)
        yield Static("", id="detail", markup=False)
        yield BigTimer("", id="timer")
        yield ProgressLine(id="segment-bar")
        yield BreathMeter(id="breath")
        yield RepCounter(id="reps")
        yield NextUp(id="next")
        yield CuePanel(id="cues")

    def say(self, title: str) -> None:
        """Show a message in the title line (before the session is ready)."""
        self._texts.set(self.query_one("#title", Static), title)

    def show(self, player: Player, pain_flagged: bool = False) -> None:
        """Show the player's state."""
        segment = player.current()
        state = state_of(player)
        self._texts.set(self.query_one("#kind", Static), label_text(player))
        self._texts.set(self.query_one("#title", Static), title_text(segment, player.stopped))
        detail = detail_text(segment, pain_flagged) if segment else ended_text(player.finished)
        self._texts.set(self.query_one("#detail", Static), detail)
        timer = self.query_one(BigTimer)
        if segment is None:
            timer.show(player.session_elapsed())
        elif segment.open:
            timer.show(player.segment_elapsed(), counting_up=True)
        else:
            timer.show(player.segment_remaining())
        progress = 1.0 if segment is None else player.segment_progress()
        self.query_one("#segment-bar", ProgressLine).show(progress)
        upcoming = player.next_work() if state in ("prepare", "rest") else None
        self.query_one(NextUp).show(upcoming)
        self.set_class(upcoming is not None, "-show-next")
        exercise = segment.exercise if segment is not None and state == "work" else None
        self.query_one(CuePanel).show(exercise, player.segment_elapsed())
        self.show_breath(player)

    def show_breath(self, player: Player) -> bool:
        """Show the breath and the rep under way (10 fps while animating); True if breathing."""
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
