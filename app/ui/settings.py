"""Every window setting declared once: key, type, default. Read with `type=` (INI gives strings)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings

from app import APP_NAME


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any


LANGUAGE = Setting("ui/language", str, "system")  # "system", "zh_CN" or "en"
WINDOW_GEOMETRY = Setting("window/geometry", bytes, b"")
WINDOW_STATE = Setting("window/state", bytes, b"")
CLOSE_HINT_SHOWN = Setting("tray/close_hint_shown", bool, False)  # "still running in the tray" was said
LANGUAGES = ("system", "zh_CN", "en")


def open_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, "window")


def read(settings: QSettings, setting: Setting) -> Any:
    if setting.type is bytes:
        value = settings.value(setting.key)
        return bytes(value.data()) if hasattr(value, "data") else (value or setting.default)
    return settings.value(setting.key, setting.default, type=setting.type)


def write(settings: QSettings, setting: Setting, value: Any) -> None:
    settings.setValue(setting.key, value)
