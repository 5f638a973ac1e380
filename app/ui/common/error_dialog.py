"""Unexpected exceptions in the window: logged with their traceback, shown, and survived.

`ExceptionHandler.install()` replaces `sys.excepthook` (PySide6 reports exceptions raised
in slots and event handlers through it) and `threading.excepthook`. A known failure
(disk full, locked, damaged database) is shown as its one-line message; anything else
is a bug: the dialog says so and offers "Copy details" for the report. The app keeps
running either way. Dialogs are always opened on the GUI thread.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.ui.common.service_text import say

if TYPE_CHECKING:
    from app.services.storage.integrity import KnownDbError

log = logging.getLogger(__name__)


class ErrorDialog(QDialog):
    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setMinimumHeight(160)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


def classify_error(exc: BaseException) -> KnownDbError | None:
    # Imported when an error happens: the hook is installed before the first paint, and
    # app.services.storage.integrity brings SQLAlchemy (a third of a second) with it.
    from app.services.storage.integrity import classify_error as classify

    return classify(exc)


def describe(exc: BaseException, tb_text: str) -> tuple[str, str]:
    """(summary, details) for the dialog."""
    known = classify_error(exc)
    if known is not None:
        return say(known.message), f"{known.detail}\n\n{tb_text}"
    summary = QCoreApplication.translate(
        "ErrorDialog",
        "An unexpected error occurred; your data was not changed by it. The app keeps running. "
        "Please send the details below with a short note of what you were doing.",
    )
    return summary, f"Aftersales Sentinel {__version__}\n\n{tb_text}"


class ExceptionHandler(QObject):
    """Owns the hooks; `shown` is emitted with each dialog (tests and the lead's wiring use it)."""

    shown = Signal(QDialog)
    _raised = Signal(str, str, bool)  # summary, details, known: crosses to the GUI thread

    def __init__(self, parent_widget: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__()
        self._parent_widget = parent_widget
        self._previous_hook: Any = None
        self._previous_thread_hook: Any = None
        self._open: ErrorDialog | None = None
        self._raised.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            threading.excepthook = self._previous_thread_hook
            self._previous_hook = self._previous_thread_hook = None

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            if self._previous_hook is not None:
                self._previous_hook(exc_type, exc, tb)
            return
        tb_text = "".join(traceback.format_exception(exc_type, exc, tb))
        known = classify_error(exc) is not None
        if known:
            log.warning("known failure in the UI: %s\n%s", exc, tb_text)
        else:
            log.error("unexpected exception in the UI\n%s", tb_text)
        summary, details = describe(exc, tb_text)
        self._raised.emit(summary, details, known)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str, str, bool)
    def _show(self, summary: str, details: str, _known: bool) -> None:
        if self._open is not None:
            # One dialog at a time: a burst of errors (a failing paint, a timer) is appended to it.
            self._open.details.appendPlainText("\n— another error —\n" + details)
            return
        dialog = ErrorDialog(summary, details, self._parent_widget())
        dialog.finished.connect(self._closed)
        self._open = dialog
        dialog.open()  # window-modal, does not block the event loop
        self.shown.emit(dialog)

    def _closed(self) -> None:
        self._open = None
