"""Service messages: English for the CLI exactly as before, Chinese for the window beside it."""

from __future__ import annotations

import importlib
import pickle
import pkgutil
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

import app.services
from app.bootstrap import AppContext
from app.models.enums import Action, AutoAction, CaseType, Platform, Reason, Stage
from app.services.cases.edits import plan_edit
from app.services.cases.messages import NO_CASE
from app.services.cases.service import ActionRequest, CaseNotFound, InvalidInput, NewCase, parse_money
from app.services.clock import BEIJING, FixedClock
from app.services.importing import ImportAborted, Importer, ImportFileError, Outcome, ProblemKind
from app.services.importing.applying import NOTHING_IMPORTED
from app.services.rules.workflow import ActionNotAllowed, check_action
from app.services.text.messages import TEMPLATES, Template, Text, message_of, say

HEADER = (
    "售后单号,订单号,售后类型,售后原因,售后状态,申请时间,审核时间,退货时间,更新时间,退款金额,退货物流单号"
)


def all_templates() -> list[Template]:
    for info in pkgutil.walk_packages(app.services.__path__, "app.services."):
        importlib.import_module(info.name)
    return list(TEMPLATES)


def write_csv(path: Path, *rows: str, header: str = HEADER) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def importer(ctx: AppContext) -> Importer:
    return ctx.importer


# ---- every template ----------------------------------------------------------------------


def test_every_template_has_both_wordings_with_the_same_fields() -> None:
    templates = all_templates()
    assert len(templates) >= 70  # import, workflow and case service messages all registered
    for t in templates:
        assert t.en.strip() and t.zh.strip(), t
        assert t.zh != t.en, t  # a copied English wording is not a translation
        assert t.fields("zh_CN") == t.fields("en"), t


def test_every_template_renders_in_both_languages() -> None:
    for t in all_templates():
        text = t(**dict.fromkeys(t.fields("en"), "X"))
        assert isinstance(text, Text) and str(text) == text.render("en")
        zh = text.render("zh_CN")
        assert zh != str(text) and "{" not in zh, t


# ---- rendering ---------------------------------------------------------------------------


def test_a_text_is_its_english_and_renders_vocabulary_and_times_in_chinese() -> None:
    t = Template(en="{auto} at {at}: {stage} ({others})", zh="{at} {auto}：{stage}（{others}）")
    at = datetime(2026, 11, 2, 1, 0, tzinfo=BEIJING) + timedelta(hours=8)  # 09:00 Beijing
    text = t(
        auto=AutoAction.AUTO_REFUND, at=at.astimezone(BEIJING), stage=Stage.REFUNDED, others=(Action.NOTE,)
    )
    assert text == "auto_refund at 2026-11-02T09:00:00+08:00: refunded (note)"
    assert type(str(text)) is str and f"{text}" == str(text)
    assert text.render("zh_CN") == "2026-11-02 09:00 自动退款：已退款（备注）"
    assert text.render("en") == str(text)
    assert pickle.loads(pickle.dumps(text)).render("zh_CN") == text.render("zh_CN")
    assert say(text, "zh_CN") == text.render("zh_CN") and say(text, "en") == str(text)
    assert say("窗口自己的文字", "en") == "窗口自己的文字" and say(42, "zh_CN") == "42"
    TEMPLATES.remove(t)


def test_vocabulary_of_every_kind_gets_its_chinese_label() -> None:
    t = Template(en="{a} {b} {c} {d}", zh="{a}/{b}/{c}/{d}")
    text = t(a=CaseType.RETURN_REFUND, b=Platform.KUAISHOU, c=Reason.QUALITY, d=Decimal("9.50"))
    TEMPLATES.remove(t)
    assert text == "return_refund kuaishou quality 9.50"
    assert text.render("zh_CN") == "退货退款/快手小店/质量问题/9.50"


# ---- workflow and case service ---------------------------------------------------------


def test_workflow_refusal_names_the_stage_and_the_actions_in_chinese() -> None:
    with pytest.raises(ActionNotAllowed, match="not allowed") as refused:
        check_action(CaseType.RETURN_REFUND, Stage.REFUNDED, Action.APPROVE, {})
    e = refused.value
    assert str(e) == "approve is not allowed for a return_refund case in stage refunded (allowed: note)"
    assert isinstance(e.args[0], Text) and message_of(e) is e.args[0]
    assert say(message_of(e), "zh_CN") == "退货退款售后在「已退款」阶段不能「同意」（现在可以：备注）"

    with pytest.raises(ActionNotAllowed) as refused:
        check_action(CaseType.RETURN_REFUND, Stage.AWAITING_MERCHANT, Action.BUYER_SHIP, {})
    assert str(refused.value) == "buyer_ship needs --tracking"
    assert say(message_of(refused.value), "zh_CN") == "「买家寄回」需要填写物流单号"


def test_a_refusal_after_the_platform_acted_says_both_in_chinese(ctx: AppContext, clock: FixedClock) -> None:
    new = NewCase(
        Platform.KUAISHOU, CaseType.RETURN_REFUND, Reason.QUALITY, "1", "KS-1", Decimal("9"), clock.now()
    )
    case_id = ctx.cases.add_case(new)
    clock.advance(timedelta(days=3))  # the 48 h merchant clock auto-approved meanwhile
    with pytest.raises(ActionNotAllowed) as refused:
        ctx.cases.act(case_id, ActionRequest(Action.APPROVE))
    assert str(refused.value) == (
        "approve is not allowed for a return_refund case in stage awaiting_buyer_return "
        "(allowed: buyer_ship, withdraw, escalate, extend_deadline, note)"
        " — the platform already acted: auto_approve at 2026-11-04T10:00:00+08:00"
    )
    assert say(message_of(refused.value), "zh_CN") == (
        "退货退款售后在「待买家退货」阶段不能「同意」"
        "（现在可以：买家寄回、买家撤销、申请平台介入、延长期限、备注）"
        "——平台已先处理：2026-11-04 10:00 自动同意"
    )


def test_case_service_input_errors_keep_their_english_and_gain_chinese(ctx: AppContext) -> None:
    with pytest.raises(CaseNotFound, match=r"^no case 99$") as missing:
        ctx.cases.act(99, ActionRequest(Action.NOTE, payload={"text": "x"}))
    assert say(message_of(missing.value), "zh_CN") == "找不到案件 99"
    with pytest.raises(InvalidInput, match=r"^not an amount: '12,3x' \(use e.g. 99.00\)$") as bad:
        parse_money("12,3x")
    assert say(message_of(bad.value), "zh_CN") == "不是金额：「12,3x」（应如 99.00）"


# ---- import rows -------------------------------------------------------------------------


def test_a_broken_date_names_its_column_and_value_in_chinese(importer: Importer, tmp_path: Path) -> None:
    f = write_csv(tmp_path / "a.csv", "KS1,1001,退货退款,质量问题,待商家处理,2026-13-45 10:00,,,,99.00,")
    (row,) = importer.preview(f, Platform.KUAISHOU).rows
    assert row.line == 2 and row.outcome is Outcome.ERROR
    (problem,) = row.problems
    assert problem.kind is ProblemKind.VALUE and problem.column == "申请时间"
    assert row.message == "not a valid date: '2026-13-45 10:00'"  # the CLI's line, as before
    assert row.render("zh_CN") == "申请时间：日期不存在：「2026-13-45 10:00」"
    assert row.render("en") == "申请时间: not a valid date: '2026-13-45 10:00'"


def test_unknown_status_and_several_problems_in_one_row(importer: Importer, tmp_path: Path) -> None:
    f = write_csv(tmp_path / "a.csv", "KS1,,退货退款,质量问题,风控冻结中,2026-11-01 09:00,,,,9.999,")
    (row,) = importer.preview(f, Platform.KUAISHOU).rows
    assert row.message == (
        "订单号 is empty; unknown status '风控冻结中': map it to one of our stages; "
        "amount has more than two decimals: '9.999'"
    )
    assert row.render("zh_CN") == (
        "订单号为空；未知的售后状态「风控冻结中」：请把它对应到我们的阶段；退款金额：金额超过两位小数：「9.999」"
    )


def test_a_conflict_names_both_stages_in_chinese(importer: Importer, ctx: AppContext, tmp_path: Path) -> None:
    ahead = (
        "KS1,1001,退货退款,质量问题,待商家收货,2026-11-01 09:00,2026-11-01 12:30,2026-11-02 08:00,,99.00,SF9"
    )
    importer.import_file(write_csv(tmp_path / "a.csv", ahead), platform=Platform.KUAISHOU)
    behind = "KS1,1001,退货退款,质量问题,待商家处理,2026-11-01 09:00,,,,99.00,"
    (row,) = importer.preview(write_csv(tmp_path / "b.csv", behind), Platform.KUAISHOU).rows
    case_id = ctx.queries.list_cases()[0].id
    assert row.message == (
        f"case {case_id} is awaiting_merchant_receipt in the database, the file says '待商家处理': "
        "the file is older: the case is already awaiting_merchant_receipt, the file says awaiting_merchant"
    )
    assert row.render("zh_CN") == (
        f"案件 {case_id} 在本地记录中为「待商家收货」，文件中为「待商家处理」："
        "文件较旧：案件已是「待商家收货」，文件中为「待商家处理」"
    )


def test_duplicates_and_the_platforms_clock_in_chinese(importer: Importer, tmp_path: Path) -> None:
    early = "KS1,1001,退货退款,质量问题,待买家退货,2026-10-30 09:00,2026-11-01 21:00,,,99.00,"
    again = "KS1,1001,退货退款,质量问题,待买家退货,2026-10-30 09:00,,,,99.00,"
    first, second = importer.preview(write_csv(tmp_path / "a.csv", early, again), Platform.KUAISHOU).rows
    assert first.message == "the platform's clock ran out first: auto_approve at 2026-11-01T09:00:00+08:00"
    assert first.render("zh_CN") == "平台时限先到期：2026-11-01 09:00 已自动同意"
    assert second.message == "after-sales no. KS1 already appears in row 2"
    assert second.render("zh_CN") == "售后单号 KS1 已在第 2 行出现过"


# ---- import files ------------------------------------------------------------------------


def test_file_errors_render_in_chinese(importer: Importer, tmp_path: Path) -> None:
    page_as_xls = tmp_path / "list.xls"
    page_as_xls.write_bytes(b"<html><table><tr><td>x</td></tr></table></html>")
    with pytest.raises(ImportFileError) as refused:
        importer.preview(page_as_xls)
    assert str(refused.value) == (
        "list.xls is a web page saved under an Excel name: open it in Excel and save it as .xlsx"
    )
    assert say(message_of(refused.value), "zh_CN") == "list.xls 是以 Excel 文件名保存的网页：请用 Excel 打开并另存为 .xlsx"
    f = write_csv(tmp_path / "b.csv", "KS1,1001,9", header="售后单号,订单号,退款金额")
    with pytest.raises(ImportFileError) as missing:
        importer.import_file(f, Platform.KUAISHOU)
    zh = say(message_of(missing.value), "zh_CN")
    assert str(missing.value).startswith(
        "b.csv: missing required columns: 申请时间 (requested_at); map them in"
    )
    assert zh.startswith("b.csv：缺少必需的列：申请时间（requested_at）；请在导入向导中指定")


def test_an_aborted_import_keeps_the_refusal_inside_it() -> None:
    refusal = CaseNotFound(NO_CASE(ref=7))
    aborted = ImportAborted(NOTHING_IMPORTED(why=message_of(refusal)))
    assert str(aborted) == f"{refusal}; nothing was imported"
    assert say(message_of(aborted), "zh_CN") == "找不到案件 7；未导入任何内容"


def test_edit_refusals_name_the_field_in_chinese() -> None:
    with pytest.raises(InvalidInput, match=r"^sku is longer than 200 characters$") as refused:
        plan_edit({}, {"sku": "x" * 201})
    assert say(message_of(refused.value), "zh_CN") == "SKU/规格超过 200 个字"
