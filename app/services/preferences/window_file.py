"""The window's settings file, found and read without Qt (the CLI must not load PySide6).

The window keeps its settings with `QSettings(IniFormat, UserScope, "AftersalesSentinel",
"window")`. This module names the same file (Qt's own rule: `%APPDATA%` on Windows,
`$XDG_CONFIG_HOME` or `~/.config` elsewhere, macOS included) and reads the plain text
values Qt writes there, so `python -m app due` finds the data folder chosen in the
window. The window opens the file by this path too, so both always agree.

Only what QSettings writes for a string is understood: `[section]` lines (`%General` is
the top level), `key=value`, values quoted when they need it, C-style escapes, `@@` for a
leading `@`. A value Qt stores as a list or a typed `@Variant(...)` reads as absent.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app import APP_NAME

FILE_STEM = "window"
_BLANK = " \t\r"  # what Qt trims around a key or value (str.strip() would eat \x85 too)
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def settings_file() -> Path:
    """Where the window's settings live (the path QSettings gives for IniFormat, UserScope)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        xdg = os.environ.get("XDG_CONFIG_HOME", "")
        if not xdg:
            base = Path.home() / ".config"
        elif xdg.startswith("/"):
            base = Path(xdg)
        else:
            base = Path.home() / xdg
    return base / APP_NAME / f"{FILE_STEM}.ini"


def read_values(path: Path) -> dict[str, str]:
    """Every plain string value of a QSettings INI file, by its full key ("data/dir")."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    values: dict[str, str] = {}
    section = ""
    for raw in text.replace("\r\n", "\n").split("\n"):  # not splitlines(): \x85, \u2028 are text to Qt
        line = raw.strip(_BLANK)
        if not line or line.startswith(";"):
            continue
        if line.startswith("[") and line.endswith("]"):
            name = line[1:-1]
            section = "" if name == "%General" else name
            continue
        key, sep, value = raw.partition("=")
        if not sep:
            continue
        key = key.strip(_BLANK)
        full = f"{section}/{key}" if section else key
        parsed = unescape(value.strip(_BLANK))
        if parsed is not None:
            values[full] = parsed
    return values


def unescape(value: str) -> str | None:
    """One value as QSettings wrote it; None for a list or a typed (@...) value."""
    out: list[str] = []
    quoted = False
    i = 0
    while i < len(value):
        c = value[i]
        if c == '"':
            quoted = not quoted
        elif c == "\\" and i + 1 < len(value):
            i += 1
            e = value[i]
            if e in _ESCAPES:
                out.append(_ESCAPES[e])
            elif e == "x":
                j = i + 1
                while j < len(value) and value[j] in "0123456789abcdefABCDEF":
                    j += 1
                out.append(chr(int(value[i + 1 : j] or "0", 16)))
                i = j - 1
            elif e in "01234567":
                j = i
                while j < len(value) and j < i + 3 and value[j] in "01234567":
                    j += 1
                out.append(chr(int(value[i:j], 8)))
                i = j - 1
            else:
                out.append(e)
        elif c == "," and not quoted:
            return None  # a string list
        else:
            out.append(c)
        i += 1
    text = "".join(out)
    if text.startswith("@@"):
        return text[1:]
    if text.startswith("@"):
        return None
    return text


def configured_data_dir(path: Path | None = None) -> Path | None:
    """The data folder chosen in the window (welcome or Settings), if any."""
    text = read_values(path or settings_file()).get("data/dir", "")
    return Path(text) if text.strip() else None  # as preferences.schema parses a PATH setting
