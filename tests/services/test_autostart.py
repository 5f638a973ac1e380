"""Start at login: the files and the registry value written, in a temporary home."""

from __future__ import annotations

import plistlib
from pathlib import Path

from app.services.preferences.autostart import (
    LAUNCH_AGENT_LABEL,
    FileAutostart,
    RegistryAutostart,
    apply_setting,
    autostart_for,
    launch_command,
)

CMD = ["/opt/py/bin/python", "-m", "app", "--minimized", "--data-dir", "/home/me/售后 数据"]


class FakeRegistry:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)

    def get(self, name: str) -> str | None:
        return self.values.get(name)


def test_linux_desktop_file(tmp_path: Path) -> None:
    auto = autostart_for("linux", tmp_path)
    assert isinstance(auto, FileAutostart)
    assert not auto.is_enabled()  # off by default
    apply_setting(True, auto, CMD)
    path = tmp_path / ".config" / "autostart" / "aftersales-sentinel.desktop"
    text = path.read_text(encoding="utf-8")
    assert "Type=Application" in text
    assert "Exec=/opt/py/bin/python -m app --minimized --data-dir '/home/me/售后 数据'" in text
    apply_setting(False, auto, CMD)
    assert not path.exists() and not auto.is_enabled()


def test_macos_launch_agent(tmp_path: Path) -> None:
    auto = autostart_for("darwin", tmp_path)
    auto.enable(CMD)
    path = tmp_path / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
    data = plistlib.loads(path.read_bytes())
    assert data["ProgramArguments"] == CMD
    assert data["RunAtLoad"] is True and data["Label"] == LAUNCH_AGENT_LABEL
    auto.disable()
    assert not auto.is_enabled()


def test_windows_run_value_quotes_paths_with_spaces() -> None:
    reg = FakeRegistry()
    auto = RegistryAutostart(reg)
    auto.enable([r"C:\Program Files\Sentinel\sentinel.exe", "--minimized"])
    assert reg.values == {"AftersalesSentinel": '"C:\\Program Files\\Sentinel\\sentinel.exe" --minimized'}
    assert auto.is_enabled()
    auto.disable()
    assert not auto.is_enabled()


def test_launch_command_starts_minimised() -> None:
    cmd = launch_command(Path("/data"))
    assert cmd[-3:] == ["--minimized", "--data-dir", "/data"]
