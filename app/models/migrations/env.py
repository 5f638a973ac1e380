"""Alembic environment: run programmatically by app.models.db.upgrade_if_needed."""

from alembic import context
from sqlalchemy import create_engine, text

from app.models.entities import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    url = config.get_main_option("sqlalchemy.url")
    engine = create_engine(url)
    with engine.connect() as connection:
        # Foreign keys off for the migration (batch mode rebuilds tables and
        # cascades would delete rows); checked again afterwards.
        connection.execute(text("PRAGMA foreign_keys=OFF"))
        connection.commit()
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
        if problems:
            raise RuntimeError(f"foreign key check failed after migration: {problems[:5]}")
    engine.dispose()


run_migrations_online()
