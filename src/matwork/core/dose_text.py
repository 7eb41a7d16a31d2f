"""The dose meter in words, the same in ``matwork stats`` and on the History screen."""

from __future__ import annotations

from datetime import date

from matwork.core.dose_meter_model import DoseMeter, MeterLine, MeterStatus
from matwork.core.vocab_words import day_and_month, weekday_short
from matwork.i18n import LazyString, _, lazy_, ngettext

STATUS_WORDS: dict[MeterStatus, LazyString] = {
    MeterStatus.MET: lazy_("met"),
    MeterStatus.SHORT: lazy_("not met"),
    MeterStatus.OVER: lazy_("more than suggested"),
    MeterStatus.UNEVEN: lazy_("uneven"),
    MeterStatus.NO_INFORMATION: lazy_("no information"),
}
"""Each status in words, for a week that is over."""


def status_word(line: MeterLine, *, complete: bool) -> str:
    """The status in words; while the week runs, "short" is "so far" (not a failure)."""
    if line.status is MeterStatus.SHORT and not complete:
        return _("so far")
    return str(STATUS_WORDS[line.status])


def value_text(line: MeterLine) -> str:
    """The week's number with its unit: "2 days", "50 s", "2 of 4 workdays", "ratio 1.3"."""
    whole = int(line.value) if float(line.value).is_integer() else 2
    if line.id == "strength-days":
        return ngettext("{count} day", "{count} days", whole).format(count=f"{line.value:g}")
    if line.id == "fascia-sessions":
        words = ngettext("{count} session", "{count} sessions", whole)
        return words.format(count=f"{line.value:g}")
    if line.id == "desk-breaks":
        return f"{line.value:g} {line.unit}"
    if line.id.startswith("balance:"):
        if line.status is MeterStatus.NO_INFORMATION:
            return _("nothing logged")
        if line.value == 0:
            return _("one side only")
        return _("ratio {ratio}").format(ratio=f"{line.value:.2f}")
    return f"{line.value:.0f} s"


def planned_text(line: MeterLine) -> str:
    """What the programme plans for this line, or "" (stretches: planned or not)."""
    if line.planned is None:
        return ""
    if line.id.startswith("stretch:"):
        return _("planned") if line.planned else _("not planned this week")
    if line.id == "desk-breaks":
        return _("programme: {count} a workday").format(count=f"{line.planned:g}")
    return _("programme: {count}").format(count=f"{line.planned:g}")


def _day_text(day: date) -> str:
    return f"{weekday_short(day.weekday())} {day_and_month(day.day, day.month)}"


def week_title(meter: DoseMeter) -> str:
    """The week's heading: its days, and the programme week when one is followed."""
    first, last = date.fromisoformat(meter.first_day), date.fromisoformat(meter.last_day)
    days = f"{_day_text(first)} - {_day_text(last)}"
    if meter.programme is not None and meter.week is not None:
        words = _("Week {week} of {programme} · {days}")
        return words.format(week=meter.week, programme=meter.programme, days=days)
    return _("Week of {days}").format(days=days)


def line_words(line: MeterLine, *, complete: bool) -> str:
    """One line as plain text, for ``matwork stats``."""
    value = value_text(line)
    if line.detail and line.status is not MeterStatus.NO_INFORMATION:
        value += f" ({line.detail})"
    planned = planned_text(line)
    parts = [
        f"{line.label}: {value}",
        _("guidance {target}").format(target=line.target),
        *([planned] if planned else []),
        status_word(line, complete=complete),
        _("source: {source}").format(source=line.source),
    ]
    return " · ".join(parts)
