"""Alembic environment: run programmatically by app.models.db.upgrade_if_needed.

Every pending migration runs in ONE transaction: SQLite can roll DDL back, so a
migration that fails half-way (or a crash during it) leaves the database exactly at
its old revision, not with half a schema. pysqlite would run DDL outside any
transaction, so the driver's own transaction handling is switched off for this engine
and SQLAlchemy emits the BEGIN (the SQLAlchemy docs' pysqlite recipe).
"""

from typing import Any

from alembic import context
from sqlalchemy import Connection, create_engine, event, text

from app.models.entities import Base

config = context.config
target_metadata = Base.metadata


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # no implicit BEGIN/COMMIT from the driver
    # Foreign keys off for the migration (batch mode rebuilds tables and cascades would
    # delete rows); checked before commit. The pragma is a no-op inside a transaction.
    dbapi_connection.execute("PRAGMA foreign_keys=OFF")


def _on_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def run_migrations_online() -> None:
    url = config.get_main_option("sqlalchemy.url")
    engine = create_engine(url)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            transactional_ddl=True,
        )
        with context.begin_transaction():
            context.run_migrations()
            problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
            if problems:
                raise RuntimeError(f"foreign key check failed after migration: {problems[:5]}")
    engine.dispose()


run_migrations_online()
