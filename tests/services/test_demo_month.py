"""The demo is a believable month (issue 15, item 11): few alerts at start, a 30-day chart that
is not one spike, a 上月 to report, and no case created already overdue."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app.bootstrap import AppContext
from app.models.entities import Case
from app.services.cases.demo import seed_demo
from app.services.clock import BEIJING, FixedClock


def test_the_demo_is_a_believable_month(tmp_path: Path) -> None:
    # A Saturday night: a working-day clock counted from a Friday must not be made already lapsed.
    now = datetime(2026, 11, 7, 22, 0, tzinfo=BEIJING)
    clock = FixedClock(now)
    ctx = AppContext.open(tmp_path / "d", clock)
    seed_demo(ctx.cases, clock)
    result = ctx.alerts.catch_up()
    assert result.applied == ()  # no demo case was created already overdue
    summary = result.delivery.summary
    shown = len(result.delivery.popups) + (len(summary.notices) if summary else 0)
    assert 1 <= shown <= 5, shown  # not 18 unread alerts at start
    with ctx.sessions() as s:
        cases = s.scalars(select(Case)).all()
    days = Counter((now.date() - c.requested_at.astimezone(BEIJING).date()).days for c in cases)
    last30 = {d: n for d, n in days.items() if d < 30}
    assert len(last30) >= 20 and max(last30.values()) <= len(cases) // 6  # not one spike
    closed = [c for c in cases if c.closed_at is not None]
    assert len(closed) >= len(cases) // 2
    october = [c for c in cases if c.requested_at.astimezone(BEIJING).month == 10]
    assert len(october) >= 10  # 上月 has a month to report
    due = [r for r in ctx.queries.due() if r.kind == "platform"]
    assert len(due) >= 15 and all(row.due_at > now for row in due)  # every running clock is ahead
    ctx.close()
