"""insert_many stores exactly what Core's insert would: same text, same integers, same JSON."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

import app.services.cases.state as case_state
from app.bootstrap import AppContext
from app.models.db import DB_FILE_NAME
from app.models.enums import Action, Actor, CaseType, Platform, Reason
from app.services.cases.service import ActionRequest, NewCase
from app.services.clock import FixedClock
from tests.conftest import T0


def _core_insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    session.execute(insert(table), rows)


def _import_some(root: Path) -> dict[str, list[tuple[Any, ...]]]:
    clock = FixedClock(T0)
    ctx = AppContext.open(root, clock)
    try:
        with ctx.cases.batch() as batch:
            for i, case_type in enumerate([CaseType.RETURN_REFUND, CaseType.REFUND_ONLY] * 3):
                cid = batch.add_case(
                    NewCase(
                        platform=Platform.KUAISHOU,
                        case_type=case_type,
                        reason=Reason.QUALITY,
                        order_no=f"O{i}",
                        aftersale_no=f"A{i}",
                        amount=Decimal("1299.50"),
                        requested_at=T0 - timedelta(hours=30 + i, microseconds=7 * i),
                        shop="店" if i % 2 else None,
                        buyer_nick="买家",
                    )
                )
                if i % 3:
                    at = T0 - timedelta(hours=2)
                    batch.act(cid, ActionRequest(Action.APPROVE, at=at, actor=Actor.PLATFORM))
    finally:
        ctx.close()
    db = sqlite3.connect(root / DB_FILE_NAME)
    try:
        return {
            t: db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in ("cases", "events", "deadlines")
        }
    finally:
        db.close()


def test_bulk_rows_equal_core_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ours = _import_some(tmp_path / "ours")
    monkeypatch.setattr(case_state, "insert_many", _core_insert)
    cores = _import_some(tmp_path / "core")
    assert all(ours[t] for t in ours) and ours == cores
