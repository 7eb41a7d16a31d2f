"""Change a Static's text only when it changes, and re-lay-out only when its width does."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Static


class TextCache:
    """The last text given to each Static, so an unchanged tick costs nothing."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}

    def set(self, widget: Static, text: str) -> None:
        """Show ``text`` in ``widget``; a layout pass only when its width changes."""
        key = widget.id or str(id(widget))
        old = self.texts.get(key)
        if old == text:
            return
        self.texts[key] = text
        widget.update(text, layout=old is None or cell_len(old) != cell_len(text))
