"""Every reader survives a bad row: arbitrary values in the log give text, never an exception.

The log's tables are rebuilt without their NOT NULL and CHECK constraints (as a hand
edit or an old bug could leave them: the column types, so the affinities, stay), and
hypothesis fills them with rows whose values are any mix of good ones and anything
SQLite can hold: NULL, text (markup, control characters, invalid UTF-8), blobs,
huge or negative numbers, infinities. The store's readers, the History table's cells,
``core.log_text`` and the CLI's ``log``, ``show``, ``stats`` and ``export`` must all
give text (as do the summary screen's facts); a value that cannot be read shows as
"?", and what ``export`` writes imports back or is refused at its line.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.text import Text

from matwork.cli.review import export, import_, log, show, stats
from matwork.core import log_text
from matwork.core.timefmt import clock
from matwork.store.ids import is_session_id
from matwork.store.io import ImportFormatError, import_file
from matwork.store.records import unreadable_of
from matwork.store.writer import HistoryStore
from matwork.tui.history.cells import CellStyles, session_cells, set_cells
from matwork.tui.history.summary import facts_text, summary_facts

from helpers.store import ROUTINE_HASH

GROUP = click.Group(commands=[log, show, stats, export, import_])
GOOD_UUID = "0123abcd-0000-4000-8000-000000000000"
GOOD_SESSION: dict[str, Any] = {
    "uuid": GOOD_UUID,
    "routine_name": "Desk reset",
    "routine_path": "/routines/desk-reset.toml",
    "content_hash": ROUTINE_HASH,
    "started_at": 1_790_000_000.0,
    "ended_at": 1_790_000_900.0,
    "updated_at": 1_790_000_900.0,
    "planned_seconds": 900.0,
    "active_seconds": 850.0,
    "status": "completed",
    "rpe": 5,
    "pain_before": 3,
    "pain_after": 2,
    "notes": "fine",
    "resume_segment": 0,
    "resume_offset": 0.0,
    "writer_pid": None,
    "writer_marker": None,
}
GOOD_SET: dict[str, Any] = {
    "session_uuid": GOOD_UUID,
    "segment": 1,
    "exercise_id": "bridge",
    "exercise_name": "Glute bridge",
    "category": "strength",
    "pattern": "hinge",
    "side": "left",
    "block": 0,
    "block_name": "Main",
    "round": 1,
    "set_number": 1,
    "planned_seconds": 40.0,
    "actual_seconds": 39.5,
    "reps_planned": 10,
    "reps_done": 9,
    "load": "5 kg",
    "skipped": 0,
    "pain_flag": 0,
    "started_at": 1_790_000_100.0,
}

ANYTHING = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(
        ["[/]", "[bold]x", "\x1b]52;c;aGk=\x07", "running", "interrupted", "alternate"]
    ),
    st.binary(max_size=6),
    st.sampled_from([b"\xff\xfe", b"\x80abc"]).map(lambda raw: ("invalid utf-8", raw)),
)
"""Any value SQLite can hold; ("invalid utf-8", bytes) is stored as TEXT with bad bytes."""


def _rows(good: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {column: st.one_of(st.just(value), ANYTHING) for column, value in good.items()}
    )


def _loosen(connection: sqlite3.Connection, table: str) -> None:
    """Rebuild ``table`` with its columns' types but no constraints at all."""
    columns = connection.execute(f"PRAGMA table_info({table})").fetchall()
    definitions = ", ".join(f"{name} {kind}" for _, name, kind, *_ in columns)
    connection.execute(f"ALTER TABLE {table} RENAME TO old_{table}")
    connection.execute(f"CREATE TABLE {table} ({definitions})")
    connection.execute(f"INSERT INTO {table} SELECT * FROM old_{table}")
    connection.execute(f"DROP TABLE old_{table}")


def _insert(connection: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    names = ", ".join(row)
    marks = ", ".join(
        "CAST(? AS TEXT)" if isinstance(value, tuple) else "?" for value in row.values()
    )
    values = [value[1] if isinstance(value, tuple) else value for value in row.values()]
    connection.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)


@contextmanager
def _bad_log(sessions: list[dict[str, Any]], sets: list[dict[str, Any]]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "history.sqlite3"
        HistoryStore(database).close()
        connection = sqlite3.connect(database, isolation_level=None)
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("PRAGMA legacy_alter_table = ON")
        connection.execute("BEGIN")
        for table in ("sessions", "sets"):
            _loosen(connection, table)
        for row in sessions:
            _insert(connection, "sessions", row)
        for row in sets:
            _insert(connection, "sets", row)
        connection.execute("COMMIT")
        connection.close()
        yield database


def _read_everything(database: Path) -> None:
    """Every reader and formatter over the whole log: text only."""
    styles = CellStyles()
    with HistoryStore(database, read_only=True) as store:
        records = store.recent_sessions(limit=100)
        assert store.count_sessions() == len(records)
        details = list(store.iter_details(batch_size=2))
        assert len(details) == len(records)
        store.stats_rows(0.0)
        store.find_resumable(content_hash=ROUTINE_HASH)
        for record in records:
            cells = session_cells(record, UTC, styles)
            assert all(isinstance(cell, str | Text) for cell in cells)
            assert str(cells[0])  # a start, or "?"
            assert str(cells[2])  # a status, or "?"
            if is_session_id(record.uuid):
                store.row_number(record.uuid)
        for detail in details:
            assert facts_text(summary_facts(detail)).plain  # the summary screen's text
            record = detail.session
            for field in unreadable_of(record):
                assert field in record.__struct_fields__
            for result in detail.sets:
                texts = [str(cell) for cell in set_cells(result, styles)]
                if "actual_seconds" in unreadable_of(result):
                    assert "?" in texts[5]
                clock(result.actual_seconds)


def _cli_everything(database: Path) -> None:
    folder = str(database.parent)
    runner = CliRunner()
    for command in (
        ["log", "--limit", "100"],
        ["log", "--json"],
        ["show", "1"],
        ["show", "--json", "1"],
        ["stats"],
        ["stats", "--json"],
        ["export"],
        ["export", "--format", "jsonl"],
    ):
        result = runner.invoke(GROUP, [*command, "--data-dir", folder])
        if command[0] == "show" and result.exit_code == 1:  # an empty log, a NULL id
            assert result.output.startswith("matwork: "), result.output
            assert ("no session number" in result.output) or ("no readable id" in result.output)
            continue
        assert result.exception is None or (
            isinstance(result.exception, SystemExit) and result.exit_code == 0
        ), (command, result.output, result.exception)
        assert result.exit_code == 0, (command, result.output)


@pytest.mark.slow
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    sessions=st.lists(_rows(GOOD_SESSION), max_size=3),
    sets=st.lists(_rows(GOOD_SET), max_size=4),
)
def test_every_reader_gives_text_for_any_row(
    sessions: list[dict[str, Any]], sets: list[dict[str, Any]]
) -> None:
    with _bad_log(sessions, sets) as database:
        _read_everything(database)
        _cli_everything(database)
        # What export writes can be imported back, or is refused at its line.
        with HistoryStore(database, read_only=True) as store:
            from matwork.store.io import export as export_log

            exported = database.parent / "export.jsonl"
            export_log(store, "jsonl", exported)
        with HistoryStore(database.parent / "fresh.sqlite3") as fresh:
            refused: ImportFormatError | None = None
            try:
                import_file(fresh, exported)
            except ImportFormatError as error:
                refused = error
        assert refused is None or str(refused).startswith(f"{exported}:")


@settings(max_examples=300, deadline=None)
@given(
    moment=st.floats(allow_nan=True, allow_infinity=True),
    active=st.floats(allow_nan=True, allow_infinity=True),
    planned=st.floats(allow_nan=True, allow_infinity=True),
    whole=st.one_of(st.none(), st.integers()),
)
def test_log_text_gives_text_for_any_number(
    moment: float, active: float, planned: float, whole: int | None
) -> None:
    assert log_text.local_time_text(moment, UTC)
    assert log_text.started_text(moment, UTC)
    percent = log_text.completion_percent(active, planned)
    assert percent is None or 0 <= percent <= 100
    assert log_text.percent_text(percent)
    assert log_text.pain_text(whole, whole)
    assert log_text.reps_text(whole, whole)
    assert log_text.rating_text(whole)
    assert log_text.readable("x", {"a"}, "a") == "?"
