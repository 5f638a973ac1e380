"""Deadline engine benchmark (issue: foundation).

Builds a database of N cases (default 200,000; ~5 events each = 1,000,000 events), then prints:
  1. listing the next 50 due deadlines through CaseQueries.due, as a ratio to a raw sqlite3
     indexed query for the same rows in the same run (target <= 3x);
  2. tick throughput when 10,000 cases fall due at once (target >= 2,000 cases/s).

    python bench/deadlines.py [--cases 200000] [--due 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.bootstrap import AppContext
from app.models.enums import Action, CaseType, Platform, Reason, Stage
from app.services.cases.service import NewCase
from app.services.clock import FixedClock
from app.services.rules.deadlines import CaseFacts, EventFact, compute_deadlines

T0 = datetime(2026, 11, 1, tzinfo=UTC)


def ts(d: datetime) -> str:
    return d.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def build(path: Path, n_cases: int, n_due_now: int, now: datetime) -> AppContext:
    """N kuaishou return_refund cases; `n_due_now` lapse exactly at `now`, the rest later."""
    clock = FixedClock(T0)
    ctx = AppContext.open(path, clock)
    seed = ctx.cases.add_case(
        NewCase(Platform.KUAISHOU, CaseType.RETURN_REFUND, Reason.QUALITY, "O0", "SEED", Decimal("1"), T0)
    )
    with ctx.sessions() as s:
        from app.models.entities import Case

        rule_set_id = s.get(Case, seed).rule_set_id  # type: ignore[union-attr]
    preset = ctx.rules.active(Platform.KUAISHOU)
    facts = CaseFacts(CaseType.RETURN_REFUND, True, Reason.QUALITY)
    con = sqlite3.connect(path / "sentinel.db")
    con.execute("PRAGMA synchronous=OFF")
    cases, events, deadlines = [], [], []
    case_id = seed
    for i in range(n_cases):
        case_id += 1
        receipt = i % 2 == 1  # half waiting on the merchant's receipt, half on the first answer
        if i < n_due_now:
            receipt = False
            opened = now - timedelta(hours=48)
        else:
            opened = now - timedelta(hours=47) + timedelta(seconds=(i * 7919) % (40 * 86400))
            if receipt:
                opened -= timedelta(days=5)
        evs = [EventFact(1, opened, Action.OPEN.value, None, Stage.AWAITING_MERCHANT.value)]
        steps = (
            [
                (Action.NOTE, "awaiting_merchant"),
                (Action.APPROVE, "awaiting_buyer_return"),
                (Action.NOTE, "awaiting_buyer_return"),
                (Action.BUYER_SHIP, "awaiting_merchant_receipt"),
            ]
            if receipt
            else [(Action.NOTE, "awaiting_merchant")] * 4
        )
        stage = Stage.AWAITING_MERCHANT.value
        for k, (action, to) in enumerate(steps, 2):
            at = opened + timedelta(minutes=10 * k) if receipt else opened + timedelta(seconds=k)
            evs.append(
                EventFact(
                    k,
                    at,
                    action.value,
                    stage,
                    to,
                    None,
                    {"tracking": "SF1"} if action is Action.BUYER_SHIP else {"text": "x"},
                )
            )
            stage = to
        for e in evs:
            events.append(
                (
                    case_id,
                    e.seq,
                    ts(e.at),
                    ts(opened),
                    "merchant",
                    e.action,
                    e.from_stage,
                    e.to_stage,
                    None,
                    json.dumps(dict(e.payload)),
                )
            )
        last = evs[-1].at
        stage_since = next(e.at for e in reversed(evs) if e.from_stage != e.to_stage or e.seq == 1)
        cases.append(
            (
                case_id,
                "kuaishou",
                f"KS{case_id:012d}",
                f"O{case_id:018d}",
                "return_refund",
                "quality",
                "",
                1,
                stage,
                ts(stage_since),
                ts(opened),
                "买家",
                "",
                "",
                "商品",
                "",
                1,
                12900,
                "",
                "",
                "SF1" if receipt else "",
                "",
                0,
                0,
                rule_set_id,
                ts(last),
                ts(last),
            )
        )
        for d in compute_deadlines(facts, evs, preset):
            deadlines.append(
                (
                    case_id,
                    d.party.value,
                    d.stage.value,
                    ts(d.starts_at) if d.starts_at else None,
                    ts(d.due_at) if d.due_at else None,
                    None,
                    d.auto_action.value,
                    d.next_stage.value,
                    d.rule_id,
                    d.confidence.value,
                )
            )
        if len(cases) >= 20000:
            flush(con, cases, events, deadlines)
    flush(con, cases, events, deadlines)
    con.execute("ANALYZE")
    con.commit()
    con.close()
    ctx.clock = FixedClock(now)  # type: ignore[misc]
    return AppContext.open(path, FixedClock(now))


def flush(con: sqlite3.Connection, cases: list, events: list, deadlines: list) -> None:
    con.executemany(
        "INSERT INTO cases (id, platform, aftersale_no, order_no, case_type, reason, reason_detail, shipped, stage,"
        " stage_since, requested_at, buyer_nick, buyer_phone, buyer_address, product_title, sku, quantity,"
        " refund_requested, handler, tags, return_tracking_no, reship_tracking_no, penalized, muted, rule_set_id,"
        " created_at, updated_at) VALUES (" + ",".join("?" * 27) + ")",
        cases,
    )
    con.executemany(
        "INSERT INTO events (case_id, seq, at, recorded_at, actor, action, from_stage, to_stage, rule_id, payload)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)",
        events,
    )
    con.executemany(
        "INSERT INTO deadlines (case_id, party, stage, starts_at, due_at, waiting_for, auto_action, next_stage,"
        " rule_id, confidence) VALUES (?,?,?,?,?,?,?,?,?,?)",
        deadlines,
    )
    con.commit()
    cases.clear()
    events.clear()
    deadlines.clear()


RAW_NEXT_50 = (
    "SELECT d.case_id, c.aftersale_no, c.platform, c.case_type, c.stage, d.party, d.due_at, d.auto_action,"
    " d.next_stage, d.rule_id, d.confidence, c.refund_requested, c.product_title"
    " FROM deadlines d JOIN cases c ON c.id = d.case_id WHERE d.due_at IS NOT NULL"
    " ORDER BY d.due_at, d.id LIMIT 50"
)


def median_time(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=200_000)
    ap.add_argument("--due", type=int, default=10_000)
    ap.add_argument("--keep", type=Path, help="build (or reuse) the database in this folder")
    args = ap.parse_args()
    now = T0 + timedelta(days=3)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-deadlines-"))
    t = time.perf_counter()
    ctx = build(folder, args.cases, args.due, now)
    with sqlite3.connect(folder / "sentinel.db") as con:
        n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    print(f"database: {args.cases:,} cases, {n_events:,} events, built in {time.perf_counter() - t:.1f} s")

    raw = sqlite3.connect(folder / "sentinel.db")
    assert [r[0] for r in raw.execute(RAW_NEXT_50)] == [r.case_id for r in ctx.queries.due(limit=50)]
    plan = " ".join(r[3] for r in raw.execute("EXPLAIN QUERY PLAN " + RAW_NEXT_50))
    for _ in range(20):  # warm both paths
        raw.execute(RAW_NEXT_50).fetchall()
        ctx.queries.due(limit=50)
    t_raw = median_time(lambda: raw.execute(RAW_NEXT_50).fetchall(), 300)
    t_app = median_time(lambda: ctx.queries.due(limit=50), 300)
    ratio = t_app / t_raw
    print(
        f"next 50 due: app {t_app * 1e3:.3f} ms, raw sqlite3 {t_raw * 1e3:.3f} ms, ratio {ratio:.2f}x "
        f"(target <= 3x) {'OK' if ratio <= 3 else 'OVER'}   [plan: {plan}]"
    )

    t = time.perf_counter()
    applied = ctx.cases.tick()
    dt = time.perf_counter() - t
    rate = len(applied) / dt
    print(
        f"tick: {len(applied):,} auto-actions in {dt:.2f} s = {rate:,.0f} cases/s (target >= 2,000) "
        f"{'OK' if rate >= 2000 else 'UNDER'}"
    )
    ctx.close()


if __name__ == "__main__":
    main()
