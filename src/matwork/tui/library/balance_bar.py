"""A one-glance bar of trunk flexion against trunk extension time."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from matwork.core.balance import TrunkBalance
from matwork.core.timefmt import clock
from matwork.i18n import tui_


class BalanceBar(Widget):
    """Time loading the front of the trunk (flexion) against the back (extension).

    State is shown by CSS classes: ``-empty`` without trunk work, ``-lopsided`` when
    one side has more than twice the other's time.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "balance-bar--flexion",
        "balance-bar--extension",
        "balance-bar--label",
    }

    DEFAULT_CSS = """
    BalanceBar {
        height: 2;
        width: 1fr;
        max-width: 60;
    }
    BalanceBar > .balance-bar--flexion { color: $accent; }
    BalanceBar > .balance-bar--extension { color: $primary; }
    BalanceBar > .balance-bar--label { color: $text-muted; }
    """

    balance: reactive[TrunkBalance | None] = reactive(None)
    """The balance shown; None shows an empty bar."""

    def watch_balance(self, balance: TrunkBalance | None) -> None:
        """Set the state classes."""
        self.set_class(balance is None or balance.total <= 0, "-empty")
        self.set_class(balance is not None and balance.lopsided, "-lopsided")

    def render(self) -> Text:
        """Two lines: the seconds of each side, then the bar split by their shares."""
        balance = self.balance
        label_style = self.get_component_rich_style("balance-bar--label")
        if balance is None or balance.total <= 0:
            return Text(
                tui_("Trunk balance: no trunk flexion or extension work"), style=label_style
            )
        share = balance.flexion_share or 0.0
        width = max(self.size.width, 10)
        flexion_cells = round(share * width)
        if balance.flexion > 0:
            flexion_cells = max(flexion_cells, 1)
        if balance.extension > 0:
            flexion_cells = min(flexion_cells, width - 1)
        left = tui_("flexion {time}").format(time=clock(balance.flexion))
        right = tui_("extension {time}").format(time=clock(balance.extension))
        middle = tui_("uneven") if balance.lopsided else ""
        room = max(2, width - len(left) - len(right) - len(middle))
        before = room // 2 if middle else room
        gap = " " * before + middle + " " * (room - before)
        text = Text(left + gap + right + "\n", style=label_style)
        text.append(
            "█" * flexion_cells, style=self.get_component_rich_style("balance-bar--flexion")
        )
        text.append(
            "█" * (width - flexion_cells),
            style=self.get_component_rich_style("balance-bar--extension"),
        )
        return text
