"""The programme commands through click's runner, and ``today``/``checkin`` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from matwork.app.programme_today import record_programme_session, today_plan
from matwork.cli import main
from matwork.core.programme import load_programme
from matwork.core.programme_plan import week_slots
from matwork.core.results import SessionInfo, SetResult
from matwork.store.writer import HistoryStore

from helpers.paths import test_paths
from helpers.store import log_path

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "programmes" / "back-reconditioning.toml"
MONDAY = "2025-03-03"


def matwork(*args: str, input: str | None = None):
    result = CliRunner().invoke(main, list(args), input=input)
    assert "Traceback" not in result.output
    return result


def play_today_in_full(day: date, rpe: int = 7, before: int = 2, after: int = 2) -> None:
    """Log today's session as played in full, every set done, as the player would."""
    with HistoryStore(log_path()) as store:
        plan = today_plan(store, day, test_paths())
        assert plan is not None
        assert plan.session is not None
        timeline = plan.session.entry.timeline
        assert timeline is not None
        uuid = store.start_session(SessionInfo(timeline.name, "x", "h", timeline.total_seconds))
        record_programme_session(store, uuid, plan, day, 0.0)
        for segment in timeline.work_segments():
            exercise = segment.exercise
            store.set_finished(
                SetResult(
                    segment.index,
                    exercise.id,
                    exercise.name,
                    exercise.entry.category,
                    exercise.entry.pattern,
                    segment.side,
                    segment.block,
                    segment.block_name,
                    segment.round,
                    segment.set,
                    segment.duration,
                    segment.duration,
                    exercise.reps,
                    exercise.reps,
                    exercise.load,
                    False,
                    False,
                    0.0,
                )
            )
        store.session_ended("completed", timeline.total_seconds)
        store.annotate(uuid, rpe=rpe, pain_before=before, pain_after=after)


# --- list, show, start, stop ------------------------------------------------------------


def test_list_shows_shipped_and_own_programmes_with_their_paths() -> None:
    own = test_paths().programmes_dir
    own.mkdir(parents=True)
    (own / "mine.toml").write_text(
        SHIPPED.read_text().replace("Back reconditioning: 6 weeks", "Mine")
    )
    (own / "broken.toml").write_text("programme = 1\nname = 'Broken'\n")
    rows = json.loads(matwork("programme", "list", "--json").output)
    by_name = {row["name"]: row for row in rows}
    assert {
        "Back reconditioning: 6 weeks",
        "Pilates deep core: 6 weeks",
        "Desk-worker maintenance",
        "Mine",
    } <= set(by_name)
    assert by_name["Mine"]["origin"] == "user"
    assert by_name["Mine"]["path"] == str(own / "mine.toml")
    assert by_name["Back reconditioning: 6 weeks"] | {"path": ""} == {
        "name": "Back reconditioning: 6 weeks",
        "path": "",
        "origin": "shipped",
        "ok": True,
        "weeks": 6,
        "active": False,
        "error": None,
    }
    assert by_name["broken"]["ok"] is False
    assert "missing required key 'phase'" in by_name["broken"]["error"]
    text = matwork("programme", "list").output
    assert f"Mine  (6 weeks, user)  {own / 'mine.toml'}" in text


def test_show_describes_phases_sessions_rules_and_deload() -> None:
    result = matwork("programme", "show", "back-reconditioning")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Back reconditioning: 6 weeks"
    assert "Stabilise (weeks 1-2)" in lines
    assert "  Stabilise [strength]: recondition-week-1, 3x a week (Mon, Wed, Fri)" in lines
    assert "  side-plank: holds 15-40 s, +5 s a step" in lines
    assert (
        "Extra block Keep the big three in integrate: mcgill-curl-up, side-plank, bird-dog" in lines
    )
    assert any(
        line.startswith("Deload: planned weeks none and after a rise of 1") for line in lines
    )


def test_an_unknown_programme_name_fails_with_a_hint() -> None:
    result = matwork("programme", "show", "back-recondition")
    assert result.exit_code == 1
    assert result.output.strip() == (
        "matwork: no programme named 'back-recondition' (did you mean 'back-reconditioning'?)"
    )


def test_start_replaces_the_active_programme_and_stop_ends_it() -> None:
    first = matwork("programme", "start", "back-reconditioning", "--date", MONDAY)
    assert first.output.strip() == (
        f"Started Back reconditioning: 6 weeks on {MONDAY} (6 weeks). `matwork today` shows what is due."
    )
    second = matwork("programme", "start", str(ROOT / "programmes" / "desk-worker.toml"))
    assert (
        second.output.splitlines()[0] == f"Stopped Back reconditioning: 6 weeks (started {MONDAY})."
    )
    active = [
        row["name"]
        for row in json.loads(matwork("programme", "list", "--json").output)
        if row["active"]
    ]
    assert active == ["Desk-worker maintenance"]
    assert matwork("programme", "stop").output.startswith("Stopped Desk-worker maintenance")
    assert matwork("programme", "stop").output == "No programme is active.\n"


def test_a_broken_programme_cannot_be_started(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(SHIPPED.read_text().replace('kind = "fascia"', 'kind = "fascai"', 1))
    result = matwork("programme", "start", str(broken))
    assert result.exit_code == 1
    assert "unknown session kind 'fascai' (did you mean 'fascia'?)" in result.output
    assert matwork("today", "--json").output.strip().startswith('{\n  "active": false')


# --- today and checkin ------------------------------------------------------------------


def test_today_without_a_programme_says_how_to_start_one() -> None:
    result = matwork("today")
    assert result.exit_code == 0
    assert "No programme is active" in result.output
    assert json.loads(matwork("today", "--json").output) == {"active": False}


def test_today_gives_the_session_its_doses_and_after_a_session_the_reasons() -> None:
    matwork("programme", "start", "back-reconditioning", "--date", MONDAY)
    data = json.loads(matwork("today", "--json", "--date", MONDAY).output)
    assert (data["week"], data["phase"], data["session"]["number"], data["session"]["of"]) == (
        1,
        "Stabilise",
        1,
        4,
    )
    assert data["routine"]["name"] == "Recondition, week 1: stabilise"
    doses = {(d["exercise"], d["side"]): d["dose"] for d in data["doses"]}
    assert doses[("side-plank", "left")] == "15 s"
    assert doses[("mcgill-curl-up", None)] == "4-2 × 8 s"
    assert data["decisions"] == []
    play_today_in_full(date(2025, 3, 3))
    assert (
        json.loads(matwork("today", "--json", "--date", "2025-03-04").output)["checkin_due"] is True
    )
    checked = matwork("checkin", "--pain", "1", "--compared", "better", "--date", "2025-03-04")
    assert checked.output == "Checked in for 2025-03-04: pain 1/10, better.\n"
    data = json.loads(matwork("today", "--json", "--date", "2025-03-05").output)
    assert data["checkin_due"] is False
    assert data["session"]["number"] == 2
    reasons = {(d["exercise"], d["side"]): d["reason"] for d in data["decisions"]}
    assert reasons[("side-plank", "left")] == (
        "Side plank (left) +5 s: all sets at the top, RPE 7, pain 2 → 1 by the next morning"
    )
    assert {d["kind"] for d in data["decisions"]} == {"progress"}
    doses = {(d["exercise"], d["side"]): d["dose"] for d in data["doses"]}
    assert doses[("side-plank", "left")] == "20 s"
    text = matwork("today", "--date", "2025-03-05").output.splitlines()
    assert text[:2] == [
        "Back reconditioning: 6 weeks",
        "Week 1 · session 2 of 4 · Stabilise: Stabilise",
    ]
    assert "  Side plank (left)                  20 s" in text
    assert "After the last session (2025-03-03):" in text


def test_a_week_with_everything_played_points_at_the_next_session() -> None:
    matwork("programme", "start", "back-reconditioning", "--date", MONDAY)
    for offset in (0, 2, 4, 5):
        play_today_in_full(date(2025, 3, 3) + timedelta(days=offset))
    lines = matwork("today", "--date", "2025-03-09").output.splitlines()
    assert lines[1] == "Week 1 of 6 · Stabilise: every session of the week is done."
    assert lines[2] == "Next: Stabilise on Monday 2025-03-10."


def test_checkin_asks_when_no_answers_are_given() -> None:
    result = matwork("checkin", "--date", "2025-03-04", input="3\nworse\n")
    assert result.exit_code == 0
    # No session played yet: nothing to compare with, and the question says so.
    assert result.output.splitlines()[0].startswith(
        "How is your back this morning? No session of the programme yet"
    )
    assert result.output.splitlines()[-1] == "Checked in for 2025-03-04: pain 3/10, worse."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pain", "3"], "give both --pain and --compared"),
        (["--pain", "11", "--compared", "same"], "11 is not in the range 0<=x<=10"),
        (["--pain", "3", "--compared", "fine"], "'fine' is not one of"),
        (["--pain", "3", "--compared", "same", "--date", "tomorrow"], "'tomorrow' is not a date"),
    ],
)
def test_checkin_refuses_bad_answers(args: list[str], message: str) -> None:
    result = matwork("checkin", *args)
    assert result.exit_code == 2
    assert message in result.output


def _env() -> dict[str, str]:
    return dict(os.environ)


@pytest.mark.slow
def test_today_and_checkin_in_a_subprocess() -> None:
    run = [sys.executable, "-m", "matwork"]
    started = subprocess.run(
        [*run, "programme", "start", "pilates-deep-core"],
        capture_output=True,
        text=True,
        env=_env(),
        check=False,
    )
    assert started.returncode == 0, started.stderr
    today = subprocess.run(
        [*run, "today", "--json"], capture_output=True, text=True, env=_env(), check=False
    )
    assert today.returncode == 0, today.stderr
    data = json.loads(today.stdout)
    assert data["week"] == 1
    assert data["routine"]["name"] == "Pilates deep core"
    assert data["session"]["key"] == "pilates"
    checkin = subprocess.run(
        [*run, "checkin", "--pain", "2", "--compared", "same"],
        capture_output=True,
        text=True,
        env=_env(),
        check=False,
    )
    assert checkin.returncode == 0, checkin.stderr
    assert checkin.stdout.endswith("pain 2/10, same.\n")
    prompt = subprocess.run(
        [*run, "checkin"],
        input="4\nbetter\n",
        capture_output=True,
        text=True,
        env=_env(),
        check=False,
    )
    assert prompt.returncode == 0, prompt.stderr
    assert "How is your back this morning" in prompt.stdout
    bad = subprocess.run(
        [*run, "checkin", "--pain", "x"], capture_output=True, text=True, env=_env(), check=False
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr


# --- new ----------------------------------------------------------------------------------


def test_new_copies_a_shipped_programme_into_your_folder() -> None:
    result = matwork("programme", "new", "--name", "Morning plan", "--date", "2025-03-01")
    target = test_paths().programmes_dir / "morning-plan.toml"
    assert result.output == f"Created {target} (from back-reconditioning)\n"
    text = target.read_text()
    assert (
        text.splitlines()[0] == f"#:schema {(ROOT / 'schema' / 'programme.schema.json').resolve()}"
    )
    assert "# Your programme, made by `matwork programme new` on 2025-03-01 from" in text
    assert "# No assessment emphases were given" in text
    assert load_programme(target).name == "Morning plan"
    assert matwork("check", str(target)).exit_code == 0
    again = matwork("programme", "new", "--name", "Morning plan")
    assert again.exit_code == 1
    assert "exists (use --force to replace it" in again.output


def test_new_from_an_assessment_says_when_there_is_none_and_starts_from_the_shipped_one(
    tmp_path: Path,
) -> None:
    result = matwork("programme", "new", "--from-assessment", "--out", str(tmp_path))
    assert result.exit_code == 0
    assert "No assessment in the log yet" in result.output
    assert (tmp_path / "my-programme.toml").is_file()


def test_new_with_emphases_adds_them_with_the_reason_in_comments(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    result = matwork(
        "programme",
        "new",
        "--out",
        str(target),
        "--emphasis",
        "extensor-endurance",
        "--emphasis",
        "hip-flexor-length-right",
        "--emphasis",
        "posterior-chain-length",
    )
    assert result.exit_code == 0, result.output
    assert (
        "emphases: extensor-endurance, hip-flexor-length-right, posterior-chain-length"
        in result.output
    )
    text = target.read_text()
    programme = load_programme(target)
    assert programme.progression["hip-flexor-stretch"].extra_sets == {"right": 1}
    assert programme.progression["hamstring-stretch"].hold is not None
    extras = {extra.emphasis: extra for extra in programme.extra}
    assert set(extras) == {None, "extensor-endurance", "posterior-chain-length"}
    assert extras[None].name == "Keep the big three", "the base's own extra block stays"
    assert extras["extensor-endurance"].sessions == ["main", "integrate"]
    assert [use.id for use in extras["extensor-endurance"].exercise] == ["bird-dog"]
    assert sorted(extras["posterior-chain-length"].sessions) == ["fascia", "integrate", "main"]
    assert "# extensor-endurance: Your back extensors tire sooner" in text
    assert "# hip-flexor-length-right: The modified Thomas test showed short hip flexors" in text
    assert 'id = "hamstring-stretch"\nwork = 30\nsets = 2\n' in text
    assert max(len(line) for line in text.splitlines() if line.startswith("#")) <= 100
    assert "# Double progression: reps up to the top of the range" in text, (
        "the base's comments stay"
    )
    assert matwork("check", str(target)).output == "1 file checked: 1 valid\n"


def test_new_refuses_an_unknown_emphasis() -> None:
    result = matwork("programme", "new", "--emphasis", "strong-knees")
    assert result.exit_code == 2
    assert "unknown emphasis 'strong-knees'" in result.output


# --- export --------------------------------------------------------------------------------


def _events(file: Path) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(file.read_bytes())
    return list(calendar.walk("VEVENT"))


def test_export_writes_the_planned_sessions_as_a_calendar_that_parses_back(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    result = matwork(
        "programme", "export", "back-reconditioning", "--ics", "-o", str(out), "--start", MONDAY
    )
    assert result.exit_code == 0, result.output
    programme = load_programme(SHIPPED)
    start = date(2025, 3, 3)
    planned = [slot for week in range(1, 7) for slot in week_slots(programme, start, week)]
    sessions = [slot for slot in planned if not slot.desk]
    desk_days = sorted({slot.day for slot in planned if slot.desk})
    events = _events(out)
    assert result.output == f"Wrote {len(events)} events from {MONDAY} to {out}\n"
    timed = [e for e in events if "desk" not in str(e.get("uid"))]
    got = sorted((e.decoded("dtstart"), str(e.get("summary"))) for e in timed)
    want = sorted(
        (slot.day, f"matwork: {slot.title} (week {slot.week}, session {slot.number} of {slot.of})")
        for slot in sessions
    )
    assert got == want
    assert len(sessions) == 6 * 3 + 2 + 2 + 2 * 2
    desk = sorted(e.decoded("dtstart") for e in events if "desk" in str(e.get("uid")))
    assert desk == desk_days
    assert all(e.decoded("dtend") - e.decoded("dtstart") == timedelta(days=1) for e in events)
    assert len({str(e.get("uid")) for e in events}) == len(events)


def test_export_refuses_to_overwrite_without_force_and_can_time_events(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    out.write_text("mine")
    args = [
        "programme",
        "export",
        "desk-worker",
        "--ics",
        "-o",
        str(out),
        "--start",
        MONDAY,
        "--time",
        "07:30",
    ]
    refused = matwork(*args)
    assert refused.exit_code == 1
    assert "exists (use --force to replace it)" in refused.output
    assert out.read_text() == "mine"
    assert matwork(*args, "--force").exit_code == 0
    events = _events(out)
    strength = sorted(e.decoded("dtstart") for e in events if "strength" in str(e.get("uid")))
    assert strength[:2] == [datetime(2025, 3, 4, 7, 30), datetime(2025, 3, 6, 7, 30)]
    assert [p.name for p in tmp_path.iterdir()] == ["plan.ics"], "no temporary file left behind"


def test_export_of_the_active_programme_starts_where_it_started(tmp_path: Path) -> None:
    matwork("programme", "start", "pilates-deep-core", "--date", "2025-03-05")
    out = tmp_path / "active.ics"
    assert matwork("programme", "export", "--ics", "-o", str(out)).exit_code == 0
    first = min(e.decoded("dtstart") for e in _events(out))
    assert first == date(2025, 3, 6)  # the first Thursday of a run that began on a Wednesday


def test_export_without_a_programme_or_ics_flag_fails_cleanly(tmp_path: Path) -> None:
    none = matwork("programme", "export", "--ics", "-o", str(tmp_path / "x.ics"))
    assert none.exit_code == 1
    assert "no programme is active" in none.output
    assert (
        matwork("programme", "export", "desk-worker", "-o", str(tmp_path / "x.ics")).exit_code == 2
    )


def test_a_broken_config_is_named_not_a_traceback(tmp_path: Path) -> None:
    matwork("programme", "start", "desk-worker")
    test_paths().config_file.parent.mkdir(parents=True, exist_ok=True)
    test_paths().config_file.write_text("[library]\nfolder = []\n")
    for args in (
        ["today"],
        ["programme", "list"],
        ["programme", "new", "--out", str(tmp_path)],
        ["check", str(SHIPPED)],
    ):
        result = matwork(*args)
        assert result.exit_code == 1, (args, result.output)
        assert "unknown key 'folder' (did you mean 'folders'?)" in result.output, args
        assert result.exception is None or isinstance(result.exception, SystemExit), args


def test_a_desk_break_played_from_the_plan_counts_for_the_day() -> None:
    matwork("programme", "start", "desk-worker", "--date", MONDAY)
    day = date(2025, 3, 3)
    with HistoryStore(log_path()) as store:
        plan = today_plan(store, day, test_paths())
        assert plan is not None
        assert [desk.slot.key for desk in plan.desk] == ["posture", "hips", "neck"]
        hips = plan.desk[1]
        uuid = store.start_session(SessionInfo(hips.entry.name, "x", "h", 180.0))
        record_programme_session(store, uuid, plan, day, 0.0, hips)
        store.session_ended("completed", 180.0)
    data = json.loads(matwork("today", "--json", "--date", MONDAY).output)
    done = {
        desk["key"]: (desk["done"], desk["planned"], desk["routine"])
        for desk in data["desk_breaks"]
    }
    assert done == {
        "posture": (0, 1, "Desk break: posture"),
        "hips": (1, 1, "Desk break: hips"),
        "neck": (0, 1, "Desk break: neck and shoulders"),
    }
    assert data["session"]["key"] == "strength"
    assert data["session"]["planned_for"] == "2025-03-04"


def test_show_and_list_in_german_use_the_programmes_translations() -> None:
    """The shipped programme's own German name, phases and sessions, and German words."""
    result = CliRunner().invoke(main, ["--lang", "de", "programme", "show", "back-reconditioning"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Rückenaufbau: 6 Wochen"
    assert "Stabilisieren (Wochen 1-2)" in lines
    assert "  Stabilisieren [Kraft]: recondition-week-1, 3x pro Woche (Mo, Mi, Fr)" in lines
    listed = CliRunner().invoke(main, ["--lang", "de", "programme", "list"]).output
    assert "Rückenaufbau: 6 Wochen  (6 Wochen, mitgeliefert)" in listed
