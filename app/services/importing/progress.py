"""How a long import reports where it is: (done, total, phase); total 0 when not known yet."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]

READING = "reading"  # rows read from the file (total: the sheet's size when the file says it)
CHECKING = "checking"  # rows parsed and planned
WRITING = "writing"  # rows written


def every(total: int) -> int:
    """Report about a hundred times, whatever the size."""
    return max(1, total // 100)


READ_STEP = 2000  # rows between two reports while reading (the total is often unknown)

__all__ = ["CHECKING", "READING", "READ_STEP", "WRITING", "Progress", "every"]
