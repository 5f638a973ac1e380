"""One data row of an export → a typed `ImportRow`, or a `BadRow` listing every problem in it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from app.models.enums import CaseType, Platform, Reason, Stage
from app.services.importing.mapping import FIELDS, ColumnMap, ImportPreset, lookup_word, platform_of_word
from app.services.importing.parsing import (
    Cell,
    ValueProblem,
    cell_text,
    clean_text,
    is_blank,
    parse_count,
    parse_identifier,
    parse_money,
    parse_time,
)
from app.services.text.messages import Template, message_of

MISSING_TRACKING = "未提供"

IS_EMPTY = Template(en="{column} is empty", zh="{column}为空")
UNKNOWN_STATUS = Template(
    en="unknown status {word!r}: map it to one of our stages",
    zh="未知的售后状态「{word}」：请把它对应到我们的阶段",
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


TIME_FIELDS = ("requested_at", "approved_at", "returned_at", "delivered_at", "updated_at")
MONEY_FIELDS = ("amount", "refunded_amount", "order_amount")
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


def read_row(
    line: int, record: Mapping[str, Cell], columns: ColumnMap, preset: ImportPreset
) -> ImportRow | BadRow:
    problems: list[RowProblem] = []
    cells = {name: record.get(header) for name, header in columns.by_field.items() if header}
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
    for name in ("aftersale_no", "order_no", "status", "requested_at", "amount"):
        if is_blank(cell(name)):
            missing(name)
    platform = platform_of_word(preset, clean_text(cell("platform"))) or preset.platform
    status_word = clean_text(cell("status"))
    stage: Stage | None = lookup_word(preset.statuses, status_word) if status_word else None
    if status_word and stage is None:
        problems.append(
            RowProblem(
                ProblemKind.UNKNOWN_STATUS,
                UNKNOWN_STATUS(word=status_word),
                columns.by_field["status"],
                status_word,
            )
        )
    type_word = clean_text(cell("case_type"))
    case_type: CaseType | None = preset.default_type
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
    reason_word = clean_text(cell("reason"))
    reason = lookup_word(preset.reasons, reason_word) if reason_word else None
    times = {name: parse(name, parse_time) for name in TIME_FIELDS}
    deadline_at = _platform_deadline(cell("deadline_at"))
    money = {name: parse(name, parse_money) for name in MONEY_FIELDS}
    quantity = parse("quantity", parse_count)
    shipped_word = clean_text(cell("shipped"))
    shipped = lookup_word(preset.shipped, shipped_word) if shipped_word else None

    if problems or aftersale_no is None or order_no is None or stage is None or case_type is None:
        return BadRow(line, platform, aftersale_no or "", status_word, tuple(problems))
    requested_at = times["requested_at"]
    amount = money["amount"]
    assert requested_at is not None and amount is not None
    texts = {name: clean_text(cell(name)) for name in TEXT_FIELDS}
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
        **texts,
    )


def _platform_deadline(value: Cell) -> datetime | None:
    """The platform's own deadline when the column holds a time; None for anything else.

    The column only serves to check our clock against the platform's, so it never fails a
    row: 剩余处理时间 often holds what is left ("1天2小时") or "已超时" rather than a time.
    """
    if value is None or value == "":
        return None
    try:
        return parse_time(value)
    except ValueProblem:
        return None


__all__ = ["MISSING_TRACKING", "BadRow", "ImportRow", "ProblemKind", "RowProblem", "read_row"]
