"""Which schema revision a database file holds, read with sqlite3 alone.

Kept apart from `db.py` so that the window can check "is this file current?"
and paint its first rows before SQLAlchemy (≈0.35 s to import) is loaded.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.models.read_only import connect_read_only
from app.paths import migrations_dir

MIGRATIONS_DIR = migrations_dir()
DB_FILE_NAME = "sentinel.db"


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer version of the app; we refuse to touch it."""

    def __init__(self, db_path: Path, revision: str) -> None:
        super().__init__(
            f"{db_path} was written by a newer version of the app (schema {revision}); "
            "install the newer version or open another data folder."
        )
        self.db_path = db_path  # kept apart so the window can word it in the merchant's language
        self.revision = revision


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
    con = connect_read_only(db_path)  # never created or changed here (a read-only folder too)
    try:
        row = con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return None
        ver = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(ver[0]) if ver else None
    except UnicodeDecodeError as e:  # noise where the revision was (some Python versions)
        raise sqlite3.DatabaseError(f"file is not a database ({e.reason})") from None
    finally:
        con.close()


def known_revisions() -> set[str]:
    out: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("revision ="):
                out.add(line.split("=", 1)[1].strip().strip("\"'"))
    return out


def is_current(db_path: Path) -> bool:
    """True when the file exists and holds the newest schema (no migration needed)."""
    return db_path.exists() and stored_revision(db_path) == head_revision()
