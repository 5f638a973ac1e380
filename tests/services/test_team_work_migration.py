"""Migration 0005tm: a 0004sd database keeps its cases (version 1, unassigned) and its alert log
(the single merchant's rows, handler ""); the log's identity is per person; downgrade undoes it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.models.db import MIGRATIONS_DIR, stored_revision, upgrade_if_needed
from tests.services.test_service_desk_migration import CASE_SQL

ALERT_SQL = (
    "INSERT INTO alert_log (case_id, kind, party, rule_id, due_at, lead_seconds, auto_action, title, text,"
    " delivery, created_at, sent_at, seen_at{extra}) VALUES (1, 'alert', 'merchant', 'r1', '2026-01-03',"
    " 3600, 'auto_approve', 't', 'x', 'message', '2026-01-02', '2026-01-02', NULL{value})"
)


def _alembic(db: Path, verb: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{db}")
    getattr(command, verb)(cfg, revision)


def _old_database(tmp_path: Path) -> Path:
    db = tmp_path / "old.db"
    _alembic(db, "upgrade", "0004sd")
    con = sqlite3.connect(db)
    con.execute("INSERT INTO rule_sets VALUES (1,'kuaishou','v','l','{}','2026-01-01 00:00:00')")
    con.execute(CASE_SQL)
    con.execute(CASE_SQL.replace("(1,'kuaishou','A'", "(2,'kuaishou','B'"))
    con.execute(ALERT_SQL.format(extra="", value=""))
    con.commit()
    con.close()
    return db


def test_a_0004sd_database_gets_versions_and_no_assignees(tmp_path: Path) -> None:
    db = _old_database(tmp_path)
    _alembic(db, "upgrade", "0005tm")
    assert stored_revision(db) == "0005tm"
    con = sqlite3.connect(db)
    assert con.execute("SELECT id, version, assignee FROM cases ORDER BY id").fetchall() == [
        (1, 1, None),
        (2, 1, None),
    ]
    assert con.execute("SELECT handler, seen_at FROM alert_log").fetchall() == [("", None)]
    indexes = {r[1] for r in con.execute("PRAGMA index_list(cases)")}
    assert "ix_cases_assignee" in indexes
    # The same alert for another person is a row of its own; twice for one person is refused.
    con.execute(ALERT_SQL.format(extra=", handler", value=", '小王'"))
    with pytest.raises(sqlite3.IntegrityError):
        con.execute(ALERT_SQL.format(extra=", handler", value=", '小王'"))
    con.close()


def test_upgrade_if_needed_reaches_it_and_foreign_keys_still_cascade(tmp_path: Path) -> None:
    db = _old_database(tmp_path)
    assert upgrade_if_needed(db) is True
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("DELETE FROM cases WHERE id = 1")
    assert con.execute("SELECT COUNT(*) FROM alert_log").fetchone() == (0,)
    con.close()


def test_downgrade_leaves_a_0004sd_schema_with_the_merchants_log(tmp_path: Path) -> None:
    db = _old_database(tmp_path)
    _alembic(db, "upgrade", "0005tm")
    con = sqlite3.connect(db)
    con.execute(ALERT_SQL.format(extra=", handler", value=", '小王'"))
    con.commit()
    con.close()
    _alembic(db, "downgrade", "0004sd")
    assert stored_revision(db) == "0004sd"
    con = sqlite3.connect(db)
    case_columns = {r[1] for r in con.execute("PRAGMA table_info(cases)")}
    log_columns = {r[1] for r in con.execute("PRAGMA table_info(alert_log)")}
    assert not case_columns & {"version", "assignee"} and "handler" not in log_columns
    assert con.execute("SELECT COUNT(*) FROM cases").fetchone() == (2,)
    assert con.execute("SELECT COUNT(*) FROM alert_log").fetchone() == (1,)
    con.close()
    _alembic(db, "upgrade", "0005tm")  # and up again
