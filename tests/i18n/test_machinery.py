"""matwork.i18n: choosing the language, the two domains, lazy strings, English by default."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from matwork import i18n
from matwork.core import vocab


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.use_language("en")


def _catalogs(root: Path) -> Path:
    for domain, (english, german) in {
        i18n.DOMAIN: ("Rest", "Pause"),
        i18n.TUI_DOMAIN: ("Quit", "Beenden"),
    }.items():
        catalog = Catalog(locale="de", domain=domain)
        catalog.add(english, german)
        catalog.add(("{n} set", "{n} sets"), ("{n} Satz", "{n} Sätze"))
        folder = root / "de" / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / f"{domain}.mo").open("wb") as handle:
            write_mo(handle, catalog)
    return root


def test_english_until_a_language_is_used() -> None:
    assert i18n.current_language() == "en"
    assert i18n._("Rest") == "Rest"
    assert i18n.ngettext("{n} set", "{n} sets", 2) == "{n} sets"


def test_use_language_loads_both_domains_apart(tmp_path: Path) -> None:
    i18n.use_language("de", _catalogs(tmp_path))
    assert i18n.current_language() == "de"
    assert i18n._("Rest") == "Pause"
    assert i18n._("Quit") == "Quit"  # the tui's message is not in the matwork domain
    assert i18n.tui_("Quit") == "Beenden"
    assert i18n.ngettext("{n} set", "{n} sets", 1) == "{n} Satz"
    assert i18n.tui_ngettext("{n} set", "{n} sets", 3) == "{n} Sätze"


def test_a_language_without_catalog_falls_back_to_english(tmp_path: Path) -> None:
    i18n.use_language("de", tmp_path)
    assert i18n._("Rest") == "Rest"


def test_lazy_string_translates_when_used_not_when_made(tmp_path: Path) -> None:
    made_in_english = i18n.lazy_("Rest")
    tui_text = i18n.lazy_tui_("Quit")
    assert str(made_in_english) == "Rest"
    i18n.use_language("de", _catalogs(tmp_path))
    assert str(made_in_english) == "Pause"
    assert f"{made_in_english:>6}" == " Pause"
    assert i18n.text(tui_text) == "Beenden"
    assert made_in_english.msgid == "Rest"
    i18n.use_language("en")
    assert str(made_in_english) == "Rest"


@pytest.mark.parametrize(
    ("config", "cli", "environ", "expected"),
    [
        (None, None, {}, "en"),
        (None, None, {"LANG": "de_DE.UTF-8"}, "de"),
        (None, None, {"LANG": "fr_FR.UTF-8"}, "en"),
        (None, None, {"LANG": "C.UTF-8"}, "en"),
        (None, None, {"LC_ALL": "de_AT.UTF-8", "LANG": "en_GB.UTF-8"}, "de"),
        (None, None, {"LC_MESSAGES": "de_CH", "LANG": "en_US.UTF-8"}, "de"),
        (None, None, {"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "de_DE"}, "en"),
        ("de", None, {"LANG": "en_US.UTF-8"}, "de"),
        ("en", None, {"LANG": "de_DE.UTF-8"}, "en"),
        ("en", "de", {"LANG": "en_US.UTF-8"}, "de"),
        ("de", "en", {"LANG": "de_DE.UTF-8"}, "en"),
    ],
)
def test_language_from_order(
    config: str | None, cli: str | None, environ: dict[str, str], expected: str
) -> None:
    assert i18n.language_from(config, cli, environ) == expected


def test_ui_languages_are_the_content_languages() -> None:
    assert i18n.UI_LANGUAGES == vocab.LANGUAGES
