"""Benchmark: the Excel report vs a bare openpyxl write-only dump of the same cells, same run.

    python bench/report.py                 # 200,000 cases / ~1,000,000 events (budget: ≤ 1.5×, ≤ 500 MB)
    python bench/report.py --cases 2000    # try it small first
    python bench/report.py --cases 300 --keep /tmp/demo-data   # keep the data folder (screenshots)

The data is generated with raw sqlite3 executemany into the schema AppContext.open
creates (three months, seven shops, every case path, freight, compensation and
auto-actions). The report and the baseline each run in a fresh child process so
that each one's peak RSS (ru_maxrss) is its own.

Baseline: the same cells. While the report runs, every row it appends to 明细
and 时间线 is also recorded (plain values) to a file; the time spent recording
is measured and taken off the report's time. The baseline
then reads those rows back and appends them to a write-only openpyxl workbook:
no styles, no safety checks, no database, no metrics. The small summary
sheets are left out of the baseline (a few hundred cells).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import __version__
from app.bootstrap import AppContext
from app.models.entities import RuleSet
from app.models.enums import Platform
from app.services.cases.demo import BUYERS, PRODUCTS
from app.services.clock import BEIJING, FixedClock

NOW = datetime(2026, 12, 1, 10, tzinfo=BEIJING)
FIRST = datetime(2026, 9, 1, tzinfo=BEIJING)
SPAN_S = 90 * 86400
PLATFORMS = [p for p in Platform if p is not Platform.CUSTOM]
REASONS = [
    "quality",
    "not_as_described",
    "damaged",
    "logistics",
    "wrong_item",
    "missing_item",
    "no_reason",
    "other",
]
PHONES = ["138", "139", "186", "150", "177"]
CITIES = [
    "浙江省杭州市西湖区",
    "广东省深圳市南山区",
    "上海市浦东新区",
    "四川省成都市武侯区",
    "江苏省南京市鼓楼区",
]
HANDLERS = ["小王", "小李", "阿May", ""]


def _ts(t: datetime) -> str:
    return t.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _path(
    rng: random.Random, ctype_pick: float
) -> tuple[str, list[tuple[str, str, str, str, dict[str, str]]]]:
    """(case type, [(actor, action, from, to, payload)…]) — about five events a case on average."""
    ship = {"tracking": "SF" + str(rng.randrange(10**9))}
    fr = {"freight": f"{rng.choice([8, 10, 12, 15])}.00"}
    if ctype_pick < 0.30:
        amount = {"amount": f"{rng.randrange(20, 200)}.00"} if rng.random() < 0.2 else {}
        return "return_refund", [
            ("merchant", "approve", "awaiting_merchant", "awaiting_buyer_return", {}),
            ("buyer", "buyer_ship", "awaiting_buyer_return", "awaiting_merchant_receipt", {**ship, **fr}),
            ("merchant", "return_delivered", "awaiting_merchant_receipt", "awaiting_merchant_receipt", {}),
            ("merchant", "confirm_receipt", "awaiting_merchant_receipt", "refunded", amount),
        ]
    if ctype_pick < 0.40:
        return "refund_only", [
            ("merchant", "note", "awaiting_merchant", "awaiting_merchant", {"text": "已联系买家"}),
            ("merchant", "note", "awaiting_merchant", "awaiting_merchant", {"text": "买家确认未收到"}),
            ("merchant", "approve", "awaiting_merchant", "refunded", {}),
        ]
    if ctype_pick < 0.50:
        return "exchange", [
            ("merchant", "approve", "awaiting_merchant", "awaiting_buyer_return", {}),
            ("buyer", "buyer_ship", "awaiting_buyer_return", "awaiting_merchant_receipt", {**ship, **fr}),
            ("merchant", "confirm_receipt", "awaiting_merchant_receipt", "awaiting_merchant_ship", {}),
            (
                "merchant",
                "ship_replacement",
                "awaiting_merchant_ship",
                "awaiting_buyer_receipt",
                {**ship, **fr},
            ),
            ("buyer", "buyer_confirm", "awaiting_buyer_receipt", "completed", {}),
        ]
    if ctype_pick < 0.60:
        return "reship", [
            ("merchant", "approve", "awaiting_merchant", "awaiting_merchant_ship", {}),
            (
                "merchant",
                "ship_replacement",
                "awaiting_merchant_ship",
                "awaiting_buyer_receipt",
                {**ship, **fr},
            ),
            ("buyer", "buyer_confirm", "awaiting_buyer_receipt", "completed", {}),
            ("merchant", "note", "completed", "completed", {"text": "补偿优惠券", "compensation": "5.00"}),
        ]
    if ctype_pick < 0.75:
        return "return_refund", [
            ("platform", "auto_approve", "awaiting_merchant", "awaiting_buyer_return", {"party": "merchant"}),
            ("buyer", "buyer_ship", "awaiting_buyer_return", "awaiting_merchant_receipt", ship),
            ("merchant", "return_delivered", "awaiting_merchant_receipt", "awaiting_merchant_receipt", {}),
            ("platform", "auto_refund", "awaiting_merchant_receipt", "refunded", {"party": "merchant"}),
        ]
    if ctype_pick < 0.85:
        return "refund_only", [
            ("merchant", "reject", "awaiting_merchant", "rejected", {"reason": "商品已使用"}),
            ("buyer", "escalate", "rejected", "in_dispute", {}),
            ("platform", "platform_ruling", "in_dispute", "refunded", {"ruling": "for_buyer"}),
            ("merchant", "note", "refunded", "refunded", {"text": '=HYPERLINK("http://x") 平台判退'}),
        ]
    return "return_refund", [
        ("merchant", "note", "awaiting_merchant", "awaiting_merchant", {"text": "+86 买家来电"}),
        ("merchant", "approve", "awaiting_merchant", "awaiting_buyer_return", {}),
        ("buyer", "buyer_ship", "awaiting_buyer_return", "awaiting_merchant_receipt", ship),
        ("merchant", "return_delivered", "awaiting_merchant_receipt", "awaiting_merchant_receipt", {}),
    ]


def generate(data_dir: Path, n_cases: int, seed: int = 7) -> tuple[int, int]:
    ctx = AppContext.open(data_dir, FixedClock(NOW))
    with ctx.sessions.begin() as s:
        rs_ids = {}
        for p in PLATFORMS:
            preset = ctx.rules.active(p)
            rs = RuleSet(
                platform=p.value,
                version=preset.version,
                label=preset.label,
                content=preset.content(),
                created_at=NOW,
            )
            s.add(rs)
            s.flush()
            rs_ids[p.value] = rs.id
    ctx.close()
    con = sqlite3.connect(data_dir / "sentinel.db")
    con.execute("PRAGMA synchronous=OFF")
    shops = [(i + 1, p.value, f"{p.value}·暖暖小店") for i, p in enumerate(PLATFORMS)]
    con.executemany("INSERT INTO shops (id, platform, name) VALUES (?, ?, ?)", shops)
    con.executemany(
        "INSERT INTO order_counts (shop_id, month, paid_orders, updated_at) VALUES (?, ?, ?, ?)",
        [
            (sid, m, max(1, n_cases // 7) * 20, _ts(NOW))
            for sid, _, _ in shops
            for m in ("2026-09", "2026-10", "2026-11")
        ],
    )
    rng = random.Random(seed)
    cases: list[tuple[object, ...]] = []
    events: list[tuple[object, ...]] = []
    n_events = 0
    case_sql = (
        "INSERT INTO cases (id, platform, shop_id, aftersale_no, order_no, case_type, reason, reason_detail, "
        "shipped, stage, stage_since, requested_at, closed_at, buyer_nick, buyer_phone, buyer_address, "
        "product_title, sku, quantity, order_amount, refund_requested, refund_granted, handler, tags, "
        "return_tracking_no, reship_tracking_no, penalized, muted, rule_set_id, created_at, updated_at) "
        "VALUES (" + ",".join("?" * 31) + ")"
    )
    event_sql = (
        "INSERT INTO events (case_id, seq, at, recorded_at, actor, action, from_stage, to_stage, rule_id, "
        "payload) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    for cid in range(1, n_cases + 1):
        sid, platform, _ = shops[rng.randrange(len(shops))]
        ctype, steps = _path(rng, rng.random())
        title, sku, price = PRODUCTS[rng.randrange(len(PRODUCTS))]
        requested = FIRST + timedelta(seconds=rng.randrange(SPAN_S))
        t = requested
        amount_fen = int(price * 100)
        evs = [
            (
                cid,
                1,
                _ts(t),
                _ts(t),
                "buyer",
                "open",
                None,
                "awaiting_merchant",
                None,
                json.dumps({"amount": str(price)}),
            )
        ]
        stage, since, closed, granted = "awaiting_merchant", t, None, None
        for seq, (actor, action, frm, to, payload) in enumerate(steps, 2):
            t += timedelta(minutes=rng.randrange(30, 60 * 40))
            if t > NOW:
                break
            evs.append(
                (
                    cid,
                    seq,
                    _ts(t),
                    _ts(t),
                    actor,
                    action,
                    frm,
                    to,
                    None,
                    json.dumps(payload, ensure_ascii=False),
                )
            )
            if to != stage:
                stage, since = to, t
                if to in ("refunded", "completed", "closed"):
                    closed = t
                if to == "refunded":
                    granted = int(Decimal(payload.get("amount", str(price))) * 100)
        events.extend(evs)
        n_events += len(evs)
        phone = rng.choice(PHONES) + f"{rng.randrange(10**8):08d}"
        cases.append(
            (
                cid,
                platform,
                sid,
                f"AS{cid:09d}",
                f"OD{cid:012d}",
                ctype,
                rng.choice(REASONS),
                "买家说：颜色不对",
                ctype != "refund_only",
                stage,
                _ts(since),
                _ts(requested),
                _ts(closed) if closed else None,
                rng.choice(BUYERS),
                phone,
                rng.choice(CITIES) + f"{rng.randrange(1, 999)}号",
                title,
                sku,
                1,
                amount_fen,
                amount_fen,
                granted,
                rng.choice(HANDLERS),
                "",
                "",
                "",
                0,
                0,
                rs_ids[platform],
                _ts(NOW),
                _ts(NOW),
            )
        )
        if len(events) >= 50_000:
            con.executemany(case_sql, cases)
            con.executemany(event_sql, events)
            cases.clear()
            events.clear()
    con.executemany(case_sql, cases)
    con.executemany(event_sql, events)
    con.commit()
    con.close()
    return n_cases, n_events


def run_report(data_dir: Path, out: Path, capture: Path) -> dict[str, object]:
    """The real export; the rows of 明细 and 时间线 are also recorded (plain values) for the baseline."""
    import pickle

    from openpyxl.cell import Cell

    from app.services.reports import workbook as report_workbook
    from app.services.reports.metrics import MetricsService, parse_period
    from app.services.reports.order_counts import OrderCountService
    from app.services.reports.workbook import ReportRequest, ReportService

    sink = capture.open("wb")
    original = report_workbook._Stream.append

    spent = [0.0, 0.0]  # wall, CPU spent recording: instrumentation, taken off the report's time

    def recording_append(stream: report_workbook._Stream, row: list[object]) -> None:
        w, c = time.perf_counter(), time.process_time()
        plain = [v.value if isinstance(v, Cell) else v for v in row]
        sink.write(pickle.dumps((stream.ws.title, plain), protocol=pickle.HIGHEST_PROTOCOL))
        spent[0] += time.perf_counter() - w
        spent[1] += time.process_time() - c
        original(stream, row)

    report_workbook._Stream.append = recording_append  # type: ignore[method-assign]
    t0, c0 = time.perf_counter(), time.process_time()
    ctx = AppContext.open(data_dir, FixedClock(NOW))
    orders = OrderCountService(ctx.sessions, ctx.clock)
    service = ReportService(MetricsService(ctx.sessions, ctx.clock, orders), ctx.clock, __version__)
    result = service.export(ReportRequest(parse_period("2026-09-01", "2026-11-30")), out)
    ctx.close()
    seconds, cpu = time.perf_counter() - t0 - spent[0], time.process_time() - c0 - spent[1]
    sink.close()
    return {
        "seconds": seconds,
        "cpu": cpu,
        "cases": result.case_rows,
        "events": result.event_rows,
        "net_cost": str(result.report.total("net_cost")),
    }


def run_baseline(capture: Path, out: Path) -> dict[str, object]:
    """The same cells (every 明细 and 时间线 row the report wrote), dumped bare: no styles, no checks."""
    import pickle

    from openpyxl import Workbook

    t0, c0 = time.perf_counter(), time.process_time()
    wb = Workbook(write_only=True)
    sheets: dict[str, object] = {}
    cells = 0
    with capture.open("rb") as source:
        while True:
            try:
                title, row = pickle.load(source)
            except EOFError:
                break
            ws = sheets.get(title)
            if ws is None:
                ws = sheets[title] = wb.create_sheet(title)
            ws.append(row)  # type: ignore[attr-defined]
            cells += sum(v is not None for v in row)
    wb.save(out)
    return {"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0, "cells": cells}


def child(phase: str, data_dir: Path, out: Path) -> None:
    capture = out.with_name("cells.rows")  # written by the report run, read by the baseline run
    result = run_report(data_dir, out, capture) if phase == "report" else run_baseline(capture, out)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["peak_mb"] = usage.ru_maxrss / 1024  # KiB on Linux
    print(json.dumps(result))


def measure(phase: str, data_dir: Path, out: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, __file__, "--phase", phase, "--data", str(data_dir), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"{phase} failed:\n{done.stderr}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=200_000)
    ap.add_argument("--repeat", type=int, default=1, help="alternate runs, keep the fastest of each")
    ap.add_argument("--keep", type=Path, help="generate into (or reuse) this data folder and keep it")
    ap.add_argument("--phase", choices=["report", "baseline"], help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        child(args.phase, args.data, args.out)
        return
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        data_dir = args.keep or Path(tmp) / "data"
        if not (data_dir / "sentinel.db").exists():
            t0 = time.perf_counter()
            n_cases, n_events = generate(data_dir, args.cases)
            print(f"generated {n_cases:,} cases / {n_events:,} events in {time.perf_counter() - t0:.1f} s")
        rep_out = (args.keep or Path(tmp)) / "report.xlsx"
        runs = []
        for _ in range(args.repeat):  # alternate, keep the fastest of each: the machine is shared
            rep = measure("report", data_dir, rep_out)
            base = measure("baseline", data_dir, rep_out.with_name("baseline.xlsx"))
            rep_out.with_name("cells.rows").unlink()
            runs.append((rep, base))
        rep = min((r for r, _ in runs), key=lambda r: float(str(r["cpu"])))
        base = min((b for _, b in runs), key=lambda b: float(str(b["cpu"])))
        print(
            f"baseline (bare write-only dump of the same {base['cells']:,} cells): "
            f"{base['seconds']:.1f} s wall, {base['cpu']:.1f} s CPU, peak {base['peak_mb']:.0f} MB"
        )
        print(
            f"report ({rep['cases']:,} cases, {rep['events']:,} events): "
            f"{rep['seconds']:.1f} s wall, {rep['cpu']:.1f} s CPU, peak {rep['peak_mb']:.0f} MB"
        )
        cpu_ratio = float(str(rep["cpu"])) / float(str(base["cpu"]))
        wall_ratio = float(str(rep["seconds"])) / float(str(base["seconds"]))
        print(f"ratio report/baseline: {cpu_ratio:.2f}x CPU, {wall_ratio:.2f}x wall (budget ≤ 1.5x)")
        print(f"peak memory: {rep['peak_mb']:.0f} MB (budget ≤ 500 MB)")


if __name__ == "__main__":
    main()
