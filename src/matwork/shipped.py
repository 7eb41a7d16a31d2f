"""Where the files shipped with matwork live: routines, sounds, schemas, programmes.

A leaf module with no matwork imports, so every layer may use it. Nothing here reads
the environment or creates anything.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def shipped_dir(name: str) -> Path:
    """A folder shipped with matwork: ``routines``, ``sounds``, ``schema`` or ``programmes``.

    An installed wheel carries them inside the package (``matwork/_shipped``); an
    editable install of a source checkout finds them at the top of the checkout.
    """
    packaged = Path(str(resources.files("matwork"))) / "_shipped" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name
