"""The store keeps its promises: aware UTC times, integer fen, schema owned by Alembic."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import DateTime
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite as sqlite_dialect

from app.bootstrap import AppContext
from app.models.db import SchemaTooNewError, head_revision, make_engine, upgrade_if_needed
from app.models.entities import Base
from app.models.enums import CaseType, Platform, Reason
from app.models.types import Money, UTCDateTime, from_fen, to_fen
from app.services.clock import FixedClock
from app.services.listing.due import DueRow
from tests.conftest import T0
from tests.services.scenario import open_case


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        UTCDateTime().process_bind_param(datetime(2026, 1, 1), None)  # type: ignore[arg-type]


@settings(max_examples=300)
@given(
    st.datetimes(
        min_value=datetime(1970, 1, 2),
        max_value=datetime(2999, 12, 30),
        timezones=st.one_of(st.just(UTC), st.timezones()),
    )
)
def test_fast_sqlite_binding_stores_the_dialects_text(at: datetime) -> None:
    """UTCDateTime's own SQLite bind processor writes exactly what the dialect's DATETIME would."""
    dialect = sqlite_dialect()
    ours = UTCDateTime().dialect_impl(dialect).bind_processor(dialect)
    dialects = DateTime().dialect_impl(dialect).bind_processor(dialect)
    assert ours is not None and dialects is not None
    assume(at.utcoffset() is not None)
    assert ours(at) == dialects(UTCDateTime().process_bind_param(at, dialect))
    with pytest.raises(ValueError, match="naive"):
        ours(at.replace(tzinfo=None))


def test_money_is_integer_fen() -> None:
    assert to_fen(Decimal("1299.00")) == 129900 and from_fen(129900) == Decimal("1299.00")
    with pytest.raises(ValueError):
        to_fen(Decimal("0.001"))
    with pytest.raises(TypeError):
        Money().process_bind_param(1.5, None)  # type: ignore[arg-type]


def test_stored_values_are_utc_text_and_integers(ctx: AppContext, clock: FixedClock) -> None:
    open_case(ctx, clock, Platform.TAOBAO, CaseType.REFUND_ONLY, False, Reason.QUALITY, T0, amount="1299.50")
    con = sqlite3.connect(ctx.data_dir / "sentinel.db")
    requested_at, fen, typ = con.execute(
        "SELECT requested_at, refund_requested, typeof(refund_requested) FROM cases"
    ).fetchone()
    assert requested_at.startswith("2026-11-02 02:00:00")  # 10:00 Beijing = 02:00 UTC
    assert (fen, typ) == (129950, "integer")
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrations_match_the_models(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert upgrade_if_needed(db) is True
    assert upgrade_if_needed(db) is False  # nothing to do the second time, Alembic not needed
    engine = make_engine(db)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    upgrade_if_needed(db)
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(SchemaTooNewError, match="newer version"):
        upgrade_if_needed(db)
    assert head_revision() != "9999"


def test_due_rows_keep_orm_types(ctx: AppContext, clock: FixedClock) -> None:
    """The hot `due` query bypasses SQLAlchemy's execution but not its column types."""
    open_case(
        ctx, clock, Platform.KUAISHOU, CaseType.REFUND_ONLY, False, Reason.QUALITY, T0, amount="1299.50"
    )

    def platform(within: timedelta | None = None) -> list[DueRow]:  # (not our first-response target)
        return [r for r in ctx.queries.due(within=within, limit=50) if r.kind == "platform"]

    (row,) = platform()
    assert row.due_at.tzinfo is not None and row.due_at == T0 + timedelta(hours=48)
    assert row.amount == Decimal("1299.50") and isinstance(row.amount, Decimal)
    assert platform(timedelta(hours=47)) == []
    assert len(platform(timedelta(hours=48))) == 1
