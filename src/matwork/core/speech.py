"""The words a voice says: numbers, durations, and what opens each segment.

Written for the ear, not the eye: numbers in words ("three reps", "forty seconds"),
and during get-ready and rest what comes next, with its dose and the first cue of the
routine for it ("Rest twenty seconds. Next: Bird dog, three reps per side, keep the
hips level"), so a user getting into position need not look at the screen.

In the language in use: the phrases go through ``_()`` as whole sentences (translated
for the ear: "Mach dich bereit. Zuerst: ...", "Seite wechseln"), and the numbers are
German words in German ("vierzig Sekunden", "eine Wiederholung", "einundzwanzig").
"""

from __future__ import annotations

from matwork.core.exercise import Exercise
from matwork.core.kinds import SegmentKind
from matwork.core.test_results import start_words
from matwork.core.timeline import Segment
from matwork.i18n import _, current_language, ngettext, pgettext

_ONES = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    *("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"),
    *("seventeen", "eighteen", "nineteen"),
)
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


_DE_ONES = (
    *("null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"),
    *("zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn"),
    *("siebzehn", "achtzehn", "neunzehn"),
)
_DE_TENS = (
    *("", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig"),
    *("achtzig", "neunzig"),
)


def german_number_words(n: int) -> str:
    """A whole number in German words: 1 -> "eins", 21 -> "einundzwanzig", 145 ->
    "einhundertfünfundvierzig"."""
    if n < 0:
        return "minus " + german_number_words(-n)
    if n < 20:
        return _DE_ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        if not ones:
            return _DE_TENS[tens]
        return ("ein" if ones == 1 else _DE_ONES[ones]) + "und" + _DE_TENS[tens]
    if n < 1_000_000:
        big, rest = divmod(n, 1000) if n >= 1000 else divmod(n, 100)
        unit = "tausend" if n >= 1000 else "hundert"
        head = "ein" if big == 1 else german_number_words(big)
        return head + unit + (german_number_words(rest) if rest else "")
    return str(n)


def number_words(n: int) -> str:
    """A whole number in words in the language in use: 12 -> "twelve" (de: "zwölf")."""
    if current_language() == "de":
        return german_number_words(n)
    return english_number_words(n)


def english_number_words(n: int) -> str:
    """A whole number in English words: 12 -> "twelve", 45 -> "forty-five"."""
    if n < 0:
        return "minus " + english_number_words(-n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {english_number_words(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    head = f"{english_number_words(thousands)} thousand"
    return head + (f" {english_number_words(rest)}" if rest else "")


def _reps(n: int) -> str:
    return ngettext("{words} rep", "{words} reps", n).format(words=number_words(n))


def _minutes(n: int) -> str:
    return ngettext("{words} minute", "{words} minutes", n).format(words=number_words(n))


def _seconds(n: int) -> str:
    return ngettext("{words} second", "{words} seconds", n).format(words=number_words(n))


def seconds_words(seconds: float) -> str:
    """A duration as spoken: "forty seconds", "ninety seconds", "two minutes thirty seconds"."""
    whole = max(1, round(seconds))
    minutes, rest = divmod(whole, 60)
    if minutes and not rest:
        return _minutes(minutes)
    if whole < 120:
        return _seconds(whole)
    return f"{_minutes(minutes)} {_seconds(rest)}"


def countdown_text(count: int, first: bool) -> str:
    """A countdown tick as said: "3", "2", "1" (de: "Noch 3", "2", "1")."""
    if first:
        return pgettext("the first tick of a countdown", "{count}").format(count=count)
    return str(count)


def work_text(segment: Segment) -> str:
    """What a voice says as work starts: "Glute bridge, left, forty seconds"."""
    exercise = segment.exercise
    if exercise.test is not None:
        return start_words(segment)
    parts = [exercise.name]
    if segment.side == "alternate":
        parts.append(_("alternating sides"))
    elif segment.side == "left":
        parts.append(_("left"))
    elif segment.side == "right":
        parts.append(_("right"))
    elif segment.side:
        parts.append(segment.side)
    if exercise.sets > 1:
        words = _("set {set} of {sets}")
        parts.append(words.format(set=number_words(segment.set), sets=number_words(exercise.sets)))
    if exercise.reps is not None:
        parts.append(_reps(exercise.reps))
    else:
        parts.append(seconds_words(segment.duration))
    return ", ".join(parts)


def dose_words(exercise: Exercise) -> str:
    """One set's dose as spoken: "three reps per side", "forty seconds", "eight reps"."""
    reps = exercise.reps
    words = _reps(reps) if reps is not None else seconds_words(exercise.seconds)
    if exercise.sides == "both":
        words = _("{dosage} per side").format(dosage=words)
    elif exercise.sides == "alternate":
        words += ", " + _("alternating sides")
    return words


def coming_text(exercise: Exercise) -> str:
    """What comes next, for get-ready and rest: "Bird dog, three reps per side, keep the
    hips level" (the first of the routine's cues for it, when it has any)."""
    parts = [exercise.name, dose_words(exercise)]
    cue = next((cue.strip().rstrip(".") for cue in exercise.cues if cue.strip()), "")
    if cue:
        parts.append(cue[:1].lower() + cue[1:] if cue[1:2].islower() else cue)
    return ", ".join(parts)


def opening_text(segment: Segment) -> str:
    """What a voice says as a segment starts (get-ready and rest say what comes next)."""
    if segment.kind is SegmentKind.WORK:
        return work_text(segment)
    if segment.kind is SegmentKind.SWITCH:
        return _("Switch sides")
    if segment.kind is SegmentKind.PREPARE:
        return _("Get ready. First: {coming}").format(coming=coming_text(segment.exercise))
    words = _("Rest {duration}. Next: {coming}")
    return words.format(
        duration=seconds_words(segment.duration), coming=coming_text(segment.exercise)
    )
