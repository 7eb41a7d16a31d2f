"""The row compositor sends the terminal the same partial update as Textual's own."""

from __future__ import annotations

from functools import partial

import pytest
from rich.console import Console
from textual._compositor import ChopsUpdate, Compositor
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.geometry import Region
from textual.screen import Screen
from textual.widgets import Static

from matwork.tui.widgets.compositor import RowCompositor, use_row_compositor


class Rows(Screen[None]):
    CSS = """
    #side { width: 12; border: round red; }
    #left { height: 3; background: blue; }
    Static { height: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        use_row_compositor(self)

    def compose(self) -> ComposeResult:
        yield Static("header", id="header")
        with Horizontal():
            with Vertical(id="side"):
                yield Static("side one")
                yield Static("side two")
            with Vertical():
                yield Static("left block", id="left")
                yield Static("meter", id="meter")
                yield Static("below", id="below")
        yield Static("footer", id="footer")


class RowsApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(Rows())


def update_text(compositor: Compositor, regions: list[Region], *, textual: bool) -> str:
    """The partial update for ``regions`` as the terminal would get it."""
    if textual:  # Textual's own way of collecting the renders
        compositor._get_renders = partial(Compositor._get_renders, compositor)  # type: ignore[method-assign]
    try:
        crop = Region.from_union(regions).intersection(compositor.size.region)
        spans = list(compositor._regions_to_spans(regions))
        rows = {y for y, _, _ in spans}
        chops = compositor._render_chops(crop, rows.__contains__)
        update = ChopsUpdate(chops, spans, [cut_set[1:] for cut_set in compositor.cuts])
        return update.render_segments(Console(width=80, color_system="truecolor"))
    finally:
        if textual:
            del compositor._get_renders


@pytest.mark.parametrize(
    "targets", [["#meter"], ["#meter", "#header"], ["#left"], ["#side Static", "#below"]]
)
async def test_the_update_is_the_same(targets: list[str]) -> None:
    app = RowsApp()
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen._compositor, RowCompositor)
        regions = [screen.query_one(target).region for target in targets]
        for target in targets:  # a new text, so the widget renders afresh
            screen.query_one(target, Static).update(f"{target} changed")
        ours = update_text(screen._compositor, regions, textual=False)
        theirs = update_text(screen._compositor, regions, textual=True)
        assert "changed" in ours
        assert ours == theirs


async def test_a_meter_update_renders_only_the_widgets_in_its_row() -> None:
    app = RowsApp()
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.pause()
        screen = app.screen
        meter = screen.query_one("#meter")
        crop = meter.region
        ours = list(screen._compositor._get_renders(crop))
        theirs = list(Compositor._get_renders(screen._compositor, crop))
        assert len(ours) < len(theirs)
        assert all(len(strips) == 1 for _, _, strips in ours)  # one row each
