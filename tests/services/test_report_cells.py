"""The shared cell styles of the report: hashed once, read-only, found by openpyxl as the same style."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles.cell_style import StyleArray

from app.services.reports.cells import MONEY_FORMAT, PERCENT_FORMAT, CellMaker, SharedStyle, make_styles


def test_shared_style_hashes_and_compares_like_its_base() -> None:
    base = StyleArray([0, 0, 0, 165, 0, 0, 0, 0, 0])
    shared = SharedStyle(base)
    assert shared == base and hash(shared) == hash(base) == hash(tuple(base))
    assert {base: 7}[shared] == 7  # the workbook's style list finds it under either


def test_shared_style_is_read_only() -> None:
    shared = SharedStyle(StyleArray([0, 0, 0, 165, 0, 0, 0, 0, 0]))
    with pytest.raises(TypeError):
        shared.numFmtId = 3
    with pytest.raises(TypeError):
        shared[3] = 3
    assert shared.numFmtId == 165


def test_many_cells_share_one_style_in_the_file(tmp_path: Path) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("x")
    styles = make_styles(ws)
    cm = CellMaker(ws, styles)
    for i in range(50):
        ws.append([cm.money(Decimal(i) / 4), cm.percent(Decimal("0.5")), i, cm.text("=1+1")])
    wb.save(tmp_path / "x.xlsx")
    rows = list(load_workbook(tmp_path / "x.xlsx")["x"].iter_rows())
    assert [r[0].value for r in rows] == [i / 4 for i in range(50)]
    assert {r[0].number_format for r in rows} == {MONEY_FORMAT}
    assert {r[1].number_format for r in rows} == {PERCENT_FORMAT}
    assert {(r[3].value, r[3].data_type, r[3].quotePrefix) for r in rows} == {("=1+1", "s", True)}
