"""The dose meter's known answers: a hand-made week of the log, each line worked out by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from matwork.core.catalog import builtin_catalog
from matwork.core.dose_meter import (
    BreakCount,
    DoseSession,
    DoseSet,
    MeterStatus,
    WeekPlan,
    dose_meter,
    session_kind,
    sided_regions,
    stretch_regions,
)
from matwork.core.guidance import guidance
from matwork.core.kinds import SessionStatus, Side

MONDAY = date(2025, 3, 3)
THURSDAY = MONDAY + timedelta(days=3)
L, R = Side.LEFT, Side.RIGHT
DONE = SessionStatus.COMPLETED
REGIONS = stretch_regions(builtin_catalog(), guidance())
SIDED = sided_regions(builtin_catalog(), guidance())


def on(weekday: int) -> date:
    return MONDAY + timedelta(days=weekday)


SESSIONS = [
    DoseSession("s1", on(0), DONE, 1200, kind="strength"),  # a programme session
    DoseSession("s2", on(1), DONE, 600),  # fascia by its sets
    DoseSession("s3", on(2), SessionStatus.INTERRUPTED, 600),  # does not count
    DoseSession("s4", on(2), SessionStatus.STOPPED, 300),  # strength by its sets
    DoseSession("s5", on(0), DONE, 180, from_reminder=True),  # a reminder's break
    DoseSession("s6", on(1), DONE, 180, kind="desk"),  # the programme's desk break
    DoseSession("s7", MONDAY - timedelta(days=1), DONE, 900),  # last week
    DoseSession("s8", on(3), DONE, 0),  # no active time: does not count
]


def row(uuid: str, exercise: str, seconds: float, side: Side | None = None) -> DoseSet:
    entry = builtin_catalog()[exercise]
    return DoseSet(uuid, exercise, entry.category, entry.pattern, side, seconds)


SETS = [
    row("s1", "side-plank", 30, L),
    row("s1", "side-plank", 30, R),
    row("s1", "mcgill-curl-up", 80),
    row("s1", "bird-dog", 40, L),
    row("s1", "bird-dog", 40, R),
    row("s1", "glute-bridge", 60),
    row("s1", "hip-flexor-stretch", 30, L),
    row("s1", "hip-flexor-stretch", 30, R),
    row("s2", "hamstring-stretch", 30, L),
    row("s2", "hamstring-stretch", 30, R),
    row("s2", "heel-bounces", 60),
    row("s2", "hip-flexor-stretch", 30, L),
    row("s2", "hip-flexor-stretch", 20, R),
    row("s3", "band-row", 600),
    row("s4", "band-row", 120),
    row("s4", "push-up", 30),
    row("s5", "neck-side-stretch", 30, L),
    row("s5", "neck-side-stretch", 30, R),
    row("s6", "cat-cow", 60),
    row("s7", "push-up", 900),
    row("s8", "push-up", 10),
]

BREAKS = [
    BreakCount(on(0), 3, 1),  # Monday: three reminders, one taken (session s5)
    BreakCount(on(1), 2, 0),
    BreakCount(on(2), 2, 0),
    BreakCount(on(5), 1, 1),  # Saturday: not a workday
]


def meter(plan: WeekPlan | None = None, today: date = THURSDAY, **changes):
    return dose_meter(
        changes.get("sessions", SESSIONS),
        changes.get("sets", SETS),
        changes.get("breaks", BREAKS),
        first_day=MONDAY,
        today=today,
        guidance=guidance(),
        regions=REGIONS,
        plan=plan,
        sided=SIDED,
    )


def test_the_hand_made_week_gives_the_hand_computed_lines() -> None:
    result = meter()
    summary = {line.id: (line.status, line.value, line.detail) for line in result.lines}
    assert summary == {
        # Monday's programme session and Wednesday's band rows and push-ups (s4).
        "strength-days": (MeterStatus.MET, 2, "Mon, Wed"),
        # Hip flexors: left 30 + 30, right 30 + 20: the shorter side counts.
        "stretch:hip-flexors": (MeterStatus.SHORT, 50, "left 60 s · right 50 s"),
        "stretch:hamstrings": (MeterStatus.SHORT, 30, "left 30 s · right 30 s"),
        "stretch:upper-trapezius": (MeterStatus.SHORT, 30, "left 30 s · right 30 s"),
        # Tuesday: hamstring and hip-flexor stretches and heel bounces, all fascia work.
        "fascia-sessions": (MeterStatus.MET, 1, "Tue"),
        # Mon: the reminder taken (s5 is its session, not counted twice); Tue: the
        # programme's desk break; Wed and Thu (today): none yet.
        "desk-breaks": (MeterStatus.SHORT, 2, "Mon 1 · Tue 1 · Wed 0 · Thu 0"),
        # Curl-up 80 s against bird dog 40 + 40 s.
        "balance:trunk": (MeterStatus.MET, 1.0, "flexion 1.3 min · extension 1.3 min"),
        # The glute bridge and nothing on the other side.
        "balance:hip": (MeterStatus.UNEVEN, 0.0, "flexion 0.0 min · extension 1.0 min"),
        # Push-ups 30 s against band rows 120 s (the interrupted 600 s do not count).
        "balance:push-pull": (MeterStatus.UNEVEN, 4.0, "push 0.5 min · pull 2.0 min"),
        # Left 30+40+30+30+30+30 = 190 s, right 30+40+30+30+20+30 = 180 s: 1.06 > 1.05.
        "balance:sides": (MeterStatus.UNEVEN, 1.06, "left 3.2 min · right 3.0 min"),
    }
    assert (result.first_day, result.last_day, result.complete) == (
        "2025-03-03",
        "2025-03-09",
        False,
    )
    desk = [(day.weekday, day.breaks, day.reminders, day.taken) for day in result.desk_days]
    assert desk == [("Mon", 1, 3, 1), ("Tue", 1, 2, 0), ("Wed", 0, 2, 0), ("Thu", 0, 0, 0)]
    assert result.desk_days[0].share_taken == pytest.approx(1 / 3)
    assert result.desk_days[3].share_taken is None


def test_every_line_names_its_guidance_and_source() -> None:
    for line in meter().lines:
        entry = guidance()[line.guidance]
        assert line.source == entry.cite, line.id
        assert line.source
    assert meter().line("strength-days").source == "WHO 2020 guidelines (Bull et al. 2020)"
    assert meter().line("strength-days").target == "2+ days"
    assert meter().line("fascia-sessions").target == "1-2"


def test_an_empty_week_is_short_and_no_information_never_met() -> None:
    result = meter(sessions=[], sets=[], breaks=[], today=MONDAY)
    statuses = {line.id: line.status for line in result.lines}
    assert statuses == {
        "strength-days": MeterStatus.SHORT,
        "fascia-sessions": MeterStatus.SHORT,
        "desk-breaks": MeterStatus.SHORT,
        "balance:trunk": MeterStatus.NO_INFORMATION,
        "balance:hip": MeterStatus.NO_INFORMATION,
        "balance:push-pull": MeterStatus.NO_INFORMATION,
        "balance:sides": MeterStatus.NO_INFORMATION,
    }
    assert result.line("desk-breaks").unit == "of 1 workday"


def test_a_week_that_starts_on_a_weekend_day_has_no_workday_yet() -> None:
    result = dose_meter(
        [],
        [],
        [],
        first_day=on(5),
        today=on(5),
        guidance=guidance(),
        regions=REGIONS,
    )
    assert result.line("desk-breaks").status is MeterStatus.NO_INFORMATION


def test_three_fascia_sessions_are_more_than_suggested() -> None:
    sessions = [DoseSession(f"f{day}", on(day), DONE, 600, kind="fascia") for day in range(3)]
    result = meter(sessions=sessions, sets=[])
    assert result.line("fascia-sessions").status is MeterStatus.OVER
    assert result.line("fascia-sessions").value == 3


def test_the_programme_plan_shows_beside_the_week_and_its_side_emphasis_counts() -> None:
    plan = WeekPlan(
        programme="Back",
        week=2,
        strength_days=3,
        fascia_sessions=1,
        desk_per_workday=1,
        stretch_regions=("calves", "hip flexors", "pectorals"),
        more_on_side=Side.LEFT,
    )
    result = meter(plan)
    assert result.line("strength-days").planned == 3
    assert result.line("desk-breaks").planned == 1
    chest = result.line("stretch:pectorals")  # planned, not yet stretched
    assert (chest.status, chest.value, chest.planned) == (MeterStatus.SHORT, 0, 1.0)
    assert chest.target == "60 s"
    assert result.line("stretch:hamstrings").planned == 0.0
    calves = result.line("stretch:calves")  # planned, stretched a side at a time
    assert (calves.target, calves.detail) == ("60 s a side", "left 0 s · right 0 s")
    sides = result.line("balance:sides")
    assert sides.status is MeterStatus.MET  # more on the left, as the programme asks
    assert "more on the left" in sides.detail
    assert (result.programme, result.week) == ("Back", 2)


def test_the_side_the_programme_favours_must_get_at_least_the_other_side() -> None:
    plan = WeekPlan(programme="Back", week=1, more_on_side=Side.RIGHT)
    assert meter(plan).line("balance:sides").status is MeterStatus.UNEVEN


def test_a_full_week_of_stretching_meets_the_region_and_a_past_week_is_complete() -> None:
    sets = [
        row("s1", "hip-flexor-stretch", 30, L),
        row("s1", "hip-flexor-stretch", 30, R),
        row("s2", "hip-flexor-stretch", 30, L),
        row("s2", "hip-flexor-stretch", 30, R),
        row("s2", "doorway-chest-opener", 60),
    ]
    result = meter(sets=sets, today=MONDAY + timedelta(days=9))
    assert result.complete
    hips = result.line("stretch:hip-flexors")
    assert (hips.status, hips.value, hips.target) == (MeterStatus.MET, 60, "60 s a side")
    chest = result.line("stretch:pectorals")
    assert (chest.status, chest.detail, chest.target) == (MeterStatus.MET, "", "60 s")
    desk = result.line("desk-breaks")
    assert desk.unit == "of 5 workdays"  # the whole week is over


def test_held_stretches_map_to_regions_and_drills_are_left_out() -> None:
    assert "hip flexors" in SIDED
    assert "pectorals" not in SIDED
    assert REGIONS["hip-flexor-stretch"] == "hip flexors"
    assert REGIONS["standing-hip-flexor-stretch"] == "hip flexors"
    assert REGIONS["hamstring-stretch"] == "hamstrings"
    assert REGIONS["doorway-chest-opener"] == "pectorals"
    assert "cat-cow" not in REGIONS
    assert "side-plank" not in REGIONS


def test_a_session_is_what_most_of_its_seconds_were_unless_the_programme_says() -> None:
    mixed = [row("x", "band-row", 60), row("x", "push-up", 30), row("x", "cat-cow", 80)]
    plain = DoseSession("x", MONDAY, DONE, 300)
    assert session_kind(plain, mixed) == "strength"  # 90 s of strength against 80 s
    assert session_kind(plain._replace(kind="mobility"), mixed) == "mobility"
    assert session_kind(plain._replace(from_reminder=True), mixed) == "desk"
    assert session_kind(plain, []) == ""
