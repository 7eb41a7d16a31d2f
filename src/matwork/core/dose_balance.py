"""The dose meter's balance lines: opposing pairs of patterns, and left against right."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matwork.core.dose_meter_model import DoseSet, MeterLine, MeterStatus
from matwork.core.guidance import Guidance
from matwork.core.vocab import OPPOSING_PATTERNS
from matwork.i18n import LazyString, _, lazy_

PAIRS: tuple[tuple[str, LazyString, str, str, str], ...] = (
    ("trunk", lazy_("Trunk flexion / extension"), "flexion", "extension", "trunk-balance"),
    ("hip", lazy_("Hip flexion / extension"), "flexion", "extension", "pair-balance"),
    ("push-pull", lazy_("Push / pull"), "push", "pull", "pair-balance"),
)
"""The opposing pairs (in ``vocab.OPPOSING_PATTERNS`` order): id, label, sides, guidance."""


def side_word(side: str) -> str:
    """A balance line's side in words ("flexion", "left"); the key itself if unknown."""
    words = {
        "flexion": _("flexion"),
        "extension": _("extension"),
        "push": _("push"),
        "pull": _("pull"),
        "left": _("left"),
        "right": _("right"),
    }
    return words.get(side, side)


def pair_lines(sets: Sequence[DoseSet], guidance: Mapping[str, Guidance]) -> list[MeterLine]:
    """One balance line per opposing pair: the work seconds of either side of it."""
    lines: list[MeterLine] = []
    for (first, second), (pair_id, label, one, other, guide_id) in zip(
        OPPOSING_PATTERNS, PAIRS, strict=True
    ):
        guide = guidance[guide_id]
        limit = guide.max or 2.0
        a = sum(s.actual_seconds for s in sets if s.pattern in first)
        b = sum(s.actual_seconds for s in sets if s.pattern in second)
        lines.append(
            ratio_line(
                f"balance:{pair_id}", str(label), (one, a), (other, b), limit, guide_id, guide
            )
        )
    return lines


def ratio_line(
    line_id: str,
    label: str,
    first: tuple[str, float],
    second: tuple[str, float],
    limit: float,
    guide_id: str,
    guide: Guidance,
    *,
    more_on: str | None = None,
) -> MeterLine:
    """A balance line: the larger side over the smaller, met up to ``limit``.

    With ``more_on`` (a side the programme trains more on purpose) the line is met when
    that side has at least the other's seconds.
    """
    (one, a), (other, b) = first, second
    detail = _("{one} {one_minutes} min · {other} {other_minutes} min").format(
        one=side_word(one),
        one_minutes=f"{a / 60:.1f}",
        other=side_word(other),
        other_minutes=f"{b / 60:.1f}",
    )
    low, high = sorted((a, b))
    ratio = high / low if low > 0 else None
    if a <= 0 and b <= 0:
        status = MeterStatus.NO_INFORMATION
    elif more_on is not None:
        wanted, rest = (a, b) if more_on == one else (b, a)
        status = MeterStatus.MET if wanted >= rest else MeterStatus.UNEVEN
        more = _(" (the programme asks for more on the {side})")
        detail += more.format(side=side_word(more_on))
    elif ratio is None or ratio > limit:
        status = MeterStatus.UNEVEN
    else:
        status = MeterStatus.MET
    return MeterLine(
        id=line_id,
        label=label,
        status=status,
        value=round(ratio, 2) if ratio is not None else 0.0,
        unit="ratio",
        target=_("ratio up to {limit}").format(limit=f"{limit:g}"),
        detail=detail,
        guidance=guide_id,
        source=guide.cite or guide.source,
    )
