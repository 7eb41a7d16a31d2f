"""The assessment's core modules stay pure: importing them loads no UI library."""

from __future__ import annotations

import subprocess
import sys

MODULES = (
    "matwork.core.assessment_model",
    "matwork.core.assessment_norms",
    "matwork.core.assessment_file",
    "matwork.core.assessment_protocol",
    "matwork.core.assessment_ratios",
    "matwork.core.findings",
    "matwork.core.retest",
    "matwork.core.red_flags",
    "matwork.core.assessment_runs",
    "matwork.core.assessment_bars",
    "matwork.core.test_spec",
    "matwork.core.test_results",
    "matwork.core.test_catalog",
)


def test_assessment_core_imports_without_textual_rich_or_click() -> None:
    code = (
        f"import {', '.join(MODULES)}\n"
        "import sys\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich', 'click'})\n"
        "print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
