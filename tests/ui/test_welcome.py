"""First start: the welcome collects platforms, shops, folder and demo-or-empty; the window lands on cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QWizard

from app.bootstrap import AppContext, Options, set_up_data_dir
from app.models.enums import Platform
from app.services.cases.shops import ShopService, split_shop_names
from app.services.clock import FixedClock
from app.services.preferences.first_run import FirstRunChoice
from app.ui.common.tasks import TaskRunner
from app.ui.settings import store as settings_store
from app.ui.shell import first_run
from app.ui.shell.main import Startup
from app.ui.shell.welcome import WelcomeWizard


def make_wizard(
    qtbot, settings: QSettings, clock: FixedClock, data_dir: Path, locked: bool = False
) -> WelcomeWizard:  # type: ignore[no-untyped-def]
    wizard = WelcomeWizard(settings, TaskRunner(inline=True), clock, data_dir, locked)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def next_button(wizard: WelcomeWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def finish(wizard: WelcomeWizard, platforms: dict[Platform, str], demo: bool) -> None:
    """Tick the platforms (with shop names), keep the folder, choose demo or empty, press Start."""
    assert not next_button(wizard)  # nothing chosen yet
    for platform, shops in platforms.items():
        wizard.platform_page.checks[platform].setChecked(True)
        wizard.platform_page.shop_edits[platform].setText(shops)
    assert next_button(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.data_page and next_button(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.start_page
    (wizard.start_page.demo if demo else wizard.start_page.empty).setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_choose_platforms_and_shops_then_start_empty(
    qtbot, tmp_path: Path, settings: QSettings, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "shop-data"
    wizard = make_wizard(qtbot, settings, clock, data)
    finish(wizard, {Platform.TAOBAO: "暖暖旗舰店，暖暖二店", Platform.DOUYIN: ""}, demo=False)

    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.setup_result is not None and wizard.setup_result.demo_cases == 0
    assert settings_store.value(settings, "shops/platforms") == ("taobao", "douyin")
    assert settings_store.value(settings, "data/dir") == data  # not the default: remembered
    ctx = AppContext.open(data, clock)
    try:
        shops = {(s.platform, s.name) for s in ShopService(ctx.sessions).all()}
        assert shops == {(Platform.TAOBAO, "暖暖旗舰店"), (Platform.TAOBAO, "暖暖二店")}
        assert ctx.queries.list_cases() == []
    finally:
        ctx.close()


def test_demo_start_lands_on_the_cases_view_with_the_demo_cases(
    qtbot, tmp_path: Path, settings: QSettings, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "demo-data"
    shown: list[WelcomeWizard] = []

    def welcome(s: QSettings, folder: Path, locked: bool) -> Path | None:
        wizard = make_wizard(qtbot, s, clock, folder, locked)
        finish(wizard, {Platform.KUAISHOU: "暖暖家居"}, demo=True)
        shown.append(wizard)
        return wizard.choice.data_dir if wizard.result() == QDialog.DialogCode.Accepted else None

    settings.setValue("ui/language", "en")  # Startup installs translators for the whole app
    opts = first_run.prepare(Options(data, clock.now(), False), settings, welcome)
    assert shown and shown[0].data_page.path.isEnabled() is False  # --data-dir fixed it for this run
    assert opts.data_dir == data and settings_store.value(settings, "data/dir") is None

    start = Startup(opts, settings, TaskRunner(inline=True))
    qtbot.addWidget(start.window)
    start.open_services()
    assert start.window.current_screen() == "cases"
    assert start.window.cases.model.rowCount() == shown[0].setup_result.demo_cases == 60
    start.window.close()
    start.shutdown()


def test_an_existing_database_skips_the_welcome_and_the_setting_picks_the_folder(
    tmp_path: Path, settings: QSettings, clock: FixedClock
) -> None:
    data = tmp_path / "kept-here"
    set_up_data_dir(FirstRunChoice(data, (Platform.JD,)), clock)
    settings_store.save(settings, {"data/dir": data})

    def must_not_show(*_: object) -> Path | None:
        raise AssertionError("the welcome showed although the folder has a database")

    opts = first_run.prepare(Options(None, None, False), settings, must_not_show)
    assert opts.data_dir == data


def test_closing_the_welcome_starts_nothing(tmp_path: Path, settings: QSettings) -> None:
    assert first_run.prepare(Options(tmp_path / "new", None, False), settings, lambda *_: None) is None
    assert not (tmp_path / "new").exists()


def test_demo_mode_never_asks(settings: QSettings) -> None:
    opts = Options(None, None, True)
    assert first_run.prepare(opts, settings, lambda *_: pytest.fail("asked")) is opts


def test_folder_page_refuses_bad_folders_and_keeps_demo_out_of_real_data(
    qtbot, tmp_path: Path, settings: QSettings, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    wizard = make_wizard(qtbot, settings, clock, tmp_path / "new")
    wizard.platform_page.checks[Platform.PINDUODUO].setChecked(True)
    wizard.next()
    page = wizard.data_page
    page.path.setText("relative/folder")
    assert not next_button(wizard)
    (tmp_path / "a-file").write_text("x")
    page.path.setText(str(tmp_path / "a-file"))
    assert not next_button(wizard)
    existing = tmp_path / "existing"
    set_up_data_dir(FirstRunChoice(existing, (Platform.JD,)), clock)
    page.path.setText(str(existing))
    opened = page.tr("This folder already holds data from Aftersales Sentinel: it will be opened.")
    assert next_button(wizard) and page.status.text() == opened
    wizard.next()
    assert not wizard.start_page.demo.isEnabled() and wizard.start_page.empty.isChecked()


def test_shop_names_split_on_either_comma_and_drop_repeats() -> None:
    assert split_shop_names(" 暖暖家居，暖暖二店, 暖暖家居、 \n 第三店 ") == (
        "暖暖家居",
        "暖暖二店",
        "第三店",
    )
    assert split_shop_names(" ,， ") == ()


def test_backups_without_a_database_are_not_a_first_start(tmp_path: Path, settings: QSettings) -> None:
    """Lost database, backups left: the start-up check offers a restore; no welcome, no fresh database."""
    data = tmp_path / "lost"
    (data / "backups").mkdir(parents=True)
    (data / "backups" / "sentinel-20261101T120000Z-daily.db").write_bytes(b"")
    opts = first_run.prepare(Options(data, None, False), settings, lambda *_: pytest.fail("welcome shown"))
    assert opts.data_dir == data


def test_shop_names_can_be_typed_first_and_cancel_says_what_it_does(
    qtbot, tmp_path: Path, settings: QSettings, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    wizard = make_wizard(qtbot, settings, clock, tmp_path / "d")
    page = wizard.platform_page
    edit = page.shop_edits[Platform.KUAISHOU]
    assert edit.isEnabled()  # before its platform is ticked
    qtbot.keyClicks(edit, "Nuan")  # as typed (QTest types ASCII only)
    assert edit.text() == "Nuan"
    assert page.checks[Platform.KUAISHOU].isChecked() and next_button(wizard)
    assert page.shops() == ((Platform.KUAISHOU, "Nuan"),)
    cancel = wizard.button(QWizard.WizardButton.CancelButton)
    assert cancel.text() == "Quit for now" and "without saving" in cancel.toolTip()
    from PySide6.QtWidgets import QLabel

    hint = page.findChild(QLabel, "quitHint")
    assert hint is not None and hint.isVisible()
