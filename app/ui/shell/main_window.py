"""The main window shell: left navigation of screens, menu bar, status bar, remembered geometry.

Screens are added with `add_screen(key, title, icon, widget)`; menus are reached
with `menu("file" | "case" | "view" | "help")` (File-menu entries go in a section with
`add_file_action`), so other features plug in without editing this file; `attached`
says when the database services arrived. The cases screen is built at once (it is the first
paint); the screens that need the database services come with `attach()`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app import __version__
from app.paths import resource
from app.services.clock import Clock
from app.ui.cases.view import CasesView
from app.ui.common import formatting
from app.ui.common.changes import ChangeHub
from app.ui.common.elided_label import ElidedLabel
from app.ui.common.host import CaseActions, WindowHost
from app.ui.common.own_deadlines import own_name
from app.ui.common.tasks import TaskRunner
from app.ui.common.wall_clock import WallClockTicker
from app.ui.settings import keys as settings_decl

if TYPE_CHECKING:
    from app.bootstrap import AppContext
    from app.ui.cases.list_export import ListExport
    from app.ui.importing.flow import ImportFlow


def icon(name: str) -> QIcon:
    return QIcon(str(resource("icons", f"{name}.svg")))


class MainWindow(WindowHost):
    attached = Signal(object)  # AppContext: the database is open and the screens are built

    def __init__(
        self, clock: Clock, settings: QSettings, tasks: TaskRunner, data_dir: Path, tz: Any = None
    ) -> None:
        super().__init__()
        self.clock = clock
        self.settings = settings
        self.tasks = tasks  # the database lane
        if tasks.on_error is None:
            tasks.on_error = self._operation_failed
        # The I/O lane: report and list exports, backups (a long one never holds up a write).
        self.io = TaskRunner(self, inline=tasks.inline, on_error=self._operation_failed)
        self.data_dir = data_dir
        self.tz = tz
        self.changes = ChangeHub(self)
        self.ctx: AppContext | None = None
        self.controller: Any = None
        self.import_flow: ImportFlow | None = None  # File → Import…, drop an export (set by attach)
        self.handler_choice: Any = None  # who is working here (set by attach: the status bar)
        self.list_export: ListExport | None = None  # File → Export list… (set by attach)
        self._screens: dict[str, QWidget] = {}
        self._menus: dict[str, QMenu] = {}
        self._screen_actions: list[QAction] = []

        self.setWindowTitle(self.tr("Aftersales Sentinel"))
        self.setWindowIcon(icon("app"))
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(150)
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.stack = QStackedWidget()
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        # The path gives way on a narrow window (cut in the middle, whole in its tooltip); the
        # deadline on the right does not.
        self.data_label = ElidedLabel(self.tr("Data: {0}").format(data_dir))
        self.data_label.setObjectName("dataDirLabel")
        self.next_label = QLabel()
        self.next_label.setObjectName("nextDeadlineLabel")
        self.statusBar().addWidget(self.data_label, 1)
        if datetime.now().astimezone().utcoffset() != timedelta(hours=8):
            # Said once, where every time is read: this computer keeps another zone's clock.
            zone = QLabel(self.tr("Beijing time (UTC+8)"))
            zone.setToolTip(self.tr("Times are Beijing time (UTC+8), as on the platforms"))
            zone.setObjectName("beijingTimeLabel")
            self.statusBar().addPermanentWidget(zone)
        self.statusBar().addPermanentWidget(self.next_label)

        # The one 1 s ticker: the countdowns here, the alert scheduler's re-plan on a clock jump.
        self.wall_clock = WallClockTicker(clock, parent=self)
        self.cases = CasesView(clock, settings, tz)
        self.wall_clock.tick.connect(self.cases.tick)
        self.cases.ticked.connect(self._show_next_deadline)
        self.cases.proxy.countsChanged.connect(lambda _: self._show_next_deadline(self.cases.model.now))
        self.add_screen("cases", self.tr("Cases"), icon("cases"), self.cases)
        self._restore_geometry()

    # ---- hooks for other screens and features ---------------------------------------------------

    def add_screen(self, key: str, title: str, screen_icon: QIcon, widget: QWidget) -> None:
        """Add a screen to the left navigation (and a View-menu entry with Ctrl+<n>)."""
        if key in self._screens:
            raise ValueError(f"screen {key!r} already added")
        self._screens[key] = widget
        self.stack.addWidget(widget)
        item = QListWidgetItem(screen_icon, title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.addItem(item)
        n = len(self._screens)
        action = QAction(screen_icon, title, self)
        if n <= 9:
            action.setShortcut(QKeySequence(f"Ctrl+{n}"))
        action.triggered.connect(lambda: self.show_screen(key))
        self._menus["view"].insertAction(self._screens_end, action)
        self._screen_actions.append(action)
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    def show_screen(self, key: str) -> None:
        widget = self._screens[key]
        self.nav.setCurrentRow(self.stack.indexOf(widget))

    def screen_widget(self, key: str) -> QWidget:
        return self._screens[key]

    def current_screen(self) -> str:
        widget = self.stack.currentWidget()
        return next((k for k, w in self._screens.items() if w is widget), "")

    def menu(self, key: str) -> QMenu:
        """'file', 'case', 'view' or 'help': add actions to them."""
        return self._menus[key]

    def add_file_action(self, section: str, action: QAction) -> None:
        """Put an action at the end of a File-menu section: "transfer" (import, export) or
        "data" (backup, restore); Quit stays last."""
        self._menus["file"].insertAction(self._file_sections[section], action)

    def bring_to_front(self) -> None:
        """Show the window (from the tray, or asked by a second start) above the others."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def case_actions(self) -> CaseActions:
        return CaseActions(
            self.new_case_action,
            self.open_action,
            self.edit_action,
            self.bulk_action,
            self.delete_action,
            self.refresh_action,
        )

    def _operation_failed(self, error: Exception, details: str) -> None:
        """The default for work that names no `failed`: the merchant's message, the details folded."""
        from app.ui.common.failures import describe

        failure = describe(error, self.data_dir)
        self.show_error(self.tr("Not done"), failure.message, "" if failure.expected else details)

    def show_error(self, title: str, message: str, details: str = "") -> None:
        """A message the merchant can act on. (An error dialog with a report button can replace this.)"""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        if details:
            box.setDetailedText(details)
        box.open()
        self.last_error = message

    def show_read_only(self, text: str) -> QLabel:
        """The strip above the cases that says this data folder cannot be changed. New cases and
        imports are not offered; any other write is refused with the same message."""
        banner = QLabel(text)
        banner.setObjectName("readOnlyBanner")
        banner.setWordWrap(True)
        banner.setStyleSheet("QLabel#readOnlyBanner { background: #fff4ce; color: #5c4400; padding: 6px; }")
        self.cases.add_banner(banner)
        self.new_case_action.setEnabled(False)
        if self.import_flow is not None:
            self.import_flow.action.setEnabled(False)
        self.read_only_banner = banner
        return banner

    # ---- services arrive after the first paint ------------------------------------------------

    def attach(self, ctx: AppContext) -> None:
        """The database services are open: build the screens that need them and load every case."""
        from app.ui.shell.wiring import wire

        self.ctx = ctx
        wire(self, ctx)
        self.attached.emit(ctx)

    # ---- menus --------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_case_action = QAction(self.tr("&New case…"), self)
        self.new_case_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_case_action.setEnabled(False)
        file_menu.addAction(self.new_case_action)
        file_menu.addSeparator()
        # Each separator ends a section (consecutive ones collapse while a section is empty).
        self._file_sections = {"transfer": file_menu.addSeparator(), "data": file_menu.addSeparator()}
        self.quit_action = file_menu.addAction(self.tr("&Quit"))
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # StandardKey.Quit is empty on Windows
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)  # the app shell makes it quit from the tray too

        case_menu = bar.addMenu(self.tr("&Case"))
        self.find_action = case_menu.addAction(self.tr("&Find…"))
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_search)
        self.open_action = case_menu.addAction(self.tr("&Open"))
        self.open_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.open_action.setShortcutContext(
            Qt.ShortcutContext.WidgetShortcut
        )  # Enter is handled by the table
        self.edit_action = case_menu.addAction(self.tr("&Edit fields…"))
        self.bulk_action = case_menu.addAction(self.tr("&Bulk action…"))
        self.delete_action = case_menu.addAction(self.tr("&Delete…"))
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        for a in (self.open_action, self.edit_action, self.bulk_action, self.delete_action):
            a.setEnabled(False)

        view_menu = bar.addMenu(self.tr("&View"))
        self._screens_end = view_menu.addSeparator()
        self.refresh_action = view_menu.addAction(self.tr("&Refresh"))
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        lang_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = settings_decl.read(self.settings, settings_decl.LANGUAGE)
        names = {"system": self.tr("Follow system"), "zh_CN": "中文", "en": "English"}
        for code in settings_decl.LANGUAGES:
            a = lang_menu.addAction(names[code])
            a.setCheckable(True)
            a.setChecked(code == current)
            a.setData(code)
            group.addAction(a)
        group.triggered.connect(self._language_chosen)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.guide_action = help_menu.addAction(self.tr("&Guide and shortcuts"))
        self.guide_action.setObjectName("guideAction")
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.show_guide)
        about = help_menu.addAction(self.tr("&About Aftersales Sentinel"))
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        self._menus = {"file": file_menu, "case": case_menu, "view": view_menu, "help": help_menu}

    def _focus_search(self) -> None:
        self.show_screen("cases")
        self.cases.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.cases.filter_bar.search.selectAll()

    def _language_chosen(self, action: QAction) -> None:
        settings_decl.write(self.settings, settings_decl.LANGUAGE, action.data())
        self.statusBar().showMessage(self.tr("The language changes when the app is started again."), 8000)

    def show_guide(self) -> QWidget:
        from app.ui.shell.guide import GuideDialog

        actions = [a for m in self._menus.values() for a in m.actions() if not a.isSeparator()]
        nested = [a for m in self._menus.values() for a in m.actions() if a.menu() is not None]
        for holder in nested:
            sub = holder.menu()
            if isinstance(sub, QMenu):
                actions.extend(sub.actions())
        dialog = GuideDialog(actions, self)
        dialog.open()
        self.guide = dialog
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Aftersales Sentinel"),
            self.tr(
                "<h3>Aftersales Sentinel {0}</h3>"
                "<p>Every after-sales case in one local database, a live countdown for every platform "
                "clock, and a warning before the platform acts on its own.</p>"
                "<p>Data folder: {1}</p>"
            ).format(__version__, self.data_dir),
        )

    # ---- status bar ---------------------------------------------------------------------------

    def _show_next_deadline(self, now: int) -> None:
        due = self.cases.proxy.next_merchant_due()
        if due is None:
            text = self.tr("No merchant deadline pending")
        else:
            text = self.tr("Next merchant deadline: {0} ({1})").format(
                formatting.epoch_text(due), formatting.countdown(due - now)
            )
        own = self.cases.model.next_own(now)
        if own is not None:  # ours: a follow-up, a service target, a 回访
            left = self.cases.model.own_left(own[1], own[0], now)
            text += self.tr(" · ours: {0} {1} ({2})").format(
                own_name(own[1]), formatting.epoch_text(own[0]), formatting.countdown(left)
            )
        self.next_label.setText(text)

    # ---- geometry -----------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = settings_decl.read(self.settings, settings_decl.WINDOW_GEOMETRY)
        if not geometry or not self.restoreGeometry(geometry):
            self.resize(1360, 820)
        state = settings_decl.read(self.settings, settings_decl.WINDOW_STATE)
        if state:
            self.restoreState(state)
        self.cases.restore_layout()

    def save_layout(self) -> None:
        settings_decl.write(self.settings, settings_decl.WINDOW_GEOMETRY, self.saveGeometry())
        settings_decl.write(self.settings, settings_decl.WINDOW_STATE, self.saveState())
        self.cases.save_layout()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.wall_clock.stop()
        super().closeEvent(event)
