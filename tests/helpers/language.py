"""Showing the app in another language for a test, and English again after it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from matwork.i18n import DEFAULT_LANGUAGE, use_language
from matwork.tui.widgets.bindings_text import translate_bindings


@contextmanager
def shown_in(code: str) -> Iterator[None]:
    """Everything (both domains, the key texts of loaded screens) in ``code``, then English."""
    use_language(code)
    translate_bindings()
    try:
        yield
    finally:
        use_language(DEFAULT_LANGUAGE)
        translate_bindings()
