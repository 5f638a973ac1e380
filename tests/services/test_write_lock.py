"""Reading a case, deciding and writing happen under one write lock (no other writer between)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from app.bootstrap import AppContext
from app.models.db import DB_FILE_NAME
from app.models.enums import Action, CaseType, Platform, Reason
from app.services.cases import service as cases_module
from app.services.cases.service import ActionRequest, NewCase
from app.services.clock import FixedClock


def another_writer_can_start(ctx: AppContext) -> bool:
    """Whether a second connection (the scheduler's thread, a CLI command) could write right now."""
    other = sqlite3.connect(ctx.data_dir / DB_FILE_NAME, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as e:
        assert "locked" in str(e)
        return False
    else:
        other.execute("ROLLBACK")
        return True
    finally:
        other.close()


def watch_loads(monkeypatch: pytest.MonkeyPatch, ctx: AppContext) -> list[bool]:
    """Record, each time the service has just read cases, whether another writer could step in."""
    seen: list[bool] = []
    real: Callable[..., Any] = cases_module.load_states

    def load_states(session: Any, ids: Any, lock: bool = False) -> Any:
        states = real(session, ids, lock)
        seen.append(another_writer_can_start(ctx))
        return states

    monkeypatch.setattr(cases_module, "load_states", load_states)
    return seen


def add(ctx: AppContext, clock: FixedClock) -> int:
    return ctx.cases.add_case(
        NewCase(
            Platform.KUAISHOU,
            CaseType.RETURN_REFUND,
            Reason.QUALITY,
            "1001",
            "KS1",
            Decimal("9.00"),
            clock.now() - timedelta(hours=1),
        )
    )


def test_an_action_holds_the_write_lock_from_its_read_to_its_write(
    ctx: AppContext, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = add(ctx, clock)
    assert another_writer_can_start(ctx)  # no lock left behind by the add
    seen = watch_loads(monkeypatch, ctx)
    ctx.cases.act(case_id, ActionRequest(Action.APPROVE))
    assert seen == [False]
    assert another_writer_can_start(ctx)


def test_tick_holds_the_write_lock_while_it_applies_auto_actions(
    ctx: AppContext, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(ctx, clock)
    clock.advance(timedelta(days=3))  # kuaishou's 48 h merchant clock has run out
    seen = watch_loads(monkeypatch, ctx)
    assert [a.auto_action.value for a in ctx.cases.tick()] == ["auto_approve"]
    assert seen == [False]
    assert another_writer_can_start(ctx)


def test_a_refused_action_releases_the_lock(
    ctx: AppContext, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = add(ctx, clock)
    with pytest.raises(cases_module.ActionNotAllowed):
        ctx.cases.act(case_id, ActionRequest(Action.CONFIRM_RECEIPT))
    assert another_writer_can_start(ctx)
