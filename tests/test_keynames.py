"""matwork.core.keynames follows Textual's key names and the app's binding ids."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from textual.binding import Binding
from textual.keys import Keys, _character_to_key

import matwork.tui
from matwork.core.keynames import BINDING_IDS, MODIFIERS, NAMED_KEYS, character_key, key_problem


def _tui_binding_ids() -> set[str]:
    found: set[str] = set()
    for module_info in pkgutil.walk_packages(matwork.tui.__path__, "matwork.tui."):
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if inspect.isclass(value) and value.__module__ == module.__name__:
                for binding in getattr(value, "BINDINGS", None) or ():
                    if isinstance(binding, Binding) and binding.id:
                        found.add(binding.id)
    return found


def test_binding_ids_are_exactly_those_of_the_app() -> None:
    assert _tui_binding_ids() == BINDING_IDS


def test_every_textual_key_is_accepted() -> None:
    for key in Keys:
        if key.value.startswith("<") or key.value == "ctrl-at":
            continue
        assert key_problem(key.value) is None, key.value


def test_named_keys_are_textuals() -> None:
    textual = {key.value for key in Keys if "+" not in key.value}
    assert textual - {"<any>", "<ignore>", "<scroll-down>", "<scroll-up>", "ctrl-at"} == NAMED_KEYS


@pytest.mark.parametrize("code", range(0x20, 0x250))
def test_character_names_match_textuals(code: int) -> None:
    char = chr(code)
    if not char.isprintable():
        return
    assert character_key(char) == _character_to_key(char)
    name = _character_to_key(char)
    assert key_problem(char) is None
    if len(name) > 1:
        assert key_problem(name) is None, name
        assert key_problem(f"ctrl+{name}") is None


@pytest.mark.parametrize(
    "key",
    [
        "",
        "ctrl+",
        "f99",
        "f0",
        "ctrl++",
        "super+hyper+a",
        "control+a",
        "ctrl+ctrl+a",
        "solidus",
        "\x1b",
    ],
)
def test_impossible_keys_are_named(key: str) -> None:
    assert key_problem(key) is not None


def test_modifiers_are_the_ones_textual_reports() -> None:
    assert list(MODIFIERS) == sorted(MODIFIERS)
    assert key_problem("alt+ctrl+hyper+meta+shift+super+x") is None
