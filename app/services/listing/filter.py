"""Which list rows a filter keeps: quick tab, free text and the filter bar's choices.

Works on positions into a row list in bulk (one list comprehension per active
condition), which is what keeps filtering 200,000 rows well under 150 ms.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from app.models.enums import Party
from app.services.listing.case_list import ListRow
from app.services.listing.urgency import QuickTab, default_order, in_tab, needs_me, waiting_for_buyer

MERCHANT = Party.MERCHANT.value
DENSE = 8  # more matches than 1 in DENSE rows: scan the texts instead of the blob


@dataclass(frozen=True)
class ListFilter:
    text: str = ""
    platform: str | None = None
    shop: str | None = None
    stage: str | None = None
    case_type: str | None = None
    reason: str | None = None
    requested_from: int | None = None  # Unix seconds, inclusive
    requested_to: int | None = None  # Unix seconds, exclusive
    ids: frozenset[int] | None = None  # only these cases (e.g. "show the imported cases")
    assignee: str | None = None  # only the cases assigned to this handler ("我的")

    @property
    def is_empty(self) -> bool:
        return self == ListFilter()


def search_text(row: ListRow) -> str:
    """What free text is matched against: after-sales no., order no., buyer, product, tracking no."""
    return f"{row.aftersale_no}\n{row.order_no}\n{row.buyer}\n{row.product}\n{row.tracking}".casefold()


class RowIndex:
    """Per-row facts that filtering and counting need, computed once per row list (off the UI
    thread for a full load): search text, quick-tab memberships that do not move with time,
    and the running clock's due time."""

    def __init__(self, rows: Sequence[ListRow]) -> None:
        self.texts = [search_text(r) for r in rows]
        self.needs_me = [needs_me(r) for r in rows]
        self.waiting = [waiting_for_buyer(r) for r in rows]
        self.dues = [r.due for r in rows]
        self.mine = [r.party == MERCHANT and r.due is not None for r in rows]
        self._blob: str | None = None
        self._starts: list[int] = []
        self._columns: dict[str, list[object]] = {}
        self.full_counter: TabCounter | None = None  # counts over every row, kept until a row changes

    def set(self, position: int, row: ListRow) -> None:
        """Refresh one row's facts (`position == len(...)` appends)."""
        mine = row.party == MERCHANT and row.due is not None
        _put(self.texts, position, search_text(row))
        _put(self.needs_me, position, needs_me(row))
        _put(self.waiting, position, waiting_for_buyer(row))
        _put(self.dues, position, row.due)
        _put(self.mine, position, mine)
        self._blob = None
        self._columns.clear()
        self.full_counter = None

    def column(self, rows: Sequence[ListRow], name: str) -> list[object]:
        """One field of every row as a list (cached): comparing list items beats getattr."""
        col = self._columns.get(name)
        if col is None:
            k = ListRow._fields.index(name)
            col = self._columns[name] = [r[k] for r in rows]
        return col

    def text_matches(self, word: str) -> list[int]:
        """Positions whose search text contains `word`, ascending (one C-speed scan of all texts)."""
        if self._blob is None:
            self._blob = "\x00".join(self.texts)
            self._starts = list(accumulate((len(t) + 1 for t in self.texts), initial=0))
        blob, starts = self._blob, self._starts
        if blob.count(word) * DENSE > len(self.texts):  # common word: a plain scan is cheaper
            return [i for i, text in enumerate(self.texts) if word in text]
        out: list[int] = []
        at = blob.find(word)
        while at != -1:
            row = bisect_right(starts, at) - 1
            out.append(row)
            at = blob.find(word, starts[row + 1])
        return out

    def warm(self) -> None:
        """Build the search blob now (off the UI thread) rather than on the first search."""
        self.text_matches("\x00\x00")


def ranks(order: Sequence[int]) -> list[int]:
    """rank[position] = index of that position in `order`."""
    out = [0] * len(order)
    for i, p in enumerate(order):
        out[p] = i
    return out


def apply_filter(
    rows: Sequence[ListRow], order: Sequence[int], rank: Sequence[int], f: ListFilter, index: RowIndex
) -> list[int]:
    """The positions whose rows pass the filter bar, in `order` (`rank` is its inverse).

    Free text goes first: it is usually the most selective, and its few matches are put
    in order by rank instead of walking every row.
    """
    out: list[int]
    needle = f.text.strip().casefold()
    if needle:
        words = needle.split()
        matched = index.text_matches(words[0])
        for word in words[1:]:
            keep = set(index.text_matches(word))
            matched = [i for i in matched if i in keep]
        if len(matched) * DENSE > len(order):  # many: walk the order once instead of sorting them
            mask = bytearray(len(order))
            for i in matched:
                mask[i] = 1
            out = list(filter(mask.__getitem__, order))
        else:
            out = sorted(matched, key=rank.__getitem__)
    else:
        out = list(order)
    for attr in ("platform", "shop", "stage", "case_type", "reason", "assignee"):
        want = getattr(f, attr)
        if want is not None:
            col = index.column(rows, attr)
            out = [i for i in out if col[i] == want]
    if f.ids is not None:
        wanted, case_ids = f.ids, index.column(rows, "id")
        out = [i for i in out if case_ids[i] in wanted]
    if f.requested_from is not None or f.requested_to is not None:
        lo = f.requested_from if f.requested_from is not None else -(2**62)
        hi = f.requested_to if f.requested_to is not None else 2**62
        at = index.column(rows, "requested_at")
        out = [i for i in out if lo <= at[i] < hi]  # type: ignore[operator]
    return out


def apply_tab(
    rows: Sequence[ListRow], positions: Sequence[int], tab: QuickTab, index: RowIndex, now: int, day_end: int
) -> list[int]:
    if tab is QuickTab.NEEDS_ME:
        flags = index.needs_me
        return [i for i in positions if flags[i]]
    if tab is QuickTab.WAITING_BUYER:
        flags = index.waiting
        return [i for i in positions if flags[i]]
    if tab is QuickTab.ALL:
        return list(positions)
    return [i for i in positions if in_tab(tab, rows[i], now, day_end)]


def _put(target: list[Any], position: int, value: Any) -> None:
    if position == len(target):
        target.append(value)
    else:
        target[position] = value


def tab_counter(positions: Sequence[int], index: RowIndex, everything: bool) -> TabCounter:
    """Counts over `positions`; over every row (`everything`) the counter is reused."""
    if not everything:
        return TabCounter(positions, index)
    if index.full_counter is None:
        index.full_counter = TabCounter(positions, index)
    return index.full_counter


class TabCounter:
    """Live counts per quick tab over the rows the filter bar lets through.

    The time-independent counts are taken once; the two that move with the clock
    (overdue, due today) are answered by bisecting sorted due times, so counting
    on every one-second tick costs microseconds even over 200,000 rows.
    """

    def __init__(self, positions: Sequence[int], index: RowIndex) -> None:
        self.total = len(positions)
        self.needs_me = sum(map(index.needs_me.__getitem__, positions))
        self.waiting_buyer = sum(map(index.waiting.__getitem__, positions))
        dues, mine = index.dues, index.mine
        self._dues: list[int] = sorted(d for d in map(dues.__getitem__, positions) if d is not None)
        self._mine: list[int] = sorted(dues[i] for i in positions if mine[i])  # type: ignore[misc]

    def counts(self, now: int, day_end: int) -> dict[QuickTab, int]:
        mine = self._mine
        return {
            QuickTab.NEEDS_ME: self.needs_me,
            QuickTab.DUE_TODAY: bisect_left(mine, day_end) - bisect_left(mine, now),
            QuickTab.OVERDUE: bisect_left(self._dues, now),
            QuickTab.WAITING_BUYER: self.waiting_buyer,
            QuickTab.ALL: self.total,
        }

    def next_merchant_due(self, now: int) -> int | None:
        """When the next merchant clock (at or after `now`) lapses."""
        i = bisect_left(self._mine, now)
        return self._mine[i] if i < len(self._mine) else None


@dataclass(frozen=True)
class PreparedList:
    """A full row list with everything the window needs precomputed (built off the UI thread)."""

    rows: list[ListRow]
    index: RowIndex
    order: list[int]  # default order
    rank: list[int]  # its inverse


def prepare_list(rows: list[ListRow]) -> PreparedList:
    index = RowIndex(rows)
    index.warm()
    order = default_order(rows)
    tab_counter(order, index, everything=True)
    return PreparedList(rows, index, order, ranks(order))
