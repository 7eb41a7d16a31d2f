"""Where the assessment's stylesheet lies (one file for its screens and panels)."""

from __future__ import annotations

from pathlib import Path

ASSESS_CSS = str(Path(__file__).with_name("assess.tcss"))
"""The assessment screens' stylesheet, by absolute path (subclasses of other screens use it)."""
