"""Before the window opens: which data folder, and the welcome when it has no database yet."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from app.services.preferences.first_run import needs_welcome
from app.ui.common import i18n
from app.ui.settings import keys as settings_decl
from app.ui.settings import store as settings_store

# (settings, data folder, chosen by --data-dir?) -> the folder set up, or None if the merchant closed it
Welcome = Callable[[QSettings, Path, bool], Path | None]


def show_welcome(settings: QSettings, data_dir: Path, locked: bool, opts: Any) -> Path | None:
    """The welcome wizard, in the language of the settings; returns the folder it set up."""
    from app.bootstrap import make_clock
    from app.ui.common.tasks import TaskRunner
    from app.ui.shell.main import make_application
    from app.ui.shell.welcome import WelcomeWizard

    app = make_application()
    translators = i18n.install(app, settings_decl.read(settings, settings_decl.LANGUAGE))
    try:
        wizard = WelcomeWizard(settings, TaskRunner(app), make_clock(opts, running=True), data_dir, locked)
        if wizard.exec() != QDialog.DialogCode.Accepted or wizard.choice is None:
            return None
        return wizard.choice.data_dir
    finally:
        i18n.uninstall(app, translators)


def prepare(opts: Any, settings: QSettings | None = None, welcome: Welcome | None = None) -> Any:
    """The options the window starts with: the data folder resolved (--data-dir, the setting, the
    default), after the welcome if that folder holds neither a database nor backups yet.
    None: the merchant closed the welcome."""
    if opts.demo:
        return opts
    settings = settings or settings_decl.open_settings()
    data_dir = settings_store.data_dir(settings, opts.data_dir)
    if needs_welcome(data_dir):
        ask = welcome or (lambda s, d, locked: show_welcome(s, d, locked, opts))
        chosen = ask(settings, data_dir, opts.data_dir is not None)
        if chosen is None:
            return None
        data_dir = chosen
    return replace(opts, data_dir=data_dir)
