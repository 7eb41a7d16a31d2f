"""The progression engine: from the log of a programme to the next doses, with reasons.

Pure: values in (the programme, what the log says about each session played against
it, the morning check-ins, dates), values out. Per exercise (and side) it replays
the sessions in order and decides, after each, what the next session plays:

- **double progression**: every set done in full at the prescribed dose and the
  session's RPE at most 8 -> one step up (more reps, +5 s, one more hold a set, the
  next variation or the next load); a missed or cut set holds the dose;
- **pain monitoring**: pain after the session at most 5/10 and, by the next morning,
  back to the level before it -> progress allowed; pain above 5, or higher the next
  morning -> one step back (one set fewer, or holds 20 % shorter); a weekly average
  of morning pain that rose (or a planned deload week) -> a deload week;
- **pain flags**: an exercise flagged in two sessions in a row is swapped for its
  regression (the easier variation);
- a missing RPE, pain rating or check-in is *no information*: the dose holds.

Skipped days change nothing: the engine counts sessions, not days.
"""

from __future__ import annotations

import enum
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from matwork.core.kinds import SessionStatus, Side
from matwork.core.log_text import STATUS_CELLS
from matwork.core.programme_model import Programme, Rule
from matwork.core.progression_inputs import (
    HOLD_TOLERANCE,
    CheckIn,
    Compared,
    DoseKey,
    LoggedSession,
    LoggedSet,
)
from matwork.core.progression_rules import Dose, DoseState, Ladder
from matwork.i18n import _

__all__ = [
    "HOLD_TOLERANCE",
    "CheckIn",
    "Compared",
    "Decision",
    "DecisionKind",
    "DoseKey",
    "ExerciseInfo",
    "LoggedSession",
    "LoggedSet",
    "Progress",
    "SessionStatus",
    "deload_reason",
    "run_engine",
    "variation_chain",
    "week_of",
]

PAIN_LIMIT = 5
"""Pain during a session up to this (0-10) is acceptable (the pain-monitoring model)."""
RPE_LIMIT = 8
"""A session at this RPE or lower leaves reserve for the next step (RIR >= 2)."""
MIN_CHECKINS_A_WEEK = 2
"""Weekly averages of morning pain are compared only with this many check-ins each."""
CHAIN_LIMIT = 5
"""At most this many easier and harder variations are followed from the catalog."""


class DecisionKind(enum.StrEnum):
    """What the engine decided for an exercise after a session."""

    PROGRESS = "progress"
    HOLD = "hold"
    TOP = "top"
    STEP_BACK = "step-back"
    SWAP = "swap"
    DELOAD = "deload"


@dataclass(frozen=True)
class ExerciseInfo:
    """What the engine needs from the catalog: the name and the variations."""

    name: str
    easier: str | None = None
    harder: str | None = None


@dataclass(frozen=True)
class Decision:
    """The dose of one exercise (and side) after one session, and why."""

    key: str
    side: Side | None
    day: date
    kind: DecisionKind
    before: DoseState
    after: DoseState
    reason: str


def week_of(start: date, day: date) -> int:
    """The programme week (1-based) that ``day`` falls in; 0 or less before the start."""
    return (day - start).days // 7 + 1


def variation_chain(key: str, rule: Rule, exercises: Mapping[str, ExerciseInfo]) -> tuple[str, ...]:
    """The rule's variations from easiest to hardest: its own list, or the catalog's."""
    if rule.variations:
        return tuple(rule.variations)
    chain = [key]
    current: str | None = key
    for _step in range(CHAIN_LIMIT):
        info = exercises.get(current or "")
        current = info.easier if info else None
        if current is None or current in chain:
            break
        chain.insert(0, current)
    current = key
    for _step in range(CHAIN_LIMIT if rule.then == "harder" else 0):
        info = exercises.get(current or "")
        current = info.harder if info else None
        if current is None or current in chain:
            break
        chain.append(current)
    return tuple(chain)


def ladders(programme: Programme, exercises: Mapping[str, ExerciseInfo]) -> dict[str, Ladder]:
    """Each progression rule's ladder, by the rule's exercise id."""
    names = {exercise_id: info.name for exercise_id, info in exercises.items()}
    return {
        key: Ladder(key, rule, variation_chain(key, rule, exercises), names)
        for key, rule in programme.progression.items()
    }


def rule_of(ladder_by_key: Mapping[str, Ladder]) -> dict[str, str]:
    """Exercise id to the rule it belongs to; a rule's own id wins over a variation."""
    owner: dict[str, str] = {}
    for key, ladder in ladder_by_key.items():
        for exercise_id in ladder.chain:
            owner.setdefault(exercise_id, key)
    owner.update({key: key for key in ladder_by_key})
    return owner


def deload_reason(programme: Programme, week: int, checkins: Iterable[CheckIn], start: date) -> str:
    """Why ``week`` is a deload week, or "" when it is not."""
    rule = programme.deload
    in_plan = (week - 1) % programme.weeks + 1 if programme.repeat else week
    if in_plan in rule.weeks:
        return _("week {week} is a planned deload week").format(week=week)
    if not rule.on_rising_pain:
        return ""
    by_week: dict[int, list[int]] = {}
    for checkin in checkins:
        by_week.setdefault(week_of(start, checkin.day), []).append(checkin.pain)
    last, before = by_week.get(week - 1, []), by_week.get(week - 2, [])
    if len(last) < MIN_CHECKINS_A_WEEK or len(before) < MIN_CHECKINS_A_WEEK:
        return ""
    last_mean, before_mean = statistics.fmean(last), statistics.fmean(before)
    if last_mean - before_mean < rule.pain_rise:
        return ""
    words = _("morning pain averaged {last} last week against {before} the week before")
    return words.format(last=f"{last_mean:.1f}", before=f"{before_mean:.1f}")


def _label(ladder: Ladder, state: DoseState, side: Side | None) -> str:
    name = ladder.name(state.variation)
    return f"{name} ({side.value})" if side is not None else name


def _checkin_for(
    session: LoggedSession, following: LoggedSession | None, checkins: Sequence[CheckIn]
) -> CheckIn | None:
    """The first check-in on a later day than the session, up to the next session's day."""
    for checkin in checkins:
        if checkin.day > session.day and (following is None or checkin.day <= following.day):
            return checkin
    return None


@dataclass(frozen=True)
class _Context:
    """What one session says about pain, effort and the next morning."""

    session: LoggedSession
    checkin: CheckIn | None
    deload: str

    def pain_words(self) -> str:
        """RPE and pain, e.g. "RPE 7, pain 2 → 1 by the next morning"."""
        assert self.checkin is not None
        after = self.session.pain_after
        words = _("RPE {rpe}, pain {after} → {morning} by the next morning")
        return words.format(rpe=self.session.rpe, after=after, morning=self.checkin.pain)

    def worse_by_morning(self) -> str:
        """Why the next morning counts as worse, or ""."""
        checkin, before = self.checkin, self.session.pain_before
        if checkin is None:
            return ""
        if before is not None and checkin.pain > before:
            words = _("pain {pain} the next morning, higher than the {before} before")
            return words.format(pain=checkin.pain, before=before)
        if checkin.compared is Compared.WORSE:
            return _("worse the next morning than before the session")
        return ""


def _judge(
    ladder: Ladder,
    state: DoseState,
    side: Side | None,
    sets: Sequence[LoggedSet],
    planned: int | None,
    flagged_before: bool,
    context: _Context,
) -> Decision:
    session = context.session
    label = _label(ladder, state, side)

    def decide(kind: DecisionKind, after: DoseState, reason: str) -> Decision:
        return Decision(ladder.key, side, session.day, kind, state, after, reason)

    def back(why: str) -> Decision:
        step = ladder.step_back(state)
        if step is None:
            words = _("{label} stays at the lowest dose: {why}").format(label=label, why=why)
            return decide(DecisionKind.STEP_BACK, state, words)
        return decide(DecisionKind.STEP_BACK, step[0], f"{label} {step[1]}: {why}")

    def hold(why: str, kind: DecisionKind = DecisionKind.HOLD) -> Decision:
        words = _("{label} stays at {dose}: {why}")
        return decide(
            kind, state, words.format(label=label, dose=ladder.dose(state, side).text, why=why)
        )

    flagged = any(one.pain_flag for one in sets)
    if flagged and flagged_before:
        swap = ladder.easier(state)
        why = _("pain flagged in two sessions in a row")
        if swap is None:
            return back(_("{why}, and no easier variation is known").format(why=why))
        return decide(DecisionKind.SWAP, swap[0], f"{label} {swap[1]}: {why}")
    pain = session.pain_after
    if pain is not None and pain > PAIN_LIMIT:
        return back(
            _("pain {pain}/10 after the session (more than {limit})").format(
                pain=pain, limit=PAIN_LIMIT
            )
        )
    worse = context.worse_by_morning()
    if worse:
        return back(worse)
    if context.deload:
        return hold(context.deload, DecisionKind.DELOAD)
    if flagged:
        return hold(_("pain flagged on a set"))
    if pain is None:
        return hold(_("no pain rating after the session (no information)"))
    if context.checkin is None:
        return hold(_("no check-in the next morning (no information)"))
    if len(sets) < (planned or 0) or not sets:
        words = _("{missing} of {planned} sets not done")
        return hold(words.format(missing=(planned or 0) - len(sets), planned=planned))
    if planned is None and session.status is not SessionStatus.COMPLETED:
        status = str(STATUS_CELLS.get(session.status, session.status.value))
        return hold(_("the session was {status}").format(status=status))
    if not all(one.in_full for one in sets):
        return hold(_("a set was missed or cut short"))
    if session.rpe is None:
        return hold(_("no RPE given (no information)"))
    if session.rpe > RPE_LIMIT:
        words = _("RPE {rpe} (progress needs {limit} or less)")
        return hold(words.format(rpe=session.rpe, limit=RPE_LIMIT))
    step = ladder.successor(state)
    if step is None:
        words = _("the top of its range ({pain})").format(pain=context.pain_words())
        return hold(words, DecisionKind.TOP)
    words = _("{label} {change}: all sets at the top, {pain}")
    return decide(
        DecisionKind.PROGRESS,
        step[0],
        words.format(label=label, change=step[1], pain=context.pain_words()),
    )


@dataclass(frozen=True)
class Progress:
    """The engine's answer: each exercise's state, every decision, and today's deload."""

    ladders: Mapping[str, Ladder]
    states: Mapping[DoseKey, DoseState]
    decisions: tuple[Decision, ...]
    deload: str
    """Why today's week is a deload week, or ""."""
    programme: Programme

    def state(self, key: str, side: Side | None) -> DoseState:
        """Where the exercise stands (its first dose if it was never played)."""
        found = self.states.get((key, side))
        return found if found is not None else self.ladders[key].initial()

    def dose(self, key: str, side: Side | None) -> Dose:
        """What the next session plays of the exercise: after progression and deload."""
        ladder = self.ladders[key]
        state = self.state(key, side)
        if self.deload:
            state = ladder.deloaded(state, self.programme.deload)
        return ladder.dose(state, side)

    def last_decisions(self) -> tuple[Decision, ...]:
        """The decisions made after the last session played."""
        if not self.decisions:
            return ()
        last = self.decisions[-1].day
        return tuple(decision for decision in self.decisions if decision.day == last)


def run_engine(
    programme: Programme,
    exercises: Mapping[str, ExerciseInfo],
    sessions: Sequence[LoggedSession],
    checkins: Sequence[CheckIn],
    start: date,
    today: date,
) -> Progress:
    """Replay the programme's sessions in order and decide each exercise's next dose."""
    by_key = ladders(programme, exercises)
    owner = rule_of(by_key)
    ordered = [
        s for s in sorted(sessions, key=lambda s: s.day) if s.status is not SessionStatus.RUNNING
    ]
    mornings = sorted(checkins, key=lambda checkin: checkin.day)
    states: dict[DoseKey, DoseState] = {}
    flagged: dict[DoseKey, bool] = {}
    decisions: list[Decision] = []
    for index, session in enumerate(ordered):
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        context = _Context(
            session,
            _checkin_for(session, following, mornings),
            deload_reason(programme, week_of(start, session.day), mornings, start),
        )
        groups: dict[DoseKey, list[LoggedSet]] = {key: [] for key in session.planned_sets}
        session_owner = session.played_as or owner
        for logged in session.sets:
            key = session_owner.get(logged.exercise_id)
            if key is not None:
                groups.setdefault((key, logged.side), []).append(logged)
        for dose_key, sets in groups.items():
            ladder = by_key.get(dose_key[0])
            if ladder is None:
                continue
            state = states.get(dose_key, ladder.initial())
            decision = _judge(
                ladder,
                state,
                dose_key[1],
                sets,
                session.planned_sets.get(dose_key),
                flagged.get(dose_key, False),
                context,
            )
            states[dose_key] = decision.after
            swapped = decision.kind is DecisionKind.SWAP
            flagged[dose_key] = not swapped and any(one.pain_flag for one in sets)
            decisions.append(decision)
    today_deload = deload_reason(programme, week_of(start, today), mornings, start)
    return Progress(by_key, states, tuple(decisions), today_deload, programme)
