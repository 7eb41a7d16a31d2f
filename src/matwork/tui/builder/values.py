"""The builder's field values: what an input's text means for the routine, and back."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

_INTEGER = re.compile(r"^[+-]?\d+$")
_BREATH_NUMBERS = re.compile(r"^\s*\d+(\.\d+)?(\s*-\s*\d+(\.\d+)?)+\s*$")
_BREATH_KEYS = ("inhale", "hold", "exhale", "hold_out")

# -- text <-> values ------------------------------------------------------------------


def number_value(text: str) -> int | float | str | None:
    """A typed number: int or float when it reads as one, the text itself otherwise."""
    stripped = text.strip()
    if not stripped:
        return None
    if _INTEGER.match(stripped):
        return int(stripped)
    try:
        number = float(stripped)
    except ValueError:
        return stripped
    return number if math.isfinite(number) else stripped


def list_value(text: str, separator: str = ",") -> list[str]:
    """Items of a separated list, stripped, empty ones dropped."""
    return [item.strip() for item in text.split(separator) if item.strip()]


def cues_value(text: str) -> str | list[str] | None:
    """Cues separated by "|": one cue as text, more as a list, none as None."""
    cues = list_value(text, "|")
    if not cues:
        return None
    return cues[0] if len(cues) == 1 else cues


def breath_value(text: str) -> str | dict[str, float] | None:
    """A breath: a pattern name, or seconds "in-out" / "in-hold-out-hold" as an inline table."""
    stripped = text.strip()
    if not stripped:
        return None
    if _BREATH_NUMBERS.match(stripped):
        numbers = [float(part) for part in stripped.split("-")]
        if len(numbers) == 2:
            return {"inhale": numbers[0], "exhale": numbers[1]}
        if len(numbers) == 4:
            return dict(zip(_BREATH_KEYS, numbers, strict=True))
    return stripped


def _number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def value_text(value: Any, separator: str = ", ") -> str:
    """A state value as an input shows it."""
    if value is None:
        return ""
    if isinstance(value, Mapping):
        if set(value) <= set(_BREATH_KEYS):
            return "-".join(_number_text(value.get(key, 0)) for key in _BREATH_KEYS)
        return str(dict(value))
    if isinstance(value, list | tuple):
        return separator.join(_number_text(item) for item in value)
    return _number_text(value)


def tempo_text(value: Any) -> str:
    """A tempo (text or list) as an input shows it: "3-1-3-0"."""
    return value_text(value, "-")


_TEXT_KEYS = frozenset({"name", "description", "load", "note", "author"})


def field_value(key: str, text: str) -> Any:
    """What an input's text means for the state key it edits (None removes the key)."""
    if key == "tags":
        return list_value(text)
    if key == "cues":
        return cues_value(text)
    if key == "breath":
        return breath_value(text)
    if key == "tempo":
        return text.strip() or None
    if key in _TEXT_KEYS:
        return text
    return number_value(text)


def field_text(key: str, value: Any) -> str:
    """How an input shows the value of the state key it edits."""
    if key == "cues" and isinstance(value, list):
        return " | ".join(str(cue) for cue in value)
    if key == "tempo":
        return tempo_text(value)
    return value_text(value)
