"""Where things live: bundled resources and the user's data folder (stdlib + platformdirs).

Every file the app reads from its own installation is found from `bundle_root()`:
the source checkout (or site-packages) when run from Python, `sys._MEIPASS` inside
a PyInstaller bundle. Never build such a path from the current directory.
"""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_dir

from app import APP_NAME


def bundle_root() -> Path:
    """The folder holding `app/` and `resources/`: a source checkout or a frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_dir() -> Path:
    """The `resources/` folder (rule and import presets, translations, icons)."""
    return bundle_root() / "resources"


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def migrations_dir() -> Path:
    """The Alembic scripts (env.py, script.py.mako, versions/): read as files, so bundled as data."""
    return bundle_root() / "app" / "models" / "migrations"


def default_data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False))
