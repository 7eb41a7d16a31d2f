"""A routine's own catalog entries: the checks the model cannot make, and their stored form.

Muscle group names ("glutes", "hip flexors") are accepted and stored as the fine
muscles they stand for; ``easier``/``harder`` may name an id or an alias and are stored
as the id. The checks run before the entries are rewritten, so problems point at what
the user wrote.
"""

from __future__ import annotations

from collections.abc import Iterator

import msgspec

from matwork.core import vocab
from matwork.core.aliases import canonical_id, id_hint
from matwork.core.catalog import merged_catalog
from matwork.core.errors import did_you_mean
from matwork.core.locate import KeyPath
from matwork.core.model import CatalogEntry, Routine
from matwork.core.muscle_groups import expand_muscles, fine_muscles, muscle_hint
from matwork.i18n import _

LINK_FIELDS: tuple[str, ...] = ("easier", "harder")
"""Fields of a catalog entry that name another entry."""


def own_entry_problems(routine: Routine) -> Iterator[tuple[KeyPath, str, str]]:
    """(key path, message, hint) for every unknown muscle, emphasis or linked id."""
    catalog = merged_catalog(routine.catalog)
    for key, entry in routine.catalog.items():
        base: KeyPath = ("catalog", key)
        for field in ("muscles", "secondary"):
            for index, muscle in enumerate(getattr(entry, field)):
                if fine_muscles(muscle) is None:
                    message = _("unknown muscle '{muscle}'").format(muscle=muscle)
                    yield (*base, field, index), message, muscle_hint(muscle)
        for index, emphasis in enumerate(entry.trains):
            if emphasis not in vocab.EMPHASES:
                hint = did_you_mean(emphasis, vocab.EMPHASES) or _("one of: {choices}").format(
                    choices=", ".join(vocab.EMPHASES)
                )
                message = _("unknown emphasis '{emphasis}'").format(emphasis=emphasis)
                yield (*base, "trains", index), message, hint
        for field in LINK_FIELDS:
            target = getattr(entry, field)
            if target is None:
                continue
            linked = canonical_id(target, catalog)
            if linked is None:
                hint = id_hint(target, catalog) or _("`matwork catalog` lists the ids")
                yield (*base, field), _("unknown exercise id '{id}'").format(id=target), hint
            elif linked == key:
                message = _("{key}: '{id}' is this exercise itself").format(key=field, id=target)
                yield (*base, field), message, ""


def _stored_muscles(names: list[str]) -> list[str]:
    """Fine names as written (a list of fine names is kept as it is); others expanded."""
    if all(name in vocab.MUSCLES for name in names):
        return names
    return expand_muscles(names)


def _stored(entry: CatalogEntry, routine: Routine) -> CatalogEntry:
    muscles = _stored_muscles(entry.muscles)
    secondary = _stored_muscles(entry.secondary)
    catalog = merged_catalog(routine.catalog)
    links = {
        field: canonical_id(getattr(entry, field), catalog) or getattr(entry, field)
        for field in LINK_FIELDS
        if getattr(entry, field) is not None
    }
    return msgspec.structs.replace(entry, muscles=muscles, secondary=secondary, **links)


def with_stored_entries(routine: Routine) -> Routine:
    """The routine with its own entries' muscles as fine names and links as ids."""
    if not routine.catalog:
        return routine
    entries = {key: _stored(entry, routine) for key, entry in routine.catalog.items()}
    if entries == routine.catalog:
        return routine
    return msgspec.structs.replace(routine, catalog=entries)
