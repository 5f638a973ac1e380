"""Schema 0001 → head adds order_counts (0002) and keeps what was there."""

from __future__ import annotations

import sqlite3

from alembic import command
from alembic.config import Config

from app.bootstrap import AppContext
from app.models.db import DB_FILE_NAME, MIGRATIONS_DIR, head_revision, stored_revision


def test_upgrade_from_0001_keeps_shops_and_adds_order_counts(tmp_path, clock) -> None:
    data = tmp_path / "data"
    data.mkdir()
    db = data / DB_FILE_NAME
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{db}")
    command.upgrade(cfg, "0001")
    con = sqlite3.connect(db)
    con.execute("INSERT INTO shops (platform, name) VALUES ('douyin', '老店')")
    con.commit()
    con.close()
    assert stored_revision(db) == "0001"

    ctx = AppContext.open(data, clock)
    ctx.close()
    assert stored_revision(db) == head_revision()
    con = sqlite3.connect(db)
    assert con.execute("SELECT name FROM shops").fetchall() == [("老店",)]
    assert con.execute("SELECT count(*) FROM order_counts").fetchone() == (0,)
    con.close()
