"""Rule drift on screen: the Rules screen says which preset the platform's deadlines disagree with
and saves the duration the platform uses; the dashboard says so too."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.bootstrap import AppContext
from app.models.enums import Platform
from app.services.rules.presets import Duration
from app.ui.shell.main_window import MainWindow
from tests.services.test_platform_deadline import douyin_export


def test_the_rules_screen_shows_drift_and_takes_the_fix(
    window: MainWindow, ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    ctx.importer.import_file(douyin_export(tmp_path / "售后单.xlsx", 4, timedelta(hours=24)), Platform.DOUYIN)
    rules = window.screen_widget("rules")
    rules.platform.setCurrentIndex(rules.platform.findData(Platform.DOUYIN.value))
    banner = rules.drift_banner
    assert banner.isVisibleTo(rules)
    assert len(banner.drifts) == 1
    rule_id = banner.drifts[0].rule_id
    fix = banner.findChild(object, "driftFix")
    assert fix is not None and ("24" in fix.text())
    fix.click()
    rule = ctx.rules.active(Platform.DOUYIN).rule(rule_id)
    assert rule is not None and rule.duration == Duration(24, "h")
    assert ctx.drift.find(Platform.DOUYIN) == []  # the preset now says what the platform does
    rules.show_platform()
    assert not banner.isVisibleTo(rules)


def test_the_dashboard_says_so_too(window: MainWindow, ctx: AppContext, tmp_path: Path) -> None:
    ctx.importer.import_file(douyin_export(tmp_path / "售后单.xlsx", 4, timedelta(hours=24)), Platform.DOUYIN)
    dashboard = window.screen_widget("dashboard")
    dashboard.refresh()
    assert dashboard.drift_banner.drifts
    assert dashboard.drift_banner.findChild(object, "driftFix") is None  # the fix is on the Rules screen
