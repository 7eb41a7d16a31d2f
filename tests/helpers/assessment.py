"""Building results for the assessment tests without writing TOML by hand."""

from __future__ import annotations

from typing import Any

import msgspec

from matwork.core.assessment_model import AssessmentResults

ISSUE_EXAMPLE = """\
sex = "female"                          # optional: female | male
[results]
trunk-flexor-hold = 150                 # seconds
extensor-hold = 100                     # Biering-Sørensen, seconds
side-bridge = { left = 40, right = 60 } # seconds
prone-plank = 90                        # seconds
thomas = { left = false, right = true } # true: the test shows short hip flexors
fingertip-floor = 25                    # cm from the floor; 0 = touches it
aslr = { left = 0, right = 1 }          # 0-5 per side
"""
"""The results file of issue 13, point 6, exactly as written there."""


def results(sex: str | None = None, **tests: Any) -> AssessmentResults:
    """Results from keyword arguments: ``extensor_hold=100, side_bridge={"left": 40}``."""
    data: dict[str, Any] = {
        "results": {key.replace("_", "-"): value for key, value in tests.items()}
    }
    if sex is not None:
        data["sex"] = sex
    return msgspec.convert(data, AssessmentResults)
