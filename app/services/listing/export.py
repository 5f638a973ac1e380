"""Export a list of cases to .xlsx or .csv in a layout our own importer reads back.

The file is the `custom` import preset's layout (its 案件ID column identifies it).
Formula-safe (DESIGN.md pitfalls): text starting with = + - @ tab or CR is a
text cell with a quote prefix in .xlsx and gets a leading ' in .csv; control
characters openpyxl refuses are dropped. CSV is UTF-8 with BOM so Excel shows
Chinese. Buyer phone and address are left out (PII).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from app.models.entities import Case, Event
from app.models.enums import Action, AutoAction
from app.services.clock import BEIJING
from app.services.importing.parsing import PLACEHOLDERS
from app.services.listing.queries import CaseRow
from app.services.text.labels import PLATFORM_ZH, REASON_ZH, STAGE_ZH, TYPE_ZH

CHUNK = 500
Progress = Callable[[int, int, str], None]  # (done, total, what)
MONEY_FORMAT = "[$¥-804]#,##0.00"
TIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
DECISIONS = {Action.APPROVE.value, AutoAction.AUTO_APPROVE.value, Action.REJECT.value, Action.REFUND.value}


@dataclass(frozen=True)
class Column:
    header: str
    kind: str  # text | id | time | money | int


COLUMNS: tuple[Column, ...] = (
    Column("案件ID", "int"),
    Column("平台", "text"),
    Column("店铺", "text"),
    Column("售后单号", "id"),
    Column("订单号", "id"),
    Column("售后类型", "text"),
    Column("售后原因", "text"),
    Column("问题描述", "text"),
    Column("售后状态", "text"),
    Column("申请时间", "time"),
    Column("审核时间", "time"),
    Column("退货时间", "time"),
    Column("退货签收时间", "time"),
    Column("状态变更时间", "time"),
    Column("退款金额", "money"),
    Column("实退金额", "money"),
    Column("订单金额", "money"),
    Column("买家昵称", "text"),
    Column("商品名称", "text"),
    Column("SKU", "text"),
    Column("数量", "int"),
    Column("退货物流单号", "id"),
    Column("补发物流单号", "id"),
    Column("发货状态", "text"),
    Column("处理人", "text"),
    Column("下一截止时间", "time"),
)


def _last_at(events: Iterable[Event], actions: set[str]) -> datetime | None:
    found = [e.at for e in events if e.action in actions]
    return found[-1] if found else None


def _values(case: Case) -> list[Any]:
    running = [d.due_at for d in case.deadlines if d.due_at is not None]
    return [
        case.id,
        PLATFORM_ZH.get(case.platform, case.platform),
        case.shop.name if case.shop else "",
        case.aftersale_no,
        case.order_no,
        TYPE_ZH.get(case.case_type, case.case_type),
        REASON_ZH.get(case.reason, case.reason),
        case.reason_detail,
        STAGE_ZH.get(case.stage, case.stage),
        case.requested_at,
        _last_at(case.events, DECISIONS),
        _last_at(case.events, {Action.BUYER_SHIP.value}),
        _last_at(case.events, {Action.RETURN_DELIVERED.value}),
        case.stage_since,
        case.refund_requested,
        case.refund_granted,
        case.order_amount,
        case.buyer_nick,
        case.product_title,
        case.sku,
        case.quantity,
        case.return_tracking_no,
        case.reship_tracking_no,
        "已发货" if case.shipped else "未发货",
        case.handler,
        min(running) if running else None,
    ]


def safe_text(text: str) -> str:
    """Text as it may go into a spreadsheet: no control characters openpyxl refuses."""
    return _ILLEGAL.sub("", text)


def _literal(text: str) -> str:
    """A text an importer would read as an empty cell (`-`, `无`, `NULL`…) written as Excel's
    text form `="NULL"`, which reads back as exactly that text."""
    return f'="{text}"' if text.strip() in PLACEHOLDERS else text


def csv_cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "time":
        return _beijing(value).strftime("%Y-%m-%d %H:%M:%S")
    if kind == "money":
        return f"{value:.2f}"
    text = _literal(str(value))
    # A leading ' is doubled so that reading the file back takes exactly one off.
    return "'" + text if text.startswith((*FORMULA_START, "'")) else text


def _beijing(value: datetime) -> datetime:
    return value.astimezone(BEIJING)


class CaseExporter:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def export(
        self, cases: Sequence[CaseRow] | Sequence[int], path: Path, progress: Progress | None = None
    ) -> int:
        """Write the cases (rows of the case list, or ids) in their given order; returns how many.
        `progress(done, total, what)` is called as the cases are read, then before writing."""
        ids = [c.id if isinstance(c, CaseRow) else int(c) for c in cases]
        suffix = path.suffix.lower()
        if suffix not in (".xlsx", ".csv"):
            raise ValueError(f"export to .xlsx or .csv, not {suffix or 'a file without extension'}")
        report: Progress = progress or (lambda *_: None)
        rows = self._rows(ids, report)
        report(len(ids), len(ids), "writing")
        if suffix == ".csv":
            _write_csv(path, rows)
        else:
            _write_xlsx(path, rows)
        return len(rows)

    def _rows(self, ids: Sequence[int], progress: Progress) -> list[list[Any]]:
        by_id: dict[int, list[Any]] = {}
        with self._sessions() as session:
            for i in range(0, len(ids), CHUNK):
                progress(i, len(ids), "reading")
                q = (
                    select(Case)
                    .where(Case.id.in_(ids[i : i + CHUNK]))
                    .options(selectinload(Case.events), selectinload(Case.deadlines))
                )
                for case in session.scalars(q):
                    by_id[case.id] = _values(case)
        return [by_id[i] for i in ids if i in by_id]


def _write_csv(path: Path, rows: Sequence[Sequence[Any]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow([c.header for c in COLUMNS])
        for row in rows:
            w.writerow([csv_cell(v, c.kind) for v, c in zip(row, COLUMNS, strict=True)])


def _write_xlsx(path: Path, rows: Sequence[Sequence[Any]]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    from app.services.reports.saving import save_workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("售后单")
    # Frozen panes and widths must be set before the first append (write-only mode).
    ws.freeze_panes = "A2"
    for i, c in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(i)].width = 20 if c.kind in ("time", "id") else 14

    def cell(value: Any, kind: str) -> Any:
        if value is None:
            return None
        out = WriteOnlyCell(ws)
        if kind == "time":
            out.value = _beijing(value).replace(tzinfo=None, microsecond=0)
            out.number_format = TIME_FORMAT
        elif kind == "money":
            out.value = value if isinstance(value, Decimal) else Decimal(value)
            out.number_format = MONEY_FORMAT
        elif kind == "int":
            out.value = int(value)
        else:
            text = _literal(safe_text(str(value)))
            out.value = text
            out.data_type = "s"  # never a formula, whatever the text starts with
            if text.startswith(FORMULA_START):
                out.quotePrefix = True
        return out

    ws.append([c.header for c in COLUMNS])
    for row in rows:
        ws.append([cell(v, c.kind) for v, c in zip(row, COLUMNS, strict=True)])
    save_workbook(wb, path)


__all__ = ["COLUMNS", "CaseExporter", "csv_cell", "safe_text"]
