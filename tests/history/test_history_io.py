"""Export to CSV and JSON Lines, and import back without duplicates."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from matwork.store.io import CSV_HEADER, ImportFormatError, export, import_file
from matwork.store.writer import HistoryStore, SessionDetail

from helpers.store import make_info, make_set

BASE = 1_790_000_000.0


def _fill(store: HistoryStore) -> None:
    """Sessions of every kind: annotated, skipped sets, no sets, interrupted, odd text."""
    first = store.start_session(make_info(), now=BASE + 0.123456)
    for segment in range(6):
        store.set_finished(make_set(segment, started_at=BASE, skipped=segment == 4))
    store.update_position(6, 3.25, active_seconds=201.5)
    store.session_ended("completed", 1 / 3 * 1000)
    store.annotate(first, rpe=6, pain_before=4, pain_after=2, notes='sore, "tight" hips\nline 2')
    empty = store.start_session(make_info("Breathing, slow"), now=BASE + 86_400)
    store.session_ended("stopped", 0.0)
    store.annotate(empty, pain_before=3)
    store.start_session(make_info("Ünïcode ✓"), now=BASE + 2 * 86_400)
    store.set_finished(make_set(0, category="strength", pattern="hinge"))
    store.close()  # leaves the last session interrupted


def _everything(store: HistoryStore) -> list[SessionDetail]:
    return list(store.iter_details())


@pytest.mark.parametrize("export_format", ["csv", "jsonl"])
def test_round_trip_into_a_fresh_log_is_equal(tmp_path: Path, export_format: str) -> None:
    source_path = tmp_path / "source.sqlite3"
    _fill(HistoryStore(source_path))
    exported = tmp_path / f"log.{export_format}"
    with HistoryStore(source_path) as source:
        assert export(source, export_format, exported) == 3
        original = _everything(source)
    assert [detail.session.status for detail in original] == [
        "completed",
        "stopped",
        "interrupted",
    ]
    with HistoryStore(tmp_path / "fresh.sqlite3") as fresh:
        result = import_file(fresh, exported)
        assert (result.added, result.already_present, result.sets) == (3, 0, 7)
        assert _everything(fresh) == original
        again = import_file(fresh, exported)
        assert (again.added, again.already_present, again.sets) == (0, 3, 0)
        assert fresh.count_sessions() == 3
        assert _everything(fresh) == original
        # The imported interrupted session is stored as such, and is still resumable.
        assert fresh.find_resumable(content_hash=original[2].session.content_hash, now=BASE)


def test_importing_into_the_source_log_adds_nothing(tmp_path: Path) -> None:
    database = tmp_path / "history.sqlite3"
    _fill(HistoryStore(database))
    with HistoryStore(database) as store:
        export(store, "jsonl", tmp_path / "log.jsonl")
        result = import_file(store, tmp_path / "log.jsonl")
        assert (result.added, result.already_present) == (0, 3)


def test_csv_has_one_row_per_set_and_readable_columns(tmp_path: Path) -> None:
    database = tmp_path / "history.sqlite3"
    _fill(HistoryStore(database))
    with HistoryStore(database) as store:
        export(store, "csv", tmp_path / "log.csv")
    with open(tmp_path / "log.csv", newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert tuple(rows[0]) == CSV_HEADER
    assert len(rows) == 6 + 1 + 1
    first = rows[0]
    assert first["Workout Name"] == "Desk reset"
    assert first["Started (UTC)"] == "2026-09-21T14:13:20.123Z"
    assert first["Set Order"] == "1"
    assert first["Exercise Name"] == "Exercise 0"
    assert first["Duration (s)"] == "29.75"
    assert first["Notes"] == 'sore, "tight" hips\nline 2'
    assert [row["Skipped"] for row in rows[:6]] == ["no"] * 4 + ["yes", "no"]
    assert rows[6]["Set Order"] == ""
    assert rows[6]["Workout Name"] == "Breathing, slow"


def test_jsonl_has_one_session_per_line(tmp_path: Path) -> None:
    database = tmp_path / "history.sqlite3"
    _fill(HistoryStore(database))
    with HistoryStore(database) as store:
        export(store, "jsonl", tmp_path / "log.jsonl")
    lines = (tmp_path / "log.jsonl").read_text(encoding="utf-8").splitlines()
    sessions = [json.loads(line) for line in lines]
    assert [len(session["sets"]) for session in sessions] == [6, 0, 1]
    assert sessions[0]["pain_before"] == 4
    assert sessions[2]["routine_name"] == "Ünïcode ✓"


def test_an_empty_log_exports_a_header_only(tmp_path: Path) -> None:
    with HistoryStore(tmp_path / "history.sqlite3") as store:
        assert export(store, "csv", tmp_path / "log.csv") == 0
        assert export(store, "jsonl", tmp_path / "log.jsonl") == 0
    assert (tmp_path / "log.csv").read_text().strip() == ",".join(CSV_HEADER)
    assert (tmp_path / "log.jsonl").read_text() == ""


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("other.csv", "Date,Weight\n2026-01-01,80\n", "missing columns"),
        ("broken.jsonl", '{"uuid": "x"}\n', "broken.jsonl:1: column uuid: 'x' is not a session id"),
        ("broken.jsonl", "not json\n", "broken.jsonl:1: not JSON"),
        ("status.jsonl", None, "status.jsonl:1: column status: 'paused' is not one of"),
        ("rating.jsonl", None, r"rating.jsonl:1: column rpe: 12 is outside 0\.\.10"),
    ],
)
def test_files_that_are_not_exports_are_refused(
    tmp_path: Path, name: str, content: str | None, words: str
) -> None:
    if content is None:
        with HistoryStore(tmp_path / "source.sqlite3") as source:
            source.start_session(make_info())
            source.session_ended("completed", 1.0)
            export(source, "jsonl", tmp_path / "good.jsonl")
        good = json.loads((tmp_path / "good.jsonl").read_text())
        good.update({"status": "paused"} if name == "status.jsonl" else {"rpe": 12})
        content = json.dumps(good) + "\n"
    (tmp_path / name).write_text(content)
    with HistoryStore(tmp_path / "history.sqlite3") as store:
        with pytest.raises(ImportFormatError, match=words):
            import_file(store, tmp_path / name)
        assert store.count_sessions() == 0


def test_a_bad_value_in_csv_names_its_line(tmp_path: Path) -> None:
    database = tmp_path / "history.sqlite3"
    _fill(HistoryStore(database))
    with HistoryStore(database) as store:
        export(store, "csv", tmp_path / "log.csv")
    text = (tmp_path / "log.csv").read_text(encoding="utf-8")
    (tmp_path / "bad.csv").write_text(text.replace("29.75", "twenty", 1), encoding="utf-8")
    with HistoryStore(tmp_path / "fresh.sqlite3") as fresh:
        with pytest.raises(
            ImportFormatError, match=r"bad.csv:2: column Duration \(s\): 'twenty' is not"
        ):
            import_file(fresh, tmp_path / "bad.csv")
        assert fresh.count_sessions() == 0
