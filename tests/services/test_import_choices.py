"""What the merchant chooses for a file: the shop of a file without a shop column (asked before the
preview, remembered per platform; `--shop` on the command line) and any column's field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import AppContext
from app.cli import main
from app.models.entities import Case
from app.models.enums import Platform

REAL = Path(__file__).resolve().parent.parent / "data" / "imports" / "real"
CLASSIC = REAL / "退款报表_classic.csv"
NOW = "2026-11-02T10:00:00+08:00"


@pytest.fixture
def two_taobao_shops(ctx: AppContext) -> AppContext:
    ctx.shops.ensure([(Platform.TAOBAO, "暖暖淘宝店"), (Platform.TAOBAO, "暖暖天猫旗舰店")])
    return ctx


def test_the_shop_question_is_known_before_the_preview(two_taobao_shops: AppContext) -> None:
    ctx = two_taobao_shops
    options = ctx.importer.shop_options(CLASSIC)
    assert options.platform is Platform.TAOBAO
    assert options.shops == ("暖暖天猫旗舰店", "暖暖淘宝店") and options.remembered is None
    # a file with its own shop column needs no answer
    assert ctx.importer.shop_options(REAL / "aftersales_export.xlsx").shops == ()


def test_the_chosen_shop_is_remembered_for_the_platform(two_taobao_shops: AppContext) -> None:
    ctx = two_taobao_shops
    ctx.importer.remember_shop(Platform.TAOBAO, "暖暖天猫旗舰店")
    options = ctx.importer.shop_options(CLASSIC)
    assert options.shops == ("暖暖天猫旗舰店", "暖暖淘宝店") and options.remembered == "暖暖天猫旗舰店"
    plan = ctx.importer.preview(CLASSIC)
    assert plan.questions == [] and plan.shop == "暖暖天猫旗舰店"


def test_any_column_can_be_given_another_field_and_it_is_saved_for_the_platform(
    ctx: AppContext, tmp_path: Path
) -> None:
    f = tmp_path / "a.csv"
    f.write_text(
        "售后单号,订单号,申请时间,退款金额,商品名称,规格\nKS1,1001,2026-11-01 09:00,9.00,围巾,红色\n",
        encoding="utf-8",
    )
    before = ctx.importer.preview(f, Platform.KUAISHOU)
    assert before.columns.by_field["sku"] == "规格"
    # this merchant's 规格 column holds the product's name, 商品名称 its SKU
    ctx.importer.mappings.save_user_words(Platform.KUAISHOU, columns={"规格": "product_title", "商品名称": "sku"})
    after = ctx.importer.preview(f, Platform.KUAISHOU)
    assert after.columns.by_field["product_title"] == "规格" and after.columns.by_field["sku"] == "商品名称"
    assert after.rows[0].new_case is not None and after.rows[0].new_case.product_title == "红色"


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--now", NOW, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_import_takes_the_shop(two_taobao_shops: AppContext, capsys: pytest.CaptureFixture[str]) -> None:
    ctx = two_taobao_shops
    data = ctx.data_dir
    ctx.close()
    code, _, err = run(capsys, data, "import", str(CLASSIC))
    assert code == 1 and "several taobao shops" in err and "--shop" in err
    code, out, err = run(capsys, data, "import", str(CLASSIC), "--shop", "暖暖淘宝店", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["shop"] == "暖暖淘宝店" and result["counts"]["new"] == 7
    again = AppContext.open(data, ctx.clock)
    try:
        with again.sessions() as session:
            shops = {c.shop.name for c in session.scalars(select(Case))}
        assert shops == {"暖暖淘宝店"}
    finally:
        again.close()
