"""Services added for the window: edits, attachments, bulk, dashboard figures, PII masks."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.bootstrap import AppContext
from app.models.enums import Action, CaseType, Platform, Reason
from app.services.cases.attachments import AttachmentService, safe_name
from app.services.cases.bulk import apply_bulk
from app.services.cases.edits import CaseEdits, plan_edit
from app.services.cases.service import ActionRequest, InvalidInput, NewCase
from app.services.clock import BEIJING, FixedClock
from app.services.reports.dashboard import DashboardService
from app.services.rules.platform_types import case_types_for
from app.services.text.pii import mask_address, mask_phone


def _case(no: str, at, case_type=CaseType.REFUND_ONLY) -> NewCase:  # type: ignore[no-untyped-def]
    return NewCase(
        Platform.KUAISHOU, case_type, Reason.DAMAGED, f"O{no}", no, Decimal("20.00"), at, shop="店"
    )


def test_edit_changes_fields_and_records_a_note_without_pii(ctx: AppContext, clock: FixedClock) -> None:
    cid = ctx.cases.add_case(_case("E1", clock.now()))
    edits = CaseEdits(ctx.sessions, clock)
    changes = edits.edit(
        cid, {"handler": "阿杰", "buyer_phone": "13900000000", "refund_requested": "15", "shop": "新店"}
    )
    assert {c.field for c in changes} == {"handler", "buyer_phone", "refund_requested", "shop"}
    detail = ctx.queries.detail(cid)
    assert detail is not None
    assert detail.fields["handler"] == "阿杰" and detail.fields["shop"] == "新店"
    assert detail.fields["refund_requested"] == Decimal("15.00")
    last = detail.events[-1]
    assert last.action == "note" and last.to_stage == detail.fields["stage"]
    assert last.payload["edited"]["buyer_phone"] == ["(changed)"]
    assert last.payload["edited"]["refund_requested"] == ["20.00", "15.00"]
    assert edits.edit(cid, {"handler": "阿杰"}) == []  # nothing changed, nothing recorded
    assert ctx.cases.recompute_check([cid]) == []


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"quantity": "0"}, "quantity"),
        ({"refund_requested": ""}, "required"),
        ({"stage": "closed"}, "not editable"),
    ],
)
def test_plan_edit_refuses_bad_values(raw: dict[str, str], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        plan_edit({"quantity": 1, "refund_requested": Decimal("1.00")}, raw)


def test_delete_removes_case_and_files(ctx: AppContext, clock: FixedClock, tmp_path: Path) -> None:
    cid = ctx.cases.add_case(_case("X1", clock.now()))
    service = AttachmentService(ctx.sessions, clock, ctx.data_dir / "attachments")
    src = tmp_path / "a.jpg"
    src.write_bytes(b"jpeg")
    att = service.add(cid, src)
    assert service.add(cid, src).id == att.id  # the same file is stored once
    names = service.stored_names([cid])
    assert CaseEdits(ctx.sessions, clock).delete([cid, 999]) == [cid]
    service.remove_files(names)
    assert not att.path.exists()
    assert ctx.queries.detail(cid) is None


def test_safe_name_ignores_odd_suffixes() -> None:
    assert safe_name(3, "ab" * 32, "照片.JPG") == "3-" + ("ab" * 10) + ".jpg"
    assert safe_name(3, "ab" * 32, "x.<script>") == "3-" + ("ab" * 10)
    assert safe_name(3, "ab" * 32, "../../etc/passwd") == "3-" + ("ab" * 10)


def test_bulk_collects_failures_and_goes_on(ctx: AppContext, clock: FixedClock) -> None:
    ids = [ctx.cases.add_case(_case(f"B{i}", clock.now() - timedelta(hours=1))) for i in range(3)]
    ctx.cases.act(ids[0], ActionRequest(Action.APPROVE))
    result = apply_bulk(ctx.cases, ids, ActionRequest(Action.APPROVE))
    assert result.done == (ids[1], ids[2])
    assert [f.case_id for f in result.failed] == [ids[0]] and "not allowed" in result.failed[0].message


def test_dashboard_counts_auto_actions_against_us(ctx: AppContext, clock: FixedClock) -> None:
    now = clock.now()
    lapsed = ctx.cases.add_case(_case("L1", now - timedelta(hours=49)))  # 48 h refund-only clock ran out
    ctx.cases.add_case(_case("L2", now - timedelta(hours=30)))
    ctx.cases.tick()
    f = DashboardService(ctx.sessions, clock, BEIJING).figures()
    assert f.auto_actions_month == 1  # auto-refund at Nov 2 09:00 (this month)
    assert f.refund_amount_month == Decimal("20.00")
    assert f.open_cases == 1 and f.merchant_due_24h == 1 and f.overdue == 0
    assert [u.aftersale_no for u in f.next_24h] == ["L2"]
    assert len(f.new_vs_closed) == 30 and f.new_vs_closed[-1].closed == 1
    assert lapsed


def test_masks_and_platform_types() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("") == "" and mask_phone("12345") == "****45"  # four stars: the length is hidden too
    assert mask_address("浙江省杭州市西湖区文三路") == "浙江省杭州市****"
    assert CaseType.RESHIP in case_types_for(Platform.DOUYIN)
    assert CaseType.RESHIP not in case_types_for(Platform.WECHAT)
    assert case_types_for(Platform.CUSTOM) == tuple(CaseType)
