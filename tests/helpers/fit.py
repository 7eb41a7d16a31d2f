"""Measuring a mounted screen: texts cut or spilling from their panel, widgets squeezed away.

A Static's text is cut when it needs more rows than its region has at its width, or,
when it cannot wrap, more columns. It spills when its region leaves the region of a
container that does not scroll (everything up to the nearest scrolling one, or the
screen). These are the faults the eye finds in a picture, found by arithmetic.
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static


def shown(widget: Widget) -> bool:
    """True when the widget takes room on screen (it and its ancestors are displayed)."""
    node: Any = widget
    while isinstance(node, Widget):
        if not node.display or not node.visible:
            return False
        node = node.parent
    return widget.region.area > 0


def _wraps(widget: Static) -> bool:
    content = widget.visual if hasattr(widget, "visual") else None
    if getattr(content, "no_wrap", False):
        return False
    return widget.styles.text_wrap != "nowrap"


def cut_text(widget: Static) -> str | None:
    """Why ``widget``'s text does not fit its region, or None when it fits."""
    if not str(widget.content).strip():
        return None
    size = widget.content_size
    if size.width <= 0 or size.height <= 0:
        return f"no room for its text ({size.width}x{size.height})"
    screen_size = widget.screen.size
    needed = widget.get_content_height(size, screen_size, size.width)
    if needed > size.height:
        return f"needs {needed} rows, has {size.height}"
    if not _wraps(widget):
        wide = widget.get_content_width(size, screen_size)
        if wide > size.width:
            return f"needs {wide} columns, has {size.width}"
    return None


def spill(widget: Widget) -> str | None:
    """The container ``widget`` spills out of, or None (what a scrollbar reaches is in)."""
    region = widget.region
    node: Any = widget.parent
    while isinstance(node, Widget):
        if isinstance(node, Screen):
            outer: Region = node.region
            return None if outer.contains_region(region) else f"spills from {node!r}"
        if node.allow_vertical_scroll or node.allow_horizontal_scroll:
            # Scrolled out of sight is still there; only a side no scrollbar reaches is lost.
            outer = node.region
            sideways = region.x < outer.x or region.right > outer.right
            if sideways and not node.allow_horizontal_scroll:
                return f"spills sideways from {node!r}"
            return None
        if not node.region.contains_region(region):
            return f"spills from {node!r}"
        node = node.parent
    return None


def faults(screen: Screen[Any], keys: tuple[str, ...]) -> list[str]:
    """Every cut or spilling text on ``screen``, and each of ``keys`` that has no room."""
    found = []
    for selector in keys:
        widget = screen.query_one(selector)
        if not shown(widget) or widget.size.width == 0 or widget.size.height == 0:
            found.append(f"{selector}: squeezed to {widget.size.width}x{widget.size.height}")
    for widget in screen.query(Static):
        if not shown(widget):
            continue
        why = cut_text(widget) or spill(widget)
        if why:
            text = (
                str(widget.content).strip().splitlines()[0][:40]
                if str(widget.content).strip()
                else ""
            )
            found.append(f"{widget!r} {text!r}: {why}")
    return found
