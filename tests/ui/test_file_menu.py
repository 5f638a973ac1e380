"""File menu: Import… (and dropping an export on the window), Export list…, Back up now…, Restore…"""

from __future__ import annotations

import csv
import os
import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from app.bootstrap import AppContext
from app.models.enums import Platform
from app.services.clock import FixedClock
from app.ui.cases import table_model as ctm
from app.ui.importing.wizard import ImportWizard
from tests.services.test_alerts import add_case
from tests.ui.helpers import listed_ids
from tests.ui.shell_fixtures import App

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"


def file_menu_texts(app: App) -> list[str]:
    return [a.text() if not a.isSeparator() else "|" for a in app.window.menu("file").actions()]


def test_the_file_menu_reaches_every_piece_with_its_shortcut(running: App) -> None:
    texts = [t for t in file_menu_texts(running) if t != "|"]
    assert texts == [
        "&New case…",
        "&Import…",
        "&Export list…",
        "Reply &templates…",
        "&Back up now…",
        "&Restore from a backup…",
        "&Quit",
    ]
    w = running.window
    assert w.import_flow is not None and w.import_flow.action.shortcut().toString() == "Ctrl+I"
    assert w.list_export is not None and w.list_export.action.shortcut().toString() == "Ctrl+E"


def drop(qapp: QApplication, target: App, path: Path) -> None:
    """What Qt delivers when a file is dragged from a file manager and dropped on the window."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window = target.window
    centre = QPoint(window.width() // 2, window.height() // 2)
    enter = QDragEnterEvent(
        centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    qapp.sendEvent(window, enter)
    assert enter.isAccepted()
    dropped = QDropEvent(
        QPointF(centre),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    qapp.sendEvent(window, dropped)


def test_dropping_an_export_opens_the_wizard_at_its_preview_then_shows_the_imported_cases(
    running: App, qapp: QApplication, qtbot: QtBot, ctx: AppContext
) -> None:
    own = add_case(ctx, "KS-OWN")
    running.window.controller.load_all()
    drop(qapp, running, DATA / "taobao.xlsx")
    flow = running.window.import_flow
    assert flow is not None
    wizard = flow.wizard
    assert isinstance(wizard, ImportWizard) and wizard.isVisible()
    assert wizard.path() == DATA / "taobao.xlsx"
    assert wizard.currentPage() is wizard.preview_page  # straight to the preview
    assert wizard.preview_page.plan is not None and wizard.preview_page.plan.platform is Platform.TAOBAO

    with qtbot.waitSignal(wizard.imported) as imported:
        wizard.next()
    ids = imported.args[0]
    assert len(ids) == 4
    assert sorted(listed_ids(running.window)) == sorted([own, *ids])  # every screen reloaded

    wizard.run_page.show_button.click()
    assert not wizard.isVisible()
    bar = running.window.cases.filter_bar
    assert sorted(listed_ids(running.window)) == sorted(ids)
    assert bar.ids_chip.isVisible() and "4" in bar.ids_chip.text()
    bar.ids_chip.click()  # the visible way back to every case
    assert not bar.ids_chip.isVisible()
    assert sorted(listed_ids(running.window)) == sorted([own, *ids])


def test_only_exports_are_taken_from_a_drop(running: App, qapp: QApplication, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("hello")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(note))])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    qapp.sendEvent(running.window, enter)
    assert not enter.isAccepted()
    assert running.window.import_flow is not None and running.window.import_flow.wizard is None


def test_import_from_the_menu_opens_an_empty_wizard(running: App) -> None:
    flow = running.window.import_flow
    assert flow is not None
    flow.action.trigger()
    assert flow.wizard is not None and flow.wizard.currentPage() is flow.wizard.file_page
    flow.wizard.close()


def test_export_writes_the_rows_as_filtered_and_sorted(running: App, ctx: AppContext, tmp_path: Path) -> None:
    for no in ("KS-A1", "KS-B1", "KS-A2", "KS-A3"):
        add_case(ctx, no)
    running.window.controller.load_all()
    cases = running.window.cases
    cases.filter_bar.search.setText("KS-A")
    cases.filter_bar.flush()
    cases.table.sortByColumn(ctm.COL_AFTERSALE_NO, Qt.SortOrder.DescendingOrder)  # Z→A
    shown = listed_ids(running.window)
    assert len(shown) == 3

    export = running.window.list_export
    assert export is not None
    target = tmp_path / "list.csv"
    export.choose_path = lambda suggested: target
    opened: list[Path] = []
    export.open_folder = opened.append
    export.action.trigger()

    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["售后单号"] for r in rows] == ["KS-A3", "KS-A2", "KS-A1"]
    assert [int(r["案件ID"]) for r in rows] == shown
    box = export.done_box
    assert box is not None and "3 cases written" in box.text()
    [folder_button] = [b for b in box.buttons() if b.text() == "Open folder"]
    folder_button.click()
    assert opened == [tmp_path]


def test_export_to_excel(running: App, ctx: AppContext, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    add_case(ctx, "KS-X")
    running.window.controller.load_all()
    export = running.window.list_export
    assert export is not None
    export.choose_path = lambda suggested: tmp_path / "list.xlsx"
    export.action.trigger()
    sheet = load_workbook(tmp_path / "list.xlsx", read_only=True).active
    assert sheet is not None
    values = [row for row in sheet.iter_rows(values_only=True)]
    assert values[0][3] == "售后单号" and values[1][3] == "KS-X" and len(values) == 2


def test_back_up_now_writes_a_backup(running: App, ctx: AppContext) -> None:
    add_case(ctx)
    backups = running.shell.backups
    assert backups is not None
    backups.back_up_action.trigger()
    [written] = list((ctx.data_dir / "backups").glob("sentinel-*-manual.db"))
    con = sqlite3.connect(written)
    try:
        assert con.execute("SELECT aftersale_no FROM cases").fetchall() == [("KS1001",)]
    finally:
        con.close()
    assert running.prompter.kinds() == ["save_path", "inform"]


def open_files() -> list[str]:
    """Files this process holds open (Linux /proc)."""
    fds = Path("/proc/self/fd")
    return [os.readlink(fd) for fd in fds.iterdir() if fd.is_symlink()] if fds.is_dir() else []


def test_restore_replaces_the_data_and_nothing_keeps_the_old_file(
    running: App, ctx: AppContext, clock: FixedClock
) -> None:
    kept = add_case(ctx, "KS-KEPT")
    backups = running.shell.backups
    assert backups is not None
    backups.back_up_action.trigger()
    [backup] = list((ctx.data_dir / "backups").glob("sentinel-*-manual.db"))
    add_case(ctx, "KS-LATER")
    running.window.controller.load_all()
    assert len(listed_ids(running.window)) == 2

    running.prompter.open_file = backup
    running.prompter.answers = [True]  # "Replace the current data…?"
    backups.restore_action.trigger()

    assert listed_ids(running.window) == [kept]  # every screen reloaded from the restored file
    assert running.window.isEnabled()
    [aside] = [
        p for p in ctx.data_dir.glob("sentinel.db.before-restore-*") if not p.name.endswith(("-wal", "-shm"))
    ]
    assert not any(p.startswith(str(aside)) for p in open_files())  # no stale connection

    later = add_case(ctx, "KS-AFTER")  # writes go into the restored file
    con = sqlite3.connect(ctx.data_dir / "sentinel.db")
    try:
        assert {r[0] for r in con.execute("SELECT id FROM cases")} == {kept, later}
    finally:
        con.close()
    scheduler = running.center.scheduler
    assert scheduler.next_plan is not None and scheduler.next_plan.instant is not None  # re-planned
