"""The test set in the player: what to do, what you need, and where to enter the result.

``TestPanel.show(segment, upcoming)`` shows the test under way (a hold: when it ends
and its ceiling; a measurement: the picture in words and the entry) or, during a rest
or get-ready, what the next test needs. A measurement is entered in an Input (a
number or a score) or with a checkbox per question (yes/no); Save posts ``Answered``
with the value, Skip posts ``Skipped``, and a value that does not fit is shown as
an error under the entry.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Static

from matwork.core.assessment_protocol import AnswerKind
from matwork.core.test_spec import AnswerError, TestKind, TestSpec, parse_answer
from matwork.core.timefmt import clock
from matwork.core.timeline import Segment
from matwork.i18n import tui_
from matwork.tui.assess.tick_row import TickRow


def hold_text(spec: TestSpec) -> str:
    """What a hold asks: end it on the key when the position breaks; its ceiling."""
    ends = f" ({spec.ends_when})" if spec.ends_when else ""
    return tui_(
        "Hold as long as you can. Press Enter or d when the position breaks{ends}. "
        "It ends by itself at {ceiling}."
    ).format(ends=ends, ceiling=clock(spec.ceiling or 0))


def needs_text(spec: TestSpec) -> str:
    """What the test needs, and its variant: shown while getting ready for it."""
    lines = [tui_("You need: {item}").format(item=item) for item in spec.equipment]
    if spec.variant:
        lines.append(tui_("Variant: {variant}").format(variant=spec.variant))
    return "\n".join(lines)


def measure_prompt(spec: TestSpec) -> str:
    """The line over the entry of a measurement."""
    if spec.answer is AnswerKind.YES_NO:
        return tui_("Tick each question you answer yes, then Save (a yes to any counts as yes).")
    low, high = f"{spec.low:g}", f"{spec.high:g}"
    if spec.answer is AnswerKind.SCORE:
        scale = "; ".join(spec.scale)
        score = tui_("Type the score, {low} to {high} ({scale}), then Enter.")
        return score.format(low=low, high=high, scale=scale)
    result = tui_("Type the result in {unit} ({low} to {high}), then Enter.")
    return result.format(unit=spec.unit, low=low, high=high)


class TestPanel(Vertical):
    """The test under way, or the next one; ``-empty`` when there is none."""

    __test__ = False

    class Answered(Message):
        """The user entered a measurement's value (checked)."""

        def __init__(self, value: float | bool) -> None:
            super().__init__()
            self.value = value

    class Skipped(Message):
        """The user skipped the measurement."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="-empty")
        self.shown: tuple[int, bool] | None = None
        """(segment index, is under way) of what is shown."""
        self.spec: TestSpec | None = None

    def compose(self) -> ComposeResult:
        """The parts: the what, the needs, the picture, the entry rows and the error."""
        yield Static("", id="test-what", markup=False)
        yield Static("", id="test-needs", markup=False)
        yield Static("", id="test-picture", markup=False)
        yield Vertical(id="test-entry")
        yield Static("", id="test-error", classes="-empty", markup=False)

    def show(self, segment: Segment | None, upcoming: Segment | None) -> None:
        """Show the test of ``segment`` under way, else what ``upcoming`` needs."""
        running = segment is not None and segment.open and segment.exercise.test is not None
        target = segment if running else upcoming
        spec = target.exercise.test if target is not None else None
        key = None if target is None or spec is None else (target.index, running)
        if key == self.shown:
            return
        self.shown = key
        self.spec = spec
        self.set_class(spec is None, "-empty")
        entry = self.query_one("#test-entry", Vertical)
        entry.remove_children()
        self._error("")
        if target is None or spec is None:
            return
        what, picture = "", ""
        if not running:
            what = tui_("Next test: {name}").format(name=target.exercise.name)
        elif spec.kind is TestKind.HOLD:
            what = hold_text(spec)
        else:
            what = measure_prompt(spec)
            how = tui_("How to measure: {picture}")
            picture = how.format(picture=spec.picture) if spec.picture else ""
            entry.mount_all(self._entry_widgets(spec))
        needs = "" if running else needs_text(spec)
        for name, words in (
            ("#test-what", what),
            ("#test-needs", needs),
            ("#test-picture", picture),
        ):
            part = self.query_one(name, Static)
            part.update(words)
            part.set_class(not words, "-empty")

    def _entry_widgets(self, spec: TestSpec) -> list[Vertical | Horizontal]:
        rows: list[Vertical | Horizontal] = []
        if spec.answer is AnswerKind.YES_NO:
            boxes = [
                TickRow(f"test-q{index}", question, classes="test-question")
                for index, question in enumerate(spec.questions)
            ]
            rows.append(Vertical(*boxes, classes="test-row"))
            rows.append(
                Horizontal(
                    Button(tui_("Save"), id="test-save", variant="primary"),
                    Button(tui_("Skip"), id="test-skip"),
                    classes="test-row",
                )
            )
        else:
            placeholder = "0-5" if spec.answer is AnswerKind.SCORE else spec.unit
            rows.append(
                Horizontal(
                    Input(placeholder=placeholder, id="test-value"),
                    Button(tui_("Save"), id="test-save", variant="primary"),
                    Button(tui_("Skip"), id="test-skip"),
                    classes="test-row",
                )
            )
        return rows

    def focus_entry(self) -> None:
        """Put the cursor where the answer goes."""
        for widget in (*self.query(Input), *self.query(Checkbox)):
            widget.focus()
            return

    def _error(self, message: str) -> None:
        error = self.query_one("#test-error", Static)
        error.update(message)
        error.set_class(not message, "-empty")

    def error(self, message: str) -> None:
        """Show why an answer was not taken."""
        self._error(message)

    def submit(self) -> None:
        """Check what was entered; post Answered, or show why not."""
        spec = self.spec
        if spec is None or spec.kind is not TestKind.MEASURE:
            return
        if spec.answer is AnswerKind.YES_NO:
            answer = any(
                box.value for box in self.query(".test-question Checkbox").results(Checkbox)
            )
            self.post_message(self.Answered(answer))
            return
        try:
            value = parse_answer(spec, self.query_one("#test-value", Input).value)
        except AnswerError as error:
            self._error(str(error))
            return
        self.post_message(self.Answered(value))

    @on(Input.Submitted, "#test-value")
    def _submitted(self) -> None:
        self.submit()

    @on(Button.Pressed, "#test-save")
    def _save(self) -> None:
        self.submit()

    @on(Button.Pressed, "#test-skip")
    def _skip(self) -> None:
        self.post_message(self.Skipped())
