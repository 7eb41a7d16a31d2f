"""matwork's folders in a test: those the autouse fixture points the environment at."""

from __future__ import annotations

from matwork.app.paths import Paths


def test_paths() -> Paths:
    """The test's config, data and cache folders (all under its tmp_path)."""
    return Paths.from_environment()


test_paths.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test to collect
