"""What is due next: pending deadlines, open follow-ups, the shop's open targets and 回访 tasks,
soonest first: one query, a range on each table's due_at index.

Run on any SQLite DB-API connection: the service's pooled one (`CaseQueries.due`), or a
read-only connection to the file (`DueList`), which is how `python -m app due` answers
without importing SQLAlchemy (a cold start of a few tens of milliseconds instead of
~0.4 s). Times come back aware UTC and money as `Decimal`, exactly as the ORM gives them.
The schema is owned by `app/models` (migrations), whose column names this query uses.
"""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from app.models.money import from_fen
from app.models.read_only import connect_read_only
from app.services.clock import Clock

# The platform's clocks and the merchant's own deadlines (open follow-ups, service targets,
# 回访): each read soonest first on its due_at index and cut at the limit, then the short lists
# merged. (Ordering their UNION in SQL made SQLite read and sort every pending deadline: 0.45 s
# for the next 50 at 200,000 cases.) Columns: …, kind, text, follow_up_id, row_id, target.
_DEADLINES_SQL = """
    SELECT d.case_id, c.aftersale_no, c.platform, c.case_type, c.stage, d.party,
           d.due_at, d.auto_action, d.next_stage, d.rule_id, d.confidence,
           c.refund_requested, c.product_title, 'platform', '', NULL, d.id, NULL
    FROM deadlines d JOIN cases c ON c.id = d.case_id
    WHERE d.due_at IS NOT NULL AND d.due_at <= ?
    ORDER BY d.due_at, d.id
    LIMIT ?
"""
_FOLLOW_UPS_SQL = """
    SELECT f.case_id, c.aftersale_no, c.platform, c.case_type, c.stage, 'merchant',
           f.due_at, NULL, NULL, NULL, NULL,
           c.refund_requested, c.product_title, 'follow_up', f.text, f.id, f.id, NULL
    FROM follow_ups f JOIN cases c ON c.id = f.case_id
    WHERE f.done_at IS NULL AND f.due_at <= ?
    ORDER BY f.due_at, f.id
    LIMIT ?
"""
_TARGETS_SQL = """
    SELECT t.case_id, c.aftersale_no, c.platform, c.case_type, c.stage, 'merchant',
           t.due_at, NULL, NULL, NULL, NULL,
           c.refund_requested, c.product_title, 'target', '', NULL, t.id, t.kind
    FROM service_targets t JOIN cases c ON c.id = t.case_id
    WHERE t.met_at IS NULL AND t.stopped_at IS NULL AND t.due_at <= ?
    ORDER BY t.due_at, t.id
    LIMIT ?
"""
_CALLBACKS_SQL = """
    SELECT b.case_id, c.aftersale_no, c.platform, c.case_type, c.stage, 'merchant',
           b.due_at, NULL, NULL, NULL, NULL,
           c.refund_requested, c.product_title, 'callback', '', NULL, b.id, NULL
    FROM callbacks b JOIN cases c ON c.id = b.case_id
    WHERE b.done_at IS NULL AND b.due_at IS NOT NULL AND b.due_at <= ?
    ORDER BY b.due_at, b.id
    LIMIT ?
"""
_MERCHANT_SQL = (_FOLLOW_UPS_SQL, _TARGETS_SQL, _CALLBACKS_SQL)
KIND_PLATFORM = "platform"  # a platform clock (its auto-action fires at zero)
KIND_FOLLOW_UP = "follow_up"  # what the merchant agreed with the buyer (nothing fires at zero)
KIND_TARGET = "target"  # the shop's own service target (first response, refund, 回访), on working hours
KIND_CALLBACK = "callback"  # a 回访 due after a case ended
_FOREVER = datetime.max.replace(tzinfo=UTC)


class DueRow(NamedTuple):
    case_id: int
    aftersale_no: str
    platform: str
    case_type: str
    stage: str
    party: str
    due_at: datetime
    auto_action: str | None  # None for a follow-up
    next_stage: str | None
    rule_id: str | None
    confidence: str | None
    amount: Decimal
    product_title: str
    kind: str = KIND_PLATFORM
    text: str = ""  # a follow-up's note
    follow_up_id: int | None = None
    target: str | None = None  # a target's kind: first_response | refund | callback


def stored_time(at: datetime) -> str:
    """An aware instant as the database stores it: naive UTC text (`models.types.UTCDateTime`)."""
    return at.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def read_due(conn: Any, until: datetime | None = None, limit: int | None = None) -> list[DueRow]:
    """Deadlines due by `until` (every pending one when None), soonest first, at most `limit`."""
    until_text = stored_time(until or _FOREVER)
    n = -1 if limit is None else limit
    cursor = conn.cursor()
    try:
        deadlines = cursor.execute(_DEADLINES_SQL, (until_text, n)).fetchall()
        merchant = [r for sql in _MERCHANT_SQL for r in cursor.execute(sql, (until_text, n)).fetchall()]
    finally:
        cursor.close()
    if merchant:  # the order the union had: due time, then kind (by name), then id
        raw = sorted(deadlines + merchant, key=lambda r: (r[6], r[13], r[16]))
        if limit is not None:
            raw = raw[:limit]
    else:
        raw = deadlines
    out = []
    for r in raw:
        due_at = datetime.fromisoformat(r[6]).replace(tzinfo=UTC)
        amount = from_fen(int(r[11]))
        out.append(
            DueRow(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                due_at,
                r[7],
                r[8],
                r[9],
                r[10],
                amount,
                r[12],
                r[13],
                r[14],
                r[15],
                r[17],
            )
        )
    return out


class DueList:
    """The due list straight from the database file (read only, no SQLAlchemy)."""

    def __init__(self, db_path: Path, clock: Clock) -> None:
        self.db_path = db_path
        self._clock = clock

    def due(self, within: timedelta | None = None, limit: int | None = None) -> list[DueRow]:
        """Pending deadlines soonest first (overdue ones, not yet ticked, included)."""
        until = self._clock.now() + within if within is not None else None
        with closing(connect_read_only(self.db_path)) as conn:
            return read_due(conn, until, limit)
