"""Error collection and location are linear in the file size.

Each test runs the same work on an input of size n and 4n and compares the count of
Python lines executed (tests/work_helpers.py): about 4 for linear work, about 16 for
quadratic. The bound 6 leaves room for sorting and constant costs.
"""

from __future__ import annotations

import pytest

from matwork.core.locate import Locator
from matwork.core.routine import RoutineError, parse_routine

from helpers.work import growth

LINEAR = 6.0

BLOCK = '[[block]]\n[[block.exercise]]\nid = "a"\n[catalog.a]\nname = "A"\ncategory = "mobility"\n'


def _parse(text: str) -> None:
    parse_routine(text, "big.toml")


def _unknown_keys(n: int) -> str:
    return 'name = "x"\n' + "".join(f"key{i} = 1\n" for i in range(n)) + BLOCK


def _dotted_header(n: int) -> str:
    return 'name = "x"\n[' + ".".join(f"p{i}" for i in range(n)) + "]\nx = 1\n" + BLOCK


def _unknown_ids(n: int) -> str:
    uses = "".join(f'[[block.exercise]]\nid = "nope{i}"\n' for i in range(n))
    catalog = "".join(f'[catalog.ex{i}]\nname = "E"\ncategory = "mobility"\n' for i in range(n))
    return 'name = "x"\n[[block]]\n' + uses + catalog


def _inline_arrays(n: int) -> str:
    items = ",\n".join(f'  {{ id = "a", wrok{i} = 30 }}' for i in range(n))
    return 'name = "x"\n[[block]]\nexercise = [\n' + items + "\n]\n"


def test_unknown_keys_are_collected_in_linear_work() -> None:
    with pytest.raises(RoutineError) as caught:
        _parse(_unknown_keys(800))
    assert len(caught.value.problems) == 800
    assert growth(_unknown_keys, _parse, 500) < LINEAR


def test_a_long_dotted_header_is_located_in_linear_work() -> None:
    assert growth(_dotted_header, Locator, 300) < LINEAR
    assert growth(_dotted_header, _parse, 300) < LINEAR


def test_a_long_dotted_header_stores_a_bounded_amount() -> None:
    def stored(n: int) -> int:
        return sum(len(path) for path in Locator(_dotted_header(n)).positions)

    assert stored(4000) / stored(1000) < LINEAR


@pytest.mark.slow
def test_unknown_ids_against_a_big_catalog_cost_linear_work() -> None:
    with pytest.raises(RoutineError) as caught:
        _parse(_unknown_ids(400))
    assert len(caught.value.problems) == 400
    assert growth(_unknown_ids, _parse, 200) < LINEAR


def test_keys_in_a_long_array_of_inline_tables_are_located_in_linear_work() -> None:
    locator = Locator(_inline_arrays(50))
    assert locator.find(("block", 0, "exercise", 49, "wrok49")) == (53, 15)
    assert growth(_inline_arrays, Locator, 200) < LINEAR
    assert growth(_inline_arrays, _parse, 100) < LINEAR
