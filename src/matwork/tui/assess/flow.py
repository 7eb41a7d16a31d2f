"""The assessment's screens in order: the red-flag check, about you, then the tests.

``start_assessment(app, paths, options, then)`` pushes them one after the other; the
tests do not start while a warning sign is open, and ``then`` runs when the flow ends
(done, cancelled or stopped at the gate): back to the library, or quit for
``matwork assess``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from matwork.app.assessments import assessment_entry
from matwork.app.paths import Paths
from matwork.app.session import PlayOptions
from matwork.core.assessment_runs import AboutYou
from matwork.core.red_flags import CheckReason
from matwork.i18n import tui_
from matwork.tui.assess.about import AboutScreen
from matwork.tui.assess.player import TestPlayerScreen
from matwork.tui.assess.red_flags import RedFlagScreen


def start_assessment(
    app: App[Any],
    paths: Paths,
    options: PlayOptions | None = None,
    then: Callable[[], None] = lambda: None,
    **given: Any,
) -> None:
    """Push the red-flag check; if it is clear, about you; then the assessment in the player.

    ``given`` goes to the player screen (a fake clock and cue sink in tests).
    """

    def flags_answered(go_on: bool | None) -> None:
        if go_on:
            app.push_screen(AboutScreen(), about_answered)
        else:
            then()

    def about_answered(about: AboutYou | None) -> None:
        if about is None:
            then()
            return
        entry = assessment_entry()
        if entry.timeline is None:
            said = tui_("The assessment does not load: {reason}").format(reason=entry.error)
            app.notify(said, severity="error")
            then()
            return
        screen = TestPlayerScreen(
            entry, options, paths=paths, about=about, red_flags_checked=True, **given
        )
        app.push_screen(screen, lambda _: then())

    app.push_screen(RedFlagScreen(paths.log_file, CheckReason.ASSESSMENT), flags_answered)


def start_red_flags(app: App[Any], paths: Paths, then: Callable[[bool], None]) -> None:
    """Push the red-flag questions to answer again; ``then`` hears whether training may go on."""
    app.push_screen(
        RedFlagScreen(paths.log_file, CheckReason.RECHECK), lambda go_on: then(bool(go_on))
    )
