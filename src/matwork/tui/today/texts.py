"""What the Today view says, built from the plan as ``Content`` (never parsed as markup)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from textual.content import Content

from matwork.app.formats import locale
from matwork.app.programme_play import Playable
from matwork.app.programme_today import TodayPlan
from matwork.core.progression import Decision, DecisionKind
from matwork.core.timefmt import clock
from matwork.i18n import DEFAULT_LANGUAGE, current_language, tui_
from matwork.tui.widgets.words import side_label

DECISION_MARKS: dict[DecisionKind, tuple[str, str]] = {
    DecisionKind.PROGRESS: ("▲", "$text-success"),
    DecisionKind.HOLD: ("■", "dim"),
    DecisionKind.TOP: ("●", "$text-success"),
    DecisionKind.STEP_BACK: ("▼", "$text-warning"),
    DecisionKind.SWAP: ("⇄", "$text-warning"),
    DecisionKind.DELOAD: ("◆", "$text-warning"),
}
"""Each decision's mark and colour: up, hold, at the top, back, swapped, deload."""


def day_words(day: date) -> str:
    """A date as people read it: "Monday 3 Mar" (en), "Montag, 3. März" (de, by Babel)."""
    if current_language() == DEFAULT_LANGUAGE:
        return f"{day.strftime('%A')} {day.day} {day.strftime('%b')}"
    return format_date(day, "EEEE, d. MMM", locale=locale())


def week_line(plan: TodayPlan) -> str:
    """ "Week 2 · session 2 of 3 · Strengthen", or where the programme stands."""
    today = plan.today
    if not today.started:
        return tui_("Starts on {day}").format(day=day_words(plan.run.start))
    if today.ended:
        return tui_("Finished: all {weeks} weeks are over").format(weeks=plan.programme.weeks)
    phase = f" · {today.phase.name}" if today.phase else ""
    if plan.session is None:
        done = tui_("Week {week} of {weeks}{phase} · every session done")
        return done.format(week=today.week, weeks=plan.programme.weeks, phase=phase)
    slot = plan.session.slot
    due = tui_("Week {week} · session {number} of {of}{phase}")
    return due.format(week=today.week, number=slot.number, of=slot.of, phase=phase)


def when_line(plan: TodayPlan) -> str:
    """When the session due is planned, or what comes next."""
    today = plan.today
    if today.ended:
        return tui_("`matwork programme new` or `programme start` begins the next one.")
    if not today.started:
        return tui_("Nothing to do yet: the first week has not begun.")
    session = plan.session
    if session is None:
        following = plan.next_slot
        if following is None:
            return tui_("Nothing more this week.")
        following_day = day_words(following.day)
        return tui_("Next: {title} on {day}.").format(title=following.title, day=following_day)
    slot = session.slot
    if slot.day == today.day:
        return tui_("{title}, planned for today").format(title=slot.title)
    planned = day_words(slot.day)
    if slot.day < today.day:
        late = tui_("{title}, planned for {day}: today is fine too")
        return late.format(title=slot.title, day=planned)
    early = tui_("{title}, planned for {day}: you may play it earlier")
    return early.format(title=slot.title, day=planned)


def playable_label(one: Playable) -> Content:
    """One line of the list Enter plays from: what, which routine, how long."""
    timeline = one.session.entry.timeline
    length = clock(timeline.total_seconds) if timeline else "?"
    routine = one.session.entry.name
    if one.desk:
        return Content.assemble("  ", one.title, (f"  {routine} · {length}", "dim"))
    return Content.assemble(("▶ ", "bold"), (one.title, "bold"), f"  {routine} · {length}")


def dose_lines(plan: TodayPlan) -> Content:
    """The rule exercises of the session due with their doses after progression."""
    doses = plan.doses()
    if not doses:
        return Content("")
    labels = []
    for key, side, dose in doses:
        name = plan.progress.ladders[key].name(dose.variation)
        labels.append((f"{name} ({side_label(side.value)})" if side else name, dose.text))
    width = max(len(label) for label, _ in labels)
    return Content("\n").join(
        Content.assemble(label.ljust(width), "  ", (text, "bold")) for label, text in labels
    )


def decision_mark(decision: Decision) -> Content:
    """A decision's mark in its colour: ▲ up, ■ hold, ● at the top, ▼ back, ⇄ swap, ◆ deload."""
    mark, style = DECISION_MARKS[decision.kind]
    return Content.styled(mark, style)


def why_title(plan: TodayPlan) -> str:
    """The heading over the decisions."""
    decisions = plan.progress.last_decisions()
    if not decisions:
        return tui_("No session played yet: the first one starts at the programme's first doses.")
    return tui_("After the last session ({day})").format(day=day_words(decisions[0].day))
