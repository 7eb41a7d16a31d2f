"""Fill a .po's empty translations from a Python file holding ``T = {msgid: msgstr}``.

    python tools/i18n_fill.py de matwork TRANSLATIONS.py

A plural msgid is a (singular, plural) tuple and its msgstr a tuple of forms; a message
with a context is found as ``(context, msgid)`` first. Only
empty translations are filled, so a translator's later edits in the .po are kept.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from i18n import LOCALE_DIR, read_catalog, write_catalog


def main(argv: list[str]) -> int:
    language, domain, source = argv
    table = runpy.run_path(source)["T"]
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"
    catalog = read_catalog(path, language)
    filled = 0
    for message in catalog:
        if not message.id:
            continue
        current = message.string if isinstance(message.string, tuple) else (message.string,)
        if all(current):
            continue
        found = table.get((message.context, message.id)) if message.context else None
        found = found if found is not None else table.get(message.id)
        if found is None:
            continue
        message.string = found
        filled += 1
    write_catalog(path, catalog)
    missing = [
        m.id
        for m in catalog
        if m.id and not all(m.string if isinstance(m.string, tuple) else (m.string,))
    ]
    print(f"filled {filled}, still empty {len(missing)}")
    for key in missing:
        print("  ", repr(key))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
