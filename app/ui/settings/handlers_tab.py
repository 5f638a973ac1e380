"""Settings → Handlers: the shop's staff who handle cases, in order (the list the window and
`--handler` check names against)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QListWidget, QPushButton, QWidget


class HandlersEditor(QWidget):
    def __init__(self, names: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("handlerList")
        self.list.addItems(list(names))
        self.name = QLineEdit()
        self.name.setObjectName("handlerName")
        self.name.setPlaceholderText(self.tr("Name, e.g. 小王"))
        self.name.returnPressed.connect(self.add)
        add = QPushButton(self.tr("Add"))
        add.setObjectName("addHandler")
        add.clicked.connect(self.add)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove)
        up, down = QPushButton(self.tr("Up")), QPushButton(self.tr("Down"))
        up.clicked.connect(lambda: self.move_by(-1))
        down.clicked.connect(lambda: self.move_by(1))
        hint = QLabel(
            self.tr(
                "Each step records who did it; the dashboard counts per handler. "
                "Once there is a list, only these names are taken (also by the command line's --handler)."
            )
        )
        hint.setWordWrap(True)
        grid = QGridLayout(self)
        grid.addWidget(self.list, 0, 0, 4, 1)
        grid.addWidget(up, 0, 1)
        grid.addWidget(down, 1, 1)
        grid.addWidget(remove, 2, 1)
        grid.addWidget(self.name, 4, 0)
        grid.addWidget(add, 4, 1)
        grid.addWidget(hint, 5, 0, 1, 2)

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def add(self) -> None:
        name = self.name.text().strip()
        if name and name not in self.names():
            self.list.addItem(name)
        self.name.clear()

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def move_by(self, offset: int) -> None:
        row = self.list.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
