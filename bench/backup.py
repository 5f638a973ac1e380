"""Online backup of a big database while a writer keeps committing: budget ≤ 100 ms blocked.

    python bench/backup.py [--cases 200000] [--seconds 2] [--keep DIR]

Builds a database with raw sqlite3 executemany (the schema comes from the migrations,
as AppContext.open makes it), then runs a writer thread that commits small transactions
(one event + one case update, the app's pragmas: WAL, synchronous=FULL) in two phases
of the same run:
  baseline  the writer alone, for `--seconds`;
  backup    the writer while `online_backup` copies the database (the app's code path).
Prints the backup's time and throughput, the writer's longest and 99th-percentile
transaction in each phase, their ratio, and the start check's `quick_check` time.
The copy is verified (integrity_check, the case count of its snapshot).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.models.db import DB_FILE_NAME, upgrade_if_needed
from app.models.enums import Platform
from app.paths import resource
from app.services.rules.presets import RuleBook
from app.services.storage.backup import online_backup
from app.services.storage.integrity import pragma_check

BUDGET_MS = 100.0
NOW = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
PLATFORMS = ["kuaishou", "taobao", "douyin", "wechat", "pinduoduo", "jd", "xiaohongshu"]
TYPES = ["refund_only", "return_refund", "exchange", "reship", "repair"]
REASONS = ["quality", "not_as_described", "damaged", "logistics", "wrong_item", "missing_item", "no_reason"]


def stamp(dt: datetime) -> str:
    """SQLAlchemy's SQLite DateTime text (naive UTC, microseconds)."""
    return dt.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def build(db: Path, cases: int) -> None:
    upgrade_if_needed(db)
    rules = RuleBook.load(resource("rules"), db.parent / "rules")
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    rng = random.Random(7)
    for i, platform in enumerate(PLATFORMS, 1):
        preset = rules.active(Platform(platform))
        con.execute(
            "INSERT INTO rule_sets(id, platform, version, label, content, created_at) VALUES (?,?,?,?,?,?)",
            (i, platform, preset.version, preset.label, json.dumps(preset.content()), stamp(NOW)),
        )
    case_rows, event_rows, deadline_rows = [], [], []
    for cid in range(1, cases + 1):
        p = rng.randrange(len(PLATFORMS))
        req = NOW - timedelta(minutes=rng.randrange(60 * 24 * 180))
        stage = "awaiting_merchant" if cid % 2 else "awaiting_buyer_return"
        fen = rng.randrange(100, 100_000)
        case_rows.append(
            (
                cid, PLATFORMS[p], f"AS{cid:012d}", f"{rng.randrange(10**17, 10**18)}", TYPES[cid % 5],
                REASONS[cid % 7], "收到后发现有问题，申请售后", 1, stage, stamp(req), stamp(req),
                f"买家{cid % 997}", f"138{rng.randrange(10**7, 10**8)}", "浙江省杭州市西湖区文三路 100 号",
                "加厚珊瑚绒睡衣女冬季套装", "粉色 L", 1, fen, fen, p + 1, stamp(req), stamp(req),
            )
        )  # fmt: skip
        event_rows.append((cid, 1, stamp(req), stamp(req), "buyer", "open", None, "awaiting_merchant", "{}"))
        if stage != "awaiting_merchant":
            at = stamp(req + timedelta(hours=3))
            event_rows.append((cid, 2, at, at, "merchant", "approve", "awaiting_merchant", stage, "{}"))
        due = stamp(req + timedelta(hours=48))
        deadline_rows.append((cid, "merchant", stage, stamp(req), due, "auto_approve", stage, "rule", "A"))
    con.executemany(
        "INSERT INTO cases(id, platform, aftersale_no, order_no, case_type, reason, reason_detail, shipped, "
        "stage, stage_since, requested_at, buyer_nick, buyer_phone, buyer_address, product_title, sku, "
        "quantity, order_amount, refund_requested, rule_set_id, created_at, updated_at, handler, tags, "
        "return_tracking_no, reship_tracking_no, penalized, muted) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'','','','',0,0)",
        case_rows,
    )
    con.executemany(
        "INSERT INTO events(case_id, seq, at, recorded_at, actor, action, from_stage, to_stage, payload) "
        "VALUES (?,?,?,?,?,?,?,?,?)",
        event_rows,
    )
    con.executemany(
        "INSERT INTO deadlines(case_id, party, stage, starts_at, due_at, auto_action, next_stage, rule_id, "
        "confidence) VALUES (?,?,?,?,?,?,?,?,?)",
        deadline_rows,
    )
    con.commit()
    con.close()


class Writer(threading.Thread):
    """Commits small transactions back to back; records how long each one took."""

    def __init__(self, db: Path, cases: int) -> None:
        super().__init__(daemon=True)
        self.db = db
        self.cases = cases
        self.durations: list[float] = []
        self.stop = threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        con = sqlite3.connect(self.db, isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=5000"):
            con.execute(f"PRAGMA {pragma}")
        rng = random.Random(1)
        try:
            while not self.stop.is_set():
                cid = rng.randrange(1, self.cases + 1)
                t0 = time.perf_counter()
                con.execute("BEGIN IMMEDIATE")
                seq = con.execute("SELECT max(seq) FROM events WHERE case_id = ?", (cid,)).fetchone()[0] + 1
                now = stamp(datetime.now(UTC))
                con.execute(
                    "INSERT INTO events(case_id, seq, at, recorded_at, actor, action, from_stage, to_stage, "
                    "payload) VALUES (?, ?, ?, ?, 'merchant', 'note', NULL, 'awaiting_merchant', '{}')",
                    (cid, seq, now, now),
                )
                con.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (now, cid))
                con.execute("COMMIT")
                self.durations.append(time.perf_counter() - t0)
        except BaseException as e:  # reported by the main thread
            self.error = e
        finally:
            con.close()


def summary(durations: list[float]) -> tuple[float, float, float]:
    ms = sorted(d * 1000 for d in durations)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    return statistics.median(ms), p99, ms[-1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=200_000)
    ap.add_argument("--seconds", type=float, default=2.0, help="length of the baseline phase")
    ap.add_argument("--keep", type=Path, help="build into (or reuse) this folder instead of a temp one")
    args = ap.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-backup-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / DB_FILE_NAME
    try:
        if not db.exists():
            t0 = time.perf_counter()
            build(db, args.cases)
            print(f"built {args.cases:,} cases in {time.perf_counter() - t0:.1f} s")
        size_mb = db.stat().st_size / 1e6
        con = sqlite3.connect(db)
        expected = con.execute("SELECT count(*) FROM cases").fetchone()[0]  # the writer adds none
        con.close()
        t0 = time.perf_counter()
        assert pragma_check(db, full=False) == []
        quick = time.perf_counter() - t0
        print(f"database: {size_mb:.0f} MB; start check (quick_check): {quick * 1000:.0f} ms")

        writer = Writer(db, args.cases)
        writer.start()
        time.sleep(args.seconds)
        baseline = list(writer.durations)
        mark = len(writer.durations)

        dest = work / "bench-copy.db"
        dest.unlink(missing_ok=True)
        steps = 0

        def progress(_done: int, _total: int, _msg: str) -> None:
            nonlocal steps
            steps += 1

        t0 = time.perf_counter()
        online_backup(db, dest, progress=progress)
        took = time.perf_counter() - t0
        during = writer.durations[mark:]
        writer.stop.set()
        writer.join()
        if writer.error is not None:
            raise writer.error

        con = sqlite3.connect(dest)
        copied = con.execute("SELECT count(*) FROM cases").fetchone()[0]
        con.close()
        verified = pragma_check(dest, full=True) == []

        b_med, b_p99, b_max = summary(baseline)
        d_med, d_p99, d_max = summary(during)
        print(
            f"backup: {took:.2f} s for {size_mb:.0f} MB ({size_mb / took:.0f} MB/s), {steps} steps; "
            f"copy verified: {verified}, {copied:,} cases"
        )
        line = "{:<19}: {:6d} commits, median {:.2f} ms, p99 {:.2f} ms, max {:.1f} ms"
        print(line.format("writer alone", len(baseline), b_med, b_p99, b_max))
        print(line.format("writer during copy", len(during), d_med, d_p99, d_max))
        print(f"ratio during/alone: median ×{d_med / b_med:.2f}, max ×{d_max / b_max:.2f}")
        verdict = "within" if d_max <= BUDGET_MS else "OVER"
        print(
            f"writer's longest transaction during the backup: {d_max:.1f} ms "
            f"({verdict} the {BUDGET_MS:.0f} ms budget)"
        )
        ok = verified and copied == expected and d_max <= BUDGET_MS
        return 0 if ok else 1
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
