"""The CLI works on the data folder chosen in the window unless --data-dir says otherwise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from PySide6.QtCore import QSettings

from app import cli, paths
from app.services.preferences import window_file
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
    monkeypatch.setattr(window_file, "settings_file", lambda: tmp_path / "settings.ini")
    fallback = tmp_path / "per-user-default"  # where a CLI that ignored the setting would write
    monkeypatch.setattr(paths, "default_data_dir", lambda: fallback)
    monkeypatch.setattr(settings_store, "default_data_dir", lambda: fallback)

    assert cli.main(["--now", "2026-11-02T10:00+08:00", *ADD]) == 0
    assert (chosen / "sentinel.db").exists() and not fallback.exists()
    assert listed(capsys) == ["KS1"]
    assert listed(capsys, "--data-dir", str(other)) == []  # --data-dir still wins


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40))
def test_the_cli_reads_every_text_qt_writes(tmp_path: Path, value: str) -> None:
    """The Qt-free reader agrees with QSettings on any string: quotes, commas, backslashes,
    a leading @, CJK, control characters, Windows paths."""
    path = tmp_path / "prop.ini"
    path.unlink(missing_ok=True)
    written = QSettings(str(path), QSettings.Format.IniFormat)
    written.setValue("data/dir", value)
    written.setValue("ui/language", "zh_CN")
    written.sync()
    del written
    values = window_file.read_values(path)
    back = QSettings(str(path), QSettings.Format.IniFormat).value("data/dir", type=str)
    assert values.get("data/dir", "") == back == value
    assert values["ui/language"] == "zh_CN"


def test_a_windows_path_with_cjk_and_separators(tmp_path: Path) -> None:
    path = tmp_path / "w.ini"
    s = QSettings(str(path), QSettings.Format.IniFormat)
    s.setValue("data/dir", r"D:\售后 数据;备份,2026=新")
    s.sync()
    assert window_file.configured_data_dir(path) == Path(r"D:\售后 数据;备份,2026=新")
    assert window_file.configured_data_dir(tmp_path / "missing.ini") is None
