"""The results of a self-assessment: what a results file holds, test by test and side by side.

Keys are kebab-case in the file (``trunk-flexor-hold``); the Structs use snake_case
attributes. Every test is optional: a missing test gives no finding, never an error.
"""

from __future__ import annotations

import datetime
import enum
from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from matwork.core.kinds import Side

RESULTS_FORMAT = 1
"""The version of the results-file format this matwork reads."""

MAX_RESULTS_FILE_BYTES = 64 * 1024
"""A results file is a few lines; anything larger is refused before parsing."""

Sex = Literal["female", "male"]
"""The sex a norm is reported for; optional in a results file."""

SEXES: tuple[str, ...] = ("female", "male")
"""The values ``sex`` accepts."""

ExtensorSetup = Literal["straps", "helper", "heels-hooked"]
"""What held the legs during the extensor hold."""

EXTENSOR_SETUPS: tuple[str, ...] = ("straps", "helper", "heels-hooked")
"""The values ``extensor-setup`` accepts."""

Seconds = Annotated[
    float, Meta(ge=0, le=3600, description="Seconds the position was held (0-3600).")
]
Centimetres = Annotated[
    float,
    Meta(
        ge=-100,
        le=200,
        description="Centimetres from the fingertips to the floor; 0 touches it, "
        "negative reaches below it (standing on a step).",
    ),
]
AslrScore = Annotated[
    int, Meta(ge=0, le=5, description="0 not difficult at all ... 5 unable to do.")
]


class AssessmentTest(enum.StrEnum):
    """The tests of the assessment, as named in a results file."""

    TRUNK_FLEXOR_HOLD = "trunk-flexor-hold"
    EXTENSOR_HOLD = "extensor-hold"
    SIDE_BRIDGE = "side-bridge"
    PRONE_PLANK = "prone-plank"
    THOMAS = "thomas"
    FINGERTIP_FLOOR = "fingertip-floor"
    ASLR = "aslr"


SIDED_TESTS = frozenset({AssessmentTest.SIDE_BRIDGE, AssessmentTest.THOMAS, AssessmentTest.ASLR})
"""The tests measured per side."""


HOLD_KEYS: tuple[str, ...] = (
    "trunk-flexor-hold",
    "extensor-hold",
    "side-bridge.left",
    "side-bridge.right",
    "prone-plank",
)
"""The holds by key (a side bridge per side), as ``at-ceiling`` names them."""

HoldKey = Annotated[
    str,
    Meta(
        description="A hold that reached its ceiling: " + ", ".join(HOLD_KEYS),
        extra_json_schema={"enum": list(HOLD_KEYS)},
    ),
]


class SideSeconds(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True, omit_defaults=True
):
    """A hold per side, in seconds; a side may be missing."""

    left: Seconds | None = None
    right: Seconds | None = None


class SideFlags(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True, omit_defaults=True
):
    """A yes/no result per side; true means the test is positive on that side."""

    left: Annotated[bool | None, Meta(description="true: short hip flexors on the left.")] = None
    right: Annotated[bool | None, Meta(description="true: short hip flexors on the right.")] = None


class SideScores(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True, omit_defaults=True
):
    """A 0-5 score per side."""

    left: AslrScore | None = None
    right: AslrScore | None = None


class Measurements(
    msgspec.Struct,
    kw_only=True,
    forbid_unknown_fields=True,
    frozen=True,
    rename="kebab",
    omit_defaults=True,
):
    """The measured values, one key per test."""

    trunk_flexor_hold: Annotated[
        Seconds | None, Meta(description="Trunk flexor hold at 60°, seconds.")
    ] = None
    extensor_hold: Annotated[
        Seconds | None, Meta(description="Biering-Sørensen extensor hold, seconds.")
    ] = None
    side_bridge: Annotated[
        SideSeconds | None, Meta(description="Side bridge per side, seconds.")
    ] = None
    prone_plank: Annotated[Seconds | None, Meta(description="Prone plank, seconds.")] = None
    thomas: Annotated[
        SideFlags | None, Meta(description="Modified Thomas test per side; true = positive.")
    ] = None
    fingertip_floor: Annotated[
        Centimetres | None, Meta(description="Fingertip-to-floor distance, cm.")
    ] = None
    aslr: Annotated[
        SideScores | None, Meta(description="Active straight-leg raise per side, 0-5.")
    ] = None


class AssessmentResults(
    msgspec.Struct,
    kw_only=True,
    forbid_unknown_fields=True,
    frozen=True,
    rename="kebab",
    omit_defaults=True,
):
    """A results file: who was measured, when and how, and the results."""

    format: Annotated[int, Meta(ge=1, description="Results-file format version: 1.")] = (
        RESULTS_FORMAT
    )
    sex: Annotated[Sex | None, Meta(description="Chooses the norms: female or male.")] = None
    age: Annotated[int, Meta(ge=0, le=120, description="Age in years.")] | None = None
    measured_on: Annotated[
        datetime.date | None, Meta(description="The day of the measurements, e.g. 2025-03-14.")
    ] = None
    measured_by: Annotated[
        str | None, Meta(description='Who measured, e.g. "physiotherapist" or "myself".')
    ] = None
    extensor_setup: Annotated[
        ExtensorSetup | None,
        Meta(description="What held the legs in the extensor hold: straps, helper, heels-hooked."),
    ] = None
    note: Annotated[str | None, Meta(description="Free text.")] = None
    at_ceiling: Annotated[
        list[HoldKey],
        Meta(
            description="Holds that ran to their ceiling (the true time may be longer), "
            'e.g. ["extensor-hold", "side-bridge.left"].'
        ),
    ] = []
    results: Measurements = Measurements()


def present_tests(results: Measurements) -> list[AssessmentTest]:
    """The tests with at least one value, in the order of ``AssessmentTest``."""
    return [test for test in AssessmentTest if _has_value(getattr(results, _attribute(test)))]


def missing_tests(results: Measurements) -> list[AssessmentTest]:
    """The tests without any value, in the order of ``AssessmentTest``."""
    present = set(present_tests(results))
    return [test for test in AssessmentTest if test not in present]


def value_of(results: Measurements, test: AssessmentTest) -> object:
    """The raw value of one test (a number, a per-side Struct, or None)."""
    return getattr(results, _attribute(test))


def side_value(results: Measurements, test: AssessmentTest, side: Side) -> float | bool | None:
    """One side of a sided test, or None when that side (or the test) is missing."""
    value = value_of(results, test)
    if value is None:
        return None
    found: float | bool | None = getattr(value, side.value)
    return found


def _attribute(test: AssessmentTest) -> str:
    return test.value.replace("-", "_")


def _has_value(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, SideSeconds | SideFlags | SideScores):
        return value.left is not None or value.right is not None
    return True


class Emphasis(enum.StrEnum):
    """What a finding asks a programme to train more (the shared vocabulary of emphases)."""

    EXTENSOR_ENDURANCE = "extensor-endurance"
    FLEXOR_ENDURANCE = "flexor-endurance"
    LATERAL_ENDURANCE_LEFT = "lateral-endurance-left"
    LATERAL_ENDURANCE_RIGHT = "lateral-endurance-right"
    HIP_FLEXOR_LENGTH_LEFT = "hip-flexor-length-left"
    HIP_FLEXOR_LENGTH_RIGHT = "hip-flexor-length-right"
    POSTERIOR_CHAIN_LENGTH = "posterior-chain-length"
    LUMBOPELVIC_CONTROL = "lumbopelvic-control"


def sided_emphasis(stem: str, side: Side) -> Emphasis:
    """The sided emphasis for a stem such as ``hip-flexor-length`` and a side."""
    return Emphasis(f"{stem}-{side.value}")
