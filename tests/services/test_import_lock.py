"""Issue 17 item 8: a writer locked out by our own import is told an import is running."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.bootstrap import AppContext
from app.cli import main
from app.models.db import DB_FILE_NAME
from app.services.clock import BEIJING
from app.services.importing import applying, service
from app.services.importing.running import MARKER, announced, running_import

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"
NOW = "2026-11-02T10:00:00+08:00"


def test_the_import_leaves_a_note_while_it_writes_and_removes_it(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[object] = []
    real = applying.apply_rows

    def apply_rows(*args: Any, **kw: Any) -> Any:
        seen.append(running_import(ctx.data_dir, ctx.clock.now()))
        return real(*args, **kw)

    monkeypatch.setattr(service, "apply_rows", apply_rows)
    result = ctx.importer.import_file(DATA / "kuaishou.csv")
    (note,) = seen
    assert note is not None and note.file == "kuaishou.csv" and note.rows == result.plan.counts()["new"]
    assert not (ctx.data_dir / MARKER).exists()
    assert running_import(ctx.data_dir, ctx.clock.now()) is None


def test_a_note_of_a_process_that_is_gone_is_ignored(tmp_path: Path) -> None:
    (tmp_path / MARKER).write_text(
        '{"file": "a.csv", "rows": 3, "started_at": "2026-11-02T10:00:00+08:00", "pid": 999999999}',
        encoding="utf-8",
    )
    assert running_import(tmp_path, datetime(2026, 11, 2, 10, tzinfo=BEIJING)) is None


@pytest.mark.slow
def test_case_add_beside_a_running_import_says_so(
    ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ctx.data_dir
    ctx.close()
    lock = sqlite3.connect(data / DB_FILE_NAME, isolation_level=None)
    try:
        with announced(data, "退款报表.csv", 150_000, datetime(2026, 11, 2, 9, 58, tzinfo=BEIJING)):
            lock.execute("BEGIN IMMEDIATE")  # what the import's write holds
            code = main(
                ["--data-dir", str(data), "--now", NOW, "case", "add", "--platform", "kuaishou", "--type",
                 "return_refund", "--reason", "quality", "--order-no", "O1", "--aftersale-no", "KS1",
                 "--amount", "9.00", "--requested-at", NOW]
            )  # fmt: skip
            lock.execute("ROLLBACK")
    finally:
        lock.close()
    err = capsys.readouterr().err
    assert code == 1
    assert "an import is running (退款报表.csv, 150000 rows, started 2026-11-02" in err
    assert "another program" not in err

