"""The settings dialog, built entirely from `settings_schema.SETTINGS`.

One editor per declared setting, chosen by its `Kind`; one tab per group. Every
edit is parsed by the declaration at once: a bad value is marked and named, and
Save stays disabled until it is fixed. Settings marked `restart` say so.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTime, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.alerts.text import span_text
from app.services.preferences.schema import SETTINGS, Kind, Setting, SettingError
from app.services.rules.durations import DurationError
from app.services.service_desk.desk_settings import DeskSettings
from app.ui.common import i18n
from app.ui.common.changes import ChangeSet
from app.ui.common.service_text import error_text, say
from app.ui.settings import store as settings_store
from app.ui.settings.handlers_tab import HandlersEditor
from app.ui.settings.service_tab import ServiceTargetsEditor

if TYPE_CHECKING:
    from app.ui.common.host import WindowHost

GROUPS = ("general", "alerts", "data")


class Editor:
    """A widget for one setting: shows a typed value and reads it back (SettingError if bad)."""

    def __init__(self, setting: Setting, widget: QWidget) -> None:
        self.setting = setting
        self.widget = widget

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def raw(self) -> Any:
        raise NotImplementedError

    def value(self) -> Any:
        return self.setting.parse(self.raw())

    def on_change(self, slot: Callable[[], None]) -> None:
        raise NotImplementedError


class _Bool(Editor):
    def __init__(self, setting: Setting, lang: str) -> None:
        self.box = QCheckBox()
        super().__init__(setting, self.box)

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))

    def raw(self) -> Any:
        return self.box.isChecked()

    def on_change(self, slot: Callable[[], None]) -> None:
        self.box.toggled.connect(lambda _: slot())


class _Int(Editor):
    def __init__(self, setting: Setting, lang: str) -> None:
        self.spin = QSpinBox()
        self.spin.setRange(
            setting.minimum if setting.minimum is not None else -(2**31),
            setting.maximum if setting.maximum is not None else 2**31 - 1,
        )
        super().__init__(setting, self.spin)

    def set_value(self, value: Any) -> None:
        self.spin.setValue(int(value))

    def raw(self) -> Any:
        return self.spin.value()

    def on_change(self, slot: Callable[[], None]) -> None:
        self.spin.valueChanged.connect(lambda _: slot())


class _Time(Editor):
    def __init__(self, setting: Setting, lang: str) -> None:
        self.edit = QTimeEdit()
        self.edit.setDisplayFormat("HH:mm")
        super().__init__(setting, self.edit)

    def set_value(self, value: Any) -> None:
        self.edit.setTime(QTime(value.hour, value.minute))

    def raw(self) -> Any:
        t = self.edit.time()
        return time(t.hour(), t.minute())

    def on_change(self, slot: Callable[[], None]) -> None:
        self.edit.timeChanged.connect(lambda _: slot())


class _Text(Editor):
    """Spans and lists of spans ('24h,6h,1h,15m'): typed as text, parsed by the declaration."""

    def __init__(self, setting: Setting, lang: str) -> None:
        self.line = QLineEdit()
        super().__init__(setting, self.line)

    def set_value(self, value: Any) -> None:
        # Spans as the merchant reads them elsewhere (24小时、6小时、1小时、15分钟), not codes.
        if self.setting.kind is Kind.SPAN and isinstance(value, timedelta):
            self.line.setText(say(span_text(value)))
        elif self.setting.kind is Kind.SPAN_LIST and isinstance(value, tuple | list):
            sep = "、" if i18n.current() == "zh_CN" else ", "
            self.line.setText(sep.join(say(span_text(v)) for v in value))
        else:
            self.line.setText(self.setting.format(value))

    def raw(self) -> Any:
        return self.line.text()

    def on_change(self, slot: Callable[[], None]) -> None:
        self.line.textChanged.connect(lambda _: slot())


class _Path(_Text):
    """A folder; empty means the default (shown greyed in the field)."""

    def __init__(self, setting: Setting, lang: str, placeholder: str = "") -> None:
        super().__init__(setting, lang)
        self.line.setPlaceholderText(placeholder)
        self.browse = QPushButton(QCoreApplication.translate("SettingsDialog", "Browse…"))
        self.browse.clicked.connect(self._browse)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.browse)
        self.widget = box

    def _browse(self) -> None:
        start = self.line.text() or self.line.placeholderText() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self.widget, self.setting.label_zh, start)
        if chosen:
            self.line.setText(chosen)


class _Choice(Editor):
    def __init__(self, setting: Setting, lang: str) -> None:
        self.combo = QComboBox()
        for value, _label in setting.choices:
            self.combo.addItem(setting.choice_label(value, lang), value)
        super().__init__(setting, self.combo)

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(value)))

    def raw(self) -> Any:
        return self.combo.currentData()

    def on_change(self, slot: Callable[[], None]) -> None:
        self.combo.currentIndexChanged.connect(lambda _: slot())


class _ChoiceSet(Editor):
    COLUMNS = 4

    def __init__(self, setting: Setting, lang: str) -> None:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for i, (value, _label) in enumerate(setting.choices):
            check = QCheckBox(setting.choice_label(value, lang))
            check.setObjectName(f"choice_{value}")
            grid.addWidget(check, i // self.COLUMNS, i % self.COLUMNS)
            self.boxes[value] = check
        super().__init__(setting, box)

    def set_value(self, value: Any) -> None:
        for key, check in self.boxes.items():
            check.setChecked(key in value)

    def raw(self) -> Any:
        return [key for key, check in self.boxes.items() if check.isChecked()]

    def on_change(self, slot: Callable[[], None]) -> None:
        for check in self.boxes.values():
            check.toggled.connect(lambda _: slot())


EDITORS: dict[Kind, Callable[[Setting, str], Editor]] = {
    Kind.BOOL: _Bool,
    Kind.INT: _Int,
    Kind.TIME: _Time,
    Kind.SPAN: _Text,
    Kind.SPAN_LIST: _Text,
    Kind.PATH: _Path,
    Kind.CHOICE: _Choice,
    Kind.CHOICE_SET: _ChoiceSet,
}


def make_editor(setting: Setting, lang: str, placeholders: dict[str, str]) -> Editor:
    if setting.kind is Kind.PATH:
        return _Path(setting, lang, placeholders.get(setting.key, ""))
    return EDITORS[setting.kind](setting, lang)


class SettingsDialog(QDialog):
    """Edit every declared setting; Save writes them and emits `saved` with the keys that changed."""

    saved = Signal(list)

    def __init__(
        self,
        settings: QSettings,
        lang: str = "zh_CN",
        placeholders: dict[str, str] | None = None,
        parent: QWidget | None = None,
        handlers: list[str] | None = None,
        shop_rules: list[tuple[str, str, str | None]] | None = None,
        desk: DeskSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.lang = "en" if lang == "en" else "zh"
        self.editors: dict[str, Editor] = {}
        self.restart_needed: list[str] = []
        names = {
            "general": self.tr("General"),
            "alerts": self.tr("Alerts"),
            "data": self.tr("Data and backups"),
        }
        self.tabs = QTabWidget()
        grids: dict[str, QGridLayout] = {}
        for group in GROUPS:
            page = QWidget()
            grids[group] = QGridLayout(page)
            grids[group].setColumnStretch(1, 1)
            grids[group].setVerticalSpacing(5)
            self.tabs.addTab(page, names[group])
        values = settings_store.load(settings)
        for setting in SETTINGS:
            editor = make_editor(setting, self.lang, placeholders or {})
            editor.widget.setObjectName(f"setting:{setting.key}")
            editor.set_value(values[setting.key])
            editor.on_change(self._validate)
            self.editors[setting.key] = editor
            self._add_row(grids[setting.group], setting, editor)

        for grid in grids.values():
            grid.setRowStretch(grid.rowCount(), 1)
        self.handlers: HandlersEditor | None = None
        if handlers is not None:  # the database is open: its handler list
            self.handlers = HandlersEditor(handlers, shop_rules or [])
            self.tabs.addTab(self.handlers, self.tr("Handlers"))
        self.desk: ServiceTargetsEditor | None = None
        if desk is not None:  # the database is open: the shop's service targets
            self.desk = ServiceTargetsEditor(desk)
            self.tabs.addTab(self.desk, self.tr("Service targets"))
        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        note = QLabel(self.tr("* takes effect after the app is started again"))
        note.setStyleSheet("color: palette(placeholder-text);")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        defaults = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        defaults.clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(700, 500)
        self._validate()

    def _add_row(self, grid: QGridLayout, setting: Setting, editor: Editor) -> None:
        """Label | editor, and the help below the editor (a check box carries its help as its text)."""
        row = grid.rowCount()
        label = QLabel(setting.label(self.lang) + (" *" if setting.restart else ""))
        grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        compact = isinstance(editor, _Choice | _Int | _Time)  # a full-width spin box looks broken
        grid.addWidget(editor.widget, row, 1, Qt.AlignmentFlag.AlignLeft if compact else Qt.AlignmentFlag(0))
        help_text = setting.help(self.lang)
        if not help_text:
            return
        editor.widget.setToolTip(help_text)
        if isinstance(editor, _Bool):
            editor.box.setText(help_text)
            return
        hint = QLabel(help_text)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        grid.addWidget(hint, row + 1, 1)

    def problems(self) -> dict[str, str]:
        """Setting key -> why its current text is not a valid value."""
        out = {}
        for key, editor in self.editors.items():
            try:
                editor.value()
            except SettingError as e:
                cause = e.__cause__
                out[key] = (
                    error_text(cause) if isinstance(cause, DurationError) else str(e).split(": ", 1)[-1]
                )
        return out

    def _validate(self) -> None:
        problems = self.problems()
        for key, editor in self.editors.items():
            editor.widget.setProperty("invalid", key in problems)
            editor.widget.setStyleSheet("QLineEdit { border: 1px solid #c0392b; }" if key in problems else "")
        self.error.setText(
            "\n".join(f"{self.editors[k].setting.label(self.lang)}: {why}" for k, why in problems.items())
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)

    def values(self) -> dict[str, Any]:
        return {key: editor.value() for key, editor in self.editors.items()}

    def restore_defaults(self) -> None:
        for editor in self.editors.values():
            editor.set_value(editor.setting.default)

    def accept(self) -> None:
        if self.problems():
            return
        if self.desk is not None:
            try:
                self.desk.value()
            except ValueError as e:
                self.error.setText(str(e))
                self.tabs.setCurrentWidget(self.desk)
                return
        changed = settings_store.save(self.settings, self.values())
        self.restart_needed = [k for k in changed if self.editors[k].setting.restart]
        super().accept()
        self.saved.emit(changed)


# ---- the menu entry (File → Settings…, Ctrl+,) -----------------------------------------------------


def add_settings_action(window: WindowHost) -> QAction:
    """File → Settings… (Ctrl+, ; the application menu on macOS)."""
    action = QAction(QCoreApplication.translate("SettingsDialog", "&Settings…"), window)
    action.setObjectName("settingsAction")
    action.setShortcut(QKeySequence("Ctrl+,"))
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.triggered.connect(lambda: open_settings_dialog(window))
    menu = window.menu("file")
    quit_action = next(a for a in menu.actions() if a.menuRole() == QAction.MenuRole.QuitRole)
    menu.insertAction(quit_action, action)
    menu.insertSeparator(quit_action)
    return action


def open_settings_dialog(window: WindowHost) -> SettingsDialog:
    from app.paths import default_data_dir

    ctx = getattr(window, "ctx", None)  # None until the database is open
    dialog = SettingsDialog(
        window.settings,
        i18n.current(),
        {
            "data/dir": str(default_data_dir()),
            "export/monthly_folder": QCoreApplication.translate("SettingsDialog", "(off)"),
        },
        window,
        handlers=ctx.handlers.names() if ctx is not None else None,
        shop_rules=[(r.platform, r.shop, r.assignee) for r in ctx.assignments.shop_rules()] if ctx is not None else None,
        desk=ctx.targets.settings() if ctx is not None else None,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.saved.connect(lambda changed: _after_save(window, dialog, changed))
    dialog.open()
    return dialog


def _after_save(window: WindowHost, dialog: SettingsDialog, changed: list[str]) -> None:
    ctx = getattr(window, "ctx", None)
    if dialog.handlers is not None and ctx is not None:
        handler_names = dialog.handlers.names()
        rules = dialog.handlers.shop_rules()

        def save_handlers(_: object) -> None:
            from app.models.enums import Platform

            ctx.handlers.set_names(handler_names)
            for platform, shop, assignee in rules:
                ctx.assignments.set_shop_rule(Platform(platform), shop, assignee)

        window.tasks.run(save_handlers)
    if dialog.desk is not None and ctx is not None:
        desk = dialog.desk.value()
        if desk != dialog.desk.original:  # every case's targets are recounted with them
            window.tasks.run(
                lambda _: ctx.targets.save_settings(desk),
                done=lambda _: window.changes.publish(ChangeSet(everything=True)),
            )
    if "system/start_at_login" in changed:
        _apply_start_at_login(window, dialog.values()["system/start_at_login"])
    if dialog.restart_needed:
        names = ", ".join(dialog.editors[k].setting.label(dialog.lang) for k in dialog.restart_needed)
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "SettingsDialog", "Saved. {0}: takes effect when the app is started again."
            ).format(names),
            10000,
        )
    elif changed:
        window.statusBar().showMessage(QCoreApplication.translate("SettingsDialog", "Settings saved."), 5000)


def _apply_start_at_login(window: WindowHost, enabled: bool) -> None:
    from app.services.preferences.autostart import apply_setting, autostart_for, launch_command

    try:
        apply_setting(enabled, autostart_for(sys.platform, Path.home()), launch_command(window.data_dir))
    except OSError as e:
        QMessageBox.warning(window, QCoreApplication.translate("SettingsDialog", "Start at login"), str(e))
