"""Fill a data folder with N cases fast (raw sqlite3 executemany), for the benchmarks.

The schema comes from `AppContext.open` (the real migrations); rows are written in
the stored formats of `app/models/types.py`: naive UTC times, money in integer fen.
About a fifth of the cases are open, with a running merchant or buyer clock.
"""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.bootstrap import AppContext
from app.models.enums import CaseType, Platform, Reason, Stage
from app.services.clock import FixedClock

PRODUCTS = ["加厚珊瑚绒睡衣女冬季套装", "无线蓝牙耳机降噪运动款", "儿童羽绒服中长款加厚", "不锈钢保温杯500ml"]
BUYERS = ["小鱼儿", "momo酱", "快乐的土豆", "橙子不酸", "阿杰", "晴天", "Lily_88", "木子李"]


def _ts(t: datetime) -> str:
    return t.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def build(data_dir: Path, cases: int, now: datetime, seed: int = 11) -> Path:
    """Create `data_dir` with `cases` cases; returns the database path."""
    ctx = AppContext.open(data_dir, FixedClock(now))
    db_path = data_dir / "sentinel.db"
    platforms = [p for p in Platform if p is not Platform.CUSTOM]
    rng = random.Random(seed)
    con = sqlite3.connect(db_path)
    try:
        con.execute("PRAGMA synchronous=OFF")
        rule_set_ids = {}
        for i, p in enumerate(platforms, 1):
            preset = ctx.rules.active(p)
            con.execute(
                "INSERT INTO rule_sets (id, platform, version, label, content, created_at)"
                " VALUES (?,?,?,?,?,?)",
                (i, p.value, preset.version, preset.label, json.dumps(preset.content()), _ts(now)),
            )
            rule_set_ids[p] = i
        con.executemany(
            "INSERT INTO shops (id, platform, name) VALUES (?,?,?)",
            [(i, p.value, f"{p.value} 暖暖{i}号店") for i, p in enumerate(platforms, 1)],
        )
        case_rows, event_rows, deadline_rows = [], [], []
        types, reasons = list(CaseType), list(Reason)
        for cid in range(1, cases + 1):
            pi = rng.randrange(len(platforms))
            platform = platforms[pi]
            ctype = types[rng.randrange(len(types))]
            requested = now - timedelta(seconds=rng.randrange(3600, 730 * 86400))
            open_case = rng.random() < 0.2
            closed_at = None
            if open_case:
                requested = now - timedelta(seconds=rng.randrange(600, 8 * 86400))
                stage = [Stage.AWAITING_MERCHANT, Stage.AWAITING_BUYER_RETURN][rng.randrange(2)]
                party, auto = (
                    ("merchant", "auto_approve")
                    if stage is Stage.AWAITING_MERCHANT
                    else ("buyer", "auto_close")
                )
                due = requested + timedelta(hours=48 if party == "merchant" else 240)
                deadline_rows.append(
                    (
                        cid,
                        party,
                        stage.value,
                        _ts(requested),
                        _ts(due),
                        None,
                        auto,
                        "closed",
                        f"{platform.value}.any.{stage.value}",
                        "B",
                    )
                )
            else:
                stage = [Stage.REFUNDED, Stage.COMPLETED, Stage.CLOSED][rng.randrange(3)]
                closed_at = _ts(requested + timedelta(days=3))
            amount = rng.randrange(990, 99_900)
            case_rows.append(
                (
                    cid,
                    platform.value,
                    pi + 1,
                    f"AS{cid:012d}",
                    f"{rng.randrange(10**17, 10**18)}",
                    ctype.value,
                    reasons[rng.randrange(len(reasons))].value,
                    "",
                    1,
                    stage.value,
                    _ts(requested),
                    _ts(requested),
                    closed_at,
                    BUYERS[cid % len(BUYERS)],
                    f"138{cid:08d}",
                    "浙江省杭州市西湖区文三路 100 号",
                    PRODUCTS[cid % len(PRODUCTS)],
                    "",
                    1,
                    amount,
                    amount,
                    amount if stage is Stage.REFUNDED else None,
                    "",
                    "",
                    f"SF{cid:011d}" if cid % 3 == 0 else "",
                    "",
                    0,
                    0,
                    rule_set_ids[platform],
                    _ts(requested),
                    _ts(requested),
                )
            )
            event_rows.append(
                (
                    cid,
                    1,
                    _ts(requested),
                    _ts(requested),
                    "buyer",
                    "open",
                    None,
                    "awaiting_merchant",
                    None,
                    json.dumps({"amount": f"{amount / 100:.2f}"}),
                )
            )
        con.executemany(f"INSERT INTO cases VALUES ({','.join('?' * 31)})", case_rows)
        con.executemany(
            "INSERT INTO events (case_id, seq, at, recorded_at, actor, action, from_stage, to_stage, rule_id,"
            " payload) VALUES (?,?,?,?,?,?,?,?,?,?)",
            event_rows,
        )
        con.executemany(
            "INSERT INTO deadlines (case_id, party, stage, starts_at, due_at, waiting_for, auto_action,"
            " next_stage, rule_id, confidence) VALUES (?,?,?,?,?,?,?,?,?,?)",
            deadline_rows,
        )
        con.commit()
    finally:
        con.close()
        ctx.close()
    return db_path
