"""The settings dialog: one editor per declaration, validation, and a typed round trip through QSettings."""

from __future__ import annotations

import shutil
from datetime import time, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, QTime
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from app.services.preferences.schema import BY_KEY, SETTINGS, defaults
from app.ui.settings import store as settings_store
from app.ui.settings.dialog import SettingsDialog, add_settings_action
from app.ui.shell.main_window import MainWindow


def open_dialog(qtbot, settings: QSettings) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(settings, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save_button(dialog: SettingsDialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_built_from_every_declaration_with_defaults(qtbot, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, settings)
    assert list(dialog.editors) == [s.key for s in SETTINGS]
    assert dialog.tabs.count() == 3
    assert dialog.values() == defaults()


def test_change_save_reopen_reads_back_typed_values(qtbot, tmp_path: Path, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, settings)
    ed = dialog.editors
    ed["alerts/merchant_leads"].line.setText("2h, 12h，30m")  # type: ignore[attr-defined]
    ed["alerts/buyer_enabled"].box.setChecked(False)  # type: ignore[attr-defined]
    ed["alerts/quiet_enabled"].box.setChecked(True)  # type: ignore[attr-defined]
    ed["alerts/quiet_start"].edit.setTime(QTime(23, 30))  # type: ignore[attr-defined]
    ed["alerts/snooze_minutes"].spin.setValue(30)  # type: ignore[attr-defined]
    ed["ui/language"].combo.setCurrentIndex(ed["ui/language"].combo.findData("en"))  # type: ignore[attr-defined]
    ed["shops/platforms"].boxes["jd"].setChecked(True)  # type: ignore[attr-defined]
    ed["shops/platforms"].boxes["pinduoduo"].setChecked(True)  # type: ignore[attr-defined]
    ed["data/dir"].line.setText(str(tmp_path / "elsewhere"))  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.saved) as saved:
        save_button(dialog).click()
    assert set(saved.args[0]) == {
        "alerts/merchant_leads",
        "alerts/buyer_enabled",
        "alerts/quiet_enabled",
        "alerts/quiet_start",
        "alerts/snooze_minutes",
        "ui/language",
        "shops/platforms",
        "data/dir",
    }
    assert sorted(dialog.restart_needed) == ["data/dir", "ui/language"]

    # What the next start reads: a copy under another name, so Qt's in-process cache cannot answer.
    copy = tmp_path / "next-start.ini"
    shutil.copyfile(settings.fileName(), copy)
    disk = QSettings(str(copy), QSettings.Format.IniFormat)
    assert disk.value("alerts/buyer_enabled", type=str) == "false"
    values = settings_store.load(disk)
    assert values["alerts/merchant_leads"] == (timedelta(hours=12), timedelta(hours=2), timedelta(minutes=30))
    assert values["alerts/buyer_enabled"] is False
    assert values["alerts/quiet_enabled"] is True
    assert values["alerts/quiet_start"] == time(23, 30)
    assert values["alerts/snooze_minutes"] == 30
    assert values["ui/language"] == "en"
    assert values["shops/platforms"] == ("pinduoduo", "jd")  # declaration order
    assert values["data/dir"] == tmp_path / "elsewhere"

    again = open_dialog(qtbot, disk)
    assert again.values() == values
    assert again.editors["alerts/merchant_leads"].line.text() == "12 h, 2 h, 30 min"  # type: ignore[attr-defined]


def test_a_bad_value_is_named_and_blocks_save(qtbot, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, settings)
    leads = dialog.editors["alerts/merchant_leads"].line  # type: ignore[attr-defined]
    leads.setText("soon")
    assert not save_button(dialog).isEnabled()
    assert dialog.error.text().startswith("Alert lead times (merchant deadlines):")
    dialog.accept()  # e.g. Enter pressed: still nothing written
    assert not settings.contains("alerts/merchant_leads")
    leads.setText("3h")
    assert save_button(dialog).isEnabled() and dialog.error.text() == ""


def test_restore_defaults_and_bad_stored_values_fall_back(qtbot, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    settings.setValue("alerts/snooze_minutes", "often")  # hand-edited INI
    settings.setValue("backup/keep_daily", "3")
    dialog = open_dialog(qtbot, settings)
    assert dialog.values()["alerts/snooze_minutes"] == BY_KEY["alerts/snooze_minutes"].default
    assert dialog.values()["backup/keep_daily"] == 3
    dialog.restore_defaults()
    assert dialog.values() == defaults()


def test_reached_from_the_file_menu_with_ctrl_comma(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    action = add_settings_action(window)
    assert action in window.menu("file").actions()
    assert action.shortcut() == QKeySequence("Ctrl+,")
    action.trigger()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.editors["backup/keep_weekly"].spin.setValue(8)  # type: ignore[attr-defined]
    save_button(dialog).click()
    assert settings_store.value(window.settings, "backup/keep_weekly") == 8
    assert "saved" in window.statusBar().currentMessage().lower()
