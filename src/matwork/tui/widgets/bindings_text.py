"""Key descriptions in the language shown: bindings declared with lazy texts, made plain.

A screen's ``BINDINGS`` are built when its module is imported, before the language is
chosen, so their descriptions and tooltips are lazy texts (``lazy_tui_``). Textual
copies a class's merged bindings into each node it builds and hands the texts to its
footer, key panel and tooltips as they are; those want plain strings. So the app makes
the texts plain, in the language of the moment, before it shows a screen:
``translate_bindings()`` for the classes loaded so far (the nodes built after it copy
plain texts), ``translate_node(node)`` for a node already built (the app, a screen
pushed ready-made). ``lazy_binding`` declares such a binding.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any, cast

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from matwork.i18n import TUI_DOMAIN, LazyString, current_language, tui_pgettext

OWN_MODULES = "matwork."
"""Only matwork's classes declare lazy texts: Textual's own are left as they are."""


def plain_texts(bindings: BindingsMap) -> BindingsMap:
    """A copy of ``bindings`` with every description and tooltip a plain string, as now."""
    keys: dict[str, list[Binding]] = {
        key: [
            dataclasses.replace(
                binding, description=str(binding.description), tooltip=str(binding.tooltip)
            )
            for binding in bound
        ]
        for key, bound in bindings.key_to_bindings.items()
    }
    return BindingsMap.from_keys(keys)


def _node_classes(base: type[DOMNode]) -> Iterator[type[DOMNode]]:
    for subclass in base.__subclasses__():
        yield subclass
        yield from _node_classes(subclass)


_translated: dict[type[DOMNode], str] = {}
"""The language each class's merged bindings were last made plain in."""


def translate_bindings() -> None:
    """Re-merge the bindings of every matwork node class loaded, their texts as now.

    A class already made plain in the language in use is left alone, so calling this
    before every screen costs a walk over the classes and little more.
    """
    language = current_language()
    for node_class in _node_classes(DOMNode):
        if not node_class.__module__.startswith(OWN_MODULES):
            continue
        if node_class._merged_bindings is None or _translated.get(node_class) == language:
            continue
        node_class._merged_bindings = plain_texts(node_class._merge_bindings())
        _translated[node_class] = language


def translate_node(node: DOMNode) -> None:
    """Make the texts of a node's own (already copied) bindings plain, as now."""
    node._bindings = plain_texts(node._bindings)


class LazyContextString(LazyString):
    """A lazy text told apart by a context (``tui_pgettext``): the same English words
    said shorter, say, in a crowded footer."""

    __slots__ = ("context",)

    def __init__(self, context: str, msgid: str) -> None:
        super().__init__(msgid, TUI_DOMAIN)
        self.context = context
        """The msgctxt the translation is looked up under."""

    def __str__(self) -> str:
        return tui_pgettext(self.context, self.msgid)


def lazy_tui_pgettext(context: str, message: str) -> LazyString:
    """``message`` under ``context``, translated each time it is shown (domain matwork_tui)."""
    return LazyContextString(context, message)


def lazy_binding(
    key: str,
    action: str,
    description: LazyString,
    *,
    tooltip: LazyString | None = None,
    **options: Any,
) -> Binding:
    """A ``Binding`` whose description (and tooltip) is a lazy text, made plain later.

    ``options`` are Binding's own (``id``, ``show``, ``priority``...). The lazy texts
    stay in the binding until ``translate_bindings``/``translate_node`` makes them plain.
    """
    shown = cast(str, description)
    hint = cast(str, tooltip) if tooltip is not None else ""
    return Binding(key, action, shown, tooltip=hint, **options)
