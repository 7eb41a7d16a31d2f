"""What a finding is: its level and its fields, and the words findings share.

A leaf of the findings (``findings`` and ``findings_length`` both build ``Finding``
values), so neither imports the other. The ids and the level values are stable JSON;
the titles and texts are in the language in use when the finding is made.
"""

from __future__ import annotations

import enum

import msgspec

from matwork.core.assessment_model import Emphasis, Sex
from matwork.core.kinds import Side
from matwork.i18n import _


class Level(enum.StrEnum):
    """How much a finding asks for: fine, worth training, or worth attention."""

    OK = "ok"
    NOTE = "note"
    ATTENTION = "attention"


class Finding(msgspec.Struct, kw_only=True, frozen=True):
    """One finding: what was measured against which rule, from which source."""

    id: str
    level: Level
    title: str
    text: str
    rule: str
    source: str
    means: str
    does_not_mean: str
    emphases: list[Emphasis] = []


def seconds_text(value: float) -> str:
    """A hold in seconds as findings write it: "45 s", "12.5 s"."""
    return _("{seconds} s").format(seconds=f"{value:g}")


def side_word(side: Side) -> str:
    """A body side as a word of the language in use: "left", "right"."""
    return _("left") if side is Side.LEFT else _("right")


def ceiling_words(held: float) -> str:
    """The sentence added to a hold that ran to its ceiling."""
    return _("It reached its ceiling: the true time is at least {held}.").format(
        held=seconds_text(held)
    )


def healthy_young(sex: Sex | None) -> str:
    """The reference group as the subject of a sentence: "Healthy young women"."""
    if sex == "male":
        return _("Healthy young men")
    if sex == "female":
        return _("Healthy young women")
    return _("Healthy young people")
