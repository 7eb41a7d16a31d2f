"""The built-in catalog is decoded entry by entry, and holds what a whole decode holds."""

from __future__ import annotations

import pytest

from matwork.core.catalog import (
    LazyCatalog,
    builtin_catalog,
    catalog_sections,
    catalog_text,
    decode_catalog,
)
from matwork.core.test_catalog import WithTests, assessment_entries


def test_the_lazy_catalog_equals_the_whole_file_decoded() -> None:
    whole = decode_catalog(catalog_text())
    lazy = builtin_catalog()
    assert isinstance(lazy, LazyCatalog)
    assert list(lazy) == list(whole)
    assert {key: lazy[key] for key in lazy} == dict(whole)


def test_an_entry_is_decoded_only_when_asked_for() -> None:
    sections = catalog_sections(catalog_text())
    assert sections is not None
    lazy = LazyCatalog(sections)
    assert "front-plank" in lazy
    assert "no-such-id" not in lazy
    assert len(lazy) == len(sections)
    assert lazy._decoded == {}
    entry = lazy["front-plank"]
    assert list(lazy._decoded) == ["front-plank"]
    assert lazy["front-plank"] is entry
    with pytest.raises(KeyError):
        lazy["no-such-id"]


SIMPLE = '# a comment\n\n[one]\nname = "One"\n\n[two] # trailing comment\nname = "Two"\n'


def test_sections_split_at_bare_table_headers() -> None:
    sections = catalog_sections(SIMPLE)
    assert sections == {
        "one": '[one]\nname = "One"\n\n',
        "two": '[two] # trailing comment\nname = "Two"\n',
    }


@pytest.mark.parametrize(
    "text",
    [
        '[one]\nname = "One"\n[one.phases]\nlower = "down"\n',  # a dotted header
        '[one]\nname = "One"\n[[two]]\nname = "Two"\n',  # an array of tables
        '["quoted id"]\nname = "Q"\n',  # a quoted key
        'top = 1\n[one]\nname = "One"\n',  # a key before the first table
        '[one]\nname = "One"\n[one]\nname = "Again"\n',  # an id twice
    ],
)
def test_an_unusual_layout_is_left_to_the_whole_decode(text: str) -> None:
    assert catalog_sections(text) is None


def test_the_catalog_with_the_tests_holds_what_a_merge_holds() -> None:
    merged = {**decode_catalog(catalog_text()), **assessment_entries()}
    layered = WithTests()
    assert list(layered) == list(merged)
    assert dict(layered) == merged
    assert len(layered) == len(merged)
    assert "no-such-id" not in layered


def test_a_built_in_id_resolves_without_reading_the_assessment_protocol() -> None:
    assessment_entries.cache_clear()
    layered = WithTests()
    assert "front-plank" in layered
    assert layered["front-plank"] == builtin_catalog()["front-plank"]
    assert assessment_entries.cache_info().currsize == 0
    test_id = next(iter(assessment_entries()))
    assert layered[test_id] == assessment_entries()[test_id]
