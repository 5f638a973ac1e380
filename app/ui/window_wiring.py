"""Builds the screens that need the database services and plugs them into the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.ui.case_controller import CaseController

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow
    from app.ui.window_services import WindowServices


def wire(window: MainWindow, services: WindowServices) -> None:
    window.controller = CaseController(window, services)
    window.controller.load_all()
