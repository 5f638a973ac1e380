"""Which of a case's clocks the case shows: one rule for the list row, the detail panel and the CLI.

A case has at most one deadline per party (`uq_deadlines_case_party`), so the rule only
needs each clock's party and due instant:

1. the merchant's running clock (what the merchant must beat; the tray counts these);
2. else the soonest running clock;
3. else a clock waiting for its start event;

ties (two parties due in the same second, or only waiting clocks) go to the party name, so
the choice never depends on the order the database returned the rows in.

Due instants are compared in whole Unix seconds: the list reads them so (`strftime('%s')`)
and the countdowns show seconds, so a sub-second difference must not change the choice on
one side only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from app.models.enums import Party

T = TypeVar("T")

_MERCHANT = Party.MERCHANT.value

ClockRank = tuple[int, int, str]


def clock_rank(party: str, due: int | None) -> ClockRank:
    """Sort key of one clock; the case shows the clock with the smallest rank."""
    if due is None:
        return (2, 0, party)
    return (0 if party == _MERCHANT else 1, due, party)


def pick_clock(clocks: Sequence[T], describe: Callable[[T], tuple[str, int | None]]) -> T | None:
    """The clock a case shows, or None without clocks. `describe(c)` → (party, due in Unix seconds)."""
    if len(clocks) < 2:  # the usual case: one clock (the list reads 200,000 of them)
        return clocks[0] if clocks else None
    return min(clocks, key=lambda c: clock_rank(*describe(c)))
