"""The footer of every screen: compact, without the palette key, in narrow terminals."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

ROOMY_WIDTH = 100
"""From this many columns the footer spaces its keys and shows the palette key (ctrl+p)."""


class KeyFooter(Footer):
    """Textual's footer that fits its width: under ROOMY_WIDTH columns the keys sit closer
    and the palette key goes (ctrl+p still opens the palette), so the screen's keys show.
    """

    async def on_resize(self, event: events.Resize) -> None:
        """Fit the keys to the new width."""
        narrow = event.size.width < ROOMY_WIDTH
        if self.compact != narrow:
            self.compact = narrow
            self.show_command_palette = not narrow
            await self.recompose()
