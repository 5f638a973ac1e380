"""The engine's pragmas: what the README's "Your data" section promises."""

from __future__ import annotations

from sqlalchemy import text

from app.bootstrap import AppContext


def test_every_connection_is_wal_with_full_sync_and_foreign_keys(ctx: AppContext) -> None:
    for _ in range(2):  # a fresh pooled connection each time gets the same settings
        with ctx.engine.connect() as con:
            assert con.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert con.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            assert con.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert con.execute(text("PRAGMA busy_timeout")).scalar() == 5000
        ctx.engine.dispose()
