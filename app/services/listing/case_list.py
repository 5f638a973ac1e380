"""The case list as lean tuples: one row per case with the clock it shows.

This is the hot path of the window (200,000 cases must list in about a second
and the first screen must paint before SQLAlchemy is even imported), so it
reads with the standard `sqlite3` module and returns `ListRow` tuples: times
as Unix seconds, money as integer fen. Read only; the schema is owned by
`app/models` (migrations), whose column names these queries use.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from app.models.read_only import connect_read_only
from app.services.listing.clock_choice import pick_clock

# Whole seconds by cutting the fraction off the stored text ('YYYY-MM-DD HH:MM:SS.ffffff', see
# `UTCDateTime`): strftime('%s') alone rounds to milliseconds first, so '…:14.9995' read as :15
# here and :14 in the ORM (`int(due_at.timestamp())`), a countdown one second apart.
_CASE_COLUMNS = """
    c.id, c.platform, COALESCE(s.name, ''), c.aftersale_no, c.order_no, c.case_type, c.reason,
    c.stage, c.refund_requested, CAST(strftime('%s', substr(c.requested_at, 1, 19)) AS INTEGER),
    c.buyer_nick, c.product_title, c.handler,
    TRIM(c.return_tracking_no || ' ' || c.reship_tracking_no), c.assignee, c.version
"""
_CASES_SQL = f"SELECT {_CASE_COLUMNS} FROM cases c LEFT JOIN shops s ON s.id = c.shop_id"
_DEADLINE_COLUMNS = """
    d.case_id, d.party, CAST(strftime('%s', substr(d.due_at, 1, 19)) AS INTEGER), d.auto_action,
    d.confidence, d.waiting_for, d.rule_id
"""
_DEADLINES_SQL = f"SELECT {_DEADLINE_COLUMNS} FROM deadlines d"
# The first screen in default order: merchant clocks that run, soonest first (uses ix_deadlines_due_at).
_FIRST_SCREEN_SQL = f"""
    SELECT {_CASE_COLUMNS}, d.party, CAST(strftime('%s', substr(d.due_at, 1, 19)) AS INTEGER), d.auto_action,
           d.confidence, d.waiting_for, d.rule_id, NULL, NULL
    FROM deadlines d JOIN cases c ON c.id = d.case_id LEFT JOIN shops s ON s.id = c.shop_id
    WHERE d.due_at IS NOT NULL AND d.party = 'merchant'
    ORDER BY d.due_at, d.id LIMIT ?
"""
_NO_CLOCK = (None, None, "", "", None, "")
# The merchant's own soonest open deadline per case: an agreed follow-up, a service target or a
# 回访 task (SQLite gives the bare `kind` of the row holding the MIN).
_OWN_SQL = """
    SELECT case_id, kind, MIN(due) FROM (
        SELECT f.case_id, 'follow_up' AS kind, CAST(strftime('%s', substr(f.due_at, 1, 19)) AS INTEGER) AS due
        FROM follow_ups f WHERE f.done_at IS NULL
        UNION ALL
        SELECT t.case_id, 'target:' || t.kind, CAST(strftime('%s', substr(t.due_at, 1, 19)) AS INTEGER)
        FROM service_targets t WHERE t.met_at IS NULL AND t.stopped_at IS NULL
        UNION ALL
        SELECT b.case_id, 'callback', CAST(strftime('%s', substr(b.due_at, 1, 19)) AS INTEGER)
        FROM callbacks b WHERE b.done_at IS NULL AND b.due_at IS NOT NULL
    ) {where} GROUP BY case_id
"""
_NO_OWN = (None, None)


class ListRow(NamedTuple):
    """One case as the list shows it. `party`… describe the clock shown (None: no clock)."""

    id: int
    platform: str
    shop: str
    aftersale_no: str
    order_no: str
    case_type: str
    reason: str
    stage: str
    amount_fen: int
    requested_at: int  # Unix seconds
    buyer: str
    product: str
    handler: str
    tracking: str  # return and reship tracking numbers
    assignee: str | None  # the handler it is assigned to (None: unassigned)
    version: int  # what a write from this row is made against (a stale one is refused)
    party: str | None
    due: int | None  # Unix seconds; None while the clock waits for its start event
    auto_action: str
    confidence: str
    waiting_for: str | None
    rule_id: str
    # The merchant's own soonest deadline: "follow_up", "target:first_response" …, "callback"
    own_kind: str | None
    own_due: int | None  # Unix seconds

    @property
    def shown_handler(self) -> str:
        """The list's 处理人: whom it is assigned to, else the name recorded on it (an export's
        处理人 column, an edit)."""
        return self.assignee or self.handler


Clock = tuple[str, int | None, str, str, str | None, str]


# (party, due) of a list clock, for the one clock rule in `clock_choice`.
_PARTY_DUE = itemgetter(0, 1)


class CaseListQuery:
    """Reads list rows from the database file (a fresh read-only connection per call)."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path

    def _connect(self) -> sqlite3.Connection:
        con = connect_read_only(self.db_path)
        con.execute("PRAGMA query_only=ON")
        return con

    def first_screen(self, limit: int) -> list[ListRow]:
        """The first `limit` rows in default order, when merchant clocks fill them (else fewer)."""
        with closing(self._connect()) as con:
            return [ListRow._make(t) for t in con.execute(_FIRST_SCREEN_SQL, (limit,))]

    def all_rows(self) -> list[ListRow]:
        with closing(self._connect()) as con:
            clocks = _clocks_by_case(con.execute(_DEADLINES_SQL))
            own = _own_by_case(con.execute(_OWN_SQL.format(where="")))
            cases = con.execute(_CASES_SQL).fetchall()
        return _rows(cases, clocks, own)

    def rows_for(self, case_ids: Iterable[int]) -> list[ListRow]:
        """Fresh rows for these cases (those that no longer exist are simply absent)."""
        ids = sorted(set(case_ids))
        out: list[ListRow] = []
        with closing(self._connect()) as con:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                clocks = _clocks_by_case(con.execute(f"{_DEADLINES_SQL} WHERE d.case_id IN ({marks})", chunk))
                own = _own_by_case(con.execute(_OWN_SQL.format(where=f"WHERE case_id IN ({marks})"), chunk))
                cases = con.execute(f"{_CASES_SQL} WHERE c.id IN ({marks})", chunk).fetchall()
                out.extend(_rows(cases, clocks, own))
        return out


def _clocks_by_case(
    rows: Iterable[tuple[int, str, int | None, str, str, str | None, str]],
) -> dict[int, list[Clock]]:
    out: dict[int, list[Clock]] = {}
    for case_id, *clock in rows:
        out.setdefault(case_id, []).append(tuple(clock))  # type: ignore[arg-type]
    return out


def _own_by_case(rows: Iterable[tuple[int, str, int]]) -> dict[int, tuple[str, int]]:
    return {case_id: (kind, due) for case_id, kind, due in rows}


def _rows(
    cases: list[tuple[object, ...]], clocks: dict[int, list[Clock]], own: dict[int, tuple[str, int]]
) -> list[ListRow]:
    get = clocks.get
    mine = own.get
    make = ListRow._make
    out = []
    for c in cases:
        shown = pick_clock(get(c[0], ()), _PARTY_DUE)  # type: ignore[call-overload]
        out.append(make(c + (shown or _NO_CLOCK) + mine(c[0], _NO_OWN)))  # type: ignore[call-overload]
    return out
