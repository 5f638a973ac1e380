"""Reply templates (话术库): filled from the case, those for its stage first, edited, reordered,
shared as a file."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from app.bootstrap import AppContext
from app.models.enums import Action, CaseType, Platform, Reason
from app.services.cases.service import ActionRequest, NewCase
from app.services.clock import FixedClock
from app.services.errors import InvalidInput
from app.services.service_desk.template_file import TemplateDraft
from app.services.service_desk.template_fill import CaseFacts, TemplateView, beijing_words, fill, ordered_for


def add_case(ctx: AppContext, reason: Reason = Reason.QUALITY) -> int:
    return ctx.cases.add_case(
        NewCase(
            platform=Platform.KUAISHOU,
            case_type=CaseType.RETURN_REFUND,
            reason=reason,
            order_no="O1",
            aftersale_no="KS1",
            amount=Decimal("129.00"),
            requested_at=ctx.clock.now(),
            shop="暖暖家居",
            product_title="保温杯",
            buyer_nick="小美",
        )
    )


def test_fill_reports_fields_without_a_value() -> None:
    filled = fill("亲爱的{买家}，请寄到{退货地址}，{买家}", {"买家": "小美"})
    assert filled.text == "亲爱的小美，请寄到{退货地址}，小美"
    assert filled.missing == ("退货地址",)


def test_the_case_stage_first_then_any_stage_then_the_rest() -> None:
    t = [
        TemplateView(1, "thanks", "", stages=("refunded",), position=1),
        TemplateView(2, "generic", "", position=2),
        TemplateView(3, "ask photos", "", stages=("awaiting_merchant",), position=3),
        TemplateView(
            4, "missing item", "", stages=("awaiting_merchant",), reasons=("missing_item",), position=4
        ),
    ]
    order = ordered_for(t, CaseFacts("awaiting_merchant", "quality", "kuaishou"))
    assert [x.id for x in order] == [3, 2, 4, 1]


def test_the_starter_set_fills_from_the_case(ctx: AppContext, clock: FixedClock) -> None:
    cid = add_case(ctx)
    listed = ctx.templates.for_case(cid, handler="小王")
    assert len(listed) >= 10
    first = listed[0]
    assert first.fits and "awaiting_merchant" in first.template.stages
    assert "小王" in first.filled.text and "暖暖家居" in first.filled.text and "保温杯" in first.filled.text
    assert not first.filled.missing
    unfit = [x for x in listed if not x.fits]
    assert listed[-len(unfit) :] == unfit  # templates for other stages come last


def test_return_address_and_deadline_fill_after_approval(ctx: AppContext, clock: FixedClock) -> None:
    cid = add_case(ctx)
    ctx.cases.act(cid, ActionRequest(Action.APPROVE))
    (ship_back,) = [t for t in ctx.templates.all() if t.stages == ("awaiting_buyer_return",)]
    assert ctx.templates.fill(ship_back.id, cid).missing == ("退货地址",)
    ctx.templates.set_shop_field("退货地址", "浙江省杭州市余杭区仓前街道 88 号 售后组 0571-0000")
    filled = ctx.templates.fill(ship_back.id, cid)
    assert filled.missing == ()
    assert "仓前街道 88 号" in filled.text
    detail = ctx.queries.detail(cid)
    assert detail is not None
    (buyer,) = [d for d in detail.row.deadlines if d.party == "buyer"]
    assert buyer.due_at is not None
    assert f"请在 {beijing_words(buyer.due_at)} 前寄出" in filled.text
    assert ctx.templates.for_case(cid)[0].template.id == ship_back.id


def test_add_edit_reorder_delete(ctx: AppContext) -> None:
    before = [t.id for t in ctx.templates.all()]
    new = ctx.templates.add(
        TemplateDraft("催寄回", "亲，记得寄回{商品}哦", stages=("awaiting_buyer_return",))
    )
    assert [t.id for t in ctx.templates.all()] == [*before, new]
    ctx.templates.move(new, -1)
    assert [t.id for t in ctx.templates.all()][-2] == new
    ctx.templates.reorder([new])
    assert ctx.templates.all()[0].id == new
    ctx.templates.update(new, TemplateDraft("催寄回", "亲，{商品}记得寄回哦"))
    assert ctx.templates.get(new).body == "亲，{商品}记得寄回哦" and ctx.templates.get(new).stages == ()
    with pytest.raises(InvalidInput):
        ctx.templates.update(new, TemplateDraft("", "x"))
    with pytest.raises(InvalidInput):
        ctx.templates.add(TemplateDraft("x", "y", stages=("nowhere",)))
    ctx.templates.delete(new)
    assert [t.id for t in ctx.templates.all()] == before


def test_export_then_import_into_a_second_shop(ctx: AppContext, tmp_path: Path, clock: FixedClock) -> None:
    ctx.templates.add(
        TemplateDraft("自定义", "亲，{买家}您好", reasons=("logistics",), platforms=("douyin",))
    )
    path = tmp_path / "话术.json"
    n = ctx.templates.export_file(path)
    other = AppContext.open(tmp_path / "second", clock)
    try:
        result = other.templates.import_file(path)
        assert (result.added, result.skipped) == (1, n - 1)  # the starter set is there already
        mine = other.templates.all()[-1]
        assert (mine.title, mine.reasons, mine.platforms) == ("自定义", ("logistics",), ("douyin",))
        assert other.templates.import_file(path).added == 0
    finally:
        other.close()


def test_a_bad_file_adds_nothing_and_says_where(ctx: AppContext, tmp_path: Path) -> None:
    before = len(ctx.templates.all())
    path = tmp_path / "bad.json"
    data = {
        "format": "aftersales-sentinel.reply-templates",
        "version": 1,
        "templates": [{"title": "ok", "body": "fine"}, {"title": "bad", "body": "x", "stages": ["nowhere"]}],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InvalidInput) as e:
        ctx.templates.import_file(path)
    assert "template 2 in bad.json" in str(e.value) and "nowhere" in str(e.value)
    path.write_text("not json", encoding="utf-8")
    with pytest.raises(InvalidInput):
        ctx.templates.import_file(path)
    assert len(ctx.templates.all()) == before
