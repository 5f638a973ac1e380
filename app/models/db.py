"""Engine and sessions for the local SQLite store, and schema upgrades on start."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app.models.read_only import NEEDS_UPGRADE, NO_DATABASE, ReadOnlyFolderError, read_uri
from app.models.schema_version import DB_FILE_NAME as DB_FILE_NAME  # re-exported
from app.models.schema_version import MIGRATIONS_DIR, head_revision, known_revisions, stored_revision
from app.models.schema_version import SchemaTooNewError as SchemaTooNewError  # re-exported

# Called as hook(db_path, stored_revision, head_revision) just before a migration runs on a
# database that holds data (the backup service passes one; models never import services).
MigrationHook = Callable[[Path, str, str], None]


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # WAL: readers never block the writer. synchronous=FULL: a committed action
    # survives a power cut (NORMAL in WAL mode may lose the last commits).
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _on_connect_read_only(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # No journal_mode (setting it writes the header); query_only: a write that slipped past the
    # refusals fails with SQLITE_READONLY ("the data folder is read-only"), never half done.
    cur.execute("PRAGMA query_only=ON")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(db_path: Path, read_only: bool = False) -> Engine:
    if read_only:  # `mode=ro` (or immutable): SQLite creates nothing beside the file
        uri = read_uri(db_path)
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            poolclass=QueuePool,
        )
        event.listen(engine, "connect", _on_connect_read_only)
        return engine
    engine = create_engine(f"sqlite:///{db_path}", future=True)
    event.listen(engine, "connect", _on_connect)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def write_transaction(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """`sessions.begin()` holding SQLite's write lock from its first statement (BEGIN IMMEDIATE).

    pysqlite opens a transaction only before the first INSERT/UPDATE/DELETE, so what a
    session reads before that is not protected: the scheduler's tick (another thread) or a
    CLI command could change the case between our read and our write, and the write would
    then fail on the event number. With the lock taken first, reading a case, deciding and
    writing are one step; another writer waits for it (busy_timeout).
    """
    with sessions.begin() as session:
        connection = session.connection()
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        yield session


def upgrade_if_needed(db_path: Path, before_migration: MigrationHook | None = None) -> bool:
    """Bring the schema to head. Returns True when a migration ran.

    Alembic is imported only when the stored revision differs from head, so a
    normal start does not pay for it. `before_migration` runs only when an existing
    database will be migrated (not for a new one); if it raises, nothing is migrated.
    """
    current = stored_revision(db_path)
    head = head_revision()
    if current == head:
        return False
    if current is not None and current not in known_revisions():
        raise SchemaTooNewError(db_path, current)
    if current is not None and before_migration is not None:
        before_migration(db_path, current, head)
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{db_path}")
    command.upgrade(cfg, "head")
    return True


def open_database(
    db_path: Path, before_migration: MigrationHook | None = None, read_only: bool = False
) -> tuple[Engine, sessionmaker[Session]]:
    """The engine and sessions of a database, brought to the current schema first. `read_only`
    (a read-only data folder): nothing is created or migrated; a file that would need either
    raises `ReadOnlyFolderError`."""
    if read_only:
        if not db_path.exists():
            raise ReadOnlyFolderError(db_path.parent, NO_DATABASE)
        current = stored_revision(db_path)
        if current is not None and current not in known_revisions():
            raise SchemaTooNewError(db_path, current)
        if current != head_revision():
            raise ReadOnlyFolderError(db_path.parent, NEEDS_UPGRADE)
        engine = make_engine(db_path, read_only=True)
        return engine, make_session_factory(engine)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    upgrade_if_needed(db_path, before_migration)
    engine = make_engine(db_path)
    return engine, make_session_factory(engine)
