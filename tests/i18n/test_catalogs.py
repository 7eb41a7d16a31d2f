"""The gettext catalogs: up to date with the code, every message translated, none fuzzy.

Domain-generic: every ``<domain>.po`` under src/matwork/locale is checked against a
fresh extraction of its domain (tools/i18n.py, the same code ``./run.sh i18n`` runs),
so a message added to the code without ``./run.sh i18n`` fails here, as does a stale
one left in the catalog, an empty translation or a fuzzy one.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("matwork_i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


TOOL = _tool()
CATALOGS = [
    (domain, language, path) for domain in TOOL.KEYWORDS for language, path in TOOL.po_files(domain)
]
_FIELD = re.compile(r"\{[^{}]*\}")


def test_the_german_catalog_of_the_matwork_domain_exists() -> None:
    assert ("matwork", "de") in {(domain, language) for domain, language, _ in CATALOGS}


def test_extraction_finds_the_messages_of_both_kinds() -> None:
    template = TOOL.extract("matwork")
    ids = {message.id for message in template}
    assert "unknown key '{key}'" in ids  # _() in the core
    assert "Print the results as JSON." in ids  # a click option's help
    assert ("{count} file checked", "{count} files checked") in ids  # ngettext


@pytest.mark.parametrize(("domain", "language", "path"), CATALOGS, ids=lambda v: str(v))
def test_catalog_is_complete_and_current(domain: str, language: str, path: Path) -> None:
    problems = TOOL.catalog_problems(domain, language, path)
    assert problems == [], "\n".join(problems[:40])


@pytest.mark.parametrize(("domain", "language", "path"), CATALOGS, ids=lambda v: str(v))
def test_translations_keep_every_field(domain: str, language: str, path: Path) -> None:
    """A translation names the same {fields} as its msgid, or .format() would fail (a
    singular form may leave the number out: "eine Wiederholung" for one)."""
    wrong = []
    for message in TOOL.read_catalog(path, language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(_FIELD.findall(ids[-1]))
        for index, string in enumerate(strings):
            found = set(_FIELD.findall(string))
            singular = len(strings) > 1 and index == 0
            if string and (found > wanted if singular else found != wanted):
                wrong.append(f"{ids[0]!r} -> {string!r}")
    assert wrong == []


def test_a_stale_catalog_fails(tmp_path: Path) -> None:
    """The check itself can fail: a message the code no longer has, one it has not got."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="de", domain="matwork")
    catalog.add("a message no code has", "eine Meldung")
    path = tmp_path / "matwork.po"
    TOOL.write_catalog(path, catalog)
    problems = TOOL.catalog_problems("matwork", "de", path)
    assert any("stale" in problem and "a message no code has" in problem for problem in problems)
    assert any("missing" in problem and "unknown key '{key}'" in problem for problem in problems)
