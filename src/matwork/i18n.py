"""Translating what matwork shows: two gettext domains, the language in use, choosing it.

A leaf module (stdlib only, no matwork imports, no I/O at import), so every layer may
use it. The core calls ``_()`` here: a lookup in the translations installed, nothing
read. The compiled catalogs (``locale/<lang>/LC_MESSAGES/<domain>.mo``, built by Babel
from the ``.po`` files, see docs/languages.md) are loaded only by ``use_language``,
which the edge (the CLI, or a test) calls once the language is chosen.

Two domains, one function per domain (the names Babel extracts):

- ``matwork`` (core, app, audio, store, cli): ``_``, ``ngettext``, ``lazy_`` (and
  ``pgettext`` for the same words said differently in one place);
- ``matwork_tui`` (everything under ``matwork/tui``): ``tui_``, ``tui_ngettext``,
  ``lazy_tui_``.

Before ``use_language`` runs every lookup gives the English text it was given, so
imports and tests see English. Messages with values are written with named fields and
formatted after the lookup, ``_("unknown key {key}").format(key=key)``, so the msgid
stays the same whatever the values are.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from pathlib import Path
from typing import Any

DOMAIN = "matwork"
"""The gettext domain of core, app, audio, store and cli."""

TUI_DOMAIN = "matwork_tui"
"""The gettext domain of the Textual interface (``matwork/tui``)."""

DOMAINS: tuple[str, ...] = (DOMAIN, TUI_DOMAIN)
"""Every gettext domain matwork has."""

DEFAULT_LANGUAGE = "en"
"""The language of every msgid, and the one used when nothing chooses another."""

UI_LANGUAGES: tuple[str, ...] = (DEFAULT_LANGUAGE, "de")
"""Every language matwork can be shown in (the same as ``core.vocab.LANGUAGES``)."""

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
"""Where the catalogs live: ``<lang>/LC_MESSAGES/<domain>.po`` (and the compiled .mo)."""

_ENVIRONMENT_KEYS = ("LC_ALL", "LC_MESSAGES", "LANG")

_state: dict[str, Any] = {
    "language": DEFAULT_LANGUAGE,
    DOMAIN: gettext.NullTranslations(),
    TUI_DOMAIN: gettext.NullTranslations(),
}


def _translations(domain: str) -> gettext.NullTranslations:
    found = _state[domain]
    assert isinstance(found, gettext.NullTranslations)
    return found


def _(message: str) -> str:
    """``message`` (English) in the language in use, domain ``matwork``."""
    return _translations(DOMAIN).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count`` in the language in use, domain ``matwork``."""
    return _translations(DOMAIN).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` in the language in use, told apart from the same words elsewhere by
    ``context`` (e.g. a countdown tick, said differently from a count), domain ``matwork``."""
    return _translations(DOMAIN).pgettext(context, message)


def tui_(message: str) -> str:
    """``message`` (English) in the language in use, domain ``matwork_tui``."""
    return _translations(TUI_DOMAIN).gettext(message)


def tui_ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count``, domain ``matwork_tui``."""
    return _translations(TUI_DOMAIN).ngettext(singular, plural, count)


def tui_pgettext(context: str, message: str) -> str:
    """``message`` told apart by ``context`` (a narrow column's header, a footer key),
    domain ``matwork_tui``."""
    return _translations(TUI_DOMAIN).pgettext(context, message)


class LazyString:
    """A message translated each time it is turned into text, not when it is made.

    For texts built at import (click help, BINDINGS descriptions, module constants),
    before the language is chosen. ``str(lazy)`` (and ``f"{lazy}"``) gives the
    translation in the language in use then; ``lazy.msgid`` is the English text.
    """

    __slots__ = ("domain", "msgid")

    def __init__(self, msgid: str, domain: str = DOMAIN) -> None:
        self.msgid = msgid
        self.domain = domain

    def __str__(self) -> str:
        return _translations(self.domain).gettext(self.msgid)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"LazyString({self.msgid!r}, domain={self.domain!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyString):
            return (self.msgid, self.domain) == (other.msgid, other.domain)
        return str(self) == other

    def __hash__(self) -> int:
        return hash((self.msgid, self.domain))

    def __len__(self) -> int:
        return len(str(self))

    def __add__(self, other: str) -> str:
        return str(self) + other

    def __radd__(self, other: str) -> str:
        return other + str(self)


def lazy_(message: str) -> LazyString:
    """``message`` translated at use time, domain ``matwork``."""
    return LazyString(message, DOMAIN)


def lazy_tui_(message: str) -> LazyString:
    """``message`` translated at use time, domain ``matwork_tui``."""
    return LazyString(message, TUI_DOMAIN)


def text(message: str | LazyString) -> str:
    """A message that may be lazy, as the text to show now."""
    return str(message)


def use_language(code: str, localedir: Path | None = None) -> None:
    """Show everything in ``code`` from now on: load its catalogs for both domains.

    A language without a compiled catalog falls back to English (the msgids), as does
    "en". ``localedir`` is for tests; matwork's own catalogs are the default.
    """
    folder = str(localedir or LOCALE_DIR)
    for domain in DOMAINS:
        _state[domain] = gettext.translation(
            domain, localedir=folder, languages=[code], fallback=True
        )
    _state["language"] = code


def current_language() -> str:
    """The language in use: "en" until ``use_language`` chose another."""
    language = _state["language"]
    assert isinstance(language, str)
    return language


def normalized_language(value: str | None) -> str | None:
    """A language setting ("de", "de_DE.UTF-8", "de-AT") as a UI language; None if none.

    "C" and "POSIX" mean English; a language matwork does not have gives None.
    """
    if not value:
        return None
    code = value.split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0]
    code = code.strip().lower()
    if code in ("c", "posix"):
        return DEFAULT_LANGUAGE
    return code if code in UI_LANGUAGES else None


def environment_language(environ: Mapping[str, str]) -> str | None:
    """The language the system locale asks for (LC_ALL, LC_MESSAGES, LANG); None if none.

    The first of those variables that is set decides, as for any POSIX program; a
    language matwork does not have there gives English, not the next variable.
    """
    for key in _ENVIRONMENT_KEYS:
        value = environ.get(key, "")
        if value:
            return normalized_language(value) or DEFAULT_LANGUAGE
    return None


def language_from(
    config_value: str | None, cli_value: str | None, environ: Mapping[str, str]
) -> str:
    """The language to use: ``--lang``, else ``[ui] language``, else the locale, else "en".

    ``cli_value`` and ``config_value`` are already checked (the CLI and the config
    reader refuse a language matwork does not have, naming the ones it has); the
    environment's value is normalized ("de_DE.UTF-8" is "de") and an unknown one is "en".
    """
    for chosen in (cli_value, config_value):
        found = normalized_language(chosen)
        if found is not None:
            return found
    return environment_language(environ) or DEFAULT_LANGUAGE
