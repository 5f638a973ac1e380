"""Issue 15 item 6: every screen works at 1024×700, in Chinese and in English — the window can be
that small, and no key header, label, tab or chart text is cut to "…"."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGraphicsTextItem,
    QLabel,
    QTableView,
    QTabWidget,
    QWidget,
)

from app.bootstrap import AppContext
from app.services.cases.demo import seed_demo
from app.services.clock import BEIJING, FixedClock
from app.ui.cases import table_model as ctm
from app.ui.common.elided_label import ElidedLabel
from app.ui.common.tasks import TaskRunner
from app.ui.shell.main_window import MainWindow

SMALL = QSize(1024, 700)
LANGUAGES = ["zh_CN", "en"]
CASE_KEY_COLUMNS = (
    ctm.COL_COUNTDOWN,
    ctm.COL_AFTERSALE_NO,
    ctm.COL_CONSEQUENCE,
    ctm.COL_STAGE,
    ctm.COL_PLATFORM,
    ctm.COL_SHOP,
)


@pytest.fixture(params=LANGUAGES)
def small_window(
    request: pytest.FixtureRequest,
    use_language: Callable[[str], None],
    qtbot: QtBot,
    ctx: AppContext,
    settings: QSettings,
    clock: FixedClock,
) -> Iterator[MainWindow]:
    use_language(request.param)
    seed_demo(ctx.cases, clock)
    w = MainWindow(clock, settings, TaskRunner(inline=True), ctx.data_dir, tz=BEIJING)
    qtbot.addWidget(w)
    w.attach(ctx)
    w.resize(SMALL)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def settle(w: QWidget) -> None:
    for _ in range(3):  # layouts that reflow on resize (filter bar, action buttons) settle in turns
        QApplication.processEvents()
    if isinstance(w, MainWindow):
        assert w.size() == SMALL, f"the window is {w.width()}×{w.height()}"


def fits(hint: QSize, room: QSize = SMALL) -> bool:
    return hint.width() <= room.width() and hint.height() <= room.height()


def cut_labels(root: QWidget) -> list[str]:
    """The visible labels whose text does not fit: one line wider than the label, or wrapped text
    taller than it. (A path label that elides on purpose shows its whole text in the tooltip.)"""
    out = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if not label.isVisibleTo(root) or not label.isVisible() or not text or isinstance(label, ElidedLabel):
            continue
        if label.textFormat() == Qt.TextFormat.RichText or text.lstrip().startswith("<"):
            continue
        room = label.contentsRect()
        if label.wordWrap():
            if label.heightForWidth(room.width()) > room.height() + 1:
                out.append(f"{text!r}: wrapped to {label.heightForWidth(room.width())} px in {room.height()}")
        else:
            need = max(label.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
            if need > room.width():
                out.append(f"{text!r}: {need} px in {room.width()}")
    for button in root.findChildren(QAbstractButton):
        if button.isVisible() and button.text() and button.sizeHint().width() > button.width():
            out.append(f"button {button.text()!r}: {button.sizeHint().width()} px in {button.width()}")
    return out


def cut_headers(table: QTableView) -> list[str]:
    """Header sections on screen narrower than their title (and sort mark)."""
    header = table.horizontalHeader()
    model = table.model()
    out = []
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        x = header.sectionViewportPosition(logical)
        if x < 0 or x + header.sectionSize(logical) > header.viewport().width():
            continue  # scrolled off to the side, not cut
        need = header.sectionSizeFromContents(logical).width()
        if need > header.sectionSize(logical):
            title = model.headerData(logical, Qt.Orientation.Horizontal)
            out.append(f"{title!r}: {need} px in {header.sectionSize(logical)}")
    return out


def cut_cells(table: QTableView, columns: tuple[int, ...]) -> list[str]:
    """Columns narrower than their rows' text (the view would show "Awaiting merc…")."""
    model = table.model()
    out = []
    for col in columns:
        need = table.sizeHintForColumn(col)
        if need > table.columnWidth(col):
            title = model.headerData(col, Qt.Orientation.Horizontal)
            out.append(f"{title!r} cells: {need} px in {table.columnWidth(col)}")
    return out


def chart_texts(view: QWidget) -> list[str]:
    """Every text QtCharts drew (titles, axis labels); it cuts what has no room to "..."."""
    scene = view.scene()  # type: ignore[attr-defined]
    texts = []
    for item in scene.items():
        text = item.toGraphicsObject()  # QtCharts' own label items, seen through their Qt type
        if isinstance(text, QGraphicsTextItem) and text.toPlainText():
            texts.append(text.toPlainText())
    return texts


def on_screen(table: QTableView, col: int) -> bool:
    x = table.columnViewportPosition(col)
    return (
        table.horizontalScrollBar().value() == 0
        and x >= 0
        and x + table.columnWidth(col) <= table.viewport().width()
    )


def test_the_cases_list_fits_and_shows_its_key_columns_whole(small_window: MainWindow) -> None:
    w = small_window
    w.show_screen("cases")
    settle(w)
    assert fits(w.minimumSizeHint()), w.minimumSizeHint()
    cases = w.cases
    assert cases.tabs.sizeHint().width() <= cases.tabs.width(), "quick tabs behind scroll arrows"
    assert cut_labels(cases) == []
    assert cut_headers(cases.table) == []
    assert cut_cells(cases.table, CASE_KEY_COLUMNS) == []
    assert cut_labels(w.statusBar()) == []
    for col in CASE_KEY_COLUMNS[:4]:
        assert on_screen(cases.table, col), cases.model.headerData(col, Qt.Orientation.Horizontal)


def test_the_detail_leaves_the_after_sales_no_in_view(small_window: MainWindow) -> None:
    w = small_window
    rows = w.cases.model.rows
    pick = next(r.id for r in rows if r.stage == "awaiting_merchant_receipt" and r.due)
    w.controller.open_case(pick)
    settle(w)
    assert w.cases.detail_holder.isVisible()
    assert fits(w.minimumSizeHint()), w.minimumSizeHint()
    table = w.cases.table
    assert on_screen(table, ctm.COL_COUNTDOWN) and on_screen(table, ctm.COL_AFTERSALE_NO)
    assert cut_headers(table) == []
    assert cut_cells(table, (ctm.COL_COUNTDOWN, ctm.COL_AFTERSALE_NO)) == []
    panel = w.findChild(QWidget, "caseDetail")
    assert panel is not None
    scroll = panel.body_scroll  # type: ignore[attr-defined]
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width(), "cut at the right edge"
    assert cut_labels(panel) == []


def test_the_dashboard_fits_and_names_every_reason(small_window: MainWindow) -> None:
    w = small_window
    w.show_screen("dashboard")
    settle(w)
    assert fits(w.minimumSizeHint()), w.minimumSizeHint()
    view = w.screen_widget("dashboard")
    assert cut_labels(view) == []
    assert cut_headers(view.upcoming) == []  # type: ignore[attr-defined]
    for chart in (view.reason_chart, view.daily_chart):  # type: ignore[attr-defined]
        texts = chart_texts(chart)
        assert texts and [t for t in texts if t.endswith("...")] == [], texts
    figures = view.figures  # type: ignore[attr-defined]
    assert figures is not None and figures.by_reason_month  # the demo month has reasons to name


def test_the_rules_screen_fits(small_window: MainWindow) -> None:
    w = small_window
    w.show_screen("rules")
    settle(w)
    assert fits(w.minimumSizeHint()), w.minimumSizeHint()
    view = w.screen_widget("rules")
    assert cut_labels(view) == []
    table = view.table  # type: ignore[attr-defined]
    assert cut_headers(table) == []
    from app.ui.rules.view import COLUMN_COUNT

    assert table.wordWrap()  # long rule text wraps in its row, never "…"
    short_rows = [r for r in range(table.model().rowCount()) if table.rowHeight(r) < table.sizeHintForRow(r)]
    assert short_rows == []
    fm = table.fontMetrics()
    for col in range(COLUMN_COUNT):
        for row in range(table.model().rowCount()):
            text = str(table.model().index(row, col).data() or "")
            words = re.findall(r"[\x21-\x7e]+", text)  # Latin words wrap whole; Chinese breaks anywhere
            widest = max((fm.horizontalAdvance(word) for word in words), default=0)
            assert widest < table.columnWidth(col), f"{text!r} cannot wrap into {table.columnWidth(col)} px"
    off = [c for c in range(COLUMN_COUNT) if not on_screen(table, c)]
    assert off == [], f"the rules table scrolls sideways: {off}"


def test_the_settings_dialog_fits_on_every_tab(small_window: MainWindow, qtbot: QtBot) -> None:
    from app.ui.settings.dialog import open_settings_dialog

    dialog = open_settings_dialog(small_window)
    qtbot.waitExposed(dialog)
    assert fits(dialog.minimumSizeHint()), dialog.minimumSizeHint()
    assert fits(dialog.size()), dialog.size()
    tabs = dialog.findChild(QTabWidget)
    assert tabs is not None
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        settle(dialog)
        assert cut_labels(dialog) == [], tabs.tabText(i)
    dialog.close()
