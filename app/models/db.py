"""Engine and sessions for the local SQLite store, and schema upgrades on start."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
DB_FILE_NAME = "sentinel.db"


# Called as hook(db_path, stored_revision, head_revision) just before a migration runs on a
# database that holds data (the backup service passes one; models never import services).
MigrationHook = Callable[[Path, str, str], None]


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer version of the app; we refuse to touch it."""


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # WAL: readers never block the writer. synchronous=FULL: a committed action
    # survives a power cut (NORMAL in WAL mode may lose the last commits).
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(db_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}", future=True)
    event.listen(engine, "connect", _on_connect)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def head_revision() -> str:
    """The newest migration id, read from the versions folder without importing Alembic."""
    revisions: dict[str, str | None] = {}
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        rev = down = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("revision ="):
                rev = line.split("=", 1)[1].strip().strip("\"'")
            elif line.startswith("down_revision ="):
                value = line.split("=", 1)[1].strip()
                down = None if value == "None" else value.strip("\"'")
        if rev:
            revisions[rev] = down
    parents = set(revisions.values())
    heads = [r for r in revisions if r not in parents]
    if len(heads) != 1:
        raise RuntimeError(f"expected one migration head, found {heads}")
    return heads[0]


def stored_revision(db_path: Path) -> str | None:
    if not db_path.exists():
        return None
    con = sqlite3.connect(db_path)
    try:
        row = con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return None
        ver = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(ver[0]) if ver else None
    finally:
        con.close()


def known_revisions() -> set[str]:
    out: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("revision ="):
                out.add(line.split("=", 1)[1].strip().strip("\"'"))
    return out


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
        raise SchemaTooNewError(
            f"{db_path} was written by a newer version of the app (schema {current}); "
            "install the newer version or open another data folder."
        )
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
    db_path: Path, before_migration: MigrationHook | None = None
) -> tuple[Engine, sessionmaker[Session]]:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    upgrade_if_needed(db_path, before_migration)
    engine = make_engine(db_path)
    return engine, make_session_factory(engine)
