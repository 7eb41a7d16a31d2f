"""``matwork assess record`` and ``assess schema``, through CliRunner and once in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from matwork.cli import main
from matwork.cli.assess_view import ratio_bar
from matwork.core.assessment_norms import load_norms
from matwork.core.assessment_ratios import RatioId
from matwork.core.findings import assess

from helpers.assessment import ISSUE_EXAMPLE, results

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def issue_file(tmp_path: Path) -> Path:
    file = tmp_path / "results.toml"
    file.write_text(ISSUE_EXAMPLE, encoding="utf-8")
    return file


def test_record_prints_ratios_with_bars_and_findings_with_rule_and_source(issue_file: Path) -> None:
    result = CliRunner().invoke(main, ["assess", "record", str(issue_file)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "flexion : extension" in out
    assert "1.50" in out
    assert "goal < 1.0" in out
    assert "not met" in out
    assert "side bridge left : right" in out
    assert "0.67" in out
    assert "│" in out
    assert "█" in out
    assert out.count("Rule:") == out.count("Source:") >= 10
    assert "McGill" in out
    assert "Biering-Sørensen" in out
    assert "no such prediction" in out
    assert "does not diagnose" in out
    assert "Stored in the log as assessment 1." in out
    assert "First assessment" in out


def test_record_json_has_the_stable_shape(issue_file: Path) -> None:
    result = CliRunner().invoke(main, ["assess", "record", "--json", str(issue_file)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {
        *("format", "results", "ratios", "findings", "emphases", "missing", "notice"),
        *("stored", "retest"),
    }
    assert data["stored"]["id"] == 1
    assert data["stored"]["source"] == "record"
    assert data["retest"] is None
    assert data["results"]["sex"] == "female"
    assert data["results"]["results"]["side-bridge"] == {"left": 40.0, "right": 60.0}
    assert set(data["ratios"]) == {"flexion_extension", "side_left_right", "side_extension"}
    assert data["ratios"]["flexion_extension"]["value"] == 1.5
    assert data["ratios"]["side_left_right"]["goal_met"] is False
    ids = [finding["id"] for finding in data["findings"]]
    assert "extensor-band" in ids
    assert "ratio-side-extension" in ids
    assert set(data["findings"][0]) == {
        "id",
        "level",
        "title",
        "text",
        "rule",
        "source",
        "means",
        "does_not_mean",
        "emphases",
    }
    assert data["emphases"] == [
        "extensor-endurance",
        "lateral-endurance-left",
        "hip-flexor-length-right",
        "posterior-chain-length",
        "lumbopelvic-control",
    ]


def test_record_a_broken_file_prints_path_line_col_and_exits_1(tmp_path: Path) -> None:
    file = tmp_path / "bad.toml"
    file.write_text('sex = "female"\n[results]\nextensor-hld = 100\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["assess", "record", str(file)])
    assert result.exit_code == 1
    assert (
        f"{file}:3:1: unknown key 'extensor-hld' (did you mean 'extensor-hold'?)" in result.stderr
    )
    assert result.stdout == ""
    missing = CliRunner().invoke(main, ["assess", "record", str(tmp_path / "none.toml")])
    assert missing.exit_code == 1
    assert "none.toml:1:1: cannot read" in missing.stderr


def test_assess_schema_prints_the_committed_schema() -> None:
    result = CliRunner().invoke(main, ["assess", "schema"])
    assert result.exit_code == 0
    committed = (ROOT / "schema" / "assessment-results.schema.json").read_text(encoding="utf-8")
    assert result.output == committed


def test_assess_help_names_the_run_the_history_and_the_red_flags() -> None:
    result = CliRunner().invoke(main, ["assess", "--help"])
    assert result.exit_code == 0
    for word in ("record", "schema", "--plain", "--json", "--history", "--red-flags"):
        assert word in result.output


def test_json_and_history_read_what_record_stored(issue_file: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    none = runner.invoke(main, ["assess", "--json"])
    assert none.exit_code == 1
    assert "no assessment in the log yet" in none.stderr
    empty = runner.invoke(main, ["assess", "--history"])
    assert empty.exit_code == 0
    assert "No assessment in the log yet" in empty.output
    assert runner.invoke(main, ["assess", "record", str(issue_file)]).exit_code == 0
    better = tmp_path / "later.toml"
    text = ISSUE_EXAMPLE.replace("extensor-hold = 100", "extensor-hold = 160")
    text = text.replace("fingertip-floor = 25", "fingertip-floor = 24")
    better.write_text("measured-on = 2030-01-01\n" + text, encoding="utf-8")
    assert runner.invoke(main, ["assess", "record", str(better)]).exit_code == 0
    latest = json.loads(runner.invoke(main, ["assess", "--json"]).output)
    assert latest["stored"]["id"] == 2
    assert latest["stored"]["measured_on"] == "2030-01-01"
    verdicts = {c["test"]: c["verdict"] for c in latest["retest"]["changes"]}
    assert verdicts["extensor-hold"] == "improved"  # +60 s > 48.5 s
    assert verdicts["fingertip-floor"] == "within the noise"  # 1 cm
    assert latest["retest"]["previous_id"] == 1
    listed = runner.invoke(main, ["assess", "--history"])
    assert listed.exit_code == 0
    rows = [line for line in listed.output.splitlines() if line[:2] in ("20", "19")]
    assert len(rows) == 2
    assert rows[-1].split()[:2] == ["2030-01-01", "record"]
    assert "1.50" in rows[0]  # flexion : extension of the first
    history_json = json.loads(runner.invoke(main, ["assess", "--history", "--json"]).output)
    assert [item["stored"]["id"] for item in history_json] == [1, 2]


def test_the_ratio_bar_marks_the_goal_and_fills_to_the_value() -> None:
    ratios = assess(
        results(trunk_flexor_hold=150, extensor_hold=100, side_bridge={"left": 60, "right": 60}),
        load_norms(),
    ).ratios
    flexion = ratio_bar(ratios[RatioId.FLEXION_EXTENSION], width=20)
    assert flexion == "██████████│████·····"  # 1.5 on a 0-2.0 scale, goal 1.0 at the middle
    window = ratio_bar(ratios[RatioId.SIDE_LEFT_RIGHT], width=20)
    assert window.count("│") == 2
    assert window.startswith("█████████")
    beyond = assess(
        results(trunk_flexor_hold=500, extensor_hold=100),
        load_norms(),
    ).ratios[RatioId.FLEXION_EXTENSION]
    assert ratio_bar(beyond, width=20).endswith("»")


@pytest.mark.slow
def test_a_bad_file_in_a_real_process_gives_no_traceback(tmp_path: Path) -> None:
    file = tmp_path / "bad.toml"
    file.write_bytes(b"[results]\naslr = { left = 9 }\n")
    process = subprocess.run(
        [sys.executable, "-m", "matwork", "assess", "record", str(file)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert process.returncode == 1
    assert "Traceback" not in process.stderr
    assert f"{file}:2:10: left: expected a whole number of at most 5, found 9" in process.stderr
