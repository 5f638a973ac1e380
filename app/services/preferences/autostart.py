"""Start with the computer (off by default), minimised to the tray.

Windows: a value under HKCU\\...\\CurrentVersion\\Run. macOS: a LaunchAgent plist.
Linux: an XDG autostart .desktop file. Planning (what to write where) is pure and
tested on every system; only the Windows registry backend needs Windows.
"""

from __future__ import annotations

import plistlib
import shlex
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

APP_ID = "AftersalesSentinel"
LAUNCH_AGENT_LABEL = "com.aftersales-sentinel.app"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def launch_command(data_dir: Path | None = None) -> list[str]:
    """The command line that starts the app minimised (the interpreter when run from source)."""
    exe = Path(sys.executable)
    if getattr(sys, "frozen", False):
        cmd = [str(exe)]
    else:
        if sys.platform == "win32" and exe.with_name("pythonw.exe").exists():
            exe = exe.with_name("pythonw.exe")  # no console window at login
        cmd = [str(exe), "-m", "app"]
    cmd.append("--minimized")
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    return cmd


def desktop_entry(command: Sequence[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=售后哨兵 Aftersales Sentinel\n"
        "Comment=After-sales deadline alerts\n"
        f"Exec={shlex.join(command)}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def launch_agent_plist(command: Sequence[str]) -> bytes:
    return plistlib.dumps(
        {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "KeepAlive": False,
            "ProcessType": "Interactive",
        }
    )


def windows_run_value(command: Sequence[str]) -> str:
    return subprocess.list2cmdline(list(command))


class Autostart(Protocol):
    def enable(self, command: Sequence[str]) -> None: ...
    def disable(self) -> None: ...
    def is_enabled(self) -> bool: ...


@dataclass
class FileAutostart:
    """Linux (.desktop) and macOS (LaunchAgent plist): one file in the user's home."""

    path: Path

    def enable(self, command: Sequence[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.suffix == ".plist":
            data = launch_agent_plist(command)
        else:
            data = desktop_entry(command).encode("utf-8")
        tmp = self.path.with_suffix(self.path.suffix + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(self.path)

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)

    def is_enabled(self) -> bool:
        return self.path.exists()


class RegistryBackend(Protocol):
    def set(self, name: str, value: str) -> None: ...
    def delete(self, name: str) -> None: ...
    def get(self, name: str) -> str | None: ...


class WinRegistry:  # pragma: no cover - needs Windows; the value written is tested via a fake
    def __init__(self) -> None:
        import winreg

        self._winreg = winreg

    def set(self, name: str, value: str) -> None:
        w = self._winreg
        with w.CreateKeyEx(w.HKEY_CURRENT_USER, RUN_KEY, 0, w.KEY_SET_VALUE) as key:
            w.SetValueEx(key, name, 0, w.REG_SZ, value)

    def delete(self, name: str) -> None:
        w = self._winreg
        try:
            with w.OpenKey(w.HKEY_CURRENT_USER, RUN_KEY, 0, w.KEY_SET_VALUE) as key:
                w.DeleteValue(key, name)
        except FileNotFoundError:
            pass

    def get(self, name: str) -> str | None:
        w = self._winreg
        try:
            with w.OpenKey(w.HKEY_CURRENT_USER, RUN_KEY, 0, w.KEY_QUERY_VALUE) as key:
                value, _kind = w.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return str(value)


@dataclass
class RegistryAutostart:
    backend: RegistryBackend
    name: str = APP_ID

    def enable(self, command: Sequence[str]) -> None:
        self.backend.set(self.name, windows_run_value(command))

    def disable(self) -> None:
        self.backend.delete(self.name)

    def is_enabled(self) -> bool:
        return self.backend.get(self.name) is not None


def autostart_for(platform: str, home: Path, xdg_config_home: Path | None = None) -> Autostart:
    """The start-at-login mechanism of this system (`platform` as in sys.platform)."""
    if platform == "win32":
        return RegistryAutostart(WinRegistry())
    if platform == "darwin":
        return FileAutostart(home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist")
    config = xdg_config_home or home / ".config"
    return FileAutostart(config / "autostart" / "aftersales-sentinel.desktop")


def apply_setting(enabled: bool, autostart: Autostart, command: Sequence[str]) -> None:
    """Make the system match the 'start at login' setting (idempotent)."""
    if enabled:
        autostart.enable(command)
    else:
        autostart.disable()
