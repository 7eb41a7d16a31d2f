"""``matwork history``: open the app on the session history (sessions, sets, charts)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of the session log (overrides MATWORK_DATA_DIR).",
)
def history(data_dir: Path | None) -> None:
    """Browse past sessions, their sets, and charts of minutes, days and pain."""
    from matwork.app.paths import Paths
    from matwork.tui.app import run_app

    paths = Paths.from_environment().with_data_dir(
        None if data_dir is None else data_dir.expanduser().resolve()
    )
    raise SystemExit(run_app(paths=paths, start_screen="history"))
