"""Pick an exercise from the catalog: type to filter, read how it is done, Enter to add it."""

from __future__ import annotations

from collections.abc import Mapping

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from matwork.core.model import CatalogEntry


def entry_text(exercise_id: str, entry: CatalogEntry) -> str:
    """Everything the filter looks in: id, name, category, pattern, muscles, lines."""
    parts = [exercise_id, entry.name, entry.category, entry.pattern, *entry.muscles, *entry.lines]
    return " ".join(parts).casefold()


def matching(catalog: Mapping[str, CatalogEntry], text: str) -> list[str]:
    """The ids whose entry holds every word of ``text``, sorted by name."""
    words = text.casefold().split()
    found = [key for key, entry in catalog.items() if _holds(entry_text(key, entry), words)]
    return sorted(found, key=lambda key: (catalog[key].name.casefold(), key))


def _holds(text: str, words: list[str]) -> bool:
    return all(word in text for word in words)


def entry_details(exercise_id: str, entry: CatalogEntry) -> Content:
    """An entry's name, kind, pattern, muscles and numbered instructions."""
    steps = "\n".join(f"{number}. {step}" for number, step in enumerate(entry.instructions, 1))
    return Content.from_markup(
        "[b]$name[/b]  [dim]$id[/dim]\n$category · pattern: [b]$pattern[/b]$sided\n"
        "[dim]$muscles[/dim]\n\n$steps",
        name=entry.name,
        id=exercise_id,
        category=entry.category,
        pattern=entry.pattern,
        sided=" · one side at a time" if entry.sided else "",
        muscles=", ".join(entry.muscles) or "(no muscles listed)",
        steps=steps or "(no instructions)",
    )


class CatalogPicker(ModalScreen[str | None]):
    """Lists catalog entries, filtered as you type; dismisses with the chosen id or None."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker_cancel"),
        Binding("down", "move(1)", "Next", id="picker_next", show=False),
        Binding("up", "move(-1)", "Previous", id="picker_previous", show=False),
    ]

    AUTO_FOCUS = "#picker-search"

    def __init__(self, catalog: Mapping[str, CatalogEntry]) -> None:
        super().__init__(classes="picker")
        self.catalog = dict(catalog)

    def compose(self) -> ComposeResult:
        """Search over the list and the highlighted entry's details."""
        with Vertical(id="picker-box"):
            yield Static("Add an exercise: type to filter, Enter to add", id="picker-title")
            yield Input(placeholder="name, muscle, pattern…", id="picker-search")
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
            details.update("No exercise matches.")
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
