"""The norms, cut-offs and noise of the self-assessment, from one data file with sources.

``load_norms()`` reads ``data/assessment_norms.toml`` through importlib.resources once
per process and checks that every ``source`` and ``see_also`` names an entry of
``[sources]``. The findings and the retest comparison take the result as a value.
``localized_norms(language)`` gives the same numbers with their texts (``means``,
``does_not_mean``, ``rule`` and the like; not the sources) in that language, from
``data/assessment_norms.de.toml``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources

import msgspec

from matwork.core import vocab
from matwork.core.assessment_model import AssessmentTest, Sex
from matwork.core.data_translation import localized_data

NORMS_RESOURCE = "assessment_norms.toml"


def decimal_words(value: float) -> str:
    """A ratio bound as written in the literature: 1.0, 0.95, 0.75."""
    text = f"{value:g}"
    return text if "." in text else text + ".0"


class _Data(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """Base of every table in the norms file."""


class Source(_Data, kw_only=True, frozen=True):
    """Where a number comes from, and what of it was actually read."""

    authors: str
    year: int | None = None
    title: str
    published_in: str
    doi: str | None = None
    url: str | None = None
    read_at: list[str] = []
    checked: str

    def cite(self) -> str:
        """The source in words: authors (year). Title. Where; doi or address."""
        year = f" ({self.year})" if self.year else ""
        where = f"doi:{self.doi}" if self.doi else (self.url or "")
        tail = f"; {where}" if where else ""
        return f"{self.authors}{year}. {self.title}. {self.published_in}{tail}"


class _Explained(_Data, kw_only=True, frozen=True):
    """A table of numbers: its source and what the numbers mean and do not mean."""

    source: str
    means: str
    does_not_mean: str
    see_also: list[str] = []


class RatioNorm(_Explained, kw_only=True, frozen=True):
    """The ratio of a healthy reference group, by sex."""

    male: float
    female: float

    def for_sex(self, sex: Sex) -> float:
        """The reference ratio for one sex."""
        return self.male if sex == "male" else self.female


class RatioRule(_Explained, kw_only=True, frozen=True):
    """A ratio between two holds, its goal and the emphasis when the goal is missed."""

    name: str
    numerator: str
    denominator: str
    goal_below: float | None = None
    goal_low: float | None = None
    goal_high: float | None = None
    rule: str
    emphasis: str
    norm: RatioNorm | None = None

    def goal_words(self) -> str:
        """The goal in short words, e.g. "< 1.0" or "0.95-1.05"."""
        if self.goal_below is not None:
            return f"< {decimal_words(self.goal_below)}"
        assert self.goal_low is not None
        assert self.goal_high is not None
        return f"{decimal_words(self.goal_low)}-{decimal_words(self.goal_high)}"


class Ratios(_Data, kw_only=True, frozen=True):
    """The three ratios of the endurance battery."""

    flexion_extension: RatioRule
    side_left_right: RatioRule
    side_extension: RatioRule


class ExtensorBand(_Explained, kw_only=True, frozen=True):
    """Biering-Sørensen's bands for first-time low back pain within a year (men only)."""

    applies_to: Sex
    higher_risk_below: float
    lower_risk_above: float
    rule: str
    female_text: str


class Bands(_Data, kw_only=True, frozen=True, rename="kebab"):
    """Risk bands by test."""

    extensor_hold: ExtensorBand


class ExtensorReference(_Explained, kw_only=True, frozen=True):
    """Mean and spread of the extensor hold in a healthy reference group, by sex."""

    male_mean: float
    male_sd: float
    female_mean: float
    female_sd: float


class PlankReference(_Explained, kw_only=True, frozen=True):
    """Mean and spread of the prone plank in a reference group, and matwork's low mark."""

    mean: float
    sd: float
    low_below: float
    low_below_how: str
    rule: str
    emphasis: str


class References(_Data, kw_only=True, frozen=True, rename="kebab"):
    """Reference values by test."""

    extensor_hold: ExtensorReference
    prone_plank: PlankReference


class FingertipCutoff(_Explained, kw_only=True, frozen=True):
    """The distance above which the forward bend counts as limited."""

    above: float
    unit: str
    rule: str
    emphasis: str


class ThomasCutoff(_Explained, kw_only=True, frozen=True):
    """The modified Thomas test's criteria, behind the two yes/no questions."""

    hip_angle_above: float
    knee_flexion_below: float
    unit: str
    rule: str
    emphasis: str


class AslrCutoff(_Explained, kw_only=True, frozen=True):
    """The score from which the active straight-leg raise counts as positive."""

    positive_from: int
    scale_max: int
    rule: str
    emphasis: str


class Cutoffs(_Data, kw_only=True, frozen=True, rename="kebab"):
    """Cut-offs of the length and control tests."""

    fingertip_floor: FingertipCutoff
    thomas: ThomasCutoff
    aslr: AslrCutoff


class Mdc(_Data, kw_only=True, frozen=True):
    """A test's minimal detectable change, or a plain statement that none is used."""

    source: str
    value: float | None = None
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    sem: list[float] = []
    how: str | None = None
    none: str | None = None
    means: str | None = None
    does_not_mean: str | None = None


class Norms(_Data, kw_only=True, frozen=True):
    """Everything in the norms file."""

    format: int
    sources: dict[str, Source]
    ratio: Ratios
    band: Bands
    reference: References
    cutoff: Cutoffs
    mdc: dict[AssessmentTest, Mdc]

    def cite(self, source_id: str) -> str:
        """A source id in words."""
        return self.sources[source_id].cite()


def norms_text() -> str:
    """The text of the shipped norms file."""
    return (resources.files("matwork") / "data" / NORMS_RESOURCE).read_text(encoding="utf-8")


def parse_norms(text: str) -> Norms:
    """Decode norms text and check that every source it names exists."""
    return norms_from(tomllib.loads(text))


def norms_from(raw: Mapping[str, object]) -> Norms:
    """Norms from decoded TOML, checked as ``parse_norms`` does."""
    norms = msgspec.convert(raw, Norms, strict=True)
    unknown = sorted(set(_named_sources(norms)) - set(norms.sources))
    if unknown:
        raise ValueError(f"norms name unknown sources: {', '.join(unknown)}")
    missing = [test.value for test in AssessmentTest if test not in norms.mdc]
    if missing:
        raise ValueError(f"norms have no [mdc] entry for: {', '.join(missing)}")
    for test, mdc in norms.mdc.items():
        if (mdc.value is None) == (mdc.none is None):
            raise ValueError(f"[mdc.{test}] needs exactly one of 'value' and 'none'")
    return norms


@cache
def load_norms() -> Norms:
    """The shipped norms, read and checked once per process."""
    return parse_norms(norms_text())


@cache
def localized_norms(language: str) -> Norms:
    """The shipped norms with their texts in ``language``; the English ones for "en"."""
    if language == vocab.SOURCE_LANGUAGE:
        return load_norms()
    return norms_from(localized_data(NORMS_RESOURCE, language))


def _named_sources(norms: Norms) -> list[str]:
    rules = [norms.ratio.flexion_extension, norms.ratio.side_left_right, norms.ratio.side_extension]
    tables: list[_Explained] = [
        *rules,
        *(rule.norm for rule in rules if rule.norm is not None),
        norms.band.extensor_hold,
        norms.reference.extensor_hold,
        norms.reference.prone_plank,
        norms.cutoff.fingertip_floor,
        norms.cutoff.thomas,
        norms.cutoff.aslr,
    ]
    named = [name for table in tables for name in (table.source, *table.see_also)]
    named += [mdc.source for mdc in norms.mdc.values()]
    return named
