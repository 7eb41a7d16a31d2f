"""The fixed vocabularies of the routine format: categories, patterns, muscles, lines."""

from __future__ import annotations

CATEGORIES: tuple[str, ...] = ("pilates", "fascia", "strength", "mobility", "breathing", "cardio")
"""Exercise categories."""

PATTERNS: tuple[str, ...] = (
    "trunk-flexion",
    "trunk-extension",
    "anti-extension",
    "anti-flexion",
    "anti-rotation",
    "anti-lateral-flexion",
    "lateral-flexion",
    "trunk-rotation",
    "thoracic-rotation",
    "thoracic-extension",
    "hip-extension",
    "hip-flexion",
    "hip-abduction",
    "hip-rotation",
    "squat",
    "hinge",
    "lunge",
    "push",
    "pull",
    "carry",
    "scapular-retraction",
    "neck",
    "stretch",
    "elastic",
    "locomotion",
    "breathing",
)
"""Movement patterns. Opposing pairs are listed in OPPOSING_PATTERNS."""

TRUNK_FLEXION_SIDE: frozenset[str] = frozenset({"trunk-flexion", "anti-extension"})
"""Patterns that load the front of the trunk (abs): the flexion side of the balance."""

TRUNK_EXTENSION_SIDE: frozenset[str] = frozenset({"trunk-extension", "anti-flexion"})
"""Patterns that load the back of the trunk (back extensors): the extension side."""

OPPOSING_PATTERNS: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (TRUNK_FLEXION_SIDE, TRUNK_EXTENSION_SIDE),
    (frozenset({"hip-flexion"}), frozenset({"hip-extension", "hinge"})),
    (frozenset({"push"}), frozenset({"pull", "scapular-retraction"})),
)
"""Agonist/antagonist pairs a balance check weighs against each other."""

MUSCLES: tuple[str, ...] = (
    "transverse-abdominis",
    "rectus-abdominis",
    "obliques",
    "diaphragm",
    "pelvic-floor",
    "erector-spinae",
    "multifidus",
    "quadratus-lumborum",
    "glute-max",
    "glute-med",
    "hip-flexors",
    "adductors",
    "hip-rotators",
    "hamstrings",
    "quadriceps",
    "calves",
    "tibialis-anterior",
    "pectorals",
    "serratus-anterior",
    "latissimus-dorsi",
    "rhomboids",
    "upper-trapezius",
    "middle-trapezius",
    "lower-trapezius",
    "rotator-cuff",
    "deltoids",
    "biceps",
    "triceps",
    "forearms",
    "neck-flexors",
    "neck-extensors",
    "thoracic-spine",
    "heart",
)
"""Muscles (and a few structures) an exercise can name in ``muscles`` and ``secondary``."""

LINES: tuple[str, ...] = (
    "superficial-front",
    "superficial-back",
    "lateral",
    "spiral",
    "deep-front",
    "arm",
    "functional",
)
"""Myofascial lines an exercise can name in ``lines``."""

EMPHASES: tuple[str, ...] = (
    "extensor-endurance",
    "flexor-endurance",
    "lateral-endurance-left",
    "lateral-endurance-right",
    "hip-flexor-length-left",
    "hip-flexor-length-right",
    "posterior-chain-length",
    "lumbopelvic-control",
)
"""Emphasis ids: what an assessment finding asks a programme to train more (``trains``)."""

LEVELS: tuple[str, ...] = ("beginner", "intermediate", "advanced")
"""Routine levels."""

TEST_KINDS: tuple[str, ...] = ("hold", "measure")
"""Test sets: a hold to failure (counts up, ends on a key or at its ceiling), a measurement."""

TEST_ANSWERS: tuple[str, ...] = ("number", "yes-no", "score")
"""What a measurement asks for: a number with a unit, yes or no, a score from 0 to 5."""

TEST_UNITS: tuple[str, ...] = ("cm", "degrees")
"""The units a measured number may have."""

TEST_SIDES: tuple[str, ...] = ("left", "right")
"""The one side a set may be done or measured on (``side``)."""

SOUND_CUES: tuple[str, ...] = (
    "start",
    "prepare",
    "rest",
    "countdown",
    "halfway",
    "switch",
    "inhale",
    "exhale",
    "hold",
    "rep",
    "finish",
)
"""Cue names a routine's ``[sounds]`` table may override."""

SOURCE_LANGUAGE = "en"
"""The language every shipped file and every key is written in."""

TRANSLATION_LANGUAGES: tuple[str, ...] = ("de",)
"""Languages a file may carry translations for (``[translations.de]``)."""

LANGUAGES: tuple[str, ...] = (SOURCE_LANGUAGE, *TRANSLATION_LANGUAGES)
"""Every language matwork's content is written in: English first."""
