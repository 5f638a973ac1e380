"""The formula text of the report: sums and counts over 明细, criteria that match literally.

Every figure on the small sheets that 明细 can give is a live formula over it (DESIGN.md, Excel
report), with the service's value cached beside it. The expressions built here carry no leading
'=' so that they combine (`IF(…)`, a sum of one term per 明细 part).

Criteria are text an accountant never typed: a shop called 「店*1」 must match only itself, so
`*`, `?` and `~` are escaped with `~`, and each criterion starts with '=' so that a name that
starts with '<' or '>' is not read as a comparison. An empty 明细 cell (no handler) is matched by
the bare criterion "=". SUMIFS compares text case-insensitively: names that differ only in case
cannot be told apart by a formula, and `criterion` returns None for them (the caller writes the
value).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from openpyxl.utils import get_column_letter, quote_sheetname

# Excel refuses criteria longer than 255 characters (#VALUE!); ours are names, far shorter.
MAX_CRITERION = 250
_WILDCARDS = str.maketrans({"~": "~~", "*": "~*", "?": "~?"})


def literal(text: str) -> str:
    """A string literal inside a formula."""
    return '"' + text.replace('"', '""') + '"'


def criterion(text: str | None) -> str | None:
    """A SUMIFS/COUNTIFS criterion that matches exactly `text` (None or '' : an empty cell)."""
    if not text:
        return literal("=")
    if len(text) > MAX_CRITERION:
        return None
    return literal("=" + text.translate(_WILDCARDS))


def ambiguous(texts: Iterable[str]) -> set[str]:
    """Those of `texts` that a case-insensitive criterion would mix up with another one."""
    seen: dict[str, list[str]] = {}
    for t in texts:
        seen.setdefault(t.casefold(), []).append(t)
    return {t for group in seen.values() if len(group) > 1 for t in group}


def month_bounds(month: str) -> tuple[str, str]:
    """'2026-11' → the criteria '>=' its first day and '<' the next month's (Beijing wall time)."""
    y, m = int(month[:4]), int(month[5:7])
    first = date(y, m, 1)
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return (
        f'">="&DATE({first.year},{first.month},{first.day})',
        f'"<"&DATE({nxt.year},{nxt.month},{nxt.day})',
    )


Condition = tuple[str, str]  # (明细 column key, criterion expression)


@dataclass(frozen=True)
class CaseSheets:
    """Where the 明细 rows went, for the formulas that add them up."""

    parts: Sequence[tuple[str, int]]  # (sheet title, last row) of 明细 and its continuations
    columns: Mapping[str, int]  # column key (ledger key, CASE_COLUMNS or tail key) → column, 1-based

    def _range(self, key: str, title: str, last: int) -> str:
        col = get_column_letter(self.columns[key])
        return f"{quote_sheetname(title)}!{col}2:{col}{max(2, last)}"

    def total(self, key: str) -> str:
        """'SUM(明细!X2:X9)', one SUM per part when 明细 continues on more sheets."""
        return "+".join(f"SUM({self._range(key, t, last)})" for t, last in self.parts)

    def count(self) -> str:
        return "+".join(f"COUNT({self._range('id', t, last)})" for t, last in self.parts)

    def sumifs(self, key: str, conditions: Sequence[Condition]) -> str:
        return "+".join(
            f"SUMIFS({self._range(key, t, last)},{self._conditions(conditions, t, last)})"
            for t, last in self.parts
        )

    def countifs(self, conditions: Sequence[Condition]) -> str:
        return "+".join(f"COUNTIFS({self._conditions(conditions, t, last)})" for t, last in self.parts)

    def _conditions(self, conditions: Sequence[Condition], title: str, last: int) -> str:
        return ",".join(f"{self._range(k, title, last)},{c}" for k, c in conditions)

    def in_month(self, column: str, month: str) -> list[Condition]:
        low, high = month_bounds(month)
        return [(column, low), (column, high)]


def ratio(numerator: str, denominator: str, no_base: str) -> str:
    """numerator ÷ denominator, or the text `no_base` when the denominator is 0."""
    return f"IF(({denominator})=0,{literal(no_base)},({numerator})/({denominator}))"


def ratio_of_orders(numerator: str, orders: str, no_base: str, no_orders: str) -> str:
    """numerator ÷ the 订单数 cell `orders`, which holds text when a count was not entered."""
    return f"IF(ISNUMBER({orders}),{ratio(numerator, orders, no_base)},{literal(no_orders)})"
