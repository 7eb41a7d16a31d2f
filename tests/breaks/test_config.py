"""The [breaks] table of config.toml: decoding, path:line:col errors, the JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matwork.app.config import ConfigError, load_config
from matwork.app.config_schema import config_schema, config_schema_text
from matwork.core.breaks import NotificationStyle, Weekday

COMMITTED = Path(__file__).resolve().parents[2] / "schema" / "config.schema.json"


def write(tmp_path: Path, text: str) -> Path:
    target = tmp_path / "config.toml"
    target.write_text(text, encoding="utf-8")
    return target


def test_defaults_without_a_breaks_table(tmp_path: Path) -> None:
    breaks = load_config(write(tmp_path, "")).breaks
    assert (breaks.interval_minutes, breaks.snooze_minutes) == (45, 10)
    assert breaks.days == [Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI]
    assert breaks.notification is NotificationStyle.AUTO


def test_a_full_breaks_table(tmp_path: Path) -> None:
    breaks = load_config(
        write(
            tmp_path,
            '[breaks]\ninterval_minutes = 30\nhours = "08:00-16:00"\nlunch = ""\n'
            'days = ["mon", "wed"]\nroutines = ["desk-break-hips"]\nnotification = "line"\n'
            'terminal = "kitty --"\nsnooze_minutes = 5\n',
        )
    ).breaks
    assert breaks.interval_minutes == 30
    assert breaks.lunch == ""
    assert breaks.days == [Weekday.MON, Weekday.WED]
    assert breaks.notification is NotificationStyle.LINE
    assert breaks.terminal == "kitty --"


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        ("[breaks]\ninterval = 30\n", 2, 1, "unknown key 'interval'"),
        (
            "[breaks]\n\ninterval_minutes = 2\n",
            3,
            1,
            "interval_minutes: expected a whole number of at least 5, found 2",
        ),
        ('[breaks]\nsnooze_minutes = "ten"\n', 2, 1, "snooze_minutes: expected a whole number"),
        ('[breaks]\nhours = "17:00-09:00"\n', 2, 1, 'hours: "17:00-09:00" ends before it starts'),
        ('[breaks]\nlunch = "noon"\n', 2, 1, "lunch: expected HH:MM-HH:MM"),
        ('[breaks]\ndays = ["mon", "funday"]\n', 2, 1, "days: Invalid enum value 'funday'"),
        ('[breaks]\nnotification = "popup"\n', 2, 1, "notification: Invalid enum value 'popup'"),
        ('[breaks]\nlunch = "07:00-07:30"\n', 2, 1, "lunch: must lie inside the working hours"),
    ],
)
def test_bad_values_name_file_line_and_column(
    tmp_path: Path, text: str, line: int, col: int, message: str
) -> None:
    target = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(target)
    problem = caught.value.problems[0]
    assert (problem.path, problem.line, problem.col) == (str(target), line, col)
    assert message in problem.message
    assert str(problem).startswith(f"{target}:{line}:{col}: ")


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, "[breaks]\nsnooze_minute = 5\n"))
    assert caught.value.problems[0].hint.startswith("did you mean 'snooze_minutes'")


def test_a_bad_choice_lists_the_choices(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, '[breaks]\nnotification = "desktp"\n'))
    assert caught.value.problems[0].hint == (
        "did you mean 'desktop'? one of auto, desktop, terminal, line"
    )


def test_committed_config_schema_is_fresh() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == config_schema_text(), (
        "schema/config.schema.json is stale: run "
        "`python -m matwork.app.config_schema > schema/config.schema.json`"
    )


def test_config_schema_describes_breaks() -> None:
    definitions = config_schema()["$defs"]
    assert definitions["Config"]["properties"]["breaks"]["$ref"] == "#/$defs/BreakSettings"
    breaks = definitions["BreakSettings"]
    assert breaks["additionalProperties"] is False
    assert breaks["properties"]["interval_minutes"]["minimum"] == 5
    assert "pattern" in breaks["properties"]["hours"]
    assert "sun" in json.dumps(definitions["Weekday"])
