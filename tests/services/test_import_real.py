"""Golden files laid out exactly like real downloads (tests/data/imports/real/make_real.py).

Each imports without any mapping: every row becomes a case or gets a precise message; types,
stages, amounts, shops and completion times are right; importing it again changes nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import AppContext
from app.models.entities import Case, Deadline
from app.models.enums import Platform
from app.services.clock import BEIJING
from app.services.importing import ImportFileError

REAL = Path(__file__).resolve().parent.parent / "data" / "imports" / "real"


def bj(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=BEIJING)


# file → (platform guessed, {after-sales no.: (outcome, platform, type, stage, amount, shop, closed_at)})
# and the errors expected: {row: words in its message}
CLASSIC: tuple[Platform, dict[str, tuple], dict[int, str]] = (
    Platform.TAOBAO,
    {
        "203600000000000001": ("taobao", "refund_only", "awaiting_merchant", "1299.00", "暖暖淘宝店", None),
        "203600000000000002": ("taobao", "return_refund", "awaiting_buyer_return", "89.00", "暖暖淘宝店", None),
        "203600000000000003": ("taobao", "return_refund", "awaiting_merchant_receipt", "59.90", "暖暖淘宝店", None),
        "203600000000000004": ("taobao", "refund_only", "refunded", "19.90", "暖暖淘宝店", "2026-10-20 15:00"),
        # 完结时间 1.5天 after the application of 2026-10-10 09:00
        "203600000000000005": ("taobao", "return_refund", "refunded", "120.00", "暖暖淘宝店", "2026-10-11 21:00"),
        "203600000000000006": ("taobao", "refund_only", "closed", "35.00", "暖暖淘宝店", "2026-10-30 18:00"),
        "203600000000000007": ("taobao", "refund_only", "rejected", "35.00", "暖暖淘宝店", None),
    },
    {9: "unknown status '风控冻结中'"},
)
CASES: dict[str, tuple[Platform, dict[str, tuple], dict[int, str]]] = {
    "退款报表_classic.csv": CLASSIC,
    # 千牛's download is named 退款报表.xls: a true Excel 97–2003 file, or the same GBK csv
    "退款报表.xls": CLASSIC,
    "退款报表_csv.xls": CLASSIC,
    "退款报表_new.xlsx": (
        Platform.TAOBAO,
        {
            "203600000000000101": ("taobao", "return_refund", "awaiting_buyer_return", "1088.00", "暖暖淘宝店", None),
            "203600000000000102": ("taobao", "refund_only", "refunded", "66.00", "暖暖淘宝店", "2026-10-28 10:30"),
        },
        {},
    ),
    "售后单_douyin.xlsx": (
        Platform.DOUYIN,
        {
            "7430000000000000001": ("douyin", "refund_only", "awaiting_merchant", "89.50", "暖暖抖店", None),
            "7430000000000000002": ("douyin", "return_refund", "awaiting_buyer_return", "159.00", "暖暖抖店", None),
            "7430000000000000003": ("douyin", "return_refund", "awaiting_merchant_receipt", "100.25", "暖暖抖店", None),
            "7430000000000000004": ("douyin", "refund_only", "refunded", "1299.00", "暖暖抖店", "2026-10-25 11:00"),
            "7430000000000000005": ("douyin", "exchange", "completed", "0.00", "暖暖抖店", "2026-10-28 12:00"),
            "7430000000000000006": ("douyin", "return_refund", "rejected", "49.00", "暖暖抖店", None),
            "7430000000000000007": ("douyin", "refund_only", "closed", "49.00", "暖暖抖店", "2026-10-30 20:00"),
        },
        {},
    ),
    "aftersales_export.xlsx": (
        Platform.KUAISHOU,
        {
            "2100000000000001": ("kuaishou", "return_refund", "awaiting_buyer_return", "168.00", "暖暖快手店", None),
            # no completion time in the file: the case ends at its last known time, the application
            "2100000000000002": ("kuaishou", "refund_only", "refunded", "35.50", "暖暖快手店", "2026-10-29 09:00"),
            "2100000000000003": ("kuaishou", "return_refund", "awaiting_merchant_receipt", "99.00", "暖暖快手店", None),
        },
        {},
    ),
    "efast_售后服务单.csv": (
        Platform.TAOBAO,  # from its 店铺, a shop of the merchant's on Taobao
        {
            "TD26110001": ("taobao", "return_refund", "refunded", "200.00", "暖暖天猫旗舰店", "2026-10-24 15:00"),
            "TD26110002": ("taobao", "refund_only", "awaiting_merchant", "30.00", "暖暖天猫旗舰店", None),
            "TD26110003": ("taobao", "return_refund", "awaiting_merchant_receipt", "45.00", "暖暖天猫旗舰店", None),
            "TD26110004": ("taobao", "return_refund", "closed", "10.00", "暖暖天猫旗舰店", "2026-10-30 09:00"),
            "TD26110005": ("taobao", "refund_only", "awaiting_merchant", "20.00", "暖暖天猫旗舰店", None),
        },
        {8: "disagrees on status"},
    ),
    "efast_平台退单.csv": (
        Platform.CUSTOM,  # several platforms: each row says its own
        {
            "203600000000000301": ("taobao", "refund_only", "awaiting_merchant", "59.00", "暖暖天猫旗舰店", None),
            "JD0000000302": ("jd", "return_refund", "awaiting_merchant", "150.00", "暖暖京东店", None),
            "PD0000000303": ("pinduoduo", "refund_only", "awaiting_merchant", "9.90", "暖暖拼多多店", None),
        },
        {6: "unknown platform 'houtai'"},
    ),
}


@pytest.fixture
def shops(ctx: AppContext) -> AppContext:
    ctx.shops.ensure(
        [
            (Platform.TAOBAO, "暖暖淘宝店"),
            (Platform.TAOBAO, "暖暖天猫旗舰店"),
            (Platform.DOUYIN, "暖暖抖店"),
        ]
    )
    return ctx


@pytest.mark.parametrize("name", sorted(CASES), ids=str)
def test_a_real_layout_imports_without_any_mapping(name: str, shops: AppContext) -> None:
    ctx = shops
    platform, expected, errors = CASES[name]
    path = REAL / name
    if name.startswith("退款报表"):
        # two Taobao shops: the wizard asks which one a file without a shop column belongs to
        with pytest.raises(ImportFileError, match="several taobao shops"):
            ctx.importer.import_file(path)
        result = ctx.importer.import_file(path, shop="暖暖淘宝店")
    else:
        result = ctx.importer.import_file(path)
    plan = result.plan
    assert plan.platform is platform and plan.platform_guessed and plan.platform_question is None
    assert not plan.missing_columns
    bad = {r.line: r.message for r in plan.rows if r.outcome.value == "error"}
    assert set(bad) == set(errors), bad
    for line, words in errors.items():
        assert words in bad[line]
    assert all(r.outcome.value in ("new", "merged") for r in plan.rows if r.line not in errors)
    got = {
        c.aftersale_no: (
            c.platform,
            c.case_type,
            c.stage,
            str(c.refund_requested),
            c.shop.name if c.shop else None,
            c.closed_at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M") if c.closed_at else None,
        )
        for c in _cases(ctx)
    }
    assert got == {no: tuple(v) for no, v in expected.items()}
    again = ctx.importer.import_file(path, shop="暖暖淘宝店" if name.startswith("退款报表") else None)
    counts = again.plan.counts()
    assert counts["new"] == counts["update"] == 0 and counts["error"] == len(errors)
    assert ctx.cases.recompute_check() == []


def _cases(ctx: AppContext) -> list[Case]:
    with ctx.sessions() as session:
        return list(session.scalars(select(Case)))


def test_goods_lines_are_one_case_with_its_items(shops: AppContext) -> None:
    ctx = shops
    ctx.importer.import_file(REAL / "efast_售后服务单.csv")
    (case,) = [c for c in _cases(ctx) if c.aftersale_no == "TD26110001"]
    # 实际应退款总额 repeats on both lines and is taken once; the goods are listed, quantities summed
    assert case.refund_requested == Decimal("200.00")
    assert case.product_title == "围巾；手套" and case.sku == "WJ-01；ST-02" and case.quantity == 3
    ctx.importer.import_file(REAL / "efast_平台退单.csv")
    (jd,) = [c for c in _cases(ctx) if c.aftersale_no == "JD0000000302"]
    assert jd.platform == "jd" and jd.quantity == 3


def test_kuaishou_cases_run_on_kuaishou_clocks(shops: AppContext) -> None:
    ctx = shops
    ctx.importer.import_file(REAL / "aftersales_export.xlsx")
    (case,) = [c for c in _cases(ctx) if c.aftersale_no == "2100000000000001"]
    assert case.platform == "kuaishou"
    with ctx.sessions() as session:
        (buyer,) = session.scalars(select(Deadline).where(Deadline.case_id == case.id, Deadline.party == "buyer"))
    # the buyer has 10 days on Kuaishou (Douyin's 7 would say the file was taken for Douyin's)
    assert buyer.due_at - case.stage_since == timedelta(days=10)


def test_douyin_agreement_time_starts_the_buyers_clock(shops: AppContext) -> None:
    ctx = shops
    result = ctx.importer.import_file(REAL / "售后单_douyin.xlsx")
    (row,) = [r for r in result.plan.rows if r.aftersale_no == "7430000000000000002"]
    assert [s.at for s in row.steps] == [bj("2026-11-01 10:00")]
