"""The review commands through click: log, show, stats, export, import."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from matwork.cli.review import export, import_, log, show, stats
from matwork.store.writer import HistoryStore

from helpers.store import log_path, make_info, make_set

GROUP = click.Group(commands=[log, show, stats, export, import_])


def local(text: str) -> float:
    return datetime.fromisoformat(text).timestamp()


def invoke(*args: str) -> Result:
    return CliRunner().invoke(GROUP, list(args))


def assert_clean_failure(result: Result, words: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("matwork: ")
    assert words in lines[0]
    assert "Traceback" not in result.output


@pytest.fixture
def logged(isolated_dirs: dict[str, Path]) -> list[str]:
    """Four sessions on four days (oldest first), in the isolated data folder."""
    uuids = []
    with HistoryStore(log_path()) as store:
        for day, name in enumerate(["Desk reset", "Core", "Desk reset", "Core"], start=1):
            started = local(f"2026-03-0{day}T08:00")
            session_uuid = store.start_session(make_info(name), now=started)
            for segment in range(3):
                store.set_finished(make_set(segment, started_at=started, skipped=segment == 2))
            store.session_ended("completed", 600.0 + day)
            store.annotate(session_uuid, rpe=day, pain_before=5, pain_after=5 - day)
            uuids.append(session_uuid)
    return uuids


def test_log_lists_newest_first(logged: list[str]) -> None:
    result = CliRunner().invoke(GROUP, ["log"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["#", "ID", "Started"]
    assert lines[1].split()[:2] == ["1", logged[3][:8]]
    assert "2026-03-04 08:00" in lines[1]
    assert " 2/3 " in lines[1]
    assert "5→1" in lines[1]
    assert len(lines) == 5


def test_log_at_80_columns_leaves_the_id_out_and_keeps_the_names(logged: list[str]) -> None:
    """`show` takes the # as well, so a narrow terminal gives the id's room to the name."""
    result = CliRunner().invoke(GROUP, ["log"], env={"COLUMNS": "80"})
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["#", "Started", "Routine"]
    assert logged[3][:8] not in result.stdout
    assert all(len(line) <= 80 for line in lines)


def test_log_json_filters_and_numbers(logged: list[str]) -> None:
    result = invoke("log", "--json", "--routine", "Desk reset")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(row["number"], row["uuid"]) for row in rows] == [(2, logged[2]), (4, logged[0])]
    assert rows[0]["status"] == "completed"
    assert rows[0]["sets_done"] == 2
    since = json.loads(invoke("log", "--json", "--since", "2026-03-03").stdout)
    assert [row["uuid"] for row in since] == [logged[3], logged[2]]
    limited = json.loads(invoke("log", "--json", "--limit", "1").stdout)
    assert [row["number"] for row in limited] == [1]


def test_log_on_a_fresh_install_creates_nothing(isolated_dirs: dict[str, Path]) -> None:
    result = invoke("log")
    assert (result.exit_code, result.stdout) == (0, "No sessions logged yet.\n")
    assert json.loads(invoke("log", "--json").stdout) == []
    assert not isolated_dirs["data"].exists()


def test_log_bad_date_is_one_line(logged: list[str]) -> None:
    assert_clean_failure(invoke("log", "--since", "last tuesday"), "--since")


def test_data_dir_overrides_the_environment(logged: list[str], tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    with HistoryStore(other / "history.sqlite3") as store:
        store.start_session(make_info("Other"))
        store.session_ended("stopped", 5.0)
    rows = json.loads(invoke("log", "--json", "--data-dir", str(other)).stdout)
    assert [row["routine_name"] for row in rows] == ["Other"]


def test_show_by_number_and_prefix(logged: list[str]) -> None:
    by_number = invoke("show", "2")
    assert by_number.exit_code == 0, by_number.output
    assert logged[2] in by_number.stdout
    assert "Exercise 1" in by_number.stdout
    assert "skipped" in by_number.stdout
    detail = json.loads(invoke("show", logged[0][:6], "--json").stdout)
    assert detail["session"]["uuid"] == logged[0]
    assert [item["segment"] for item in detail["sets"]] == [0, 1, 2]
    assert detail["session"]["pain_after"] == 4


@pytest.mark.parametrize(
    ("reference", "words"), [("9", "no session number 9"), ("ffffffff", "no session id")]
)
def test_show_unknown_session_is_one_line(logged: list[str], reference: str, words: str) -> None:
    assert_clean_failure(invoke("show", reference), words)


def test_stats_json_and_text(logged: list[str]) -> None:
    result = invoke("stats", "--json", "--weeks", "3", "--tz", "UTC")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["weeks"] == 3
    assert len(summary["weekly"]) == 3
    assert summary["streaks"]["longest"] == 4
    assert set(summary) >= {"minutes_by_category", "pain", "trunk_balance"}
    text = invoke("stats")
    assert text.exit_code == 0, text.output
    assert "Streak:" in text.stdout
    assert "Trunk balance" in text.stdout


def test_stats_unknown_zone_is_one_line(logged: list[str]) -> None:
    assert_clean_failure(invoke("stats", "--tz", "Mars/Olympus"), "unknown time zone")


@pytest.mark.parametrize("export_format", ["csv", "jsonl"])
def test_export_then_import_elsewhere(
    logged: list[str], tmp_path: Path, export_format: str
) -> None:
    out = tmp_path / f"log.{export_format}"
    result = invoke("export", "--format", export_format, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Exported 4 sessions" in result.stderr
    other = tmp_path / "other"
    first = invoke("import", str(out), "--data-dir", str(other))
    assert (first.exit_code, first.stdout) == (
        0,
        "Imported 4 sessions (12 sets); 0 already in the log.\n",
    )
    second = invoke("import", str(out), "--data-dir", str(other))
    assert second.stdout == "Imported 0 sessions (0 sets); 4 already in the log.\n"
    original = json.loads(invoke("log", "--json").stdout)
    copied = json.loads(invoke("log", "--json", "--data-dir", str(other)).stdout)
    assert copied == original


def test_export_to_stdout(logged: list[str]) -> None:
    result = invoke("export", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [json.loads(line)["uuid"] for line in lines] == logged
    csv_result = invoke("export")
    assert csv_result.stdout.splitlines()[0].startswith("Date,Session ID,Workout Name")


def test_import_missing_file_is_one_line(isolated_dirs: dict[str, Path]) -> None:
    assert_clean_failure(invoke("import", "/no/such/file.csv"), "no such file")
    assert not isolated_dirs["data"].exists()


def test_import_of_a_foreign_file_is_one_line(tmp_path: Path) -> None:
    other = tmp_path / "weights.csv"
    other.write_text("Date,Weight\n2026-01-01,80\n")
    assert_clean_failure(invoke("import", str(other)), "not a matwork CSV export")


@pytest.mark.parametrize("command", [["log"], ["show", "1"], ["stats"], ["export"]])
def test_a_corrupt_log_is_one_line_for_every_command(
    isolated_dirs: dict[str, Path], command: list[str]
) -> None:
    isolated_dirs["data"].mkdir()
    database = isolated_dirs["data"] / "history.sqlite3"
    database.write_bytes(b"garbage" * 500)
    assert_clean_failure(invoke(*command), "not a readable SQLite database")
    assert database.read_bytes() == b"garbage" * 500
