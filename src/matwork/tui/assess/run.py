"""``matwork assess`` and ``assess --red-flags`` full screen: the app, one flow, then quit."""

from __future__ import annotations

import sys

from matwork.app.config import ConfigError
from matwork.app.paths import Paths
from matwork.app.session import PlayOptions
from matwork.tui.app import MatworkApp, make_app
from matwork.tui.assess.flow import start_assessment, start_red_flags


def _app(paths: Paths) -> MatworkApp | None:
    try:
        return make_app(paths=paths, sources=(), poll_seconds=0, start_screen="flow")
    except ConfigError as error:
        for problem in error.problems:
            print(f"matwork: {problem}", file=sys.stderr)
        return None


def run_assessment(paths: Paths, options: PlayOptions) -> int:
    """The red-flag check, about you and the tests, full screen; the exit code."""
    app = _app(paths)
    if app is None:
        return 1
    app.start_flow = lambda: start_assessment(app, paths, options, app.exit)
    app.run()
    return app.return_code or 0


def run_red_flags(paths: Paths) -> int:
    """Answer the red-flag questions again, full screen; 1 while a warning sign is open."""
    app = _app(paths)
    if app is None:
        return 1
    app.start_flow = lambda: start_red_flags(
        app, paths, lambda go_on: app.exit(return_code=0 if go_on else 1)
    )
    app.run()
    return app.return_code or 0
