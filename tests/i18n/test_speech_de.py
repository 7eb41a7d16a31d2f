"""The words a voice says in German: numbers, durations, whole phrases for the ear."""

from __future__ import annotations

import pytest

from matwork.app.library import load_entry
from matwork.core.cue_schedule import all_cues
from matwork.core.speech import german_number_words, number_words, seconds_words
from matwork.i18n import use_language
from matwork.shipped import shipped_dir


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "null"),
        (1, "eins"),
        (7, "sieben"),
        (12, "zwölf"),
        (16, "sechzehn"),
        (17, "siebzehn"),
        (20, "zwanzig"),
        (21, "einundzwanzig"),
        (35, "fünfunddreißig"),
        (99, "neunundneunzig"),
        (100, "einhundert"),
        (101, "einhunderteins"),
        (145, "einhundertfünfundvierzig"),
        (300, "dreihundert"),
        (1000, "eintausend"),
        (3600, "dreitausendsechshundert"),
        (-3, "minus drei"),
    ],
)
def test_german_number_words(number: int, words: str) -> None:
    assert german_number_words(number) == words


def test_numbers_and_durations_follow_the_language() -> None:
    assert number_words(40) == "forty"
    assert seconds_words(40) == "forty seconds"
    use_language("de")
    assert number_words(40) == "vierzig"
    assert seconds_words(40) == "vierzig Sekunden"
    assert seconds_words(1) == "eine Sekunde"
    assert seconds_words(60) == "eine Minute"
    assert seconds_words(150) == "zwei Minuten dreißig Sekunden"


def _cue_texts(language: str) -> list[str]:
    use_language(language)
    entry = load_entry(shipped_dir("routines") / "back-basics.toml")
    assert entry.timeline is not None
    return [cue.text for cue in all_cues(entry.timeline)]


def test_a_german_session_says_german_phrases() -> None:
    english = _cue_texts("en")
    german = _cue_texts("de")
    assert len(german) == len(english), "the same cues, in other words"
    assert any(text.startswith("Get ready. First: ") for text in english)
    assert any(text.startswith("Mach dich bereit. Zuerst: ") for text in german)
    assert "Seite wechseln" in german
    assert "Switch sides" not in german
    assert any(text.startswith("Pause, ") and "Als Nächstes: " in text for text in german)
    assert "Noch 3" in german
    assert "3" in english
    assert "Einatmen" in german
    assert not [text for text in german if " reps" in text or " seconds" in text]
