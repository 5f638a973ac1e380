"""One data row of an export → a typed `ImportRow`, or a `BadRow` listing every problem in it."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from app.models.enums import CaseType, Platform, Reason, Stage
from app.services.importing.headers import ColumnMap
from app.services.importing.mapping import FIELDS, ImportPreset, lookup_word, platform_of_word
from app.services.importing.parsing import (
    Cell,
    ValueProblem,
    cell_text,
    clean_text,
    is_blank,
    is_placeholder,
    looks_like_duration,
    parse_count,
    parse_duration,
    parse_identifier,
    parse_money,
    parse_time,
)
from app.services.importing.stages import composite_stage, derived_stage, implied_type
from app.services.text.messages import Template, Text, message_of

MISSING_TRACKING = "未提供"

IS_EMPTY = Template(en="{column} is empty", zh="{column}为空")
CELL_TOO_LONG = Template(
    en="the cell holds {length} characters (Excel's limit is {limit})",
    zh="单元格有 {length} 个字符（Excel 的上限是 {limit}）",
)
UNREADABLE_BYTES = Template(
    en="bytes that are not text in the file's encoding (shown as �): fix the cell or choose the encoding",
    zh="有不符合文件编码的字节（显示为 �）：请修改该单元格，或选择文件编码",
)
# Excel's own limit for one cell; a longer one is damage, not a buyer's words.
MAX_CELL_CHARS = 32767
UNKNOWN_STATUS = Template(
    en="unknown status {word!r}: map it to one of our stages",
    zh="未知的售后状态「{word}」：请把它对应到我们的阶段",
)
UNKNOWN_PLATFORM = Template(
    en="unknown platform {word!r}: no preset files cases under it",
    zh="未知的平台「{word}」：没有对应的平台预设，不能建档",
)
UNKNOWN_TYPE = Template(
    en="unknown after-sales type {word!r}: map it to one of our types",
    zh="未知的售后类型「{word}」：请把它对应到我们的售后类型",
)


class ProblemKind(StrEnum):
    VALUE = "value"  # a cell that cannot be read (date, amount, number)
    MISSING = "missing"  # a required cell is empty
    UNKNOWN_STATUS = "unknown_status"
    UNKNOWN_TYPE = "unknown_type"
    UNKNOWN_PLATFORM = "unknown_platform"
    CONTRADICTION = "contradiction"  # the row contradicts itself (merged goods lines disagree)
    DUPLICATE = "duplicate"  # the same after-sales no. earlier in the file
    CONFLICT = "conflict"  # the database already holds a newer state
    REFUSED = "refused"  # the workflow does not allow this status for this case


@dataclass(frozen=True)
class RowProblem:
    kind: ProblemKind
    message: str
    column: str | None = None  # the header as written in the file
    value: str | None = None


@dataclass(frozen=True)
class ImportRow:
    line: int
    platform: Platform
    aftersale_no: str
    order_no: str
    case_type: CaseType
    reason: Reason
    status_word: str
    stage: Stage
    requested_at: datetime
    amount: Decimal
    approved_at: datetime | None = None
    returned_at: datetime | None = None
    delivered_at: datetime | None = None
    updated_at: datetime | None = None
    deadline_at: datetime | None = None
    refunded_amount: Decimal | None = None
    order_amount: Decimal | None = None
    reason_detail: str = ""
    shop: str = ""
    buyer_nick: str = ""
    buyer_phone: str = ""
    buyer_address: str = ""
    product_title: str = ""
    sku: str = ""
    quantity: int = 1
    return_tracking_no: str = ""
    return_carrier: str = ""
    reship_tracking_no: str = ""
    shipped: bool | None = None
    handler: str = ""
    reason_word: str = ""  # the file's reason text when it was not recognised
    received_at: datetime | None = None  # the merchant confirmed receipt of the return
    refunded_at: datetime | None = None
    closed_at: datetime | None = None
    completed_at: datetime | None = None  # the case ended (a completion time or 完结时间 duration)
    line_amount: Decimal | None = None  # this goods line's share (ERP exports: one row per line)
    goods_returned: bool = False  # 货物状态 买家已退货: the return was sent, tracking no. or not
    lines: int = 1  # goods lines merged into this row
    notes: tuple[Text, ...] = ()

    def final_time(self) -> datetime | None:
        """When the case reached its final stage, by the file's own times."""
        if self.stage is Stage.REFUNDED:
            return self.refunded_at or self.completed_at
        if self.stage is Stage.CLOSED:
            return self.closed_at or self.completed_at
        if self.stage is Stage.COMPLETED:
            return self.completed_at
        return None

    @property
    def key(self) -> tuple[str, str]:
        return (self.platform.value, self.aftersale_no)


@dataclass(frozen=True)
class BadRow:
    line: int
    platform: Platform | None
    aftersale_no: str
    status_word: str
    problems: tuple[RowProblem, ...]


TIME_FIELDS = (
    "requested_at",
    "approved_at",
    "returned_at",
    "delivered_at",
    "received_at",
    "refunded_at",
    "closed_at",
    "updated_at",
)
MONEY_FIELDS = ("amount", "line_amount", "refunded_amount", "order_amount")
TEXT_FIELDS = (
    "reason_detail",
    "shop",
    "buyer_nick",
    "buyer_phone",
    "buyer_address",
    "product_title",
    "sku",
    "return_tracking_no",
    "return_carrier",
    "reship_tracking_no",
    "handler",
)


def _damaged(header: str, value: str) -> RowProblem:
    if len(value) > MAX_CELL_CHARS:
        message = CELL_TOO_LONG(length=f"{len(value):,}", limit=f"{MAX_CELL_CHARS:,}")
    else:
        message = UNREADABLE_BYTES()
    return RowProblem(ProblemKind.VALUE, message, header, value[:80])


def read_row(
    line: int,
    record: Mapping[str, Cell],
    columns: ColumnMap,
    preset: ImportPreset,
    file_platform: Platform | None = None,
    exported_at: datetime | None = None,
) -> ImportRow | BadRow:
    """One data row; `file_platform`: the platform of rows whose platform cell is blank;
    `exported_at`: when the file was exported (its title row), which a time left counts from."""
    problems: list[RowProblem] = []
    cells: dict[str, Cell] = {}
    for name, header in columns.by_field.items():
        value = record.get(header)
        if value.__class__ is str and (len(value) > MAX_CELL_CHARS or "\ufffd" in value):
            problems.append(_damaged(header, value))
            value = None
        cells[name] = None if is_placeholder(value) else value  # `-`, 无: an empty cell
    cell = cells.get

    def parse(name: str, fn: Callable[[Cell], Any]) -> Any:
        value = cells.get(name)
        if value is None or value == "":  # most optional cells of most rows
            return None
        try:
            return fn(value)
        except ValueProblem as e:
            problems.append(
                RowProblem(ProblemKind.VALUE, message_of(e), columns.by_field[name], cell_text(value))
            )
            return None

    def missing(name: str) -> None:
        header = columns.by_field.get(name, FIELDS[name])
        problems.append(RowProblem(ProblemKind.MISSING, IS_EMPTY(column=header), header, ""))

    aftersale_no = parse("aftersale_no", parse_identifier)
    order_no = parse("order_no", parse_identifier)
    for name in ("aftersale_no", "order_no", "requested_at"):
        if is_blank(cell(name)):
            missing(name)
    amount_field = "amount" if "amount" in columns.by_field else "line_amount"
    if is_blank(cell(amount_field)):
        missing(amount_field)
    platform_word = clean_text(cell("platform"))
    platform = platform_of_word(preset, platform_word) if platform_word else file_platform or preset.platform
    if platform is None:
        header = columns.by_field["platform"]
        problems.append(
            RowProblem(ProblemKind.UNKNOWN_PLATFORM, UNKNOWN_PLATFORM(word=platform_word), header, platform_word)
        )
    words_at = len(problems)  # unknown words are reported before unreadable cells
    # Only the fields the file has a cell for are parsed: most of ours are absent from most
    # exports, and a call per absent field per row was a fifth of a 50,000-row import.
    times = dict.fromkeys(TIME_FIELDS)
    for name in TIME_FIELDS:
        if cells.get(name) is not None:
            times[name] = parse(name, parse_time)
    completed_at = parse("completed_at", _time_or_duration)
    completed_in = parse("completed_in", _time_or_duration)
    money = dict.fromkeys(MONEY_FIELDS)
    for name in MONEY_FIELDS:
        if cells.get(name) is not None:
            money[name] = parse(name, parse_money)
    quantity = parse("quantity", parse_count)
    texts: dict[str, Any] = {
        name: "" if (v := cells.get(name)) is None else clean_text(v) for name in TEXT_FIELDS
    }
    ship_tracking = clean_text(cell("ship_tracking_no"))
    goods_word = clean_text(cell("goods_status"))
    goods = lookup_word(preset.goods, goods_word) if goods_word else None
    shipped_word = clean_text(cell("shipped"))
    shipped = lookup_word(preset.shipped, shipped_word) if shipped_word else None
    if not isinstance(shipped, bool):
        # 货物状态 says whether the buyer has the goods; 发货物流信息 whether they were sent.
        shipped = True if ship_tracking or goods in ("received", "returned") else None
        if shipped is None and "ship_tracking_no" in columns.by_field:
            shipped = False

    notes: list[Text] = []
    cell_problems = problems[words_at:]
    del problems[words_at:]
    status_word = clean_text(cell("status"))
    stage: Stage | None = None
    if status_word:
        stage = composite_stage(preset.statuses, status_word)
        if stage is None:
            problems.append(
                RowProblem(
                    ProblemKind.UNKNOWN_STATUS,
                    UNKNOWN_STATUS(word=status_word),
                    columns.by_field["status"],
                    status_word,
                )
            )
    type_word = clean_text(cell("case_type"))
    return_word = clean_text(cell("needs_return"))
    case_type: CaseType | None = None
    if type_word:
        case_type = lookup_word(preset.types, type_word)
        if case_type is None:
            problems.append(
                RowProblem(
                    ProblemKind.UNKNOWN_TYPE,
                    UNKNOWN_TYPE(word=type_word),
                    columns.by_field["case_type"],
                    type_word,
                )
            )
    elif return_word:
        needs = lookup_word(preset.shipped, return_word)  # 是 / 否
        if isinstance(needs, bool):
            case_type = CaseType.RETURN_REFUND if needs else CaseType.REFUND_ONLY
    if case_type is None and not type_word:
        case_type = implied_type(
            preset.default_type,
            stage,
            bool(texts["return_tracking_no"]) or goods == "returned" or times["received_at"] is not None,
        )
    requested_at = times["requested_at"]
    if completed_at is None and completed_in is not None and requested_at is not None:
        completed_at = completed_in
    if isinstance(completed_at, timedelta):
        completed_at = requested_at + completed_at if requested_at is not None else None
    if stage is None and not status_word and case_type is not None:
        stage, why = derived_stage(
            case_type,
            final_at=completed_at or times["refunded_at"],
            closed_at=times["closed_at"],
            received_at=times["received_at"],
            returned=bool(texts["return_tracking_no"]) or goods == "returned",
            approved_at=times["approved_at"],
        )
        notes.append(why)
    problems.extend(cell_problems)
    reason_word = clean_text(cell("reason"))
    reason = lookup_word(preset.reasons, reason_word) if reason_word else None
    deadline_at = _platform_deadline(cell("deadline_at"), exported_at)

    if (
        problems
        or aftersale_no is None
        or order_no is None
        or stage is None
        or case_type is None
        or platform is None
    ):
        return BadRow(line, platform, aftersale_no or "", status_word, tuple(problems))
    amount = money["amount"] if money["amount"] is not None else money["line_amount"]
    assert requested_at is not None and amount is not None
    return ImportRow(
        line=line,
        platform=platform,
        aftersale_no=aftersale_no,
        order_no=order_no,
        case_type=case_type,
        reason=reason or Reason.OTHER,
        status_word=status_word,
        stage=stage,
        requested_at=requested_at,
        amount=abs(amount),
        approved_at=times["approved_at"],
        returned_at=times["returned_at"],
        delivered_at=times["delivered_at"],
        updated_at=times["updated_at"],
        deadline_at=deadline_at,
        refunded_amount=abs(money["refunded_amount"]) if money["refunded_amount"] is not None else None,
        order_amount=money["order_amount"],
        quantity=quantity if quantity is not None else 1,
        shipped=shipped if isinstance(shipped, bool) else None,
        reason_word="" if reason else reason_word,
        received_at=times["received_at"],
        refunded_at=times["refunded_at"],
        closed_at=times["closed_at"],
        completed_at=completed_at,
        line_amount=abs(money["line_amount"]) if money["line_amount"] is not None else None,
        goods_returned=goods == "returned",
        notes=tuple(notes),
        **texts,
    )


def _time_or_duration(value: Cell) -> datetime | timedelta | None:
    """A completion time, or (淘宝's 完结时间) how long after the application the case ended."""
    if looks_like_duration(value):
        return parse_duration(value)
    return parse_time(value)


def _platform_deadline(value: Cell, exported_at: datetime | None = None) -> datetime | None:
    """The platform's own deadline when the column holds a time, or what is left ("1天2小时",
    剩余处理时间) counted from the file's export time when its title row gives one; None for
    anything else ("已超时", a time left without an export time): it never fails a row."""
    if value is None or value == "":
        return None
    try:
        return parse_time(value)
    except ValueProblem:
        pass
    if exported_at is None or not isinstance(value, str):
        return None
    from app.services.rules.durations import parse_span_text

    try:
        left = parse_span_text(value)
    except ValueError:
        return None
    return exported_at + left if left.total_seconds() > 0 else None


_EXPORT_TIME = re.compile(r"(?:导出|下载|生成|报表)时间\s*[:：]?\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:[ T]+\d{1,2}[:时]\d{1,2}(?:[:分]\d{1,2}秒?)?)?)")


def export_time(title_lines: Sequence[str]) -> datetime | None:
    """When the file was exported, as its title rows say (导出时间：2026-11-02 10:00:00); Beijing time."""
    from app.services.clock import parse_instant

    for line in title_lines:
        m = _EXPORT_TIME.search(line)
        if m:
            try:
                return parse_instant(m.group(1))
            except ValueError:
                return None
    return None


__all__ = ["MISSING_TRACKING", "BadRow", "ImportRow", "ProblemKind", "RowProblem", "read_row"]
