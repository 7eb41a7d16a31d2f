"""The words that offer an interrupted session for resuming, the same in both shells.

What was done comes from the log: the sets logged (done and skipped) and the active
time kept with them, so the offer says "3 sets done, 2:40 done" after three sets,
whatever killed the session.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from matwork.core.timefmt import clock
from matwork.i18n import _, ngettext
from matwork.store.records import SessionRecord


def when_text(timestamp: float, *, now: float, tz: tzinfo | None) -> str:
    """A recent time as people say it: "today at 07:30", "yesterday at 22:10"."""
    moment = datetime.fromtimestamp(timestamp, tz)
    today = datetime.fromtimestamp(now, tz).date()
    clock_time = moment.strftime("%H:%M")
    if moment.date() == today:
        return _("today at {time}").format(time=clock_time)
    if moment.date() == today - timedelta(days=1):
        return _("yesterday at {time}").format(time=clock_time)
    from matwork.app.formats import day_text

    return _("{day} at {time}").format(day=day_text(moment.date()), time=clock_time)


def done_text(record: SessionRecord) -> str:
    """What the log holds of a session: "3 sets done, 1 skipped, 2:40 active"."""
    done = record.sets_done
    if done == 0:
        sets = _("no set done yet")
    else:
        sets = ngettext("{count} set done", "{count} sets done", done).format(count=done)
    if record.sets_skipped:
        sets += ", " + _("{count} skipped").format(count=record.sets_skipped)
    return sets + ", " + _("{time} active").format(time=clock(record.active_seconds))


def resume_text(record: SessionRecord, *, now: float, tz: tzinfo | None) -> str:
    """The resume question for an interrupted session."""
    words = _(
        "An interrupted session of {name} from {when}: {done}, "
        "stopped at segment {segment}. Resume?"
    )
    return words.format(
        name=record.routine_name,
        when=when_text(record.started_at, now=now, tz=tz),
        done=done_text(record),
        segment=record.resume_segment + 1,
    )
