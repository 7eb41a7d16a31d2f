"""Where matwork keeps its config, data and cache, and where shipped files live.

Every function computes a path; nothing here creates a folder. Callers that write
create what they need at the moment they write.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "matwork"


def _override(variable: str) -> Path | None:
    value = os.environ.get(variable)
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    """The folder of config.toml and the user's routines (MATWORK_CONFIG_DIR overrides)."""
    return _override("MATWORK_CONFIG_DIR") or Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    """The folder of the session log (MATWORK_DATA_DIR overrides)."""
    return _override("MATWORK_DATA_DIR") or Path(platformdirs.user_data_dir(APP_NAME))


def cache_dir() -> Path:
    """The folder of disposable files such as synthesized speech (MATWORK_CACHE_DIR overrides)."""
    return _override("MATWORK_CACHE_DIR") or Path(platformdirs.user_cache_dir(APP_NAME))


def config_file() -> Path:
    """The user's config file."""
    return config_dir() / "config.toml"


def user_routines_dir() -> Path:
    """The folder where the user's own routines live."""
    return config_dir() / "routines"


def shipped_dir(name: str) -> Path:
    """A folder shipped with matwork: ``routines``, ``sounds`` or ``schema``.

    An installed wheel carries them inside the package (``matwork/_shipped``); an
    editable install of a source checkout finds them at the top of the checkout.
    """
    packaged = Path(str(resources.files("matwork"))) / "_shipped" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name
