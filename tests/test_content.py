"""Tests of the shipped content: the built-in catalog and the routine library.

They read the TOML with tomllib and compute timelines by the rules of the routine
format page on their own, so they check the content whether or not the loader agrees;
the loader has its own tests.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from matwork.core import vocab

ROOT = Path(__file__).resolve().parents[1]
CATALOG_PATH = ROOT / "src" / "matwork" / "data" / "catalog.toml"
ROUTINES_DIR = ROOT / "routines"
SCHEMA_LINE = "#:schema ../schema/routine.schema.json"

BUILTIN_BREATHING = ("calm", "box", "4-7-8", "coherent", "pilates")
OPEN_SET_SECONDS_PER_REP = 3.0
# The loader's built-in defaults; shipped routines set their own (see a test below).
FALLBACK_DEFAULTS: dict[str, Any] = {
    "prepare": 10,
    "work": 30,
    "rest": 15,
    "switch": 5,
    "round_rest": 30,
    "block_rest": 30,
}

ENTRY_KEYS = frozenset(
    {
        "name",
        "category",
        "pattern",
        "muscles",
        "secondary",
        "lines",
        "sided",
        "instructions",
        "cautions",
        "breath",
        "aliases",
        "trains",
    }
)
DOSAGE_KEYS = frozenset({"work", "reps", "tempo"})
OPTIONAL_KEYS = frozenset({"phases", "easier", "harder"})

TOP_KEYS = frozenset(
    {
        "format",
        "name",
        "description",
        "tags",
        "level",
        "author",
        "defaults",
        "breathing",
        "catalog",
        "sounds",
        "block",
        "translations",
    }
)
TRANSLATION_KEYS = frozenset({"name", "description", "text"})
DEFAULTS_KEYS = frozenset(
    {"prepare", "work", "rest", "switch", "round_rest", "block_rest", "countdown", "breath"}
)
BLOCK_KEYS = frozenset({"name", "rounds", "round_rest", "rest_after", "note", "exercise"})
USE_KEYS = frozenset(
    {
        "id",
        "name",
        "work",
        "reps",
        "tempo",
        "sets",
        "sides",
        "rest",
        "prepare",
        "switch",
        "breath",
        "cues",
        "load",
        "halfway",
        "note",
    }
)
BREATH_KEYS = frozenset({"inhale", "hold", "exhale", "hold_out"})

REQUIRED_IDS = (
    # Pilates
    "glute-bridge",
    "roll-up",
    "single-leg-raise",
    "dead-bug",
    "the-hundred",
    "swimming",
    "pelvic-tilt",
    "toe-taps",
    "single-leg-stretch",
    "swan",
    "spine-stretch-forward",
    "clam",
    # Strength
    "bird-dog",
    "back-extension",
    "bodyweight-squat",
    "goblet-squat",
    "deadlift",
    "romanian-deadlift",
    "band-row",
    "band-pull-apart",
    "push-up",
    "front-plank",
    "side-plank",
    "pallof-press",
    "split-squat",
    "farmer-carry",
    # Mobility
    "cat-cow",
    "open-book",
    "thread-the-needle",
    "hip-circles",
    "childs-pose",
    "worlds-greatest-stretch",
    "hip-90-90",
    "wall-angel",
    "chin-tuck",
    # Fascia
    "hip-flexor-stretch",
    "couch-stretch",
    "side-line-stretch",
    "hamstring-stretch",
    "doorway-chest-opener",
    "spiral-twist",
    "heel-bounces",
    "calf-stretch",
    "figure-4-stretch",
    # Desk
    "seated-twist",
    "seated-cat-cow",
    "standing-back-extension",
    "neck-side-stretch",
    "shoulder-rolls",
    "chair-squat",
    # Breathing and cardio
    "diaphragmatic-breathing",
    "lateral-breathing",
    "marching",
    "low-impact-jacks",
    "step-ups",
)

SIDED_IDS = (
    "single-leg-raise",
    "side-plank",
    "clam",
    "split-squat",
    "hip-flexor-stretch",
    "couch-stretch",
    "side-line-stretch",
    "hamstring-stretch",
    "thread-the-needle",
    "open-book",
    "figure-4-stretch",
    "neck-side-stretch",
    "seated-twist",
    "spiral-twist",
    "calf-stretch",
    "worlds-greatest-stretch",
    "pallof-press",
)
UNSIDED_IDS = (
    "glute-bridge",
    "roll-up",
    "the-hundred",
    "front-plank",
    "cat-cow",
    "deadlift",
    "goblet-squat",
    "diaphragmatic-breathing",
    "marching",
)

FLEXION_SIDE_IDS = (
    "roll-up",
    "the-hundred",
    "dead-bug",
    "toe-taps",
    "single-leg-stretch",
    "front-plank",
    "pelvic-tilt",
)
EXTENSION_SIDE_IDS = (
    "swimming",
    "swan",
    "back-extension",
    "bird-dog",
    "standing-back-extension",
)
EXPECTED_PATTERNS = {
    "side-plank": "anti-lateral-flexion",
    "pallof-press": "anti-rotation",
    "glute-bridge": "hip-extension",
    "hip-flexor-stretch": "stretch",
    "couch-stretch": "stretch",
    "deadlift": "hinge",
    "romanian-deadlift": "hinge",
    "bodyweight-squat": "squat",
    "goblet-squat": "squat",
    "band-row": "pull",
    "push-up": "push",
    "open-book": "thoracic-rotation",
    "heel-bounces": "elastic",
    "diaphragmatic-breathing": "breathing",
}
OPEN_SET_IDS = ("deadlift", "goblet-squat")

REQUIRED_ROUTINES = (
    "back-basics",
    "pilates-deep-core",
    "fascia-flow",
    "strength-foundation",
    "balanced-core",
    "recondition-week-1",
    "recondition-week-2",
    "recondition-week-3",
    "desk-break-posture",
    "desk-break-hips",
    "desk-break-neck-shoulders",
    "hip-flexor-reset",
    "aerobic-intervals",
    "breathing-box",
    "breathing-4-7-8",
    "breathing-coherent",
)

LENGTH_RE = re.compile(r"\bAbout (\d+) minutes\b")
SAFETY_TEXT = (
    "Check with a doctor or physio first if you have back pain; "
    "stop on sharp, shooting or radiating pain."
)
LENGTH_TOLERANCE = 0.10
BALANCE_TOLERANCE = 0.10


# --- reading ------------------------------------------------------------------------


def load_catalog() -> dict[str, dict[str, Any]]:
    with CATALOG_PATH.open("rb") as handle:
        return tomllib.load(handle)


CATALOG = load_catalog()
ROUTINE_PATHS = sorted(ROUTINES_DIR.glob("*.toml"))


def load_routine(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def routine_named(stem: str) -> dict[str, Any]:
    return load_routine(ROUTINES_DIR / f"{stem}.toml")


def routine_catalog(routine: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {**CATALOG, **routine.get("catalog", {})}


def uses(routine: dict[str, Any]) -> list[dict[str, Any]]:
    return [use for block in routine["block"] for use in block["exercise"]]


def tempo_seconds(tempo: str | list[float]) -> float:
    parts = tempo.split("-") if isinstance(tempo, str) else tempo
    numbers = [float(part) for part in parts]
    assert 2 <= len(numbers) <= 4, f"tempo {tempo!r} needs 2 to 4 numbers"
    assert all(number >= 0 for number in numbers), f"tempo {tempo!r} has a negative phase"
    assert sum(numbers) > 0, f"tempo {tempo!r} adds up to 0"
    return sum(numbers)


# --- the timeline, by the rules of the format page ------------------------------------


@dataclass(frozen=True)
class Dosage:
    """One exercise use's dosage with the catalog applied."""

    work: float | None
    reps: int | None
    tempo: str | list[float] | None

    @property
    def seconds(self) -> float:
        """Seconds of work per side per set (open sets estimated)."""
        if self.work is not None:
            return float(self.work)
        assert self.reps is not None
        if self.tempo is not None:
            return self.reps * tempo_seconds(self.tempo)
        return self.reps * OPEN_SET_SECONDS_PER_REP


def dosage(use: dict[str, Any], entry: dict[str, Any], defaults: dict[str, Any]) -> Dosage:
    if "work" in use:
        return Dosage(use["work"], None, None)
    if "reps" in use:
        return Dosage(None, use["reps"], use.get("tempo"))
    if "work" in entry:
        return Dosage(entry["work"], None, None)
    if "reps" in entry:
        return Dosage(None, entry["reps"], entry.get("tempo"))
    return Dosage(defaults["work"], None, None)


def routine_defaults(routine: dict[str, Any]) -> dict[str, Any]:
    return {**FALLBACK_DEFAULTS, **routine.get("defaults", {})}


def timeline(routine: dict[str, Any]) -> list[tuple[str, float, str]]:
    """The segments (kind, seconds, exercise id) of a routine; 0-second ones left out."""
    defaults = routine_defaults(routine)
    catalog = routine_catalog(routine)
    units: list[tuple[int, int, int, int]] = []  # block, round, exercise, set
    for b, block in enumerate(routine["block"]):
        for r in range(block.get("rounds", 1)):
            for e, use in enumerate(block["exercise"]):
                for s in range(use.get("sets", 1)):
                    units.append((b, r, e, s))

    def use_of(unit: tuple[int, int, int, int]) -> dict[str, Any]:
        return routine["block"][unit[0]]["exercise"][unit[2]]

    segments: list[tuple[str, float, str]] = []
    for k, unit in enumerate(units):
        use = use_of(unit)
        if k == 0:
            segments.append(("prepare", use.get("prepare", defaults["prepare"]), use["id"]))
        seconds = dosage(use, catalog[use["id"]], defaults).seconds
        if use.get("sides") == "both":
            segments.append(("work", seconds, use["id"]))
            segments.append(("switch", use.get("switch", defaults["switch"]), use["id"]))
            segments.append(("work", seconds, use["id"]))
        else:
            segments.append(("work", seconds, use["id"]))
        if k + 1 == len(units):
            break
        following = units[k + 1]
        block = routine["block"][unit[0]]
        if following[0] == unit[0] and following[1] == unit[1]:
            gap = use.get("rest", defaults["rest"])
        elif following[0] == unit[0]:
            gap = block.get("round_rest", defaults["round_rest"])
        else:
            gap = block.get("rest_after", defaults["block_rest"])
        next_use = use_of(following)
        if following[3] == 0 and next_use.get("prepare", 0) > gap:
            gap = next_use["prepare"]
        segments.append(("rest", gap, next_use["id"]))
    return [segment for segment in segments if segment[1] > 0]


def total_seconds(routine: dict[str, Any]) -> float:
    return sum(seconds for _kind, seconds, _id in timeline(routine))


def pattern_seconds(routine: dict[str, Any], patterns: frozenset[str]) -> float:
    """Work seconds spent on exercises whose catalog pattern is in ``patterns``."""
    defaults = routine_defaults(routine)
    catalog = routine_catalog(routine)
    total = 0.0
    for block in routine["block"]:
        for use in block["exercise"]:
            entry = catalog[use["id"]]
            if entry["pattern"] not in patterns:
                continue
            sides = 2 if use.get("sides") == "both" else 1
            seconds = dosage(use, entry, defaults).seconds
            total += seconds * sides * use.get("sets", 1) * block.get("rounds", 1)
    return total


# --- the calculator itself ------------------------------------------------------------


def test_timeline_matches_the_worked_example_of_the_format_page() -> None:
    routine = {
        "defaults": {"prepare": 10, "rest": 10, "switch": 5, "round_rest": 40},
        "catalog": {
            "a": {"name": "A", "category": "mobility", "pattern": "stretch"},
            "b": {"name": "B", "category": "mobility", "pattern": "stretch"},
        },
        "block": [
            {
                "rounds": 2,
                "exercise": [{"id": "a", "work": 30}, {"id": "b", "work": 20, "sides": "both"}],
            }
        ],
    }
    assert total_seconds(routine) == 220


def test_timeline_counts_tempo_open_sets_block_rest_and_prepare() -> None:
    routine = {
        "defaults": {"prepare": 5, "rest": 10, "block_rest": 60},
        "catalog": {"a": {"name": "A", "category": "strength", "pattern": "hinge"}},
        "block": [
            {"exercise": [{"id": "a", "reps": 4, "tempo": "3-1-3-0", "sets": 2}]},
            {"exercise": [{"id": "a", "reps": 8, "prepare": 90}]},
        ],
    }
    # prepare 5, 28, rest 10, 28, block rest 60 lengthened to 90, open set 8 x 3 s.
    assert total_seconds(routine) == 5 + 28 + 10 + 28 + 90 + 24


# --- the catalog ----------------------------------------------------------------------


def test_catalog_has_every_required_exercise() -> None:
    missing = [exercise_id for exercise_id in REQUIRED_IDS if exercise_id not in CATALOG]
    assert missing == []


@pytest.mark.parametrize("exercise_id", sorted(CATALOG))
def test_catalog_entry_is_complete_and_valid(exercise_id: str) -> None:
    entry = CATALOG[exercise_id]
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", exercise_id), "ids are kebab-case"
    keys = set(entry)
    assert keys >= ENTRY_KEYS, f"missing {sorted(ENTRY_KEYS - keys)}"
    known = ENTRY_KEYS | DOSAGE_KEYS | OPTIONAL_KEYS
    assert keys <= known, f"unknown {sorted(keys - known)}"

    assert isinstance(entry["name"], str)
    assert entry["name"].strip()
    assert entry["category"] in vocab.CATEGORIES
    assert entry["pattern"] in vocab.PATTERNS
    assert entry["muscles"], "name at least one muscle"
    for field in ("muscles", "secondary"):
        unknown = [m for m in entry[field] if m not in vocab.MUSCLES]
        assert unknown == [], f"{field}: not in vocab.MUSCLES"
        assert len(set(entry[field])) == len(entry[field]), f"{field}: duplicates"
    assert not set(entry["muscles"]) & set(entry["secondary"]), "a muscle is listed twice"
    assert [line for line in entry["lines"] if line not in vocab.LINES] == []
    if entry["category"] not in ("breathing", "cardio"):
        assert entry["lines"], "only breathing and cardio may name no myofascial line"
    assert isinstance(entry["sided"], bool)


@pytest.mark.parametrize("exercise_id", sorted(CATALOG))
def test_catalog_entry_teaches_and_warns(exercise_id: str) -> None:
    entry = CATALOG[exercise_id]
    assert 3 <= len(entry["instructions"]) <= 6
    assert len(entry["cautions"]) >= 1
    for text in entry["instructions"] + entry["cautions"]:
        assert isinstance(text, str)
        assert text.strip() == text
        assert text
        assert len(text) <= 130, f"keep steps short: {text!r}"
        assert text[0].isupper(), f"a step starts with a capital: {text!r}"
        assert text.endswith("."), f"a step is a sentence: {text!r}"


@pytest.mark.parametrize("exercise_id", sorted(CATALOG))
def test_catalog_entry_has_one_dosage_and_a_fitting_breath(exercise_id: str) -> None:
    entry = CATALOG[exercise_id]
    assert ("work" in entry) != ("reps" in entry), "exactly one of work or reps"
    if "work" in entry:
        assert isinstance(entry["work"], int | float)
        assert 0 < entry["work"] <= 3600
    if "reps" in entry:
        assert isinstance(entry["reps"], int)
        assert 1 <= entry["reps"] <= 1000
    if "tempo" in entry:
        assert "reps" in entry, "tempo only with reps"
        tempo_seconds(entry["tempo"])
    breath = entry["breath"]
    assert breath in (*BUILTIN_BREATHING, "tempo", "none")
    if breath == "tempo":
        assert "tempo" in entry, 'breath = "tempo" only with a tempo'


def test_sided_exercises_are_marked_sided() -> None:
    assert [i for i in SIDED_IDS if not CATALOG[i]["sided"]] == []
    assert [i for i in UNSIDED_IDS if CATALOG[i]["sided"]] == []


def test_trunk_patterns_are_classified_for_the_balance_check() -> None:
    wrong_flexion = [
        i for i in FLEXION_SIDE_IDS if CATALOG[i]["pattern"] not in vocab.TRUNK_FLEXION_SIDE
    ]
    wrong_extension = [
        i for i in EXTENSION_SIDE_IDS if CATALOG[i]["pattern"] not in vocab.TRUNK_EXTENSION_SIDE
    ]
    assert wrong_flexion == []
    assert wrong_extension == []
    assert {i: CATALOG[i]["pattern"] for i in EXPECTED_PATTERNS} == EXPECTED_PATTERNS


def test_hip_flexor_stretches_lengthen_the_front_lines() -> None:
    for exercise_id in ("hip-flexor-stretch", "couch-stretch"):
        entry = CATALOG[exercise_id]
        assert "hip-flexors" in entry["muscles"]
        assert {"deep-front", "superficial-front"} & set(entry["lines"])


def test_loaded_lifts_are_open_sets() -> None:
    for exercise_id in OPEN_SET_IDS:
        entry = CATALOG[exercise_id]
        assert "reps" in entry
        assert "tempo" not in entry


def test_push_up_offers_the_incline_version() -> None:
    assert any("incline" in step for step in CATALOG["push-up"]["instructions"])


def test_back_loading_exercises_say_when_to_stop() -> None:
    back_patterns = vocab.TRUNK_FLEXION_SIDE | vocab.TRUNK_EXTENSION_SIDE | {"hinge"}
    silent = [
        exercise_id
        for exercise_id, entry in CATALOG.items()
        if entry["pattern"] in back_patterns
        and not any("pain" in caution.lower() for caution in entry["cautions"])
    ]
    assert silent == []


def test_catalog_names_are_unique() -> None:
    names = [entry["name"].lower() for entry in CATALOG.values()]
    assert len(names) == len(set(names))


# --- the routines: shape --------------------------------------------------------------


def test_every_required_routine_is_shipped() -> None:
    shipped = {path.stem for path in ROUTINE_PATHS}
    assert [stem for stem in REQUIRED_ROUTINES if stem not in shipped] == []


@pytest.mark.parametrize("path", ROUTINE_PATHS, ids=lambda path: path.stem)
def test_routine_starts_with_the_schema_line(path: Path) -> None:
    assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE


@pytest.mark.parametrize("path", ROUTINE_PATHS, ids=lambda path: path.stem)
def test_routine_uses_only_known_keys(path: Path) -> None:
    routine = load_routine(path)
    assert set(routine) <= TOP_KEYS
    assert routine.get("format", 1) == 1
    assert isinstance(routine["name"], str)
    assert routine["name"].strip()
    assert routine.get("level") in vocab.LEVELS
    assert isinstance(routine.get("tags"), list)
    assert routine["tags"]
    assert set(routine.get("defaults", {})) <= DEFAULTS_KEYS
    for pattern in routine.get("breathing", {}).values():
        assert set(pattern) <= BREATH_KEYS
        assert {"inhale", "exhale"} <= set(pattern)
    assert set(routine.get("translations", {})) <= set(vocab.TRANSLATION_LANGUAGES)
    for translation in routine.get("translations", {}).values():
        assert set(translation) <= TRANSLATION_KEYS
    assert routine["block"], "at least one block"
    for block in routine["block"]:
        assert set(block) <= BLOCK_KEYS
        assert block["exercise"], "at least one exercise in a block"
        assert 1 <= block.get("rounds", 1) <= 100
        for use in block["exercise"]:
            assert set(use) <= USE_KEYS, f"{use.get('id')}: unknown {set(use) - USE_KEYS}"


@pytest.mark.parametrize("path", ROUTINE_PATHS, ids=lambda path: path.stem)
def test_routine_sets_its_own_timing_defaults(path: Path) -> None:
    """Shipped routines do not lean on built-in defaults, so their stated length holds."""
    defaults = load_routine(path).get("defaults", {})
    assert set(FALLBACK_DEFAULTS) <= set(defaults)


@pytest.mark.parametrize("path", ROUTINE_PATHS, ids=lambda path: path.stem)
def test_routine_exercises_exist_and_are_dosed_consistently(path: Path) -> None:
    routine = load_routine(path)
    catalog = routine_catalog(routine)
    patterns = set(BUILTIN_BREATHING) | set(routine.get("breathing", {}))
    default_breath = routine.get("defaults", {}).get("breath", "none")
    assert default_breath in patterns | {"none"}
    for use in uses(routine):
        exercise_id = use["id"]
        assert exercise_id in catalog, f"unknown exercise id {exercise_id!r}"
        entry = catalog[exercise_id]
        assert not ("work" in use and "reps" in use), f"{exercise_id}: work and reps"
        if "tempo" in use:
            assert "reps" in use, f"{exercise_id}: tempo without reps"
            tempo_seconds(use["tempo"])
        if "sides" in use:
            assert use["sides"] in ("both", "alternate")
            assert entry.get("sided", False), f"{exercise_id}: sides on an unsided exercise"
        dose = dosage(use, entry, routine_defaults(routine))
        breath = use.get("breath", entry.get("breath", default_breath))
        if isinstance(breath, dict):
            assert set(breath) <= BREATH_KEYS
            assert {"inhale", "exhale"} <= set(breath)
        elif breath == "tempo":
            assert dose.tempo is not None, f'{exercise_id}: breath = "tempo" without a tempo'
        else:
            assert breath in patterns | {"none"}, f"{exercise_id}: unknown breath {breath!r}"


@pytest.mark.parametrize("path", ROUTINE_PATHS, ids=lambda path: path.stem)
def test_routine_description_says_whom_length_and_safety(path: Path) -> None:
    description = load_routine(path).get("description", "")
    assert "for " in description.lower(), "say whom the routine is for"
    assert LENGTH_RE.search(description), 'state the length as "About N minutes."'
    assert SAFETY_TEXT in description


@pytest.mark.parametrize("path", ROUTINE_PATHS, ids=lambda path: path.stem)
def test_routine_lasts_what_its_description_says(path: Path) -> None:
    routine = load_routine(path)
    match = LENGTH_RE.search(routine["description"])
    assert match
    stated = int(match.group(1)) * 60
    total = total_seconds(routine)
    assert abs(total - stated) <= LENGTH_TOLERANCE * stated, (
        f"planned {total:.0f} s ({total / 60:.1f} min), description says {stated // 60} min"
    )


# --- the routines: what each promises -------------------------------------------------


def ids_of(stem: str) -> set[str]:
    return {use["id"] for use in uses(routine_named(stem))}


@pytest.mark.parametrize(
    ("stem", "required"),
    [
        ("back-basics", {"glute-bridge", "bird-dog", "hip-flexor-stretch", "cat-cow"}),
        (
            "pilates-deep-core",
            {"glute-bridge", "roll-up", "single-leg-raise", "dead-bug", "swimming"},
        ),
        ("strength-foundation", {"deadlift", "band-row", "push-up", "front-plank"}),
        ("aerobic-intervals", {"marching", "low-impact-jacks", "step-ups"}),
        ("hip-flexor-reset", {"hip-flexor-stretch"}),
    ],
)
def test_routine_contains_its_core_exercises(stem: str, required: set[str]) -> None:
    assert required <= ids_of(stem)


def test_balanced_core_balances_flexion_and_extension() -> None:
    routine = routine_named("balanced-core")
    flexion = pattern_seconds(routine, vocab.TRUNK_FLEXION_SIDE)
    extension = pattern_seconds(routine, vocab.TRUNK_EXTENSION_SIDE)
    assert flexion > 0
    assert extension > 0
    assert abs(flexion - extension) <= BALANCE_TOLERANCE * max(flexion, extension), (
        f"flexion {flexion:.0f} s against extension {extension:.0f} s"
    )


def test_balance_check_can_fail() -> None:
    """Doubling the flexion work of balanced-core must break the balance."""
    routine = routine_named("balanced-core")
    for block in routine["block"]:
        for use in block["exercise"]:
            if CATALOG[use["id"]]["pattern"] in vocab.TRUNK_FLEXION_SIDE:
                use["sets"] = use.get("sets", 1) * 2
    flexion = pattern_seconds(routine, vocab.TRUNK_FLEXION_SIDE)
    extension = pattern_seconds(routine, vocab.TRUNK_EXTENSION_SIDE)
    assert abs(flexion - extension) > BALANCE_TOLERANCE * max(flexion, extension)


@pytest.mark.parametrize("path", ROUTINE_PATHS, ids=lambda path: path.stem)
def test_routines_with_real_trunk_work_are_not_lopsided(path: Path) -> None:
    """No shipped routine trains one side of the trunk over twice as long as the other.

    Short extension-only resets (a standing back extension after sitting) are exempt:
    under two minutes of trunk work in all.
    """
    routine = load_routine(path)
    flexion = pattern_seconds(routine, vocab.TRUNK_FLEXION_SIDE)
    extension = pattern_seconds(routine, vocab.TRUNK_EXTENSION_SIDE)
    if flexion + extension < 120:
        return
    low, high = sorted((flexion, extension))
    assert high <= 2 * low, f"flexion {flexion:.0f} s against extension {extension:.0f} s"


def test_balanced_core_works_lateral_and_rotation_on_both_sides() -> None:
    routine = routine_named("balanced-core")
    lateral = {"anti-lateral-flexion", "lateral-flexion", "anti-rotation", "trunk-rotation"}
    sided_uses = [u for u in uses(routine) if CATALOG[u["id"]]["pattern"] in lateral]
    assert {CATALOG[u["id"]]["pattern"] for u in sided_uses} >= {
        "anti-lateral-flexion",
        "anti-rotation",
    }
    assert all(u.get("sides") == "both" for u in sided_uses)


@pytest.mark.parametrize("week", [1, 2, 3])
def test_recondition_weeks_mobilise_and_stretch_what_sitting_shortens(week: int) -> None:
    routine = routine_named(f"recondition-week-{week}")
    entries = [CATALOG[u["id"]] for u in uses(routine)]
    patterns = {entry["pattern"] for entry in entries}
    stretches = [entry for entry in entries if entry["pattern"] == "stretch"]
    assert "thoracic-rotation" in patterns, "thoracic mobility"
    assert any(
        entry["pattern"] == "hip-rotation" or "hip-flexors" in entry["muscles"]
        for entry in entries
        if entry["category"] == "mobility"
    ), "hip mobility"
    assert any("hip-flexors" in entry["muscles"] for entry in stretches), "hip-flexor stretch"
    assert any("pectorals" in entry["muscles"] for entry in stretches), "chest stretch"


def test_recondition_weeks_progress() -> None:
    """Stabilisation, then strengthening, then integration: each week asks for more."""
    totals = [total_seconds(routine_named(f"recondition-week-{n}")) for n in (1, 2, 3)]
    assert totals == sorted(totals)
    week_1 = {CATALOG[i]["pattern"] for i in ids_of("recondition-week-1")}
    week_3 = {CATALOG[i]["pattern"] for i in ids_of("recondition-week-3")}
    assert not week_1 & {"hinge", "carry", "lunge"}, "week 1 stays with stabilisation"
    assert {"hinge", "carry"} <= week_3, "week 3 integrates loaded patterns"


@pytest.mark.parametrize(
    "stem", ["desk-break-posture", "desk-break-hips", "desk-break-neck-shoulders"]
)
def test_desk_breaks_take_three_minutes_at_the_desk(stem: str) -> None:
    routine = routine_named(stem)
    assert abs(total_seconds(routine) - 180) <= 18
    floor_only = {"childs-pose", "cat-cow", "glute-bridge", "dead-bug", "bird-dog"}
    assert not ids_of(stem) & floor_only, "desk breaks need no floor"


def test_strength_foundation_deadlifts_with_load_in_three_rounds() -> None:
    routine = routine_named("strength-foundation")
    assert any(block.get("rounds", 1) == 3 for block in routine["block"])
    deadlifts = [u for u in uses(routine) if u["id"] == "deadlift"]
    assert deadlifts
    for use in deadlifts:
        assert use.get("load") == "20 kg"
        assert "reps" in use
        assert "tempo" not in use, "an open set"


def test_aerobic_intervals_alternate_intensity_without_impact() -> None:
    routine = routine_named("aerobic-intervals")
    assert {CATALOG[i]["category"] for i in ids_of("aerobic-intervals")} <= {
        "cardio",
        "fascia",
        "mobility",
    }
    interval_blocks = [b for b in routine["block"] if b.get("rounds", 1) > 1]
    assert interval_blocks
    for block in interval_blocks:
        ids = [use["id"] for use in block["exercise"]]
        assert "marching" in ids, "an easy march between the harder intervals"
        assert {"low-impact-jacks", "step-ups"} & set(ids)


@pytest.mark.parametrize(
    ("stem", "pattern"),
    [("breathing-box", "box"), ("breathing-4-7-8", "4-7-8"), ("breathing-coherent", "coherent")],
)
def test_breathing_routines_use_their_pattern(stem: str, pattern: str) -> None:
    routine = routine_named(stem)
    breaths = [use.get("breath") for use in uses(routine)]
    assert pattern in breaths
    assert 5 * 60 * 0.9 <= total_seconds(routine) <= 10 * 60 * 1.1
