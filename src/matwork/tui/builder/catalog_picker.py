"""Pick an exercise from the catalog: type to filter, read how it is done, Enter to add it."""

from __future__ import annotations

from collections.abc import Mapping

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from matwork.core.model import CatalogEntry
from matwork.core.search import find_exercises
from matwork.i18n import lazy_tui_, tui_
from matwork.tui.widgets.bindings_text import lazy_binding
from matwork.tui.widgets.words import category_label


def matching(catalog: Mapping[str, CatalogEntry], text: str) -> list[str]:
    """The ids ``text`` finds (names, aliases, muscles, groups), best match first."""
    return find_exercises(catalog, text)


def entry_details(exercise_id: str, entry: CatalogEntry) -> Content:
    """An entry's name, kind, pattern, muscles and numbered instructions."""
    steps = "\n".join(f"{number}. {step}" for number, step in enumerate(entry.instructions, 1))
    return Content.from_markup(
        "[b]$name[/b]  [dim]$id[/dim]\n$category · $pattern_word: [b]$pattern[/b]$sided\n"
        "[dim]$muscles[/dim]\n\n$steps",
        pattern_word=tui_("pattern"),
        name=entry.name,
        id=exercise_id,
        category=category_label(entry.category),
        pattern=entry.pattern,
        sided=" · " + tui_("one side at a time") if entry.sided else "",
        muscles=", ".join(entry.muscles) or tui_("(no muscles listed)"),
        steps=steps or tui_("(no instructions)"),
    )


class CatalogPicker(ModalScreen[str | None]):
    """Lists catalog entries, filtered as you type; dismisses with the chosen id or None."""

    BINDINGS = [
        lazy_binding("escape", "cancel", lazy_tui_("Cancel"), id="picker_cancel"),
        lazy_binding("down", "move(1)", lazy_tui_("Next"), id="picker_next", show=False),
        lazy_binding("up", "move(-1)", lazy_tui_("Previous"), id="picker_previous", show=False),
    ]

    AUTO_FOCUS = "#picker-search"

    def __init__(self, catalog: Mapping[str, CatalogEntry]) -> None:
        super().__init__(classes="picker")
        self.catalog = dict(catalog)

    def compose(self) -> ComposeResult:
        """Search over the list and the highlighted entry's details."""
        with Vertical(id="picker-box"):
            yield Static(tui_("Add an exercise: type to filter, Enter to add"), id="picker-title")
            yield Input(placeholder=tui_("name, muscle, pattern…"), id="picker-search")
            with Horizontal(id="picker-body"):
                yield OptionList(id="picker-list")
                with VerticalScroll(id="picker-details-scroll", can_focus=False):
                    yield Static(id="picker-details")

    def on_mount(self) -> None:
        """List every entry."""
        self._refill("")

    @property
    def highlighted_id(self) -> str | None:
        """The id under the list's cursor."""
        option = self.query_one("#picker-list", OptionList).highlighted_option
        return option.id if option is not None else None

    def _refill(self, text: str) -> None:
        options = self.query_one("#picker-list", OptionList)
        ids = matching(self.catalog, text)
        options.set_options(
            Option(
                Content.assemble(self.catalog[key].name, "  ", (self.catalog[key].category, "dim")),
                id=key,
            )
            for key in ids
        )
        if ids:
            options.highlighted = 0
        self.set_class(not ids, "-no-match")
        self._show_details()

    def _show_details(self) -> None:
        details = self.query_one("#picker-details", Static)
        key = self.highlighted_id
        if key is None:
            details.update(tui_("No exercise matches."))
        else:
            details.update(entry_details(key, self.catalog[key]))

    @on(Input.Changed, "#picker-search")
    def _filter(self, event: Input.Changed) -> None:
        self._refill(event.value)

    @on(OptionList.OptionHighlighted, "#picker-list")
    def _highlighted(self) -> None:
        self._show_details()

    @on(Input.Submitted, "#picker-search")
    def _submitted(self) -> None:
        if self.highlighted_id is not None:
            self.dismiss(self.highlighted_id)

    @on(OptionList.OptionSelected, "#picker-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_move(self, offset: int) -> None:
        """Move the list's cursor while typing in the search box."""
        options = self.query_one("#picker-list", OptionList)
        if offset > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
