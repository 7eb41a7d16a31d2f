"""Import checks every value: each bad row kind is refused at FILE:LINE: column NAME, all or nothing.

The files start from a real export (two sessions, the second with two sets), and one
value is broken on the last line, so a refused import must also undo the good lines
before it. What is accepted: an Excel BOM, missing optional columns (defaults).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from matwork.cli import main as cli_main
from matwork.store.io import ImportFormatError, export, import_file
from matwork.store.writer import HistoryStore

from helpers.store import log_path, make_info, make_set

BASE = 1_790_000_000.0


def _source(tmp_path: Path) -> Path:
    database = tmp_path / "source.sqlite3"
    with HistoryStore(database) as store:
        store.start_session(make_info("First"), now=BASE)
        store.session_ended("completed", 30.0)
        store.start_session(make_info("Second"), now=BASE + 60)
        store.set_finished(make_set(0, started_at=BASE + 60))
        store.set_finished(make_set(1, started_at=BASE + 60))
        store.session_ended("completed", 60.0)
    return database


def _csv_rows(tmp_path: Path) -> list[dict[str, str]]:
    with HistoryStore(_source(tmp_path)) as store:
        export(store, "csv", tmp_path / "good.csv")
    with open(tmp_path / "good.csv", newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def _write_csv(path: Path, rows: list[dict[str, str]], header: list[str] | None = None) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header or list(rows[0]), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _jsonl_items(tmp_path: Path) -> list[dict[str, object]]:
    with HistoryStore(_source(tmp_path)) as store:
        export(store, "jsonl", tmp_path / "good.jsonl")
    return [json.loads(line) for line in (tmp_path / "good.jsonl").read_text().splitlines()]


def _refused(path: Path, line: int, column: str, words: str) -> None:
    with HistoryStore(log_path()) as store:
        with pytest.raises(ImportFormatError) as caught:
            import_file(store, path)
        assert store.count_sessions() == 0  # the good lines before it were undone too
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: column {column}: "), message
    assert re.search(words, message), message


def _set_cell(column: str, value: str) -> Callable[[list[dict[str, str]]], None]:
    def change(rows: list[dict[str, str]]) -> None:
        rows[-1][column] = value

    return change


def _repeat_first_session(rows: list[dict[str, str]]) -> None:
    rows.append(dict(rows[0]))


def _empty_first_id(rows: list[dict[str, str]]) -> None:
    rows[-1]["Session ID"] = ""


CSV_CASES: dict[str, tuple[Callable[[list[dict[str, str]]], None], str, str]] = {
    "time before 1970": (
        _set_cell("Set Started (UTC)", "1969-12-31T23:59:59Z"),
        "Set Started (UTC)",
        "not a time from 1970 to 2200",
    ),
    "time after 2200": (
        _set_cell("Ended (UTC)", "2200-01-01T00:00:00Z"),
        "Ended (UTC)",
        "not a time from 1970 to 2200",
    ),
    "time that is not one": (
        _set_cell("Started (UTC)", "yesterday"),
        "Started (UTC)",
        "not a time",
    ),
    "NaN": (_set_cell("Duration (s)", "nan"), "Duration (s)", "not a finite number"),
    "infinity": (_set_cell("Planned (s)", "1e400"), "Planned (s)", "not a finite number"),
    "negative seconds": (
        _set_cell("Workout Active (s)", "-5"),
        "Workout Active (s)",
        "outside",
    ),
    "integer beyond 64 bits": (
        _set_cell("Segment", "99999999999999999999"),
        "Segment",
        "outside 0..9223372036854775807",
    ),
    "rating out of range": (_set_cell("RPE", "11"), "RPE", "outside 0..10"),
    "name over 4 KiB": (_set_cell("Workout Name", "x" * 5000), "Workout Name", "longer than 4 KiB"),
    "notes over 64 KiB": (_set_cell("Notes", "n" * 70_000), "Notes", "longer than 64 KiB"),
    "empty id": (_empty_first_id, "Session ID", "empty; a session id"),
    "path-like id": (_set_cell("Session ID", "../../x"), "Session ID", "not a session id"),
    "id repeated apart": (_repeat_first_session, "Session ID", "appears again .*line 2"),
    "empty cell where a number is needed": (
        _set_cell("Block", ""),
        "Block",
        "empty; a whole number is needed",
    ),
    "text where a number is needed": (_set_cell("Round", "two"), "Round", "not a whole number"),
    "unknown status": (_set_cell("Status", "paused"), "Status", "not one of"),
    "unknown side": (_set_cell("Side", "up"), "Side", "not one of"),
    "flag that is not yes or no": (_set_cell("Skipped", "maybe"), "Skipped", "not yes or no"),
}


@pytest.mark.parametrize("case", list(CSV_CASES))
def test_each_bad_csv_value_is_refused_at_its_line_and_column(tmp_path: Path, case: str) -> None:
    change, column, words = CSV_CASES[case]
    rows = _csv_rows(tmp_path)
    change(rows)
    path = tmp_path / "bad.csv"
    _write_csv(path, rows)
    line = len(rows) + 1  # the header is line 1; no cell here holds a line break
    _refused(path, line, column, words)


def test_a_short_csv_row_names_its_first_missing_column(tmp_path: Path) -> None:
    rows = _csv_rows(tmp_path)
    path = tmp_path / "short.csv"
    _write_csv(path, rows)
    text = path.read_text(encoding="utf-8").splitlines()
    text[-1] = ",".join(text[-1].split(",")[:20])
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    header = list(rows[0])
    _refused(path, len(text), header[20], f"the row has 20 cells, the header {len(header)}")


def _set_key(key: str, value: object) -> Callable[[list[dict[str, object]]], None]:
    def change(items: list[dict[str, object]]) -> None:
        items[-1][key] = value

    return change


def _set_set_key(key: str, value: object) -> Callable[[list[dict[str, object]]], None]:
    def change(items: list[dict[str, object]]) -> None:
        sets = items[-1]["sets"]
        assert isinstance(sets, list)
        sets[1][key] = value

    return change


def _repeat_first(items: list[dict[str, object]]) -> None:
    items.append(dict(items[0]))


def _drop_key(key: str) -> Callable[[list[dict[str, object]]], None]:
    def change(items: list[dict[str, object]]) -> None:
        del items[-1][key]

    return change


JSON_CASES: dict[str, tuple[Callable[[list[dict[str, object]]], None], str, str]] = {
    "time before 1970": (_set_key("started_at", -1.0), "started_at", "from 1970 to 2200"),
    "time after 2200": (_set_key("updated_at", 7_258_118_400.0), "updated_at", "to 2200"),
    "NaN": (_set_key("active_seconds", float("nan")), "active_seconds", "not a finite"),
    "infinity": (_set_set_key("actual_seconds", float("inf")), "sets[1].actual_seconds", "finite"),
    "integer beyond 64 bits": (_set_set_key("segment", 2**64), "sets[1].segment", "outside"),
    "text where a number is needed": (
        _set_key("planned_seconds", "ten"),
        "planned_seconds",
        "not a number",
    ),
    "name over 4 KiB": (_set_key("routine_name", "é" * 2100), "routine_name", "4 KiB"),
    "notes over 64 KiB": (_set_key("notes", "n" * 70_000), "notes", "64 KiB"),
    "empty id": (_set_key("uuid", ""), "uuid", "empty; a session id"),
    "path-like id": (_set_key("uuid", "../../x"), "uuid", "not a session id"),
    "id repeated": (_repeat_first, "uuid", "appears again \\(first at line 1\\)"),
    "missing id": (_drop_key("uuid"), "uuid", "missing"),
    "missing start": (_drop_key("started_at"), "started_at", "missing"),
    "null where a value is needed": (_set_key("status", None), "status", "missing"),
    "unknown side": (_set_set_key("side", "up"), "sets[1].side", "not one of"),
    "flag that is not one": (_set_set_key("skipped", "no"), "sets[1].skipped", "not yes or no"),
}


@pytest.mark.parametrize("case", list(JSON_CASES))
def test_each_bad_jsonl_value_is_refused_at_its_line_and_key(tmp_path: Path, case: str) -> None:
    change, column, words = JSON_CASES[case]
    items = _jsonl_items(tmp_path)
    change(items)
    path = tmp_path / "bad.jsonl"
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    _refused(path, len(items), column, words)


def test_an_excel_csv_with_a_byte_order_mark_imports(tmp_path: Path) -> None:
    rows = _csv_rows(tmp_path)
    path = tmp_path / "excel.csv"
    _write_csv(path, rows)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    with HistoryStore(log_path()) as store:
        result = import_file(store, path)
        assert (result.added, result.sets) == (2, 2)
        assert [r.routine_name for r in store.recent_sessions()] == ["Second", "First"]


def test_only_the_id_and_the_start_are_required(tmp_path: Path) -> None:
    rows = _csv_rows(tmp_path)
    path = tmp_path / "few.csv"
    _write_csv(path, rows, header=["Session ID", "Started (UTC)", "Ended (UTC)", "Segment"])
    jsonl = tmp_path / "few.jsonl"
    jsonl.write_text(
        json.dumps(
            {"uuid": "0" * 8 + "-0000-4000-8000-" + "0" * 12, "started_at": BASE, "sets": [{}]}
        )
        + "\n"
    )
    with HistoryStore(log_path()) as store:
        assert import_file(store, path).added == 2
        assert import_file(store, jsonl).added == 1
        sessions = store.recent_sessions()
        second = store.get_session(sessions[0].uuid)
        lone = store.get_session(sessions[2].uuid)
    assert second.session.status == "completed"  # an end time was given
    assert second.session.updated_at == second.session.ended_at
    assert [result.segment for result in second.sets] == [0, 1]
    assert second.sets[0].started_at == second.session.started_at
    assert lone.session.status == "stopped"  # no end time
    assert lone.session.routine_name == ""
    assert [(result.segment, result.round, result.set) for result in lone.sets] == [(0, 1, 1)]


def test_a_refused_import_through_the_cli_is_one_clean_line(tmp_path: Path) -> None:
    items = _jsonl_items(tmp_path)
    items[-1]["started_at"] = 1e300
    path = tmp_path / "bad.jsonl"
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    result = CliRunner().invoke(cli_main, ["import", str(path)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"matwork: {path}:2: column started_at: 1e+300 is not a time from 1970 to 2200 "
        "(seconds since 1970)"
    ]
    for command in (["log"], ["export"], ["stats"]):
        assert CliRunner().invoke(cli_main, command).exit_code == 0
