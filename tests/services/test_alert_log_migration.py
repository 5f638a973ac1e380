"""Migration 0003 creates exactly what the entity declares; a 0001 database upgrades in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from app.models.db import head_revision, stored_revision, upgrade_if_needed
from app.models.entities import Base


def test_schema_matches_the_entities(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    upgrade_if_needed(db)
    assert stored_revision(db) == head_revision()
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_cascade_deletes_log_rows_with_their_case(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    upgrade_if_needed(db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("INSERT INTO rule_sets VALUES (1,'kuaishou','v','l','{}','2026-01-01 00:00:00')")
    con.execute(
        "INSERT INTO cases (id, platform, aftersale_no, order_no, case_type, reason, reason_detail, shipped,"
        " stage, stage_since, requested_at, buyer_nick, buyer_phone, buyer_address, product_title, sku,"
        " quantity, refund_requested, handler, tags, return_tracking_no, reship_tracking_no, penalized,"
        " muted, rule_set_id, created_at, updated_at) VALUES (1,'kuaishou','A','O','refund_only','quality',"
        " '',0,'awaiting_merchant','2026-01-01','2026-01-01','','','','','',1,100,'','','','',0,0,1,"
        " '2026-01-01','2026-01-01')"
    )
    con.execute(
        "INSERT INTO alert_log (case_id, kind, party, rule_id, due_at, lead_seconds, auto_action, title,"
        " text, delivery, created_at) VALUES (1,'alert','merchant','r','2026-01-03',3600,'auto_refund',"
        " 't','x','message','2026-01-02')"
    )
    con.execute("DELETE FROM cases WHERE id = 1")
    assert con.execute("SELECT COUNT(*) FROM alert_log").fetchone() == (0,)
    con.close()


def test_a_0001_database_upgrades_in_place(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from app.models.db import MIGRATIONS_DIR

    db = tmp_path / "old.db"
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{db}")
    command.upgrade(cfg, "0001")
    con = sqlite3.connect(db)
    con.execute("INSERT INTO shops VALUES (1, 'kuaishou', '暖暖家居')")
    con.commit()
    con.close()
    assert upgrade_if_needed(db) is True
    con = sqlite3.connect(db)
    assert con.execute("SELECT name FROM shops").fetchall() == [("暖暖家居",)]
    assert con.execute("SELECT COUNT(*) FROM alert_log").fetchone() == (0,)
    con.close()
