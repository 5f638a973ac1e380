"""Import wizard: file → preview (guess, mapping, outcomes) → import with progress → show cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.bootstrap import AppContext
from app.models.enums import Platform, Stage
from app.ui.common.tasks import TaskRunner
from app.ui.importing.preview_model import COL_OUTCOME, ImportPreviewModel
from app.ui.importing.wizard import ImportWizard

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"


@pytest.fixture
def wizard(qtbot: QtBot, ctx: AppContext) -> ImportWizard:
    runner = TaskRunner(inline=True)
    w = ImportWizard(ctx.importer, runner)
    qtbot.addWidget(w)
    return w


def test_preview_model_passes_the_model_tester(qtmodeltester, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    plan = ctx.importer.preview(DATA / "kuaishou.csv")
    model = ImportPreviewModel()
    model.set_rows(list(plan.rows))
    qtmodeltester.check(model)
    assert model.rowCount() == len(plan.rows) == 7
    assert model.data(model.index(0, COL_OUTCOME)) == "new"


def test_file_to_summary_and_show_imported_cases(wizard: ImportWizard, qtbot: QtBot, ctx: AppContext) -> None:
    wizard.show()
    assert not wizard.file_page.isComplete()
    wizard.file_page.path_edit.setText(str(DATA / "taobao.xlsx"))
    assert wizard.file_page.isComplete()

    wizard.next()
    preview = wizard.preview_page
    assert preview.plan is not None and preview.plan.platform.value == "taobao"
    assert "(guessed)" in preview.summary.text()
    assert "New 4 · update 0 · unchanged 0 · errors 2" in preview.summary.text()
    assert preview.model.rowCount() == 6
    assert preview.isComplete()
    assert ctx.queries.list_cases() == []  # a preview writes nothing

    with qtbot.waitSignal(wizard.imported) as imported:
        wizard.next()
    run = wizard.run_page
    assert run.isComplete()
    ids = imported.args[0]
    assert len(ids) == 4 and sorted(r.id for r in ctx.queries.list_cases()) == ids
    assert "4 new" in run.summary.text()
    with qtbot.waitSignal(wizard.show_cases) as shown:
        run.show_button.click()
    assert shown.args == [ids]


def test_unreadable_file_is_a_message_not_a_traceback(wizard: ImportWizard, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    wizard.file_page.path_edit.setText(str(bad))
    wizard.show()
    wizard.next()
    assert "Cannot import" in wizard.preview_page.summary.text()
    assert not wizard.preview_page.isComplete()


def test_unknown_status_and_missing_column_can_be_mapped_in_the_wizard(
    wizard: ImportWizard, tmp_path: Path
) -> None:
    f = tmp_path / "a.csv"
    f.write_text(
        "售后单号,订单号,售后状态,发起日期,退款金额\n"
        "A1,1,风控冻结中,2026-11-01 09:00,9\n"
        "A2,2,待商家处理,2026-11-01 09:00,9\n",
        encoding="utf-8-sig",
    )
    wizard.file_page.path_edit.setText(str(f))
    wizard.show()
    wizard.next()
    page = wizard.preview_page
    assert page.plan is not None and page.plan.missing_columns == ["requested_at"]
    assert not page.isComplete() and page.fix_box.isVisibleTo(wizard)
    # nothing in these bare headers says which platform: the page asks; the merchant picks one
    assert page.plan.platform_question is not None
    page.platform_combo.setCurrentIndex(page.platform_combo.findData("kuaishou"))
    page.refresh()
    page.choose_column("requested_at", "发起日期")
    page.save_button.click()
    assert page.plan is not None and page.plan.counts()["new"] == 1
    page.choose_status("风控冻结中", Stage.IN_DISPUTE)
    page.save_button.click()
    assert page.plan is not None and page.plan.counts() == {"new": 2, "update": 0, "unchanged": 0, "error": 0, "merged": 0}
    assert page.isComplete()


def test_the_import_writes_the_previewed_rows_without_reading_the_file_again(
    wizard: ImportWizard, qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    export = tmp_path / "kuaishou.csv"
    export.write_bytes((DATA / "kuaishou.csv").read_bytes())
    wizard.show()
    wizard.file_page.path_edit.setText(str(export))
    wizard.next()
    preview = wizard.preview_page
    assert preview.plan is not None and preview.progress.isHidden()  # the bar only while it reads
    export.unlink()  # moved away after the preview: the import still has every row it showed
    with qtbot.waitSignal(wizard.imported) as imported:
        wizard.next()
    assert len(imported.args[0]) == preview.plan.counts()["new"] > 0


def test_the_preview_reports_reading_then_checking(wizard: ImportWizard, tmp_path: Path) -> None:
    header = "售后单号,订单号,售后类型,售后原因,售后状态,申请时间,退款金额"
    lines = [header] + [
        f"KS{i},{1000 + i},仅退款,质量问题,待商家处理,2026-11-01 09:00,9.00" for i in range(4500)
    ]
    export = tmp_path / "big.csv"
    export.write_text("\n".join(lines), encoding="utf-8-sig")
    seen: list[tuple[str, int, int]] = []
    wizard.preview_page._progress = lambda done, total, phase: seen.append(  # type: ignore[method-assign]
        (phase, done, total)
    )
    wizard.show()
    wizard.file_page.path_edit.setText(str(export))
    wizard.next()
    phases = [p for p, _, _ in seen]
    assert phases[0] == "reading" and phases[-1] == "checking"
    assert phases.index("checking") > phases.count("reading") - 1  # reading first, then checking
    reading = [(d, t) for p, d, t in seen if p == "reading"]
    assert reading == [(2000, 4501), (4000, 4501)]
    checking = [d for p, d, _ in seen if p == "checking"]
    assert checking == sorted(checking) and checking[-1] == 2 * 4500


REAL = DATA / "real"


def test_the_first_page_asks_for_the_shop_and_remembers_it(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.shops.ensure([(Platform.TAOBAO, "暖暖淘宝店"), (Platform.TAOBAO, "暖暖天猫旗舰店")])
    runner = TaskRunner(inline=True)
    first = ImportWizard(ctx.importer, runner)
    qtbot.addWidget(first)
    first.show()
    page = first.file_page
    page.path_edit.setText(str(REAL / "退款报表_classic.csv"))  # no shop column, two Taobao shops
    assert page.shop_combo.isVisibleTo(first) and not page.isComplete()
    assert [page.shop_combo.itemData(i) for i in range(page.shop_combo.count())] == [
        None,
        "暖暖天猫旗舰店",
        "暖暖淘宝店",
    ]
    page.shop_combo.setCurrentIndex(page.shop_combo.findData("暖暖淘宝店"))
    assert page.isComplete()
    first.next()
    plan = first.preview_page.plan
    assert plan is not None and plan.questions == [] and plan.shop == "暖暖淘宝店"
    with qtbot.waitSignal(first.imported):
        first.next()
    # the next file of this platform: the same shop is chosen already
    second = ImportWizard(ctx.importer, runner)
    qtbot.addWidget(second)
    second.show()
    second.file_page.path_edit.setText(str(REAL / "退款报表_classic.csv"))
    assert second.file_page.shop_combo.currentData() == "暖暖淘宝店" and second.file_page.isComplete()
    # a file with its own shop column: no picker
    second.file_page.path_edit.setText(str(REAL / "aftersales_export.xlsx"))
    assert not second.file_page.shop_combo.isVisibleTo(second) and second.file_page.isComplete()


def test_any_column_can_be_remapped_in_the_preview(wizard: ImportWizard, tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    f.write_text(
        "售后单号,订单号,申请时间,退款金额,商品名称,规格\nKS1,1001,2026-11-01 09:00,9.00,围巾,红色\n",
        encoding="utf-8",
    )
    wizard.file_page.path_edit.setText(str(f))
    wizard.show()
    wizard.next()
    page = wizard.preview_page
    page.platform_combo.setCurrentIndex(page.platform_combo.findData("kuaishou"))
    page.refresh()
    box = page.columns_box
    assert box.field_of("规格") == "sku" and box.field_of("商品名称") == "product_title"
    box.choose("规格", "product_title")
    box.choose("商品名称", "sku")
    page.save_button.click()
    assert page.plan is not None and page.plan.columns.by_field["product_title"] == "规格"
    assert page.columns_box.field_of("规格") == "product_title"
    saved = wizard.importer.mappings.user_file(Platform.KUAISHOU)
    assert saved is not None and "规格" in saved.read_text(encoding="utf-8")
