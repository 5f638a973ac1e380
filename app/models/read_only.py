"""A data folder the app may read but not change (a read-only share, a copy on a CD, a locked-down
account), and how SQLite reads a database in one. sqlite3 and the standard library alone: the
start check and `python -m app due` use it without SQLAlchemy.

SQLite reads a WAL database through its `-shm` index, which it creates beside the file. In a
folder it cannot write, a database closed cleanly has none, so even `mode=ro` fails with
"unable to open database file". It is then opened `immutable=1`: SQLite takes no locks and
reads the file as it is (nothing in the app writes to it; another program with write access
that changed it meanwhile would not be seen until the next start). When the `-shm` file is
there (the writer still runs, or was killed), `mode=ro` reads through it, WAL included.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

NO_DATABASE = "no_database"  # nothing to read: a database would have to be created
NEEDS_UPGRADE = "needs_upgrade"  # an older schema: reading it needs a migration, which writes


class ReadOnlyFolderError(Exception):
    """A database in a read-only data folder that cannot be opened without writing (`reason`:
    NO_DATABASE or NEEDS_UPGRADE; the services word it for the merchant)."""

    def __init__(self, data_dir: Path, reason: str) -> None:
        super().__init__(f"the data folder {data_dir} is read-only ({reason})")
        self.data_dir = data_dir
        self.reason = reason


def _writable(path: Path) -> bool:
    # effective ids: what the kernel checks when the file is opened (a read-only mount says no
    # even to root; a chmod does not stop root, and then the folder is simply writable).
    return os.access(path, os.W_OK, effective_ids=os.access in os.supports_effective_ids)


def is_read_only(db_path: Path) -> bool:
    """True when this database cannot be changed here: its folder is not writable (an existing
    folder: a missing one is created, not read-only), or the file itself is not."""
    folder = db_path.parent
    if not folder.is_dir():
        return False
    if not _writable(folder):
        return True
    return db_path.exists() and not _writable(db_path)


def read_uri(db_path: Path) -> str:
    """The URI that reads `db_path` and never creates or changes it (`immutable=1` when SQLite
    could not create the `-shm` index it needs to read a WAL database: see the module doc)."""
    uri = f"{db_path.resolve().as_uri()}?mode=ro"
    shm = db_path.with_name(db_path.name + "-shm")
    if not shm.exists() and not _writable(db_path.parent):
        uri += "&immutable=1"
    return uri


def connect_read_only(
    db_path: Path, *, check_same_thread: bool = True, autocommit: bool = False
) -> sqlite3.Connection:
    """A connection that only reads an existing file (SQLite never creates it here).
    `autocommit`: no transaction handling by the sqlite3 module (isolation_level None)."""
    uri = read_uri(db_path)
    if autocommit:
        return sqlite3.connect(uri, uri=True, check_same_thread=check_same_thread, isolation_level=None)
    return sqlite3.connect(uri, uri=True, check_same_thread=check_same_thread)
