"""The main window as the screens' controllers and flows see it: a narrow host, not the whole window.

A controller (cases, import, list export, backups, settings) gets a `WindowHost`: where to
run work, where to publish what changed, where to put a File-menu entry, how to show an
error, which screen to bring forward. `shell/main_window.py` implements it; nothing under
`app/ui/<screen>/` imports the shell, so the screens never import each other in a circle.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from app.ui.common.changes import ChangeHub
from app.ui.common.tasks import TaskRunner


@dataclass(frozen=True)
class CaseActions:
    """The window's case commands (menu, toolbar, shortcuts) the cases controller drives."""

    new: QAction
    open: QAction
    edit: QAction
    bulk: QAction
    delete: QAction
    refresh: QAction


class WindowHost(QMainWindow):
    """What a screen's controller may use of the main window."""

    settings: QSettings
    tasks: TaskRunner  # the database lane
    io: TaskRunner  # the I/O lane (exports, backups)
    changes: ChangeHub
    data_dir: Path

    def menu(self, key: str) -> QMenu:
        """The menu "file", "case", "view" or "help"."""
        raise NotImplementedError

    def add_file_action(self, section: str, action: QAction) -> None:
        """A File-menu entry in its section ("transfer", "backup", …)."""
        raise NotImplementedError

    def show_screen(self, key: str) -> None:
        raise NotImplementedError

    def show_error(self, title: str, message: str, details: str = "") -> None:
        """A failure the merchant must see, with the technical details folded away."""
        raise NotImplementedError

    def case_actions(self) -> CaseActions:
        raise NotImplementedError
