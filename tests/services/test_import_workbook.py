"""Workbooks (.xlsx and Excel 97–2003 .xls) read through calamine, with the reader's protections kept,
and the files that would make calamine abort the process refused with a message first."""

from __future__ import annotations

import time
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from app.bootstrap import AppContext
from app.models.entities import Case
from app.models.enums import Platform
from app.services.clock import BEIJING
from app.services.importing import ImportFileError
from app.services.importing.reading import read_sheet

REAL = Path(__file__).resolve().parent.parent / "data" / "imports" / "real"


@pytest.mark.parametrize("name", ["protections.xlsx", "protections.xls"])
def test_title_rows_merged_headers_long_ids_dates_and_totals(name: str, ctx: AppContext) -> None:
    result = ctx.importer.import_file(REAL / name, Platform.KUAISHOU)
    plan = result.plan
    assert plan.kind == name.rsplit(".", 1)[1]
    assert plan.header_line == 3  # under a title row and a group row whose cells are merged
    assert plan.columns.by_field["aftersale_no"] == "售后单号"  # merged down from the group row
    assert plan.skipped_lines == (7,)  # 合计
    by_no = {r.aftersale_no: r for r in plan.rows}
    assert by_no["2100000000000011"].outcome.value == "new"
    assert by_no["2100000000000012"].outcome.value == "new"
    lost = by_no["2100000000000013"]
    assert lost.outcome.value == "error" and "lost digits" in lost.message
    with ctx.sessions() as session:
        cases = {c.aftersale_no: c for c in session.scalars(select(Case))}
    first = cases["2100000000000011"]
    assert first.order_no == "6920000000000000011"  # a long id kept as text, every digit
    assert first.requested_at == datetime(2026, 11, 1, 9, 30, tzinfo=BEIJING)  # an Excel date cell
    assert str(first.refund_requested) == "168.00"


def test_a_file_is_read_by_what_it_is_not_by_its_name(tmp_path: Path) -> None:
    book = tmp_path / "export.csv"  # a workbook saved under a csv name
    book.write_bytes((REAL / "protections.xlsx").read_bytes())
    assert read_sheet(book).kind == "xlsx"
    page = tmp_path / "退款报表.xls"
    page.write_bytes(b"\xef\xbb\xbf<html><body><table><tr><td>x</td></tr></table></body></html>")
    with pytest.raises(ImportFileError, match="web page saved under an Excel name"):
        read_sheet(page)
    with pytest.raises(ImportFileError, match=r"expected a \.xlsx, \.xls or \.csv file"):
        read_sheet(tmp_path / "export.pdf")


def _with_cell(tmp_path: Path, name: str, cell: str) -> Path:
    """A small valid workbook with one more cell written into its sheet XML by hand."""
    wb = Workbook()
    ws = wb.active
    ws.append(["售后单号", "订单号", "申请时间", "退款金额"])
    ws.append(["KS1", "1001", "2026-11-01 10:00", "9.00"])
    src = tmp_path / "src.xlsx"
    wb.save(src)
    out = tmp_path / name
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", b'<row r="1048576">' + cell.encode() + b"</row></sheetData>")
            zout.writestr(info, data)
    return out


def test_a_stray_cell_at_the_sheets_far_corner_is_refused_not_a_crash(tmp_path: Path) -> None:
    """calamine would ask for 512 GB for this 5 KB file, and Rust would abort the app."""
    far = _with_cell(tmp_path, "far.xlsx", '<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>')
    t0 = time.perf_counter()
    with pytest.raises(ImportFileError, match=r"A1:XFD1048576 .*delete the stray cells"):
        read_sheet(far)
    assert time.perf_counter() - t0 < 2
    # written with its attributes in another order, it is found all the same
    odd = _with_cell(tmp_path, "odd.xlsx", '<c t="inlineStr" r="XFD1048576"><is><t>x</t></is></c>')
    with pytest.raises(ImportFileError, match="XFD1048576"):
        read_sheet(odd)


def test_a_styled_empty_cell_far_away_is_harmless(tmp_path: Path) -> None:
    styled = _with_cell(tmp_path, "styled.xlsx", '<c r="XFD1048576" s="0"/>')
    assert [line for line, _ in read_sheet(styled).rows] == [1, 2]


def test_a_zip_bomb_of_whitespace_is_refused_quickly(tmp_path: Path) -> None:
    bomb = _with_cell(tmp_path, "bomb.xlsx", "")
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/sharedStrings.xml", b" " * (300 * 2**20))
    assert bomb.stat().st_size < 2 * 2**20
    t0 = time.perf_counter()
    with pytest.raises(ImportFileError, match="unpacks to more than"):
        read_sheet(bomb)
    assert time.perf_counter() - t0 < 5


@pytest.mark.parametrize("damage", ["truncated", "not a zip", "no workbook"])
def test_a_damaged_workbook_is_a_message(tmp_path: Path, damage: str) -> None:
    good = (REAL / "protections.xlsx").read_bytes()
    bad = tmp_path / "bad.xlsx"
    if damage == "truncated":
        bad.write_bytes(good[: len(good) // 2])
    elif damage == "not a zip":
        bad.write_bytes(b"hello")
    else:
        with zipfile.ZipFile(bad, "w") as z:
            z.writestr("hello.txt", "x")
    with pytest.raises(ImportFileError, match="is not a readable Excel file"):
        read_sheet(bad)
