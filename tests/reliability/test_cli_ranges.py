"""Issue 17, item 3 (the command line's part): every value a command takes is range-checked.

Amounts fit what the database stores (integer fen in an SQLite INTEGER, with room for sums);
times lie within the years 1970–2100; spans too. Out of range: a one-line message, exit 1 or 2,
never a traceback. The rules live in services (`parse_money`, `parse_instant`, `parse_span`) so
the window's forms and the importer meet the same ones.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from app.cli import main
from app.services.cases.inputs import InvalidInput, parse_money
from app.services.clock import parse_instant, parse_span

NOW = "2026-11-02T10:00:00+08:00"
NINES = "9" * 400
ADD = [
    "case", "add", "--platform", "kuaishou", "--type", "return_refund", "--reason", "quality",
    "--order-no", "O1", "--aftersale-no", "A1",
]  # fmt: skip
BAD_TIMES = ["0001-01-01T00:00", "9999-12-31T23:59-12:00", "1969-12-31T00:00", "2101-01-01T00:00",
             "2026-11-02T10:00+25:00"]  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str, now: str = NOW) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--now", now, *args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_message(code: int, err: str, flag: str) -> None:
    assert code in (1, 2), (code, err)
    assert "Traceback" not in err
    assert flag in err or "amount" in err, err
    assert err.strip().splitlines()[-1].count("\n") == 0


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    code, _, err = run(capsys, tmp_path, *ADD, "--amount", "12.00", "--requested-at", "2026-11-02T09:00")
    assert code == 0, err
    return tmp_path


@pytest.mark.parametrize("amount", ["1e309", NINES, "6.92E+18", "1e12", "Infinity", "NaN"])
def test_amounts_beyond_what_is_stored_are_refused(
    data: Path, capsys: pytest.CaptureFixture[str], amount: str
) -> None:
    code, _, err = run(
        capsys, data, *ADD[:-1], "A2", "--amount", amount, "--requested-at", "2026-11-02T09:00"
    )
    assert_message(code, err, "--amount")
    code, _, err = run(capsys, data, "case", "act", "1", "approve", "--compensation", amount)
    assert_message(code, err, "--compensation")
    code, _, err = run(capsys, data, "case", "act", "1", "refund", "--amount", amount)
    assert_message(code, err, "--amount")


@pytest.mark.parametrize("when", BAD_TIMES)
def test_times_outside_1970_to_2100_are_refused(
    data: Path, capsys: pytest.CaptureFixture[str], when: str
) -> None:
    code, _, err = run(capsys, data, *ADD[:-1], "A3", "--amount", "1.00", "--requested-at", when)
    assert_message(code, err, "--requested-at")
    code, _, err = run(capsys, data, "case", "act", "1", "approve", "--at", when)
    assert_message(code, err, "--at")
    code, _, err = run(capsys, data, "case", "list", now=when)
    assert_message(code, err, "--now")
    code, _, err = run(capsys, data, "case", "act", "1", "extend_deadline", "--due-at", when, "--reason", "r")
    assert_message(code, err, "time")


@pytest.mark.parametrize("span", ["99999999999d", "9" * 40 + "h", "200000d"])
def test_spans_beyond_the_calendar_are_refused(
    data: Path, capsys: pytest.CaptureFixture[str], span: str
) -> None:
    code, _, err = run(capsys, data, "due", "--within", span)
    assert_message(code, err, "--within")


def test_the_rules_live_in_services() -> None:
    for text in ("1e309", NINES, "6.92E+18"):
        with pytest.raises(InvalidInput):
            parse_money(text)
    assert parse_money("9999999999.99") == Decimal("9999999999.99")
    for text in BAD_TIMES:
        with pytest.raises(ValueError):
            parse_instant(text)
    assert parse_instant("1970-01-01T08:00").year == 1970
    assert parse_instant("2100-12-31T23:59").year == 2100
    with pytest.raises(ValueError):
        parse_span("99999999999d")
    assert parse_span("3650d").days == 3650


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--from", "0001-01-01", "--to", "9999-12-31", "-o", "r.xlsx"],
        ["orders", "set", "--shop", "S", "--platform", "jd", "--month", "0001-01", "--count", "1"],
        ["orders", "set", "--shop", "S", "--platform", "jd", "--month", "2026-11", "--count", NINES[:30]],
        ["case", "show", NINES[:30]],
        ["case", "act", NINES[:30], "note", "--text", "x"],
    ],
    ids=["report dates", "month", "count", "show id", "act id"],
)
def test_the_other_values_too(data: Path, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    args = [str(data / a) if a == "r.xlsx" else a for a in args]
    code, _, err = run(capsys, data, *args)
    assert code == 1, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
