"""Issue 17, item 6: a read-only data folder (or a read-only sentinel.db) opens for reading.

The read commands answer from it; every writing command refuses in one line ("the data folder
is read-only: …"); nothing logs a `--- Logging error ---` traceback, nothing is created or
changed in the folder. (How the folder is made read-only, root included: read_only_folder.py.)
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest

from app.cli import main
from app.models.schema_version import DB_FILE_NAME
from app.services.storage.logs import setup_logging, stop_logging
from tests.reliability.read_only_folder import make_read_only

__all__ = ["make_read_only"]  # the fixture

NOW = "2026-11-02T10:00:00+08:00"
ADD = [
    "case", "add", "--platform", "kuaishou", "--type", "return_refund", "--reason", "quality",
    "--order-no", "O1", "--amount", "12.00", "--requested-at", "2026-11-02T09:00",
]  # fmt: skip
READS = [
    ["due"],
    ["case", "list"],
    ["case", "show", "1"],
    ["check"],
    ["templates", "list"],
    ["orders", "list"],
]
WRITES = [
    [*ADD, "--aftersale-no", "NEW"],
    ["case", "act", "1", "note", "--text", "hi"],
    ["tick"],
    ["backup"],
    ["templates", "set-field", "退货地址", "x"],
    ["orders", "set", "--shop", "S", "--platform", "kuaishou", "--month", "2026-11", "--count", "5"],
]


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--now", NOW, *args])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A data folder with one case, closed (no -wal/-shm beside it: the hard case for SQLite)."""
    data = tmp_path / "data"
    assert run(capsys, data, *ADD, "--aftersale-no", "A1")[0] == 0
    stop_logging()
    for side in ("-wal", "-shm"):
        (data / (DB_FILE_NAME + side)).unlink(missing_ok=True)
    return data


def assert_clean(err: str) -> None:
    assert "Logging error" not in err and "Traceback" not in err, err


@pytest.mark.parametrize("command", READS, ids=" ".join)
def test_the_read_commands_answer_from_a_read_only_folder(
    data: Path, capsys: pytest.CaptureFixture[str], make_read_only, command: list[str]
) -> None:  # type: ignore[no-untyped-def]
    make_read_only(data)
    before = snapshot(data)
    code, out, err = run(capsys, data, *command)
    assert code == 0, (out, err)
    assert_clean(err)
    assert err == ""
    assert snapshot(data) == before  # nothing created (no -shm, no log), nothing changed


def test_the_answers_are_those_of_a_writable_folder(
    data: Path, capsys: pytest.CaptureFixture[str], make_read_only
) -> None:  # type: ignore[no-untyped-def]
    writable = {" ".join(c): run(capsys, data, *c, "--json")[1] for c in (["due"], ["case", "show", "1"])}
    stop_logging()
    for side in ("-wal", "-shm"):
        (data / (DB_FILE_NAME + side)).unlink(missing_ok=True)
    make_read_only(data)
    for command, expected in writable.items():
        assert run(capsys, data, *command.split(), "--json")[1] == expected
    assert "A1" in run(capsys, data, "case", "list")[1]


def test_a_report_is_written_elsewhere_from_a_read_only_folder(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], make_read_only
) -> None:  # type: ignore[no-untyped-def]
    make_read_only(data)
    out_file = tmp_path / "report.xlsx"
    code, _out, err = run(
        capsys, data, "report", "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(out_file)
    )
    assert code == 0, err
    assert_clean(err)
    assert out_file.stat().st_size > 0


@pytest.mark.parametrize("command", WRITES, ids=" ".join)
def test_a_writing_command_refuses_in_one_line(
    data: Path, capsys: pytest.CaptureFixture[str], make_read_only, command: list[str]
) -> None:  # type: ignore[no-untyped-def]
    make_read_only(data)
    before = snapshot(data)
    code, out, err = run(capsys, data, *command)
    assert code == 1, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: the data folder is read-only: "), err
    assert snapshot(data) == before


def test_a_read_only_sentinel_db_in_a_writable_folder(
    data: Path, capsys: pytest.CaptureFixture[str], make_read_only
) -> None:  # type: ignore[no-untyped-def]
    db = data / DB_FILE_NAME
    make_read_only(db)
    before = db.read_bytes()
    code, out, err = run(capsys, data, "case", "list")
    assert code == 0 and "A1" in out, err
    assert_clean(err)
    code, out, err = run(capsys, data, "case", "act", "1", "note", "--text", "hi")
    assert code == 1 and err.startswith("error: the data folder is read-only: "), err
    assert len(err.strip().splitlines()) == 1
    assert db.read_bytes() == before


def test_a_read_only_folder_without_a_database_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make_read_only
) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty"
    empty.mkdir()
    make_read_only(empty)
    code, out, err = run(capsys, empty, "case", "list")
    assert code == 1, out
    assert_clean(err)
    assert err.strip().splitlines() == [
        f"error: the data folder is read-only: {empty} holds no database to read, and none can be created in it"
    ]


def test_logging_into_a_read_only_folder_goes_nowhere_without_a_traceback(
    data: Path, capsys: pytest.CaptureFixture[str], make_read_only
) -> None:  # type: ignore[no-untyped-def]
    make_read_only(data)
    try:
        assert setup_logging(data) is None
        logging.getLogger("test").error("something worth logging")
        assert capsys.readouterr().err == ""
        stop_logging()
        assert setup_logging(data, stderr_fallback=True) is None  # the window: warnings on stderr
        logging.getLogger("test").warning("once")
        err = capsys.readouterr().err
        assert "once" in err and "Logging error" not in err
    finally:
        stop_logging()
