"""A screen's width and height classes set before its widgets are styled.

Textual gives a screen the app's breakpoint classes (``-slim`` … ``-very-tall``) on its
first Resize, which comes after the screen's widgets are mounted, so every widget is
styled twice. A screen that sets the classes in ``compose`` (before its widgets mount)
styles them once: the Resize then finds the classes unchanged and restyles nothing.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.geometry import Size
from textual.screen import Screen


def breakpoint_class(dimension: int, breakpoints: list[tuple[int, str]]) -> str | None:
    """The class of the largest breakpoint not above ``dimension``, as Textual picks it."""
    for breakpoint, class_name in sorted(breakpoints, reverse=True):
        if dimension >= breakpoint:
            return class_name
    return None


def size_classes(screen: Screen[Any], app: App[Any], size: Size) -> dict[str, bool]:
    """Each breakpoint class of ``screen`` mapped to whether ``size`` gives it."""
    horizontal = (
        app.HORIZONTAL_BREAKPOINTS
        if screen.HORIZONTAL_BREAKPOINTS is None
        else screen.HORIZONTAL_BREAKPOINTS
    ) or []
    vertical = (
        app.VERTICAL_BREAKPOINTS
        if screen.VERTICAL_BREAKPOINTS is None
        else screen.VERTICAL_BREAKPOINTS
    ) or []
    wanted = {name: False for _, name in (*horizontal, *vertical)}
    for name in (breakpoint_class(size.width, horizontal), breakpoint_class(size.height, vertical)):
        if name is not None:
            wanted[name] = True
    return wanted


def set_size_classes(screen: Screen[Any]) -> None:
    """Give ``screen`` the classes of the app's present size, without restyling (call it in
    ``compose``: the widgets about to mount are styled with them)."""
    screen.update_classes(size_classes(screen, screen.app, screen.app.size), update=False)
