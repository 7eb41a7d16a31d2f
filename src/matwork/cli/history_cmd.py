"""``matwork history``: open the app on the session history (sessions, sets, charts)."""

from __future__ import annotations

import os
from pathlib import Path

import click


@click.command()
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of the session log (sets MATWORK_DATA_DIR for this run).",
)
def history(data_dir: Path | None) -> None:
    """Browse past sessions, their sets, and charts of minutes, days and pain."""
    if data_dir is not None:
        os.environ["MATWORK_DATA_DIR"] = str(data_dir.expanduser().resolve())
    from matwork.tui.app import run_app

    raise SystemExit(run_app(start_screen="history"))
