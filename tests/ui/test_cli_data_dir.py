"""The CLI works on the data folder chosen in the window unless --data-dir says otherwise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings

from app import cli, paths
from app.ui.settings import keys as window_settings
from app.ui.settings import store as settings_store

ADD = [
    "case", "add", "--platform", "kuaishou", "--type", "refund_only", "--reason", "quality",
    "--order-no", "1001", "--aftersale-no", "KS1", "--amount", "9.00",
    "--requested-at", "2026-11-02T09:00+08:00",
]  # fmt: skip


def listed(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    capsys.readouterr()
    assert cli.main([*args, "--now", "2026-11-02T10:00+08:00", "case", "list", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    rows = out["cases"] if isinstance(out, dict) else out
    return [r["aftersale_no"] for r in rows]


def test_the_cli_uses_the_windows_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    chosen, other = tmp_path / "moved-here", tmp_path / "other"
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("data/dir", str(chosen))
    settings.sync()
    monkeypatch.setattr(window_settings, "open_settings", lambda: settings)
    fallback = tmp_path / "per-user-default"  # where a CLI that ignored the setting would write
    monkeypatch.setattr(paths, "default_data_dir", lambda: fallback)
    monkeypatch.setattr(settings_store, "default_data_dir", lambda: fallback)

    assert cli.main(["--now", "2026-11-02T10:00+08:00", *ADD]) == 0
    assert (chosen / "sentinel.db").exists() and not fallback.exists()
    assert listed(capsys) == ["KS1"]
    assert listed(capsys, "--data-dir", str(other)) == []  # --data-dir still wins
