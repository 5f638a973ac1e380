"""Where things live: bundled resources and the user's data folder (stdlib + platformdirs)."""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_dir

from app import APP_NAME


def resource_dir() -> Path:
    """The `resources/` folder, in a source checkout, an installed wheel or a frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def default_data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False))
