"""The routine commands: check, plan, list, schema, --version."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from matwork import __version__
from matwork.cli import main

from helpers.routines import CATALOG

GOOD = (
    'name = "Good one"\ntags = ["test"]\n[[block]]\n[[block.exercise]]\nid = "a"\nwork = 20\nrest = 5\n[[block.exercise]]\nid = "c"\nreps = 4\n'
    + CATALOG
)
BAD = 'name = "Bad one"\n[[block]]\n[[block.exercise]]\nid = "a"\nwrok = 20\n' + CATALOG


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "matwork", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    base = tmp_path / "routines"
    (base / "nested").mkdir(parents=True)
    (base / "good.toml").write_text(GOOD)
    (base / "nested" / "bad.toml").write_text(BAD)
    (base / "notes.txt").write_text("not a routine")
    return base


def test_check_reports_each_problem_and_exits_one(folder: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert (
        lines[0]
        == f"{folder / 'nested' / 'bad.toml'}:5:1: unknown key 'wrok' (did you mean 'work'?)"
    )
    assert lines[-1] == "2 files checked: 1 valid, 1 invalid (1 error)"


def test_check_valid_files_exit_zero(folder: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(folder / "good.toml")])
    assert (result.exit_code, result.output) == (0, "1 file checked: 1 valid\n")


def test_check_json(folder: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--json", str(folder)])
    report = {Path(item["path"]).name: item for item in json.loads(result.output)}
    assert report["good.toml"] == {
        "path": str(folder / "good.toml"),
        "ok": True,
        "errors": [],
        "notes": [],
    }
    assert report["bad.toml"]["errors"] == [
        {"line": 5, "col": 1, "message": "unknown key 'wrok'", "hint": "did you mean 'work'?"}
    ]


def test_check_usage_errors_exit_two(tmp_path: Path) -> None:
    assert CliRunner().invoke(main, ["check", str(tmp_path / "missing.toml")]).exit_code == 2
    assert CliRunner().invoke(main, ["check"]).exit_code == 2


def test_check_never_prints_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "binary.toml").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.toml").write_bytes(b"")
    with (tmp_path / "huge.toml").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (tmp_path / "dir.toml").mkdir()
    (tmp_path / "dangling.toml").symlink_to(tmp_path / "nowhere")
    (tmp_path / "latin1.toml").write_bytes('name = "caf\xe9"\n'.encode("latin-1"))
    result = run("check", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    text = result.stdout
    assert f"{tmp_path / 'huge.toml'}:1:1: file is 50.0 MiB, more than the limit of 1 MiB" in text
    assert f"{tmp_path / 'dangling.toml'}:0: cannot read: a symbolic link to a missing file" in text
    assert f"{tmp_path / 'latin1.toml'}:1:12: not UTF-8 text" in text
    assert "5 files checked: 0 valid, 5 invalid (5 errors)" in text


def test_plan_prints_the_timeline_and_total(folder: Path) -> None:
    result = CliRunner().invoke(main, ["plan", str(folder / "good.toml")], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "Good one" in result.output
    assert "Total ~0:47" in result.output
    assert "open sets estimated" in result.output


def test_plan_json_shape(folder: Path) -> None:
    result = CliRunner().invoke(main, ["plan", "--json", str(folder / "good.toml")])
    plan = json.loads(result.output)
    assert (plan["name"], plan["total_seconds"], plan["estimated"]) == ("Good one", 47.0, True)
    assert [(s["kind"], s["exercise"], s["duration"], s["open"]) for s in plan["segments"]] == [
        ("prepare", "a", 10.0, False),
        ("work", "a", 20.0, False),
        ("rest", "c", 5.0, False),
        ("work", "c", 12.0, True),
    ]
    assert set(plan["segments"][0]) == {
        "kind",
        "exercise",
        "name",
        "side",
        "set",
        "round",
        "block",
        "start",
        "duration",
        "open",
    }


def test_plan_finds_a_routine_by_name_in_the_users_folder(isolated_dirs: dict[str, Path]) -> None:
    user = isolated_dirs["config"] / "routines"
    user.mkdir(parents=True)
    (user / "mine.toml").write_text(GOOD)
    by_stem = CliRunner().invoke(main, ["plan", "--json", "mine"])
    by_name = CliRunner().invoke(main, ["plan", "--json", "good one"])
    assert json.loads(by_stem.output)["name"] == json.loads(by_name.output)["name"] == "Good one"
    missing = CliRunner().invoke(main, ["plan", "mien"])
    assert missing.exit_code == 1
    assert "no routine named 'mien'" in missing.output
    assert "did you mean 'mine'" in missing.output


def test_two_routines_of_one_name_are_listed_not_picked(isolated_dirs: dict[str, Path]) -> None:
    shipped = Path(__file__).resolve().parents[1] / "routines" / "hip-flexor-reset.toml"
    user = isolated_dirs["config"] / "routines"
    user.mkdir(parents=True)
    (user / "hip-flexor-reset.toml").write_text(shipped.read_text(encoding="utf-8"))
    (user / "stretch.toml").write_text(shipped.read_text(encoding="utf-8"))
    for command in ("plan", "play"):
        by_stem = CliRunner().invoke(main, [command, "hip-flexor-reset"])
        assert by_stem.exit_code == 1, by_stem.output
        assert "2 routines answer to 'hip-flexor-reset':" in by_stem.output
        assert f"Hip-flexor reset  {shipped}  (shipped)" in by_stem.output
        assert f"Hip-flexor reset  {user / 'hip-flexor-reset.toml'}  (yours)" in by_stem.output
        assert "Give the path of the one you mean." in by_stem.output
        by_name = CliRunner().invoke(main, [command, "Hip-flexor reset"])
        assert by_name.exit_code == 1
        assert "3 routines answer to 'Hip-flexor reset':" in by_name.output
        assert "Give the path of the one you mean." in by_name.output  # two share a stem
    (user / "hip-flexor-reset.toml").unlink()
    by_name = CliRunner().invoke(main, ["plan", "Hip-flexor reset"])
    assert "Give a path, or one of the file stems: hip-flexor-reset, stretch." in by_name.output
    by_stem = CliRunner().invoke(main, ["plan", "--json", "stretch"])  # the stem settles it
    assert by_stem.exit_code == 0, by_stem.output
    assert json.loads(by_stem.output)["name"] == "Hip-flexor reset"


def test_check_prints_every_type_error_with_its_column(tmp_path: Path) -> None:
    file = tmp_path / "types.toml"
    file.write_text(
        'name = "T"\n[defaults]\nwork = "x"\nrest = -1\n[[block]]\nrounds = "two"\n'
        '[[block.exercise]]\nid = "a"\nsets = 0\n' + CATALOG
    )
    result = CliRunner().invoke(main, ["check", str(file)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f'{file}:3:8: work: expected a number, found "x"',
        f"{file}:4:8: rest: expected a number of at least 0, found -1",
        f'{file}:6:10: rounds: expected a whole number, found "two"',
        f"{file}:9:8: sets: expected a whole number of at least 1, found 0",
        "1 file checked: 0 valid, 1 invalid (4 errors)",
    ]


def test_plan_of_a_broken_file_prints_its_errors(folder: Path) -> None:
    result = CliRunner().invoke(main, ["plan", str(folder / "nested" / "bad.toml")])
    assert result.exit_code == 1
    assert "unknown key 'wrok'" in result.output


def test_list_shows_good_and_broken_from_config_folders(
    isolated_dirs: dict[str, Path], folder: Path
) -> None:
    config = isolated_dirs["config"]
    config.mkdir(parents=True)
    (config / "config.toml").write_text(f'[library]\nfolders = ["{folder}"]\n')
    result = CliRunner().invoke(main, ["list", "--json"])
    entries = {Path(item["path"]).name: item for item in json.loads(result.output)}
    assert entries["good.toml"]["ok"] is True
    assert entries["good.toml"]["total_seconds"] == 47.0
    assert entries["good.toml"]["origin"] == "config"
    assert entries["bad.toml"]["ok"] is False
    assert "unknown key 'wrok'" in entries["bad.toml"]["error"]
    shipped = [item for item in entries.values() if item["origin"] == "shipped"]
    assert all(item["ok"] for item in shipped), [
        item["error"] for item in shipped if not item["ok"]
    ]


def test_list_table_puts_broken_files_last(isolated_dirs: dict[str, Path], folder: Path) -> None:
    config = isolated_dirs["config"]
    config.mkdir(parents=True)
    (config / "config.toml").write_text(f'[library]\nfolders = ["{folder}"]\n')
    result = CliRunner().invoke(main, ["list"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Good one" in result.output
    assert result.output.index("Good one") < result.output.index("broken routine file")


def test_a_bad_config_file_is_a_clean_error(isolated_dirs: dict[str, Path]) -> None:
    config = isolated_dirs["config"]
    config.mkdir(parents=True)
    (config / "config.toml").write_text("[library]\nfolder = []\n")
    result = CliRunner().invoke(main, ["list"])
    assert result.exit_code == 1
    assert "config.toml:2:1: unknown key 'folder'" in result.output


def test_schema_and_version() -> None:
    schema = json.loads(CliRunner().invoke(main, ["schema"]).output)
    assert schema["$schema"].endswith("2020-12/schema")
    assert (
        CliRunner().invoke(main, ["--version"]).output.strip() == f"matwork, version {__version__}"
    )


def test_python_dash_m_works() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout
