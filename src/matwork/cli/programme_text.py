"""Programmes and today's plan as plain lines of text, for ``programme show`` and ``today``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from matwork.app.formats import date_text, long_day_text
from matwork.app.programme_today import TodayPlan
from matwork.core.dose_balance import side_word
from matwork.core.programme_model import WEEKDAYS, Programme, Rule
from matwork.core.programme_plan import session_days
from matwork.core.timefmt import clock
from matwork.core.vocab_words import weekday_short
from matwork.i18n import _, ngettext, pgettext


def origin_word(origin: str) -> str:
    """Where a programme file came from, in words ("shipped", "user", "path")."""
    words = {
        "shipped": pgettext("origin", "shipped"),
        "user": pgettext("origin", "user"),
        "path": pgettext("origin", "path"),
    }
    return words.get(origin, origin)


def _rule_text(rule: Rule) -> str:
    if rule.pyramid is not None:
        span = rule.pyramid
        words = _("pyramid of {hold} s holds, first set {low}-{high}, {drop} fewer each set")
        return words.format(hold=f"{span.hold:g}", low=span.low, high=span.high, drop=span.drop)
    if rule.hold is not None:
        words = _("holds {low}-{high} s, +{step} s a step")
        hold = rule.hold
        return words.format(low=f"{hold.low:g}", high=f"{hold.high:g}", step=f"{hold.step:g}")
    assert rule.reps is not None
    words = _("{low}-{high} reps, +{step} a step")
    return words.format(low=rule.reps.low, high=rule.reps.high, step=rule.reps.step)


def rule_words(key: str, rule: Rule) -> str:
    """A progression rule in words, e.g. "side-plank: holds 15-40 s, +5 s a step"."""
    text = _rule_text(rule)
    if rule.sets is not None:
        text += ", " + ngettext("{count} set", "{count} sets", rule.sets).format(count=rule.sets)
    if rule.then == "harder":
        text += ", " + _("then the next variation")
    elif rule.then == "load":
        text += ", " + _("then the next load ({loads})").format(loads=", ".join(rule.loads))
    if rule.variations:
        text += "; " + _("variations {chain}").format(chain=" < ".join(rule.variations))
    if rule.extra_sets:
        extra = ", ".join(f"+{count} {side_word(side)}" for side, count in rule.extra_sets.items())
        text += "; " + _("extra sets {sets}").format(sets=extra)
    return f"{key}: {text}"


def _weeks_text(first: int, last: int) -> str:
    if first == last:
        return _("week {week}").format(week=first)
    return _("weeks {first}-{last}").format(first=first, last=last)


def describe(programme: Programme, path: Path) -> Iterator[str]:
    """``matwork programme show``: the programme in lines."""
    yield programme.name
    weeks = ngettext("{count} week", "{count} weeks", programme.weeks).format(count=programme.weeks)
    yield f"{path} · {weeks}" + (" · " + _("repeats") if programme.repeat else "")
    if programme.description:
        yield ""
        yield " ".join(programme.description.split())
    first = 1
    for phase in programme.phase:
        last = first + phase.weeks - 1
        yield ""
        yield f"{phase.name} ({_weeks_text(first, last)})"
        for session in phase.session:
            what = session.routine or _("template {name}").format(name=session.template)
            days = ", ".join(weekday_short(WEEKDAYS.index(day)) for day in session_days(session))
            times = _("{count}x a week").format(count=session.per_week)
            if session.per_day > 1:
                times += ", " + _("{count}x a day").format(count=session.per_day)
            kind = kind_word(session.kind)
            yield f"  {session.name or session.key} [{kind}]: {what}, {times} ({days})"
        first = last + 1
    for extra in programme.extra:
        exercises = ", ".join(use.id for use in extra.exercise)
        why = f" [{extra.emphasis}]" if extra.emphasis else ""
        words = _("Extra block {name}{why} in {sessions}: {exercises}")
        yield ""
        yield words.format(
            name=extra.name, why=why, sessions=", ".join(extra.sessions), exercises=exercises
        )
    if programme.progression:
        yield ""
        yield _("Progression")
        for key, rule in programme.progression.items():
            yield f"  {rule_words(key, rule)}"
    yield ""
    yield deload_words(programme)


def deload_words(programme: Programme) -> str:
    """The deload rule in one line."""
    deload = programme.deload
    planned = ", ".join(str(week) for week in deload.weeks) or _("none")
    line = _("Deload: planned weeks {weeks}").format(weeks=planned)
    if deload.on_rising_pain:
        rise = _("and after a rise of {rise} in weekly morning pain")
        line += " " + rise.format(rise=f"{deload.pain_rise:g}")
    line += "; " + _("volume x{factor}").format(factor=f"{deload.volume:g}")
    if deload.drop_set:
        line += ", " + _("one set fewer")
    return line


def kind_word(kind: str) -> str:
    """A programme session's kind in words ("strength", "desk")."""
    words = {
        "strength": pgettext("session kind", "strength"),
        "pilates": pgettext("session kind", "pilates"),
        "mobility": pgettext("session kind", "mobility"),
        "fascia": pgettext("session kind", "fascia"),
        "desk": pgettext("session kind", "desk"),
        "cardio": pgettext("session kind", "cardio"),
        "breathing": pgettext("session kind", "breathing"),
    }
    return words.get(kind, kind)


def today_lines(plan: TodayPlan) -> Iterator[str]:
    """``matwork today``: the week, the session due, its doses and the last decisions."""
    today = plan.today
    yield plan.programme.name
    if not today.started:
        yield _("Starts on {day}.").format(day=date_text(plan.run.start))
        return
    if today.ended:
        words = _("Finished: the last of its {weeks} weeks is over.")
        yield words.format(weeks=plan.programme.weeks)
        yield _("`matwork programme new` or `matwork programme start` begins the next one.")
        return
    phase = today.phase.name if today.phase else ""
    session = plan.session
    if session is None:
        weeks = plan.programme.weeks
        words = _("Week {week} of {weeks} · {phase}: every session of the week is done.")
        yield words.format(week=today.week, weeks=weeks, phase=phase)
        if plan.next_slot is not None:
            words = _("Next: {title} on {day}.")
            yield words.format(title=plan.next_slot.title, day=long_day_text(plan.next_slot.day))
    else:
        slot = session.slot
        words = _("Week {week} · session {number} of {count} · {phase}: {title}")
        yield words.format(
            week=today.week, number=slot.number, count=slot.of, phase=phase, title=slot.title
        )
        when = _("today") if slot.day == today.day else long_day_text(slot.day)
        if not today.on_schedule:
            when = _("{when} (you may play it earlier)").format(when=when)
        yield _("Planned for {when}").format(when=when)
        timeline = session.entry.timeline
        length = clock(timeline.total_seconds) if timeline else "?"
        words = _("Routine: {name} ({length}) · {path}")
        yield words.format(name=session.entry.name, length=length, path=session.entry.path)
        doses = plan.doses()
        if doses:
            yield _("Doses:")
            for key, side, dose in doses:
                name = plan.progress.ladders[key].name(dose.variation)
                label = f"{name} ({side_word(side.value)})" if side else name
                yield f"  {label:<34} {dose.text}"
    if plan.progress.deload:
        yield _("Deload week: {why}.").format(why=plan.progress.deload)
    for due in today.desk:
        words = _("Desk break: {title} {done} of {planned} today")
        yield words.format(title=due.slot.title, done=due.done, planned=due.planned)
    decisions = plan.progress.last_decisions()
    if decisions:
        yield _("After the last session ({day}):").format(day=date_text(decisions[0].day))
        for decision in decisions:
            yield f"  {decision.reason}"
    if plan.checkin_due:
        yield _("Check-in due: `matwork checkin` (how is your back this morning?)")
