"""click's own words (Usage:, Error: ..., Missing argument) in the run's language.

click marks its messages for gettext and looks them up with the standard library's
global ``gettext.gettext``: in gettext's current text domain, in the language the
environment names (``LANGUAGE`` first). matwork ships their translations in its
``matwork_click`` catalog (extracted from click by tools/i18n.py), so once the run's
language is chosen, ``speak_click_in`` makes that catalog gettext's domain and names the
language in ``LANGUAGE``. A language without a catalog (English) gives click's words.
"""

from __future__ import annotations

import gettext
import os

from matwork.i18n import LOCALE_DIR

CLICK_DOMAIN = "matwork_click"
"""The gettext domain of click's own messages, translated by matwork."""


def speak_click_in(language: str) -> None:
    """Let click's own messages come from matwork's catalog, in ``language``."""
    gettext.bindtextdomain(CLICK_DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(CLICK_DOMAIN)
    os.environ["LANGUAGE"] = language  # gettext's first choice; children share the language
