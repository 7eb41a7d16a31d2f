"""How names people type are compared: case, spaces, hyphens and apostrophes do not count.

"Child's pose", "childs pose" and "CHILDS-POSE" are one name; so are "Brücke" and
"Bruecke", and "Vierfüßlerstand" and "Vierfuesslerstand" (German umlauts fold to their
two-letter spelling, ß to ss). Ids, aliases and muscle names are matched in their
``name_key`` form; search text is compared in its ``search_form`` (the same folding
with spaces between the words).
"""

from __future__ import annotations

import re
import unicodedata

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
_APOSTROPHES = re.compile("['\u2018\u2019`\u00b4]")
_SEPARATORS = re.compile(r"[\s\-_/]+")


def _folded(text: str, separator: str) -> str:
    folded = text.casefold()
    if not folded.isascii():
        folded = unicodedata.normalize("NFC", folded).translate(_UMLAUTS)
    without = _APOSTROPHES.sub("", folded)
    return _SEPARATORS.sub(separator, without).strip(separator)


def name_key(text: str) -> str:
    """The form a typed name is matched in: "Child's Pose" -> "childs-pose"."""
    return _folded(text, "-")


def search_form(text: str) -> str:
    """The form search text is compared in: "Cat-cow (seated)" -> "cat cow (seated)"."""
    return _folded(text, " ")


def query_words(query: str) -> list[str]:
    """The words of a search query, each in search form: "Lower-back" -> ["lower", "back"]."""
    return search_form(query).split()
