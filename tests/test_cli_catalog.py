"""``matwork catalog`` lists, filters and shows exercises."""

from __future__ import annotations

import json

from click.testing import CliRunner

from matwork.cli import main
from matwork.core.catalog import builtin_catalog


def test_catalog_query_filters_by_words() -> None:
    rows = json.loads(CliRunner().invoke(main, ["catalog", "--json", "bridge"]).output)
    assert {
        "id": "glute-bridge",
        "name": rows[0]["name"],
        "category": "pilates",
        "pattern": "hip-extension",
    } in rows
    catalog = builtin_catalog()
    names = [" ".join([row["id"], row["name"], *catalog[row["id"]].aliases]) for row in rows]
    assert all("bridge" in text.lower() for text in names)
    assert rows[0]["id"] == "glute-bridge"  # its alias "bridge": the best match first


def test_catalog_lists_at_least_forty() -> None:
    rows = json.loads(CliRunner().invoke(main, ["catalog", "--json"]).output)
    assert len(rows) >= 40


def test_catalog_show_prints_everything_and_suggests_ids() -> None:
    shown = json.loads(CliRunner().invoke(main, ["catalog", "show", "--json", "bird-dog"]).output)
    assert shown["id"] == "bird-dog"
    assert shown["instructions"]
    assert shown["cautions"]
    text = CliRunner().invoke(main, ["catalog", "show", "bird-dog"]).output
    assert "How:" in text
    assert "Careful:" in text
    missing = CliRunner().invoke(main, ["catalog", "show", "bird-dgo"])
    assert missing.exit_code == 1
    assert "did you mean 'bird-dog'" in missing.output
