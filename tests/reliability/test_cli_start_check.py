"""Issue 17, item 2: the command line runs the window's start check before touching the file.

A damaged file gets one line and exit 1, and stays as it was; a missing or empty database
beside backups is never replaced by a fresh empty one unless asked (`--new-database`).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.models.schema_version import DB_FILE_NAME
from tests.services.db_damage import corrupt_middle

NOW = "2026-11-02T10:00:00+08:00"
ADD = [
    "case", "add", "--platform", "kuaishou", "--type", "return_refund", "--reason", "quality",
    "--order-no", "O1", "--amount", "12.00", "--requested-at", "2026-11-02T09:00",
]  # fmt: skip
COMMANDS = [["case", "list"], ["case", "show", "1"], ["due"], ["tick"], [*ADD, "--aftersale-no", "NEW"]]


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--now", NOW, *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A data folder with one case and one backup."""
    data = tmp_path / "data"
    assert run(capsys, data, *ADD, "--aftersale-no", "A1")[0] == 0
    assert run(capsys, data, "backup")[0] == 0
    for side in ("-wal", "-shm"):  # a closed database: the file alone holds everything
        (data / (DB_FILE_NAME + side)).unlink(missing_ok=True)
    return data


def assert_one_line_refusal(code: int, out: str, err: str) -> None:
    assert code == 1, (code, out, err)
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("damage", ["flipped byte", "pages", "noise"])
def test_a_damaged_file_is_refused_in_one_line_and_left_untouched(
    data: Path, capsys: pytest.CaptureFixture[str], command: list[str], damage: str
) -> None:
    db = data / DB_FILE_NAME
    if damage == "flipped byte":
        raw = bytearray(db.read_bytes())
        raw[2 * 4096] ^= 0xFF  # the page type of a b-tree page
        db.write_bytes(bytes(raw))
    elif damage == "pages":
        corrupt_middle(db)
    else:  # heavily damaged: the header stays, the rest is noise (once a UnicodeDecodeError)
        raw = bytearray(db.read_bytes())
        noise = random.Random(17).randbytes(len(raw) - 100)
        db.write_bytes(bytes(raw[:100]) + noise)
    before = db.read_bytes()
    code, out, err = run(capsys, data, *command)
    assert_one_line_refusal(code, out, err)
    assert "damaged" in err
    assert db.read_bytes() == before
    wal = data / (DB_FILE_NAME + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # (a WAL reader may leave it, empty)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("state", ["missing", "zero bytes"])
def test_no_database_beside_backups_is_not_replaced_by_an_empty_one(
    data: Path, capsys: pytest.CaptureFixture[str], command: list[str], state: str
) -> None:
    db = data / DB_FILE_NAME
    db.unlink()
    if state == "zero bytes":
        db.write_bytes(b"")
    code, out, err = run(capsys, data, *command)
    assert_one_line_refusal(code, out, err)
    assert "backup" in err and "--new-database" in err
    assert db.exists() == (state == "zero bytes")
    if db.exists():
        assert db.stat().st_size == 0


def test_an_empty_file_without_backups_is_not_built_over_either(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_FILE_NAME).write_bytes(b"")
    code, out, err = run(capsys, data, "case", "list")
    assert_one_line_refusal(code, out, err)
    assert "--new-database" in err
    assert (data / DB_FILE_NAME).stat().st_size == 0


def test_new_database_when_asked(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data / DB_FILE_NAME).unlink()
    code, out, err = run(capsys, data, "--new-database", "case", "list")
    assert code == 0, err
    assert "0 case(s)" in out
    # Asked once: the folder now has a healthy database and the next command needs nothing.
    assert run(capsys, data, "case", "list")[0] == 0


def test_new_database_never_replaces_a_damaged_file(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = data / DB_FILE_NAME
    corrupt_middle(db)
    before = db.read_bytes()
    code, out, err = run(capsys, data, "--new-database", "case", "list")
    assert_one_line_refusal(code, out, err)
    assert db.read_bytes() == before


def test_a_first_start_still_creates_the_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "fresh"
    code, _out, err = run(capsys, data, "case", "list")
    assert code == 0, err
    assert (data / DB_FILE_NAME).stat().st_size > 0


def test_the_window_still_offers_the_backup_after_a_refused_command(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.bootstrap import backups_for
    from app.services.clock import SystemClock
    from app.services.storage.integrity import DbState, check_at_start

    (data / DB_FILE_NAME).unlink()
    run(capsys, data, "case", "list")
    report = check_at_start(data / DB_FILE_NAME, backups_for(data, SystemClock()))
    assert report.state is DbState.MISSING and report.newest_good_backup is not None


def test_a_column_of_noise_in_a_passing_file_is_one_line_in_a_real_process(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file passes quick_check but its schema revision is not text: no traceback (once
    a UnicodeDecodeError / OperationalError from `stored_revision`), nothing else on stderr."""
    db = data / DB_FILE_NAME
    raw = db.read_bytes()
    from app.models.schema_version import head_revision

    db.write_bytes(raw.replace(head_revision().encode(), b"\xff\xfe\xfd\xfc"[: len(head_revision())]))
    before = db.read_bytes()
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    for command in (["due"], ["case", "list"]):
        done = subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(data), *command],
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parents[2],
            env=env,
        )
        assert_one_line_refusal(done.returncode, done.stdout, done.stderr)
    assert db.read_bytes() == before
