"""Who is working at this computer: chosen in the status bar, remembered across starts, recorded
on every step the window writes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QInputDialog, QLabel, QWidget

from app.ui.settings import keys

CURRENT_HANDLER = keys.Setting("desk/current_handler", str, "")


def current_handler(settings: QSettings) -> str:
    return str(keys.read(settings, CURRENT_HANDLER) or "")


class HandlerChoice(QWidget):
    """'Handler: [小王 ▾]' — the list is read again each time it opens (Settings may have changed it)."""

    changed = Signal(str)

    def __init__(self, settings: QSettings, names: Callable[[], list[str]], parent: Any = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._names = names
        self.combo = _Combo(self._refill)
        self.combo.setObjectName("currentHandler")
        self.combo.setToolTip(self.tr("Who is working: every step you record carries this name"))
        self.combo.activated.connect(self._chosen)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Handler:")))
        layout.addWidget(self.combo)
        self._refill()

    def _refill(self) -> None:
        remembered = current_handler(self.settings)
        names = self._names()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("(nobody)"), "")
        for name in names:
            self.combo.addItem(name, name)
        index = self.combo.findData(remembered)
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        self.setVisible(bool(names) or bool(remembered))

    def names(self) -> list[str]:
        return self._names()

    def needs_choice(self) -> bool:
        """The shop has handlers and none of them is remembered here: ask at start."""
        names = self._names()
        return bool(names) and current_handler(self.settings) not in names

    def choose(self, name: str) -> None:
        keys.write(self.settings, CURRENT_HANDLER, name)
        self.settings.sync()
        self._refill()
        self.changed.emit(name)

    def _chosen(self, index: int) -> None:
        self.choose(str(self.combo.itemData(index) or ""))


class _Combo(QComboBox):
    def __init__(self, before_popup: Callable[[], None]) -> None:
        super().__init__()
        self._before_popup = before_popup

    def showPopup(self) -> None:
        self._before_popup()
        super().showPopup()


def ask_at_start(parent: QWidget, choice: HandlerChoice) -> QInputDialog:
    """'Who is working?' once the window is up (not a nested event loop: `open()`)."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("chooseHandler")
    dialog.setWindowTitle(QCoreApplication.translate("HandlerChoice", "Who is working?"))
    dialog.setLabelText(
        QCoreApplication.translate(
            "HandlerChoice", "Every step you record carries this name (change it in the status bar)."
        )
    )
    dialog.setComboBoxItems(choice.names())
    dialog.setComboBoxEditable(False)
    dialog.textValueSelected.connect(choice.choose)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
