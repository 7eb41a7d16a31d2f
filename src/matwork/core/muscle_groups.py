"""Muscle group names and common names, each standing for muscles of the fine vocabulary.

A custom catalog entry may write ``muscles = ["glutes", "lats", "abs", "hip flexors"]``;
the loader stores the fine names (``vocab.MUSCLES``) they stand for. Search uses the
same table to find exercises by the names people type ("core", "lower back").
Names are compared in ``names.name_key`` form, so case, spaces and hyphens do not count.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from matwork.core import vocab
from matwork.core.names import name_key

_ABS = ("rectus-abdominis", "transverse-abdominis", "obliques")
_CORE = (
    "transverse-abdominis",
    "rectus-abdominis",
    "obliques",
    "erector-spinae",
    "multifidus",
    "quadratus-lumborum",
)
_GLUTES = ("glute-max", "glute-med")
_LOWER_BACK = ("erector-spinae", "multifidus", "quadratus-lumborum")
_UPPER_BACK = ("rhomboids", "middle-trapezius", "lower-trapezius", "thoracic-spine")
_TRAPS = ("upper-trapezius", "middle-trapezius", "lower-trapezius")
_LEGS = ("quadriceps", "hamstrings", "calves", "adductors", "tibialis-anterior")

MUSCLE_GROUPS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        # the trunk
        "core": _CORE,
        "deep core": ("transverse-abdominis", "multifidus", "diaphragm", "pelvic-floor"),
        "abs": _ABS,
        "abdominals": _ABS,
        "belly": _ABS,
        "six pack": ("rectus-abdominis",),
        "transversus abdominis": ("transverse-abdominis",),
        "oblique": ("obliques",),
        "side abs": ("obliques",),
        "waist": ("obliques", "quadratus-lumborum"),
        "lower back": _LOWER_BACK,
        "low back": _LOWER_BACK,
        "lumbar": _LOWER_BACK,
        "back extensors": ("erector-spinae", "multifidus"),
        "erectors": ("erector-spinae",),
        "ql": ("quadratus-lumborum",),
        "upper back": _UPPER_BACK,
        "mid back": ("rhomboids", "middle-trapezius", "thoracic-spine"),
        "back": (*_LOWER_BACK, "latissimus-dorsi", "rhomboids", "middle-trapezius"),
        "t spine": ("thoracic-spine",),
        "thoracic": ("thoracic-spine",),
        "breathing muscles": ("diaphragm",),
        # hips and legs
        "glutes": _GLUTES,
        "glute": _GLUTES,
        "buttocks": _GLUTES,
        "bum": _GLUTES,
        "gluteus maximus": ("glute-max",),
        "gluteus medius": ("glute-med",),
        "hip abductors": ("glute-med",),
        "outer hip": ("glute-med",),
        "hip flexor": ("hip-flexors",),
        "psoas": ("hip-flexors",),
        "iliopsoas": ("hip-flexors",),
        "hips": ("hip-flexors", "hip-rotators", "glute-med", "adductors"),
        "piriformis": ("hip-rotators",),
        "inner thigh": ("adductors",),
        "groin": ("adductors",),
        "adductor": ("adductors",),
        "hamstring": ("hamstrings",),
        "hams": ("hamstrings",),
        "quads": ("quadriceps",),
        "quad": ("quadriceps",),
        "thighs": ("quadriceps", "hamstrings", "adductors"),
        "calf": ("calves",),
        "shins": ("tibialis-anterior",),
        "legs": _LEGS,
        # shoulders, chest and arms
        "lats": ("latissimus-dorsi",),
        "lat": ("latissimus-dorsi",),
        "traps": _TRAPS,
        "trapezius": _TRAPS,
        "pecs": ("pectorals",),
        "pec": ("pectorals",),
        "chest": ("pectorals",),
        "shoulders": ("deltoids", "rotator-cuff"),
        "shoulder": ("deltoids", "rotator-cuff"),
        "delts": ("deltoids",),
        "shoulder blades": (
            "rhomboids",
            "middle-trapezius",
            "lower-trapezius",
            "serratus-anterior",
        ),
        "serratus": ("serratus-anterior",),
        "rhomboid": ("rhomboids",),
        "arms": ("biceps", "triceps", "forearms"),
        "bicep": ("biceps",),
        "tricep": ("triceps",),
        "forearm": ("forearms",),
        "grip": ("forearms",),
        "neck": ("neck-flexors", "neck-extensors"),
        "cardio": ("heart",),
    }
)
"""Group and common names (lower case, as people write them) to the fine muscles they mean."""

_FINE_BY_KEY: Mapping[str, str] = MappingProxyType({name_key(m): m for m in vocab.MUSCLES})
_GROUP_BY_KEY: Mapping[str, str] = MappingProxyType({name_key(g): g for g in MUSCLE_GROUPS})


def muscle_names() -> tuple[str, ...]:
    """Every muscle name a catalog entry may write: the fine names, then the group names."""
    return (*vocab.MUSCLES, *MUSCLE_GROUPS)


def fine_muscles(name: str) -> tuple[str, ...] | None:
    """The fine muscles a written name stands for ("Glutes" -> glute-max, glute-med), or None."""
    key = name_key(name)
    fine = _FINE_BY_KEY.get(key)
    if fine is not None:
        return (fine,)
    group = _GROUP_BY_KEY.get(key)
    return MUSCLE_GROUPS[group] if group is not None else None


def expand_muscles(names: Iterable[str]) -> list[str]:
    """Written muscle names as fine names, in order, each once; unknown names are dropped."""
    expanded: list[str] = []
    for name in names:
        for fine in fine_muscles(name) or ():
            if fine not in expanded:
                expanded.append(fine)
    return expanded


def muscle_hint(name: str) -> str:
    """A "did you mean" naming the closest fine or group names, or a pointer to the list."""
    names = {**_FINE_BY_KEY, **_GROUP_BY_KEY}
    close = difflib.get_close_matches(name_key(name), list(names), n=3, cutoff=0.75)
    if not close:
        return "`matwork catalog` and docs/routines.md list the muscle names"
    return "did you mean " + " or ".join(f"'{names[key]}'" for key in close) + "?"


def groups_of(muscles: Iterable[str]) -> list[str]:
    """The group names that include any of the given fine muscles, in table order."""
    wanted = set(muscles)
    return [group for group, fine in MUSCLE_GROUPS.items() if wanted & set(fine)]
