"""The TUI shows each config.toml warning as a notification when it starts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from matwork.app.library import RoutineSource
from matwork.tui.app import make_app

from helpers.paths import test_paths


async def test_config_warnings_are_notified_as_plain_text(sources: list[RoutineSource]) -> None:
    config_file = test_paths().config_file
    config_file.parent.mkdir(parents=True)
    config_file.write_text(
        '[session]\nsafety_acknowledged = true\n\n[keys]\npause = "f99"\nquit = "[b]x[/b]"\n',
        encoding="utf-8",
    )
    app = make_app(sources=sources)
    shown: list[tuple[str, dict[str, Any]]] = []
    app.notify = lambda message, **options: shown.append((message, options))  # type: ignore[method-assign]
    async with app.run_test() as pilot:
        await pilot.pause()
    assert [message for message, _ in shown] == [
        f"{config_file}:5:1: warning: pause: 'f99' is not a key name"
        " (did you mean 'f9' or 'f19'?; pause keeps its default key)",
        f"{config_file}:6:1: warning: quit: '[b]x[/b]' is not a key name"
        " (e.g. space, f5, pageup; quit keeps its default key)",
    ]
    assert all(options["markup"] is False for _, options in shown)
    assert all(options["severity"] == "warning" for _, options in shown)
    assert app.config.keys == {}


def test_a_given_config_has_no_warnings(sources: list[RoutineSource], tmp_path: Path) -> None:
    from matwork.app.config import Config

    app = make_app(config=Config(), sources=sources)
    assert app.config_warnings == ()
