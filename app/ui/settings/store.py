"""The user settings of `settings_schema` kept in QSettings: typed in, text on disk, typed out.

INI-backed QSettings gives strings back ('false' is truthy), so every value is read
with `type=str` and parsed by its declaration; a bad stored value falls back to the default.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from app.paths import default_data_dir
from app.services.preferences.schema import BY_KEY, SETTINGS, parse_all

log = logging.getLogger(__name__)


def load(settings: QSettings) -> dict[str, Any]:
    """Every declared setting, typed (stored value or default)."""
    raw = {s.key: settings.value(s.key, "", type=str) for s in SETTINGS if settings.contains(s.key)}
    values, problems = parse_all(raw)
    for problem in problems:
        log.warning("settings: %s", problem)
    return values


def value(settings: QSettings, key: str) -> Any:
    return load(settings)[key]


def save(settings: QSettings, values: Mapping[str, Any]) -> list[str]:
    """Store typed values (declared keys only); returns the keys whose stored value changed."""
    before = load(settings)
    changed = []
    for key, typed in values.items():
        setting = BY_KEY[key]
        settings.setValue(key, setting.format(typed))
        if before[key] != typed:
            changed.append(key)
    settings.sync()
    return changed


def data_dir(settings: QSettings, given: Path | None = None) -> Path:
    """The data folder: `--data-dir`, else the setting, else the per-user default."""
    return given or value(settings, "data/dir") or default_data_dir()
