"""Help → 使用指南 (F1): a short guide that works offline, and the keyboard shortcuts as they are
bound now (read from the window's actions, so the list never drifts from the menus)."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(keys, what) for every action with a shortcut, in menu order, without the & markers."""
    rows = []
    for action in actions:
        keys = action.shortcut()
        if keys.isEmpty():
            continue
        what = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
        rows.append((keys.toString(QKeySequence.SequenceFormat.NativeText), what))
    return rows


class GuideDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Aftersales Sentinel: guide"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setOpenExternalLinks(False)
        self.shortcuts = shortcut_rows(actions)
        self.browser.setHtml(self._html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 600)

    def _html(self) -> str:
        steps = [
            self.tr(
                "<b>Get the cases in.</b> File → New case (Ctrl+N) for one case; File → Import (Ctrl+I) "
                "for a platform's after-sales export (.xlsx or .csv) — or drop the file on the window. "
                "Importing the same export again only updates what changed."
            ),
            self.tr(
                "<b>Watch the clocks.</b> Every case shows how long is left before the platform acts on "
                "its own (approves, refunds, closes). The list opens on the soonest deadline; red rows are "
                "the urgent ones. The tab 待我处理 lists what waits for you."
            ),
            self.tr(
                "<b>Act.</b> Double-click a case (or press Enter) to open it on the right, then press the "
                "button of what happened: approve, reject, buyer shipped… The clocks change with the stage. "
                "After an action the next case is selected, so you can work down the list."
            ),
            self.tr(
                "<b>Alerts.</b> Before a merchant clock runs out (24 h, 6 h, 1 h, 15 min by default) an alert "
                "appears in the strip above the list and from the tray icon. Closing the window keeps the "
                "alerts coming; quit with File → Quit."
            ),
            self.tr(
                "<b>Rules.</b> The Rules screen shows each platform's clocks and where they come from. When a "
                "platform changes a rule, change the duration there (e.g. 72小时, 3天, 2个工作日)."
            ),
            self.tr(
                "<b>Reports and backups.</b> Reports exports an Excel workbook for the accountant. A backup "
                "is made every day in the data folder; File → Back up now makes one at once."
            ),
        ]
        items = "".join(f"<li style='margin-bottom:6px'>{s}</li>" for s in steps)
        keys = "".join(
            f"<tr><td style='padding-right:16px'><b>{escape(k)}</b></td><td>{escape(w)}</td></tr>"
            for k, w in self.shortcuts
        )
        return (
            f"<h3>{self.tr('Getting started')}</h3><ol>{items}</ol>"
            f"<h3>{self.tr('Keyboard shortcuts')}</h3><table>{keys}"
            f"<tr><td style='padding-right:16px'><b>Enter</b></td><td>{self.tr('Open the selected case')}</td></tr>"
            f"<tr><td style='padding-right:16px'><b>↑ ↓</b></td><td>{self.tr('Move through the list')}</td></tr>"
            "</table>"
        )
