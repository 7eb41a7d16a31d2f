"""The progression engine on hand-made logs, with known answers."""

from __future__ import annotations

from datetime import timedelta

import pytest

from matwork.core.kinds import SessionStatus
from matwork.core.progression import DecisionKind, Progress, deload_reason, run_engine
from matwork.core.progression_rules import DoseState, RuleKind, Side

from helpers.programmes import (
    EXERCISES,
    START,
    checkin,
    day,
    held,
    programme,
    repped,
    session,
)

L, R = Side.LEFT, Side.RIGHT


def run(sessions, checkins, today=None) -> Progress:
    return run_engine(programme(), EXERCISES, sessions, checkins, START, today or day(6, 6))


def only(progress: Progress, key: str, side: Side | None = None):
    found = [d for d in progress.decisions if d.key == key and d.side == side]
    assert found, f"no decision for {key} {side}"
    return found


# --- double progression ---------------------------------------------------------------


def test_all_sets_at_the_top_with_reserve_progresses_with_the_reason_in_words() -> None:
    progress = run(
        [session(day(1), held("plank", 20, 2), before=2, after=2)], [checkin(day(1, 1), 1)]
    )
    (decision,) = only(progress, "plank")
    assert decision.kind is DecisionKind.PROGRESS
    assert decision.after == DoseState("plank", 25, 2, 0)
    assert decision.reason == (
        "Side bridge +5 s: all sets at the top, RPE 7, pain 2 → 1 by the next morning"
    )
    assert progress.dose("plank", None).text == "2 × 25 s"


def test_reps_climb_to_the_top_then_the_next_load_then_stay() -> None:
    sessions, checkins = [], []
    reps = [8, 9, 10, 8, 9, 10, 10]
    for index, count in enumerate(reps):
        when = START + timedelta(days=2 * index)
        sessions.append(session(when, repped("bridge", count)))
        checkins.append(checkin(when + timedelta(days=1), 2))
    decisions = only(run(sessions, checkins), "bridge")
    assert [(d.kind, d.after.amount, d.after.load) for d in decisions] == [
        (DecisionKind.PROGRESS, 9, 0),
        (DecisionKind.PROGRESS, 10, 0),
        (DecisionKind.PROGRESS, 8, 1),
        (DecisionKind.PROGRESS, 9, 1),
        (DecisionKind.PROGRESS, 10, 1),
        (DecisionKind.TOP, 10, 1),
        (DecisionKind.TOP, 10, 1),
    ]
    assert decisions[2].reason.startswith("Glute bridge → 6 kg: all sets at the top")
    assert "the top of its range" in decisions[-1].reason


def test_a_pyramid_grows_by_a_hold_per_set_never_longer() -> None:
    progress = run(
        [
            session(day(1), repped("curl", 3) + repped("curl", 1)),
            session(day(1, 2), repped("curl", 4) + repped("curl", 2)),
        ],
        [checkin(day(1, 1), 2), checkin(day(1, 3), 2)],
    )
    first, second = only(progress, "curl")
    assert first.reason.startswith("Curl-up one more hold a set (4-2):")
    assert second.reason.startswith("Curl-up one more hold a set (5-3-1):")
    dose = progress.dose("curl", None)
    assert (dose.kind, dose.pyramid, dose.seconds) == (RuleKind.PYRAMID, (5, 3, 1), 10)


# --- hold ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sets", "rpe", "why"),
    [
        (held("plank", 20, 2, short=1), 7, "a set was missed or cut short"),
        (held("plank", 20, 1), 7, "1 of 2 sets not done"),
        (held("plank", 20, 2), 9, "RPE 9 (progress needs 8 or less)"),
        (held("plank", 20, 2), None, "no RPE given (no information)"),
        (held("plank", 20, 2, flag=True), 7, "pain flagged on a set"),
    ],
    ids=["cut-short", "set-missing", "rpe-9", "no-rpe", "one-flag"],
)
def test_the_dose_holds_and_says_why(sets, rpe, why) -> None:
    logged = session(day(1), sets, rpe=rpe)
    if why == "1 of 2 sets not done":
        logged = type(logged)(**{**logged.__dict__, "planned_sets": {("plank", None): 2}})
    (decision,) = only(run([logged], [checkin(day(1, 1), 2)]), "plank")
    assert decision.kind is DecisionKind.HOLD
    assert decision.after == decision.before
    assert decision.reason == f"Side bridge stays at 2 × 20 s: {why}"


def test_a_stopped_session_without_a_plan_holds() -> None:
    logged = session(day(1), held("plank", 20, 2), status=SessionStatus.STOPPED)
    logged = type(logged)(**{**logged.__dict__, "planned_sets": {}})
    (decision,) = only(run([logged], [checkin(day(1, 1), 2)]), "plank")
    assert (decision.kind, decision.reason.split(": ")[1]) == (
        DecisionKind.HOLD,
        "the session was stopped",
    )


# --- missing check-in -----------------------------------------------------------------


def test_a_missing_check_in_is_no_information_never_green() -> None:
    (decision,) = only(run([session(day(1), held("plank", 20, 2))], []), "plank")
    assert decision.kind is DecisionKind.HOLD
    assert decision.reason.endswith("no check-in the next morning (no information)")


def test_a_check_in_after_the_next_session_does_not_count_for_the_first() -> None:
    sessions = [session(day(1), held("plank", 20, 2)), session(day(1, 2), held("plank", 20, 2))]
    first, second = only(run(sessions, [checkin(day(1, 3), 2)]), "plank")
    assert first.kind is DecisionKind.HOLD
    assert "no check-in" in first.reason
    assert second.kind is DecisionKind.PROGRESS


def test_a_check_in_on_the_day_of_the_next_session_counts() -> None:
    sessions = [session(day(1), held("plank", 20, 2)), session(day(1, 2), held("plank", 20, 2))]
    first, _ = only(run(sessions, [checkin(day(1, 2), 2)]), "plank")
    assert first.kind is DecisionKind.PROGRESS


def test_no_pain_rating_after_the_session_holds() -> None:
    progress = run([session(day(1), held("plank", 20, 2), after=None)], [checkin(day(1, 1), 2)])
    (decision,) = only(progress, "plank")
    assert decision.reason.endswith("no pain rating after the session (no information)")


# --- step back ----------------------------------------------------------------------


def test_pain_above_five_steps_back_holds_20_percent_shorter() -> None:
    sessions = [
        session(day(1), held("plank", 20, 2)),
        session(day(1, 2), held("plank", 25, 2), after=7),
    ]
    first, second = only(run(sessions, [checkin(day(1, 1), 2), checkin(day(1, 3), 3)]), "plank")
    assert first.after.amount == 25
    assert second.kind is DecisionKind.STEP_BACK
    assert second.after.amount == 20
    assert second.reason == (
        "Side bridge holds 20 % shorter (25 → 20 s): pain 7/10 after the session (more than 5)"
    )


def test_pain_higher_the_next_morning_steps_back_one_set_fewer_at_the_bottom() -> None:
    sessions = [session(day(1), held("plank", 20, 2), before=2, after=3)]
    (decision,) = only(run(sessions, [checkin(day(1, 1), 4, "same")]), "plank")
    assert decision.kind is DecisionKind.STEP_BACK
    assert decision.after == DoseState("plank", 20, 1, 0)
    assert decision.reason == (
        "Side bridge one set fewer (1 set): pain 4 the next morning, higher than the 2 before"
    )


def test_worse_the_next_morning_steps_back_reps_when_no_set_can_go() -> None:
    sessions = [
        session(day(1), repped("bridge", 8)),
        session(day(1, 2), repped("bridge", 9)),
        session(day(1, 4), repped("bridge", 10), before=None),
    ]
    checkins = [checkin(day(1, 1), 2), checkin(day(1, 3), 2), checkin(day(1, 5), 2, "worse")]
    decisions = only(run(sessions, checkins), "bridge")
    assert decisions[-1].kind is DecisionKind.STEP_BACK
    assert decisions[-1].after.amount == 8
    assert decisions[-1].reason == (
        "Glute bridge 20 % fewer reps (10 → 8): worse the next morning than before the session"
    )


def test_at_the_lowest_dose_a_step_back_stays_and_says_so() -> None:
    sessions = [
        session(day(1), held("plank", 20, 2)),
        session(day(1, 2), held("plank", 20, 1), after=8),
    ]
    progress = run(sessions, [checkin(day(1, 1), 5, "worse"), checkin(day(1, 3), 2)])
    first, second = only(progress, "plank")
    assert first.after.sets == 1
    assert second.after == first.after
    assert second.reason.startswith("Side bridge stays at the lowest dose: pain 8/10")


def test_after_a_step_back_the_lost_set_comes_back_first() -> None:
    sessions = [
        session(day(1), held("plank", 20, 2), before=2),
        session(day(1, 2), held("plank", 20, 1)),
    ]
    first, second = only(run(sessions, [checkin(day(1, 1), 3), checkin(day(1, 3), 2)]), "plank")
    assert first.after.sets == 1
    assert second.kind is DecisionKind.PROGRESS
    assert second.after == DoseState("plank", 20, 2, 0)
    assert second.reason.startswith("Side bridge one set back (2 sets):")


# --- deload -------------------------------------------------------------------------


def test_a_rising_weekly_morning_pain_makes_the_next_week_a_deload() -> None:
    checkins = [
        checkin(day(1, 1), 1),
        checkin(day(1, 3), 2),
        checkin(day(2, 1), 3),
        checkin(day(2, 3), 4),
    ]
    sessions = [
        session(day(1), held("plank", 20, 2)),
        session(day(1, 2), held("plank", 25, 2), before=4, after=4),
    ]
    sessions.append(session(day(3), held("plank", 24, 1), before=4, after=4))
    progress = run(sessions, [*checkins, checkin(day(3, 1), 3)], today=day(3, 2))
    reason = "morning pain averaged 3.5 last week against 1.5 the week before"
    assert progress.deload == reason
    assert deload_reason(programme(), 2, checkins, START) == ""
    decisions = only(progress, "plank")
    assert decisions[-1].kind is DecisionKind.DELOAD
    assert decisions[-1].after == decisions[-1].before == DoseState("plank", 30, 2, 0)
    assert decisions[-1].reason == f"Side bridge stays at 2 × 30 s: {reason}"
    dose = progress.dose("plank", None)
    assert (dose.seconds, dose.sets) == (24, 1)


def test_one_check_in_a_week_is_too_few_to_call_a_rise() -> None:
    checkins = [checkin(day(1, 1), 1), checkin(day(2, 1), 6), checkin(day(2, 3), 6)]
    assert deload_reason(programme(), 3, checkins, START) == ""


def test_a_planned_deload_week_eases_every_dose() -> None:
    planned = programme(
        "programme = 1\nname = 'P'\n[deload]\nweeks = [2]\nvolume = 0.5\n"
        + "[progression.plank]\nhold = { from = 20, to = 40, step = 5 }\nsets = 3\n"
        + "[[phase]]\nname = 'A'\nweeks = 3\n[[phase.session]]\nkey = 'main'\nkind = 'strength'\nroutine = 'r'\n"
    )
    progress = run_engine(planned, EXERCISES, [], [], START, day(2, 3))
    assert progress.deload == "week 2 is a planned deload week"
    dose = progress.dose("plank", None)
    assert (dose.seconds, dose.sets) == (20, 2)


# --- regression swap ----------------------------------------------------------------


def test_flagged_in_two_sessions_in_a_row_swaps_for_the_regression_and_says_so() -> None:
    sessions = [
        session(day(1), repped("birddog", 4, flag=True)),
        session(day(1, 2), repped("birddog", 4, flag=True)),
        session(day(1, 4), repped("reach", 4)),
        session(day(2), repped("reach", 5)),
        session(day(2, 2), repped("reach", 6)),
    ]
    checkins = [checkin(session.day + timedelta(days=1), 2) for session in sessions]
    decisions = only(run(sessions, checkins), "birddog")
    assert [d.kind for d in decisions] == [
        DecisionKind.HOLD,
        DecisionKind.SWAP,
        DecisionKind.PROGRESS,
        DecisionKind.PROGRESS,
        DecisionKind.PROGRESS,
    ]
    assert decisions[1].after == DoseState("reach", 4, None, 0)
    assert decisions[1].reason == (
        "Bird dog → Quadruped reach: pain flagged in two sessions in a row"
    )
    # At the top of the regression, the programme's own exercise comes back.
    assert decisions[-1].after == DoseState("birddog", 4, None, 0)
    assert decisions[-1].reason.startswith("Quadruped reach → Bird dog:")


def test_the_catalog_gives_the_regression_when_the_rule_lists_none() -> None:
    text = (
        "programme = 1\nname = 'P'\n[progression.birddog]\nreps = { from = 4, to = 6 }\n"
        "[[phase]]\nname = 'A'\nweeks = 3\n[[phase.session]]\nkey = 'main'\nkind = 'strength'\nroutine = 'r'\n"
    )
    sessions = [
        session(day(1), repped("birddog", 4, flag=True)),
        session(day(1, 2), repped("birddog", 4, flag=True)),
    ]
    progress = run_engine(programme(text), EXERCISES, sessions, [], START, day(1, 4))
    assert only(progress, "birddog")[-1].after.variation == "reach"


def test_two_flags_not_in_a_row_do_not_swap() -> None:
    sessions = [
        session(day(1), repped("birddog", 4, flag=True)),
        session(day(1, 2), repped("birddog", 4)),
        session(day(1, 4), repped("birddog", 4, flag=True)),
    ]
    checkins = [checkin(s.day + timedelta(days=1), 2) for s in sessions]
    assert DecisionKind.SWAP not in [d.kind for d in only(run(sessions, checkins), "birddog")]


def test_without_an_easier_variation_two_flags_step_back() -> None:
    sessions = [
        session(day(1), held("plank", 20, 2, flag=True)),
        session(day(1, 2), held("plank", 20, 2, flag=True)),
    ]
    decisions = only(run(sessions, [checkin(day(1, 1), 2), checkin(day(1, 3), 2)]), "plank")
    assert decisions[-1].kind is DecisionKind.STEP_BACK
    assert decisions[-1].reason == (
        "Side bridge one set fewer (1 set): pain flagged in two sessions in a row, "
        "and no easier variation is known"
    )


# --- sided exercises ----------------------------------------------------------------


def test_a_sided_exercise_progresses_only_on_the_side_that_reached_the_top() -> None:
    sets = held("plank", 20, 2, L) + held("plank", 20, 2, R, short=1)
    progress = run([session(day(1), sets)], [checkin(day(1, 1), 1)])
    (left,) = only(progress, "plank", L)
    (right,) = only(progress, "plank", R)
    assert (left.kind, left.after.amount) == (DecisionKind.PROGRESS, 25)
    assert (right.kind, right.after.amount) == (DecisionKind.HOLD, 20)
    assert left.reason.startswith("Side bridge (left) +5 s:")
    assert right.reason == "Side bridge (right) stays at 2 × 20 s: a set was missed or cut short"
    assert progress.dose("plank", L).seconds == 25
    assert progress.dose("plank", R).seconds == 20


# --- the log's shape ------------------------------------------------------------------


def test_sessions_are_replayed_in_date_order_and_running_ones_are_left_out() -> None:
    later = session(day(1, 2), held("plank", 25, 2))
    earlier = session(day(1), held("plank", 20, 2))
    running = session(day(1, 4), held("plank", 30, 2), status=SessionStatus.RUNNING)
    progress = run([later, running, earlier], [checkin(day(1, 1), 2), checkin(day(1, 3), 2)])
    assert [d.after.amount for d in only(progress, "plank")] == [25, 30]


def test_last_decisions_are_those_of_the_last_session() -> None:
    sessions = [
        session(day(1), held("plank", 20, 2) + repped("bridge", 8)),
        session(day(1, 2), repped("bridge", 9)),
    ]
    progress = run(sessions, [checkin(day(1, 1), 2), checkin(day(1, 3), 2)])
    assert [(d.key, d.day) for d in progress.last_decisions()] == [("bridge", day(1, 2))]


def test_an_exercise_never_played_starts_at_the_bottom_of_its_rule() -> None:
    progress = run([], [])
    assert progress.dose("bridge", None).text == "8 reps, 4 kg"
    assert progress.dose("curl", None).pyramid == (3, 1)
    assert progress.decisions == ()
