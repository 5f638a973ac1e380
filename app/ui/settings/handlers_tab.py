"""Settings → Handlers: the shop's staff who handle cases, in order (the list the window and
`--handler` check names against), and the import's shop rule (whom a shop's new cases go to)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.ui.common import vocab

# (platform, shop, assignee or None): the shop rule of imports.
ShopRule = tuple[str, str, str | None]


class HandlersEditor(QWidget):
    def __init__(self, names: Sequence[str], shop_rules: Sequence[ShopRule] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._shop_rules = list(shop_rules)
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
        self.shops = QTableWidget(len(self._shop_rules), 2)
        self.shops.setObjectName("shopRules")
        self.shops.setHorizontalHeaderLabels([self.tr("Shop"), self.tr("New imported cases go to")])
        self.shops.verticalHeader().hide()
        self.shops.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.shops.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, (platform, shop, _assignee) in enumerate(self._shop_rules):
            label = f"{vocab.label(vocab.platforms(), platform)} · {shop}"
            self.shops.setItem(row, 0, QTableWidgetItem(label))
            self.shops.setCellWidget(row, 1, QComboBox())
        self._fill_rule_choices()
        rules_hint = QLabel(self.tr("An import assigns each shop's new cases to its handler; the others stay unassigned."))
        rules_hint.setWordWrap(True)
        if self._shop_rules:
            grid.addWidget(self.shops, 6, 0, 1, 2)
            grid.addWidget(rules_hint, 7, 0, 1, 2)
        else:
            self.shops.hide()

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def shop_rules(self) -> list[ShopRule]:
        """Each shop with the handler chosen for it (None: unassigned; a name removed from the
        list above falls back to none)."""
        out: list[ShopRule] = []
        for row, (platform, shop, _old) in enumerate(self._shop_rules):
            combo = self.shops.cellWidget(row, 1)
            assert isinstance(combo, QComboBox)
            out.append((platform, shop, combo.currentData() or None))
        return out

    def _fill_rule_choices(self) -> None:
        names = self.names()
        for row, (_platform, _shop, assignee) in enumerate(self._shop_rules):
            combo = self.shops.cellWidget(row, 1)
            assert isinstance(combo, QComboBox)
            chosen = combo.currentData() if combo.count() else assignee
            combo.clear()
            combo.addItem(self.tr("(unassigned)"), "")
            for name in names:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(combo.findData(chosen or ""), 0))

    def add(self) -> None:
        name = self.name.text().strip()
        if name and name not in self.names():
            self.list.addItem(name)
            self._fill_rule_choices()
        self.name.clear()

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self._fill_rule_choices()

    def move_by(self, offset: int) -> None:
        row = self.list.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
