"""German where a German user met English: the format's vocabulary, the week's dose
meter, the self-assessment routine, programmes on Today, and click's own words."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from matwork.core import vocab
from matwork.core.vocab_words import (
    category_word,
    day_and_month,
    line_word,
    muscle_word,
    pattern_word,
    weekday_short,
)
from matwork.i18n import use_language

from helpers.language import shown_in


@pytest.fixture
def german() -> Iterator[None]:
    with shown_in("de"):
        yield


WORDS: list[tuple[Callable[[str], str], tuple[str, ...]]] = [
    (category_word, vocab.CATEGORIES),
    (pattern_word, vocab.PATTERNS),
    (muscle_word, vocab.MUSCLES),
    (line_word, vocab.LINES),
]


@pytest.mark.parametrize(("word", "keys"), WORDS, ids=lambda v: getattr(v, "__name__", ""))
def test_every_vocabulary_key_has_english_words_of_its_own(
    word: Callable[[str], str], keys: tuple[str, ...]
) -> None:
    """English shows words, not file keys: "hip flexors" for hip-flexors (only the
    anti- patterns keep their hyphen, as English writes them)."""
    keys_shown = [key for key in keys if word(key) == key and "-" in key]
    assert all(key.startswith("anti-") for key in keys_shown)


@pytest.mark.parametrize(("word", "keys"), WORDS, ids=lambda v: getattr(v, "__name__", ""))
def test_every_vocabulary_key_has_a_german_word(
    word: Callable[[str], str], keys: tuple[str, ...], german: None
) -> None:
    """A key added to core/vocab.py without its word in vocab_words fails here."""
    english_only = {"pilates", "multifidus", "biceps", "triceps", "quadriceps", "anti-rotation"}
    use_language("en")
    english = {key: word(key) for key in keys}
    use_language("de")
    untranslated = [key for key in keys if word(key) == english[key] and key not in english_only]
    assert untranslated == []


def test_weekdays_and_months_follow_the_language(german: None) -> None:
    assert [weekday_short(day) for day in range(7)] == ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
    assert day_and_month(3, 3) == "3. März"
    use_language("en")
    assert (weekday_short(0), day_and_month(3, 3)) == ("Mon", "3 Mar")


def test_an_unknown_key_shows_as_words() -> None:
    assert muscle_word("serratus-posterior") == "serratus posterior"


def test_the_dose_meter_speaks_german(german: None) -> None:
    from datetime import date

    from matwork.core.catalog import builtin_catalog
    from matwork.core.dose_meter import DoseSession, DoseSet, dose_meter, stretch_regions
    from matwork.core.dose_text import week_title
    from matwork.core.guidance import localized_guidance
    from matwork.core.kinds import SessionStatus, Side

    monday = date(2025, 3, 3)
    entry = builtin_catalog()["hip-flexor-stretch"]
    sets = [
        DoseSet("s1", "hip-flexor-stretch", entry.category, entry.pattern, side, 30)
        for side in (Side.LEFT, Side.RIGHT)
    ]
    guidance = localized_guidance("de")
    meter = dose_meter(
        [DoseSession("s1", monday, SessionStatus.COMPLETED, 600, kind="strength")],
        sets,
        [],
        first_day=monday,
        today=monday,
        guidance=guidance,
        regions=stretch_regions(builtin_catalog(), guidance),
    )
    lines = {line.id: line for line in meter.lines}
    assert lines["strength-days"].label == "Krafttage"
    assert lines["strength-days"].detail == "Mo"
    stretch = lines["stretch:hip-flexors"]
    assert (stretch.label, stretch.detail) == ("Dehnung: Hüftbeuger", "links 30 s · rechts 30 s")
    assert lines["balance:trunk"].source.startswith("matworks Wahl")
    assert week_title(meter) == "Woche vom Mo 3. März - So 9. März"


def test_the_assessment_routine_plays_in_german(german: None) -> None:
    from matwork.app.assessments import assessment_entry

    entry = assessment_entry()
    assert entry.name == "Selbsttest: der 15-Minuten-Check"
    assert entry.timeline is not None
    first = next(s for s in entry.timeline.segments if s.exercise is not None)
    assert first.exercise is not None
    assert first.exercise.name == "Haltetest der Rumpfbeuger bei 60°"
    assert first.exercise.entry.instructions[0].startswith("Setz dich")
    assert first.exercise.test is not None
    assert first.exercise.test.dosage() == "halten, höchstens 300 s"
    assert first.exercise.test.equipment[0].startswith("Eine Rückenstütze")
    assert first.block_name == "Haltetests (McGill-Batterie)"
