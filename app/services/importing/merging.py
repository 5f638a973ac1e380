"""One case per after-sales no.: ERP exports write one row per goods line (pure).

百胜 eFAST's 售后服务单 and 平台退单, 旺店通's 退换单 and 聚水潭's 明细 repeat the case's number on
every goods line (/work/research/exports.md). Rows of one number that name different goods
are merged into the first: products and SKUs listed, quantities summed, per-line amounts
(分摊退款金额, 实际应退款) summed — a case-level amount repeated on every line (退款总额) is
taken once. Rows that repeat the same goods are duplicates, as before; lines that disagree
on the case's own facts (status, type, application time) contradict each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from app.services.importing.records import BadRow, ImportRow, ProblemKind, RowProblem
from app.services.text.messages import Template

LINES_DISAGREE = Template(
    en="goods line of after-sales no. {no} (row {first}) disagrees on {what}: {here!r} here, {there!r} there",
    zh="售后单号 {no} 的商品行与第 {first} 行的{what}不一致：此处为「{here}」，那里为「{there}」",
)
MERGED_LINES = Template(
    en="{count} goods lines merged (rows {lines})", zh="合并了 {count} 个商品行（第 {lines} 行）"
)
JOIN = "；"


@dataclass(frozen=True)
class MergedLine:
    """A goods line folded into the case of an earlier row."""

    line: int
    into: int  # the row that holds the case
    row: ImportRow


def _goods(row: ImportRow) -> tuple[str, str, Decimal | None]:
    return (row.sku, row.product_title, row.line_amount)


def _disagreement(first: ImportRow, row: ImportRow) -> tuple[str, str, str] | None:
    for what, a, b in (
        ("status", first.status_word, row.status_word),
        ("type", first.case_type.value, row.case_type.value),
        ("application time", first.requested_at.isoformat(), row.requested_at.isoformat()),
        ("order no.", first.order_no, row.order_no),
    ):
        if a != b:
            return what, b, a
    return None


def merge_goods_lines(
    rows: Sequence[ImportRow | BadRow],
) -> tuple[list[ImportRow | BadRow | MergedLine], dict[int, int]]:
    """Rows with goods lines folded into their first row; also {line: first line} of duplicates."""
    groups: dict[tuple[str, str], list[ImportRow]] = {}
    for row in rows:
        if isinstance(row, ImportRow):
            groups.setdefault(row.key, []).append(row)
    merged: dict[int, ImportRow] = {}  # first line → the merged row
    folded: dict[int, MergedLine | BadRow] = {}
    duplicates: dict[int, int] = {}
    for group in groups.values():
        if len(group) == 1:
            continue
        first = group[0]
        seen_goods = {_goods(first)}
        lines = [first]
        for row in group[1:]:
            if _goods(row) in seen_goods:
                duplicates[row.line] = first.line
                continue
            clash = _disagreement(first, row)
            if clash is not None:
                what, here, there = clash
                problem = RowProblem(
                    ProblemKind.CONTRADICTION,
                    LINES_DISAGREE(no=row.aftersale_no, first=first.line, what=what, here=here, there=there),
                )
                folded[row.line] = BadRow(row.line, row.platform, row.aftersale_no, row.status_word, (problem,))
                continue
            seen_goods.add(_goods(row))
            lines.append(row)
            folded[row.line] = MergedLine(row.line, first.line, row)
        if len(lines) > 1:
            merged[first.line] = _fold(lines)
    out: list[ImportRow | BadRow | MergedLine] = []
    for row in rows:
        if row.line in folded:
            out.append(folded[row.line])
        elif isinstance(row, ImportRow) and row.line in merged:
            out.append(merged[row.line])
        else:
            out.append(row)
    return out, duplicates


def _fold(lines: Sequence[ImportRow]) -> ImportRow:
    first = lines[0]
    line_amounts = [r.line_amount for r in lines]
    amounts = {r.amount for r in lines}
    if all(a is not None for a in line_amounts) and len(amounts) > 1:
        amount = sum((a for a in line_amounts if a is not None), Decimal(0))
    elif len(amounts) > 1:
        amount = sum((r.amount for r in lines), Decimal(0))  # an amount per line, not per case
    elif all(a is not None for a in line_amounts) and first.amount == first.line_amount:
        amount = sum((a for a in line_amounts if a is not None), Decimal(0))  # the amount was the line's
    else:
        amount = first.amount  # the case's amount, repeated on every line

    def listed(values: Sequence[str]) -> str:
        return JOIN.join(dict.fromkeys(v for v in values if v))

    return replace(
        first,
        amount=amount,
        product_title=listed([r.product_title for r in lines]),
        sku=listed([r.sku for r in lines]),
        quantity=sum(r.quantity for r in lines),
        lines=len(lines),
        notes=(*first.notes, MERGED_LINES(count=len(lines), lines=tuple(r.line for r in lines))),
    )


__all__ = ["MergedLine", "merge_goods_lines"]
