"""Import benchmark: a platform export of N rows, against reading the same file with no importer.

    python bench/importer.py [--rows 50000] [--repeat 3] [--profile]

Budgets (issue 13), measured in the same run:
  .xlsx import    ≤ 1.5 × calamine (the reader the import uses) reading every row of the same file
  GBK .csv import ≤ 3 × the write floor: SQLite alone storing the rows the import stored
                    (as ready-made tuples, into the same schema), which no import can beat
  .xlsx import    ≤ 0.5 × the same import reading through openpyxl (read-only), as it did before
It also prints the csv module reading the GBK file (bytes → gbk text → rows), issue 6's baseline.
The import is the whole thing: read, find the header, map, parse, plan, write in one
transaction to a fresh SQLite store (WAL, synchronous=FULL). `--profile` prints where
the import's time goes. The importer pauses the cyclic collector while it works;
the full collection it then owes is shown, not counted.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import gc
import io
import pstats
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.bootstrap import AppContext
from app.models.db import DB_FILE_NAME
from app.services.clock import BEIJING, FixedClock
from app.services.importing import reading
from app.services.importing.applying import apply_rows
from app.services.importing.gc_pause import gc_paused
from app.services.importing.reading import read_sheet
from app.services.importing.sheets import RawSheet

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=BEIJING)
HEADERS = [
    "售后编号",
    "快手订单号",
    "售后类型",
    "售后原因",
    "售后状态",
    "申请时间",
    "审核时间",
    "退货时间",
    "更新时间",
    "退款金额(元)",
    "商品名称",
    "规格",
    "买家昵称",
    "退货物流单号",
]
# (status, type, has approval time, has return time + tracking, has update time)
KINDS = [
    ("待商家处理", "退货退款", False, False, False),
    ("待商家处理", "仅退款", False, False, False),
    ("待买家退货", "退货退款", True, False, False),
    ("待商家收货", "退货退款", True, True, False),
    ("退款成功", "仅退款", False, False, True),
]
PRODUCTS = ["加厚珊瑚绒睡衣女冬季套装", "无线蓝牙耳机降噪运动款", "不锈钢保温杯500ml", "北欧陶瓷餐具套装"]


def rows(n: int, seed: int = 1) -> list[list[Any]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        status, case_type, approved, returned, updated = KINDS[i % len(KINDS)]
        applied = NOW - timedelta(minutes=rng.randrange(600, 2400))
        fmt = "%Y-%m-%d %H:%M:%S" if i % 2 else "%Y/%m/%d %H:%M"

        def t(d: datetime, fmt: str = fmt) -> str:
            return d.strftime(fmt)

        out.append(
            [
                f"KS{2026000000 + i}",
                f"69{rng.randrange(10**16, 10**17)}",
                case_type,
                "质量问题" if i % 3 else "七天无理由",
                status,
                t(applied),
                t(applied + timedelta(minutes=30)) if approved else "",
                t(applied + timedelta(minutes=90)) if returned else "",
                t(applied + timedelta(minutes=45)) if updated else "",
                f"¥{rng.randrange(1000, 300000) / 100:,.2f}",
                PRODUCTS[i % len(PRODUCTS)],
                "粉色 L",
                f"买家{i % 997}",
                f"SF{rng.randrange(10**11, 10**12)}" if returned else "",
            ]
        )
    return out


def write_xlsx(path: Path, data: list[list[Any]]) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("售后单")
    ws.append(["快手小店 售后单列表 导出时间: 2026-11-02 09:30"])
    ws.append(HEADERS)
    for r in data:
        ws.append(r)
    wb.save(path)


def write_gbk_csv(path: Path, data: list[list[Any]]) -> None:
    buf = io.StringIO(newline="")
    w = csv.writer(buf)
    w.writerow(["快手小店 售后单列表 导出时间: 2026-11-02 09:30"])
    w.writerow(HEADERS)
    for r in data:
        w.writerow([str(c).replace("¥", "￥") for c in r])
    path.write_bytes(buf.getvalue().encode("gbk"))


def calamine_read(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    n = sum(1 for _ in wb.get_sheet_by_index(0).iter_rows())
    wb.close()
    return n


def openpyxl_sheet(path: Path, kind: str, progress: Any = None) -> RawSheet:
    """The reader the importer used before calamine (openpyxl read-only), for the same-run baseline."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    rows = []
    for line, cells in enumerate(wb.worksheets[0].iter_rows(values_only=True), 1):
        kept = list(cells)
        while kept and (kept[-1] is None or kept[-1] == ""):
            kept.pop()
        if kept:
            rows.append((line, kept))
    wb.close()
    return RawSheet(path.name, kind, None, rows)


def openpyxl_read(path: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    n = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    return n


def csv_read(path: Path) -> int:
    text = path.read_bytes().decode("gbk")
    return sum(1 for _ in csv.reader(io.StringIO(text, newline="")))


def write_floor(root: Path, imported: Path) -> float:
    """Seconds SQLite alone needs to store what the import stored: the same rows, as ready-made
    tuples, in one executemany per table, into an empty store with the same schema and settings.
    No import can be faster than this; it bounds what any budget can ask of the importer."""
    ctx = AppContext.open(root / "floor", FixedClock(NOW))  # the same schema, indexes, pragmas
    ctx.close()
    src = sqlite3.connect(imported / DB_FILE_NAME)
    names = ("rule_sets", "shops", "cases", "events", "deadlines")
    tables = {t: src.execute(f"SELECT * FROM {t}").fetchall() for t in names}
    src.close()
    dst = sqlite3.connect(root / "floor" / DB_FILE_NAME)
    dst.execute("PRAGMA synchronous=FULL")
    dst.execute("PRAGMA foreign_keys=ON")

    def store(table: str) -> None:
        if tables[table]:
            width = len(tables[table][0])
            dst.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * width)})", tables[table])

    with dst:
        store("rule_sets")
        store("shops")
    t0 = time.perf_counter()
    with dst:
        for table in ("cases", "events", "deadlines"):
            store(table)
    seconds = time.perf_counter() - t0
    dst.close()
    return seconds


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def import_into(root: Path, name: str, path: Path, profile: bool) -> tuple[float, dict[str, int], str]:
    """Seconds for the whole import, its counts, and where the time went (read / parse+plan / write)."""
    ctx = AppContext.open(root / name, FixedClock(NOW))
    try:
        importer = ctx.importer
        importer.mappings.all()  # presets load lazily: keep the TOML parsing out of the timing
        if profile:
            prof = cProfile.Profile()
            seconds, result = timed(lambda: prof.runcall(importer.import_file, path))
            print(f"\n--- profile of importing {path.name} (cumulative, top 25) ---")
            pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
            return seconds, result.plan.counts(), ""
        with gc_paused():  # as preview() reads it
            read_s, _ = timed(lambda: read_sheet(path))
        plan_s, plan = timed(lambda: importer.preview(path))
        # as Importer.apply writes: staged in chunks from 5,000 new cases (importing/staging.py)
        write_s, _ = timed(lambda: apply_rows(ctx.cases, plan.rows, None, "", ctx.sessions, ctx.clock.now()))
        # The collector was paused during the import; what it then owes, at most one full pass:
        collect_s, _ = timed(gc.collect)
        split = (
            f"read {read_s:.2f} s + parse/plan {plan_s - read_s:.2f} s + write {write_s:.2f} s"
            f" (then a full collection: {collect_s:.2f} s, not counted)"
        )
        return plan_s + write_s, plan.counts(), split
    finally:
        ctx.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=50_000)
    ap.add_argument("--profile", action="store_true", help="print where the import's time goes")
    ap.add_argument("--repeat", type=int, default=1, help="best of this many runs of each")
    args = ap.parse_args()
    data = rows(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        xlsx, gbk = root / "export.xlsx", root / "export.csv"
        write_xlsx(xlsx, data)
        write_gbk_csv(gbk, data)
        print(
            f"{args.rows} rows · xlsx {xlsx.stat().st_size / 1e6:.1f} MB"
            f" · GBK csv {gbk.stat().st_size / 1e6:.1f} MB"
        )

        # Best of --repeat runs of each (each import into a fresh store): the machine is shared.
        xs, cs, floors, olds = [], [], [], []
        for k in range(args.repeat):
            base_x, n = timed(lambda: calamine_read(xlsx))
            assert n == args.rows + 2
            with gc_paused():
                base_x_nogc, _ = timed(lambda: openpyxl_read(xlsx))
            xs.append((base_x, base_x_nogc, *import_into(root, f"x{k}", xlsx, args.profile)))
            real_reader = reading.read_workbook
            reading.read_workbook = openpyxl_sheet  # type: ignore[assignment]
            try:
                olds.append(import_into(root, f"o{k}", xlsx, args.profile))
            finally:
                reading.read_workbook = real_reader
            base_c, n = timed(lambda: csv_read(gbk))
            assert n == args.rows + 2
            cs.append((base_c, *import_into(root, f"c{k}", gbk, args.profile)))
            floors.append(write_floor(root / f"floor{k}", root / f"c{k}"))
        base_x = min(x[0] for x in xs)
        base_x_nogc = min(x[1] for x in xs)
        _, _, imp_x, counts_x, split_x = min(xs, key=lambda x: x[2])
        base_c = min(c[0] for c in cs)
        _, imp_c, counts_c, split_c = min(cs, key=lambda c: c[1])

        imp_old, counts_old, split_old = min(olds, key=lambda o: o[0])

    assert counts_x["new"] == counts_c["new"] == counts_old["new"] == args.rows, (counts_x, counts_c)
    floor = min(floors)
    rx, rc, rf, ro = imp_x / base_x, imp_c / base_c, imp_c / floor, imp_x / imp_old

    def verdict(ratio: float, budget: float) -> str:
        return f"ratio {ratio:5.2f} (budget {budget}) {'OK' if ratio <= budget else 'OVER'}"

    print(f"xlsx: calamine read {base_x:6.2f} s · import {imp_x:6.2f} s · {verdict(rx, 1.5)}")
    print(f"      {split_x}")
    print(
        f"      the same import through openpyxl's reader {imp_old:6.2f} s · "
        f"calamine's import / openpyxl's: {verdict(ro, 0.5)}"
    )
    print(f"      ({split_old}; openpyxl alone, collector paused: {base_x_nogc:.2f} s)")
    print(f"csv:  write floor   {floor:6.2f} s · import {imp_c:6.2f} s · {verdict(rf, 3.0)}")
    print(f"      {split_c}")
    print(
        f"      floor: SQLite alone storing the same rows (ready-made tuples, one executemany per table);"
        f" the csv module reads the file in {base_c:.2f} s (import / csv module: {rc:.1f})"
    )


if __name__ == "__main__":
    main()
