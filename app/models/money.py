"""Yuan ↔ integer fen, with no SQLAlchemy (the fast read paths and the CLI's `due` use it too)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

FEN = Decimal("0.01")


def to_fen(amount: Decimal) -> int:
    """Decimal yuan → integer fen; refuses sub-fen precision rather than rounding silently."""
    q = amount.quantize(FEN, rounding=ROUND_HALF_UP)
    if q != amount:
        raise ValueError(f"amount has more than two decimals: {amount}")
    return int(q * 100)


def from_fen(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(FEN)
