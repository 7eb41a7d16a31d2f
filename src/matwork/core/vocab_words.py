"""The routine format's vocabulary as words to show, in the language in use.

Files keep the English keys (``hip-flexors``, ``trunk-flexion``); screens and the CLI
show words: "hip flexors" in English, "Hüftbeuger" in German. A key without a word
here (a newer vocabulary, a user's own) shows with its hyphens turned into spaces.
Weekday and month abbreviations are here too, for the core's date headings (the core
formats without Babel, which reads its locale data from disk).
"""

from __future__ import annotations

from matwork.i18n import pgettext


def _spoken(key: str) -> str:
    return key.replace("-", " ")


def category_word(category: str) -> str:
    """An exercise category in words ("strength", German "Kraft")."""
    words = {
        "pilates": pgettext("category", "pilates"),
        "fascia": pgettext("category", "fascia"),
        "strength": pgettext("category", "strength"),
        "mobility": pgettext("category", "mobility"),
        "breathing": pgettext("category", "breathing"),
        "cardio": pgettext("category", "cardio"),
    }
    return words.get(category, _spoken(category))


def pattern_word(pattern: str) -> str:
    """A movement pattern in words ("trunk flexion", German "Rumpfbeugung")."""
    words = {
        "trunk-flexion": pgettext("pattern", "trunk flexion"),
        "trunk-extension": pgettext("pattern", "trunk extension"),
        "anti-extension": pgettext("pattern", "anti-extension"),
        "anti-flexion": pgettext("pattern", "anti-flexion"),
        "anti-rotation": pgettext("pattern", "anti-rotation"),
        "anti-lateral-flexion": pgettext("pattern", "anti-lateral flexion"),
        "lateral-flexion": pgettext("pattern", "lateral flexion"),
        "trunk-rotation": pgettext("pattern", "trunk rotation"),
        "thoracic-rotation": pgettext("pattern", "thoracic rotation"),
        "thoracic-extension": pgettext("pattern", "thoracic extension"),
        "hip-extension": pgettext("pattern", "hip extension"),
        "hip-flexion": pgettext("pattern", "hip flexion"),
        "hip-abduction": pgettext("pattern", "hip abduction"),
        "hip-rotation": pgettext("pattern", "hip rotation"),
        "squat": pgettext("pattern", "squat"),
        "hinge": pgettext("pattern", "hinge"),
        "lunge": pgettext("pattern", "lunge"),
        "push": pgettext("pattern", "push"),
        "pull": pgettext("pattern", "pull"),
        "carry": pgettext("pattern", "carry"),
        "scapular-retraction": pgettext("pattern", "scapular retraction"),
        "neck": pgettext("pattern", "neck"),
        "stretch": pgettext("pattern", "stretch"),
        "elastic": pgettext("pattern", "elastic"),
        "locomotion": pgettext("pattern", "locomotion"),
        "breathing": pgettext("pattern", "breathing"),
    }
    return words.get(pattern, _spoken(pattern))


def muscle_word(muscle: str) -> str:
    """A muscle (or region) in words ("hip flexors", German "Hüftbeuger")."""
    words = {
        "transverse-abdominis": pgettext("muscle", "transverse abdominis"),
        "rectus-abdominis": pgettext("muscle", "rectus abdominis"),
        "obliques": pgettext("muscle", "obliques"),
        "diaphragm": pgettext("muscle", "diaphragm"),
        "pelvic-floor": pgettext("muscle", "pelvic floor"),
        "erector-spinae": pgettext("muscle", "erector spinae"),
        "multifidus": pgettext("muscle", "multifidus"),
        "quadratus-lumborum": pgettext("muscle", "quadratus lumborum"),
        "glute-max": pgettext("muscle", "glute max"),
        "glute-med": pgettext("muscle", "glute med"),
        "hip-flexors": pgettext("muscle", "hip flexors"),
        "adductors": pgettext("muscle", "adductors"),
        "hip-rotators": pgettext("muscle", "hip rotators"),
        "hamstrings": pgettext("muscle", "hamstrings"),
        "quadriceps": pgettext("muscle", "quadriceps"),
        "calves": pgettext("muscle", "calves"),
        "tibialis-anterior": pgettext("muscle", "tibialis anterior"),
        "pectorals": pgettext("muscle", "pectorals"),
        "serratus-anterior": pgettext("muscle", "serratus anterior"),
        "latissimus-dorsi": pgettext("muscle", "latissimus dorsi"),
        "rhomboids": pgettext("muscle", "rhomboids"),
        "upper-trapezius": pgettext("muscle", "upper trapezius"),
        "middle-trapezius": pgettext("muscle", "middle trapezius"),
        "lower-trapezius": pgettext("muscle", "lower trapezius"),
        "rotator-cuff": pgettext("muscle", "rotator cuff"),
        "deltoids": pgettext("muscle", "deltoids"),
        "biceps": pgettext("muscle", "biceps"),
        "triceps": pgettext("muscle", "triceps"),
        "forearms": pgettext("muscle", "forearms"),
        "neck-flexors": pgettext("muscle", "neck flexors"),
        "neck-extensors": pgettext("muscle", "neck extensors"),
        "thoracic-spine": pgettext("muscle", "thoracic spine"),
        "heart": pgettext("muscle", "heart"),
    }
    return words.get(muscle.replace(" ", "-"), _spoken(muscle))


def line_word(line: str) -> str:
    """A myofascial line in words ("deep front line", German "tiefe Frontallinie")."""
    words = {
        "superficial-front": pgettext("line", "superficial front line"),
        "superficial-back": pgettext("line", "superficial back line"),
        "lateral": pgettext("line", "lateral line"),
        "spiral": pgettext("line", "spiral line"),
        "deep-front": pgettext("line", "deep front line"),
        "arm": pgettext("line", "arm lines"),
        "functional": pgettext("line", "functional lines"),
    }
    return words.get(line, _spoken(line))


def weekday_short(weekday: int) -> str:
    """A weekday's short name, Monday being 0 (``date.weekday()``): "Mon", German "Mo"."""
    words = (
        pgettext("weekday", "Mon"),
        pgettext("weekday", "Tue"),
        pgettext("weekday", "Wed"),
        pgettext("weekday", "Thu"),
        pgettext("weekday", "Fri"),
        pgettext("weekday", "Sat"),
        pgettext("weekday", "Sun"),
    )
    return words[weekday]


def day_and_month(day: int, month: int) -> str:
    """A day of a month, short: "3 Mar", German "3. März"."""
    months = (
        pgettext("month", "Jan"),
        pgettext("month", "Feb"),
        pgettext("month", "Mar"),
        pgettext("month", "Apr"),
        pgettext("month", "May"),
        pgettext("month", "Jun"),
        pgettext("month", "Jul"),
        pgettext("month", "Aug"),
        pgettext("month", "Sep"),
        pgettext("month", "Oct"),
        pgettext("month", "Nov"),
        pgettext("month", "Dec"),
    )
    # TRANSLATORS: a day and a short month name, as "3 Mar"
    return pgettext("date", "{day} {month}").format(day=day, month=months[month - 1])
