"""The breath meter's frame, drawn through the line API, is the line its ``Text`` draws."""

from __future__ import annotations

import math

import pytest
from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.strip import Strip
from textual.visual import Visual, visualize

from matwork.core.breath import Phase
from matwork.tui.player.breath_meter import BreathMeter


class MeterApp(App[None]):
    CSS = "BreathMeter.-exhale > .breath-meter--fill { color: red; }"

    def compose(self) -> ComposeResult:
        yield BreathMeter()


def looks(strip: Strip) -> list[tuple[str, object, object, bool | None]]:
    """Each cell's character, colour, background and boldness (not the mouse metadata)."""
    cells = []
    for segment in strip:
        style = segment.style
        assert style is not None
        for char in segment.text:
            cells.append((char, style.color, style.bgcolor, style.bold))
    return cells


def via_text(meter: BreathMeter) -> Strip:
    visual: Visual = visualize(meter, meter.render())
    strips = Visual.to_strips(meter, visual, meter.size.width, 1, meter.visual_style)
    return Strip.join([*strips[:1], Strip([Segment("")])]).crop_extend(
        0, meter.size.width, meter.visual_style.rich_style
    )


@pytest.mark.parametrize("width", [80, 40, 20])
async def test_each_frame_looks_as_the_text_draws_it(width: int) -> None:
    app = MeterApp()
    async with app.run_test(size=(width, 3)) as pilot:
        meter = app.query_one(BreathMeter)
        for name, start in (("inhale", 0.0), ("hold", 4.0), ("exhale", 8.0), ("hold_out", 12.0)):
            phase = Phase(name, start, 4.0, 0, 0)
            for t in (start, start + 0.37, start + 1.9, start + 3.99):
                meter.show(phase, t)
                await pilot.pause()
                line = meter.render_line(0)
                assert line.cell_length == meter.size.width
                assert looks(line) == looks(via_text(meter))
                assert line.text.rstrip() == meter.text.rstrip()


async def test_a_restyle_is_drawn_in_the_new_style() -> None:
    app = MeterApp()
    async with app.run_test(size=(60, 3)) as pilot:
        meter = app.query_one(BreathMeter)
        meter.show(Phase("inhale", 0.0, 4.0, 0, 0), 2.0)
        await pilot.pause()
        before = looks(meter.render_line(0))
        meter.show(Phase("exhale", 4.0, 4.0, 0, 2), 6.0)  # -exhale: the fill turns red
        await pilot.pause()
        after = meter.render_line(0)
        assert looks(after) == looks(via_text(meter))
        assert {color for _, color, _, _ in looks(after)} != {c for _, c, _, _ in before}


async def test_nothing_shows_without_a_phase() -> None:
    app = MeterApp()
    async with app.run_test(size=(40, 3)) as pilot:
        meter = app.query_one(BreathMeter)
        meter.show(None, 0.0)
        await pilot.pause()
        assert meter.render_line(0).text == " " * 40
        assert meter.text == ""


@pytest.mark.parametrize("width", [80, 24])
async def test_the_line_changes_first_at_next_change(width: int) -> None:
    """Just before ``next_change`` the line is the one shown; at it, another one."""
    app = MeterApp()
    async with app.run_test(size=(width, 3)) as pilot:
        await pilot.pause()
        meter = app.query_one(BreathMeter)
        for name, start, duration in (("inhale", 0.0, 4.0), ("hold", 4.0, 4.0),
                                      ("exhale", 8.0, 20.0), ("hold_out", 28.0, 2.5)):  # fmt: skip
            phase = Phase(name, start, duration, 0, 0)
            t = start
            while t < phase.end - 1e-6:
                meter.show(phase, t)
                shown = meter.text
                change = meter.next_change()
                assert change is not None
                assert change > t
                if change < phase.end - 1e-6:
                    meter.show(phase, change - 1e-6)
                    assert meter.text == shown
                    meter.show(phase, change + 1e-9)
                    assert meter.text != shown
                t = change + 1e-9
            if name.startswith("hold"):
                meter.show(phase, start)
                assert meter.next_change() == pytest.approx(
                    start + duration - math.ceil(duration - 1)
                )
        meter.show(None, 0.0)
        assert meter.next_change() is None
