"""Cell values of real exports: money, times, long numbers, encodings, header rows."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.clock import _TIME_TEXT as _TIME  # the one reader of these forms
from app.services.importing.parsing import (
    ValueProblem,
    _common_time,
    parse_count,
    parse_duration,
    parse_identifier,
    parse_money,
    parse_time,
)
from app.services.importing.reading import (
    ImportFileError,
    RawSheet,
    decode_bytes,
    locate_header,
    normalise_header,
    read_sheet,
)


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        ("¥1,299.00", "1299.00"),
        ("￥1,299.00", "1299.00"),
        ("1299", "1299.00"),
        ("1,299.00元", "1299.00"),
        ("-5.50", "-5.50"),
        ("(12.00)", "-12.00"),
        (19.9, "19.90"),
        (99, "99.00"),
        ("", None),
        (None, None),
    ],
)
def test_money(cell: object, amount: str | None) -> None:
    got = parse_money(cell)  # type: ignore[arg-type]
    assert got == (Decimal(amount) if amount else None)
    assert got is None or got.as_tuple().exponent == -2


@pytest.mark.parametrize("cell", ["12.345", "abc", "1.2.3", "NaN"])
def test_bad_money_is_a_value_problem(cell: str) -> None:
    with pytest.raises(ValueProblem):
        parse_money(cell)


BJ_1405 = datetime(2026, 11, 3, 6, 5, tzinfo=UTC)  # 14:05 Beijing


@pytest.mark.parametrize(
    ("cell", "instant"),
    [
        ("2026-11-03 14:05:09", BJ_1405.replace(second=9)),
        ("2026/11/3 14:05", BJ_1405),
        ("2026年11月03日 14:05", BJ_1405),
        ("2026年11月03日 14时05分", BJ_1405),
        ("2026-11-03T14:05:00+08:00", BJ_1405),
        ("2026-11-03T06:05:00Z", BJ_1405),
        ("2026-11-03", datetime(2026, 11, 2, 16, 0, tzinfo=UTC)),
        (datetime(2026, 11, 3, 14, 5), BJ_1405),  # an Excel date cell: naive = Beijing
        (46329.586805555556, BJ_1405),  # an Excel serial
        ("46329.586805555556", BJ_1405),
    ],
)
def test_times_are_beijing_unless_they_say_otherwise(cell: object, instant: datetime) -> None:
    assert parse_time(cell) == instant  # type: ignore[arg-type]


@pytest.mark.parametrize("cell", ["2026-02-30 10:00", "昨天 10:00", "2026-11-03 25:00", "12345.5", 3.0])
def test_bad_times_are_value_problems(cell: object) -> None:
    with pytest.raises(ValueProblem):
        parse_time(cell)  # type: ignore[arg-type]


def test_long_order_numbers_stay_text_and_shortened_ones_are_refused() -> None:
    assert parse_identifier("6920000000000000001") == "6920000000000000001"
    assert parse_identifier('="6920000000000000001"') == "6920000000000000001"
    assert parse_identifier(123456789012) == "123456789012"
    assert parse_identifier(123456789012.0) == "123456789012"
    with pytest.raises(ValueProblem, match="text"):
        parse_identifier("6.92E+18")
    with pytest.raises(ValueProblem, match="lost digits"):
        parse_identifier(6.92e18)


def test_decoding_order_utf8_bom_then_gb18030() -> None:
    text = "售后单号,订单号\r\n"
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode()) == (text, "utf-8-sig")
    assert decode_bytes(text.encode()) == (text, "utf-8")
    assert decode_bytes(text.encode("gbk")) == (text, "gb18030")
    # The merchant's choice wins, even when the guess would differ.
    assert decode_bytes(text.encode("gbk"), "gbk") == (text, "gbk")


def test_a_few_bad_bytes_are_kept_as_replacement_characters() -> None:
    """One bad byte no longer refuses the file: its cell is a row error (test_import_damage.py)."""
    data = "售后单号,订单号\r\n".encode("gbk") * 20 + b"\x80\xff"
    text, used = decode_bytes(data)
    assert text.startswith("售后单号") and text.count("\ufffd") >= 1 and used == "gb18030"
    text, used = decode_bytes(data, "gb18030")
    assert text.startswith("售后单号") and "\ufffd" in text and used == "gb18030"


def test_bytes_that_are_no_text_ask_for_an_encoding() -> None:
    with pytest.raises(ImportFileError, match="--encoding"):
        decode_bytes(bytes(range(128, 256)) * 50)


def test_unknown_encoding_name_is_a_clear_error() -> None:
    with pytest.raises(ImportFileError, match="unknown encoding"):
        decode_bytes(b"x", "klingon")


def test_header_words_are_normalised() -> None:
    assert normalise_header(" 退款金额(元)* ") == "退款金额"
    assert normalise_header("退款金额（元）") == "退款金额"
    assert normalise_header("(备注)") == "(备注)"


KNOWN = {"售后单号", "订单号", "售后状态", "申请时间"}.__contains__


def test_header_below_title_rows_and_totals_row_set_aside() -> None:
    sheet = RawSheet(
        "x.csv",
        "csv",
        "utf-8",
        [
            (1, ["售后单列表 导出时间: 2026-11-03 14:05"]),
            (3, ["售后单号", "订单号", "售后状态", "备注"]),
            (4, ["A1", "1", "待商家处理"]),
            (5, ["合计", "", ""]),
        ],
    )
    table = locate_header(sheet, KNOWN)
    assert table.header_line == 3
    assert table.headers == ["售后单号", "订单号", "售后状态", "备注"]
    assert [line for line, _ in table.rows] == [4]
    assert table.skipped_lines == [5]
    assert table.title_lines == ["售后单列表 导出时间: 2026-11-03 14:05"]


def test_no_header_row_is_a_file_error() -> None:
    sheet = RawSheet("x.csv", "csv", "utf-8", [(1, ["a", "b"]), (2, ["1", "2"])])
    with pytest.raises(ImportFileError, match="no header row"):
        locate_header(sheet, KNOWN)


def test_unsupported_and_unreadable_files(tmp_path: Path) -> None:
    old = tmp_path / "a.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")  # the start of an Excel 97–2003 file, and nothing else
    with pytest.raises(ImportFileError, match=r"a\.xls is not a readable Excel file"):
        read_sheet(old)
    broken = tmp_path / "b.xlsx"
    broken.write_text("not a zip")
    with pytest.raises(ImportFileError, match="not a readable"):
        read_sheet(broken)
    with pytest.raises(ImportFileError, match="cannot read"):
        read_sheet(tmp_path / "missing.csv")


@settings(max_examples=300)
@given(
    st.datetimes(min_value=datetime(1000, 1, 1), max_value=datetime(9999, 12, 31)),
    st.sampled_from(["%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M"]),
)
def test_common_time_shapes_read_as_the_regex_reads_them(at: datetime, fmt: str) -> None:
    """The shortcut for the usual export shapes gives what the general pattern gives."""
    text = at.strftime(fmt)
    assert (
        _common_time(text) == _regex_time(text) == at.replace(microsecond=0, second=at.second * ("S" in fmt))
    )


@pytest.mark.parametrize(
    "text", ["2026-02-30 10:00", "2026-11-03 25:00", "2026-11/03 14:05", "２026-11-03 14:05"]
)
def test_common_time_leaves_the_rest_to_the_regex(text: str) -> None:
    assert _common_time(text) is None


def _regex_time(text: str) -> datetime:
    m = _TIME.match(text)
    assert m is not None
    g = m.groupdict()
    return datetime(int(g["y"]), int(g["mo"]), int(g["d"]), int(g["h"]), int(g["mi"]), int(g["s"] or 0))


# ---- values that crashed the importer (issue 17 item 3): each is a row error ----------------


@pytest.mark.parametrize("cell", ["1e309", "-1e309", "9" * 400, "6.92E+18", "1e16", 1e300, float("inf")])
def test_an_amount_the_database_cannot_hold_is_a_value_problem(cell: object) -> None:
    with pytest.raises(ValueProblem):
        parse_money(cell)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "cell",
    [
        "0001-01-01",
        "0001-01-01 00:00",
        "2026-11-01T10:00:00+25:00",
        "2026-11-01 10:00+2500",
        "9999-12-31 23:59",
        "1900-01-01",
        datetime(1, 1, 1),
        datetime(9999, 12, 31, 23, 59),
    ],
)
def test_a_time_out_of_range_is_a_value_problem(cell: object) -> None:
    with pytest.raises(ValueProblem):
        parse_time(cell)  # type: ignore[arg-type]


@pytest.mark.parametrize("cell", ["99999999999999天", "1" + "0" * 400 + "天", "1e400天"])
def test_a_duration_out_of_range_is_a_value_problem(cell: str) -> None:
    with pytest.raises(ValueProblem):
        parse_duration(cell)


@pytest.mark.parametrize("cell", ["99999999999999999999999", 10**20])
def test_a_count_the_database_cannot_hold_is_a_value_problem(cell: object) -> None:
    with pytest.raises(ValueProblem):
        parse_count(cell)  # type: ignore[arg-type]
