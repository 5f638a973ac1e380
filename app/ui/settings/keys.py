"""Every window setting declared once: key, type, default. Read with `type=` (INI gives strings)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QSettings

from app.services.preferences import window_file
from app.services.preferences.schema import BY_KEY


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any


# The language is a user setting (settings dialog, View menu): declared in settings_schema, used here too.
LANGUAGE = Setting(BY_KEY["ui/language"].key, str, BY_KEY["ui/language"].default)
WINDOW_GEOMETRY = Setting("window/geometry", bytes, b"")
WINDOW_STATE = Setting("window/state", bytes, b"")
CLOSE_HINT_SHOWN = Setting("tray/close_hint_shown", bool, False)  # "still running in the tray" was said
# The tray's snooze, kept across a restart: an aware ISO 8601 instant, "" when none. (Not under
# "general/": INI QSettings maps that group onto its [General] section and loses the key.)
SNOOZED_UNTIL = Setting("alerts/snoozed_until", str, "")
LANGUAGES = tuple(value for value, _ in BY_KEY["ui/language"].choices)  # "system", "zh_CN", "en"


def open_settings() -> QSettings:
    """The window's settings file: the one `preferences.window_file` names, so the CLI reads the same."""
    return QSettings(str(window_file.settings_file()), QSettings.Format.IniFormat)


def read(settings: QSettings, setting: Setting) -> Any:
    if setting.type is bytes:
        value = settings.value(setting.key)
        return bytes(value.data()) if hasattr(value, "data") else (value or setting.default)
    return settings.value(setting.key, setting.default, type=setting.type)


def write(settings: QSettings, setting: Setting, value: Any) -> None:
    settings.setValue(setting.key, value)


def read_instant(settings: QSettings, setting: Setting) -> datetime | None:
    """An aware instant stored as ISO 8601 text; None when unset or not an aware time."""
    text = str(read(settings, setting) or "").strip()
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        return None
    return at.astimezone(UTC) if at.tzinfo is not None else None


def write_instant(settings: QSettings, setting: Setting, at: datetime | None) -> None:
    if at is None:
        settings.remove(setting.key)
    else:
        write(settings, setting, at.astimezone(UTC).isoformat())
    settings.sync()
