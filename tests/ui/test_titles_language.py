"""Titles that used to say both languages at once ("立即备份 · Back up now") say the UI's one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services.clock import FixedClock
from app.services.storage.backup import BackupService
from app.ui.backup import startup_checks
from app.ui.backup.dialogs import BackupActions
from app.ui.common.error_dialog import ErrorDialog
from app.ui.common.tasks import TaskRunner
from tests.ui.fakes import FakePrompter


class TitledPrompter(FakePrompter):
    """Records the title of the save dialog, and cancels it."""

    def __init__(self) -> None:
        super().__init__(cancel_save=True)
        self.titles: list[str] = []

    def save_path(self, title: str, suggested: Path) -> Path | None:
        self.titles.append(title)
        return super().save_path(title, suggested)


@pytest.mark.parametrize(
    ("language", "backup", "check", "error", "copy"),
    [
        ("en", "Back up now", "Database check", "Something went wrong", "Copy details"),
        ("zh_CN", "立即备份", "数据库检查", "出错了", "复制详情"),
    ],
)
def test_titles_are_in_the_ui_language_only(
    use_language: Callable[[str], None],
    qtbot: QtBot,
    tmp_path: Path,
    clock: FixedClock,
    language: str,
    backup: str,
    check: str,
    error: str,
    copy: str,
) -> None:
    use_language(language)
    prompter = TitledPrompter()
    actions = BackupActions(
        BackupService(tmp_path / "data", clock),
        TaskRunner(inline=True),
        prompter,
        close_database=lambda: None,
        reopen_database=lambda: None,
    )
    actions.back_up_now()
    assert prompter.titles == [backup]
    assert startup_checks.title() == check
    dialog = ErrorDialog("summary", "details")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == error and dialog.copy_button.text() == copy
