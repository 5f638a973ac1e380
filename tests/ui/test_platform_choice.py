"""'My platforms' (welcome / Settings) come first in every platform picker."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox

from app.models.enums import Platform
from app.ui.cases.dialogs import NewCaseDialog
from app.ui.importing.wizard import ImportWizard
from app.ui.rules.view import RulesView
from app.ui.settings import store as settings_store
from app.ui.shell.main_window import MainWindow

EVERY = [p.value for p in Platform]


def listed(combo: QComboBox) -> list[str | None]:
    """The combo's data, with '-' for a separator."""
    out: list[str | None] = []
    for i in range(combo.count()):
        is_separator = combo.itemData(i, Qt.ItemDataRole.AccessibleDescriptionRole) == "separator"
        out.append("-" if is_separator else combo.itemData(i))
    return out


def choose(settings: QSettings, *platforms: str) -> None:
    settings_store.save(settings, {"shops/platforms": tuple(platforms)})


def test_the_new_case_dialog_offers_my_platforms_first(window: MainWindow, settings: QSettings) -> None:
    window.new_case_action.trigger()
    dialog = window.controller.active_dialog
    assert isinstance(dialog, NewCaseDialog)
    assert listed(dialog.platform) == EVERY  # none chosen: every platform, as always
    dialog.reject()

    choose(settings, "jd", "douyin")
    window.new_case_action.trigger()
    dialog = window.controller.active_dialog
    assert isinstance(dialog, NewCaseDialog)
    rest = [p for p in EVERY if p not in ("douyin", "jd")]
    assert listed(dialog.platform) == ["douyin", "jd", "-", *rest]
    assert dialog.platform.currentData() == "douyin"  # the first of mine is the default
    dialog.reject()


def test_the_import_wizard_offers_guessing_then_my_platforms(window: MainWindow, settings: QSettings) -> None:
    choose(settings, "pinduoduo")
    wizard = window.import_flow.open_wizard()
    assert isinstance(wizard, ImportWizard)
    combo = wizard.preview_page.platform_combo
    rest = [p for p in EVERY if p != "pinduoduo"]
    assert listed(combo) == [None, "-", "pinduoduo", "-", *rest]
    assert combo.itemText(2) == "Pinduoduo"  # the window's language, not always Chinese
    wizard.close()


def test_the_rules_screen_follows_a_change_of_my_platforms(window: MainWindow, settings: QSettings) -> None:
    window.show_screen("rules")
    rules = window.screen_widget("rules")
    assert isinstance(rules, RulesView)
    rules.platform.setCurrentIndex(rules.platform.findData("taobao"))
    window.show_screen("cases")
    choose(settings, "xiaohongshu")
    window.show_screen("rules")
    assert listed(rules.platform)[:2] == ["xiaohongshu", "-"]
    assert rules.current_platform() is Platform.TAOBAO  # what the merchant was looking at stays
    assert rules.model.preset is not None and rules.model.preset.platform is Platform.TAOBAO
