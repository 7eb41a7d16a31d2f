"""The one exercise search, as `matwork catalog`, the builder's picker and the library use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from matwork.app.library import load_entry
from matwork.cli import main
from matwork.core.catalog import builtin_catalog
from matwork.core.search import find_exercises
from matwork.tui.builder.catalog_picker import matching
from matwork.tui.library.filters import LibraryFilter

CATALOG = builtin_catalog()


def test_the_picker_uses_the_same_search() -> None:
    for query in ("core", "lower back", "plank", ""):
        assert matching(CATALOG, query) == find_exercises(CATALOG, query)


@pytest.mark.parametrize("query", ["core", "abs", "glutes", "lower back"])
def test_matwork_catalog_finds_groups(query: str) -> None:
    result = CliRunner().invoke(main, ["catalog", "--json", *query.split()])
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert [row["id"] for row in rows] == find_exercises(CATALOG, query)
    assert len(rows) >= 3


def test_matwork_catalog_nonsense_finds_nothing() -> None:
    result = CliRunner().invoke(main, ["catalog", "--json", "xyzzy"])
    assert (result.exit_code, json.loads(result.output)) == (0, [])


def test_catalog_show_takes_an_alias() -> None:
    shown = json.loads(CliRunner().invoke(main, ["catalog", "show", "--json", "plank"]).output)
    assert shown["id"] == "front-plank"
    text = CliRunner().invoke(main, ["catalog", "show", "bridge"]).output
    assert "(glute-bridge)" in text
    assert "other names: bridge" in text


def test_the_library_search_finds_routines_by_exercise_alias_and_group(tmp_path: Path) -> None:
    def write(name: str, *ids: str) -> Path:
        uses = "".join(f'\n[[block.exercise]]\nid = "{i}"\nwork = 30\n' for i in ids)
        path = tmp_path / f"{name}.toml"
        path.write_text(f'name = "{name}"\n[[block]]{uses}', encoding="utf-8")
        return path

    bridges = load_entry(write("Bridges", "glute-bridge"))
    necks = load_entry(write("Necks", "chin-tuck"))
    planks = load_entry(write("Planks", "plank"))
    assert [bridges.ok, necks.ok, planks.ok] == [True, True, True]

    def names(text: str) -> list[str]:
        chosen = LibraryFilter(text=text)
        return [e.name for e in (bridges, necks, planks) if chosen.matches(e)]

    assert names("glutes") == ["Bridges"]
    assert names("hip raise") == ["Bridges"]  # an alias of glute-bridge
    assert names("abs") == ["Planks"]
    assert names("core") == ["Planks"]  # the bridge's back muscles are secondary only
    assert names("neck") == ["Necks"]
    assert names("xyzzy") == []
