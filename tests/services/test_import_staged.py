"""Issue 17 item 8: a big import lets other writers in while it writes, and is still all or nothing."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import AppContext
from app.models.db import DB_FILE_NAME
from app.models.entities import Case, Deadline, Event
from app.models.enums import CaseType, Platform, Reason
from app.services.cases.service import NewCase
from app.services.clock import FixedClock
from app.services.importing import ImportAborted, staging

HEADER = "售后单号,订单号,售后类型,售后原因,售后状态,申请时间,审核时间,退款金额"
STATUSES = [("待商家处理", ""), ("待买家退货", "2026-11-01 09:30"), ("退款成功", "")]


def export(tmp_path: Path, n: int, name: str = "big.csv") -> Path:
    lines = [HEADER]
    for i in range(n):
        status, approved = STATUSES[i % 3]
        kind = "仅退款" if status == "退款成功" else "退货退款"
        lines.append(f"KS{i},{1000 + i},{kind},质量问题,{status},2026-11-01 09:00,{approved},{9 + i % 7}.00")
    path = tmp_path / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staging, "STAGE_FROM", 10)
    monkeypatch.setattr(staging, "CHUNK", 25)


def another_writer_can_start(ctx: AppContext) -> bool:
    other = sqlite3.connect(ctx.data_dir / DB_FILE_NAME, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return False
    else:
        other.execute("ROLLBACK")
        return True
    finally:
        other.close()


def dump(ctx: AppContext) -> tuple[list[tuple[object, ...]], ...]:
    """Every case, event and deadline, without ids (they may differ between two stores)."""
    with ctx.sessions() as session:
        cases = {c.id: c.aftersale_no for c in session.scalars(select(Case))}
        return (
            sorted((c.aftersale_no, c.stage, c.case_type, str(c.refund_requested), c.closed_at) for c in session.scalars(select(Case))),
            sorted((cases[e.case_id], e.seq, e.action, e.at, e.actor) for e in session.scalars(select(Event))),
            sorted((cases[d.case_id], d.party, d.due_at, d.auto_action) for d in session.scalars(select(Deadline))),
        )  # fmt: skip


def test_a_staged_import_writes_what_one_transaction_writes(
    ctx: AppContext, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = export(tmp_path, 90)
    other = AppContext.open(tmp_path / "other", clock)
    try:
        one = other.importer.import_file(f, Platform.KUAISHOU)  # 90 < 5000: one transaction
        monkeypatch.setattr(staging, "STAGE_FROM", 10)
        monkeypatch.setattr(staging, "CHUNK", 25)
        staged = ctx.importer.import_file(f, Platform.KUAISHOU)
        assert staged.plan.counts() == one.plan.counts() and staged.plan.counts()["new"] == 90
        assert dump(ctx) == dump(other)
        assert sorted(staged.case_ids.values()) == sorted(one.case_ids.values())
        assert ctx.cases.recompute_check() == []
        again = ctx.importer.import_file(f, Platform.KUAISHOU)
        assert again.plan.counts()["new"] == again.plan.counts()["update"] == 0
    finally:
        other.close()


def test_others_write_between_the_chunks(
    ctx: AppContext, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_chunks: None
) -> None:
    seen: list[bool] = []
    added: list[int] = []

    def between() -> None:
        seen.append(another_writer_can_start(ctx))
        added.append(
            ctx.cases.add_case(
                NewCase(Platform.KUAISHOU, CaseType.RETURN_REFUND, Reason.QUALITY, f"O{len(added)}",
                        f"HAND{len(added)}", Decimal("5.00"), clock.now() - timedelta(hours=1))
            )
        )  # fmt: skip

    monkeypatch.setattr(staging, "between_chunks", between)
    result = ctx.importer.import_file(export(tmp_path, 90), Platform.KUAISHOU)
    assert seen == [True] * 4  # 90 cases in chunks of 25: the lock was free after each
    imported = set(result.case_ids.values())
    assert len(imported) == 90 and not imported & set(added)  # ids moved past the cases added meanwhile
    with ctx.sessions() as session:
        numbers = {c.id: c.aftersale_no for c in session.scalars(select(Case))}
    assert len(numbers) == 94 and {numbers[i] for i in added} == {"HAND0", "HAND1", "HAND2", "HAND3"}
    assert ctx.cases.recompute_check() == []


def test_a_staged_import_that_fails_at_the_end_leaves_nothing(
    ctx: AppContext, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_chunks: None
) -> None:
    f = export(tmp_path, 60)
    plan = ctx.importer.preview(f, Platform.KUAISHOU)
    # the case KS0 is added by someone else after the preview: the copy at the end clashes
    ctx.importer.import_file(export(tmp_path, 1, "one.csv"), Platform.KUAISHOU)
    known_first = ctx.importer.preview(f, Platform.KUAISHOU)
    assert known_first.counts()["new"] == 59
    with pytest.raises(ImportAborted):
        ctx.importer.apply(plan)
    with ctx.sessions() as session:
        assert [c.aftersale_no for c in session.scalars(select(Case))] == ["KS0"]
    assert another_writer_can_start(ctx)
