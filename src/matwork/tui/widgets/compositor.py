"""A compositor that renders, for a partial update, only what lies in the updated rows.

Textual's compositor, asked to repaint one line (the breath meter's), renders every
widget whose *clip* overlaps the updated area: the clip of a widget is its
container's visible area, so every widget of the screen (header, stage, big digits,
bars, footer...) renders all of its cached lines, and the compositor then keeps only
the updated line. On the player that is about ten widgets per breath frame.

``RowCompositor`` renders only the widgets whose visible area meets the updated rows,
and of them only the rows that are updated. What reaches the terminal is the same:
the partial update writes only the updated spans, and every cell of a span lies in a
widget that is still rendered. Full renders (a layout, a screenshot) are Textual's.

Written against Textual 8.2 (``pyproject.toml`` pins ``>=8.2,<8.3``), which has
``Compositor._get_renders(crop)``; ``tests/tui/test_row_compositor.py`` checks that
both compositors send the same update.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual._compositor import Compositor
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip


class RowCompositor(Compositor):
    """Textual's compositor, rendering only the updated rows of a partial update."""

    def _get_renders(
        self, crop: Region | None = None
    ) -> Iterable[tuple[Region, Region, list[Strip]]]:
        if crop is None or crop == self.size.region:
            yield from super()._get_renders(crop)
            return
        top, bottom = crop.y, crop.bottom
        for widget, (region, clip) in self.visible_widgets.items():
            shown = region.intersection(clip)
            if not shown or shown.bottom <= top or shown.y >= bottom:
                continue  # none of its rows is updated
            y = max(shown.y, top)
            rows = Region(shown.x, y, shown.width, min(shown.bottom, bottom) - y)
            yield (
                region,
                rows,  # its clip, cut to the updated rows: its strips start at ``rows.y``
                widget.render_lines(
                    Region(rows.x - region.x, rows.y - region.y, rows.width, rows.height)
                ),
            )


def use_row_compositor(screen: Screen[Any]) -> None:
    """Give ``screen`` a ``RowCompositor`` (call from its ``__init__``, before it mounts)."""
    screen._compositor = RowCompositor()
