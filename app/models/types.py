"""Column types that keep the two promises of DESIGN.md: aware UTC times, integer fen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import DateTime, Dialect, Integer
from sqlalchemy.types import TypeDecorator

from app.models.money import FEN, from_fen, to_fen

__all__ = ["FEN", "Money", "UTCDateTime", "from_fen", "to_fen"]



class UTCDateTime(TypeDecorator[datetime]):
    """Stores an aware datetime as naive UTC; reads it back aware (UTC).

    SQLite has no time zones: `DateTime(timezone=True)` would store local wall
    time and read it back naive. A naive value is a bug upstream, so refuse it.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime refused (times are stored as UTC): {value!r}")
        return value.astimezone(UTC).replace(tzinfo=None)

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any] | None:
        """On SQLite, one C call (`isoformat`) instead of the dialect's dict-and-% formatting.

        Same text as the dialect stores (checked here on a sample, falling back to the
        dialect's own processor if it ever differs): a bulk import binds ~10 times per row.
        """
        reference = super().bind_processor(dialect)
        if dialect.name != "sqlite" or reference is None:
            return reference

        # The last value and its text: a batch binds the same `now` object (created, updated,
        # recorded at) a few times a row. One tuple, replaced whole, so threads cannot mix pairs.
        last: list[tuple[datetime | None, str | None]] = [(None, None)]

        def process(value: datetime | None) -> str | None:
            if value is None:
                return None
            seen, text = last[0]
            if value is seen:
                return text
            if value.tzinfo is UTC:  # most values: the text without its "+00:00"
                text = value.isoformat(" ", "microseconds")[:-6]
            elif value.tzinfo is None or value.utcoffset() is None:
                raise ValueError(f"naive datetime refused (times are stored as UTC): {value!r}")
            else:
                text = value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
            last[0] = (value, text)
            return text

        sample = datetime(2026, 1, 2, 3, 4, 5, 60, tzinfo=UTC)
        return process if process(sample) == reference(sample) else reference

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


class Money(TypeDecorator[Decimal]):
    """CNY as `Decimal` in Python, integer fen in the database (never a float)."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"money must be Decimal, got {type(value).__name__}")
        return to_fen(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return from_fen(int(value))
