"""Cells for a workbook that is shared: safe text, real number formats (contacts: `text.pii`).

Text that came from a buyer or a platform export is written as a string that
can never be evaluated (`=`, `+`, `-`, `@`, tab, CR, LF prefixes get the
quote-prefix style and data type 's'); control characters that XML cannot hold
are dropped; aware times become Beijing wall time (openpyxl rejects aware ones).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell._writer import write_cell
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.xml.functions import Element, SubElement

from app.services.clock import BEIJING

MONEY_FORMAT = "[$¥-804]#,##0.00"
# openpyxl gives a bare datetime this format by itself: times need no styled cell of our own.
DATE_FORMAT = "yyyy-mm-dd h:mm:ss"
PERCENT_FORMAT = "0.00%"
HOURS_FORMAT = "0.0"
INT_FORMAT = "#,##0"

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MAX_CELL_TEXT = 32767
EXCEL_MAX_ROWS = 1_048_576


def clean_text(value: str) -> str:
    """What the cell will hold: CR/CRLF as LF (XML reads CR back as LF), no XML-illegal characters."""
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub("", value)
    if len(value) > MAX_CELL_TEXT:
        value = value[: MAX_CELL_TEXT - 1] + "…"
    return value


_BEIJING_OFFSET = timedelta(hours=8)


def beijing_naive(value: datetime) -> datetime:
    """Beijing wall time without tzinfo (openpyxl refuses aware datetimes)."""
    if value.tzinfo is UTC:  # stored times come back as UTC: skip the general conversion
        return value.replace(tzinfo=None) + _BEIJING_OFFSET
    return value.astimezone(BEIJING).replace(tzinfo=None)


class SharedStyle(StyleArray):  # type: ignore[misc]
    """One cell style shared by every cell of its kind (a million money cells), hashed once.

    openpyxl looks each styled cell's style up in the workbook's style list by hash when it
    writes the cell; a plain StyleArray hashes a fresh tuple every time. It is read-only:
    a change would have to re-hash, so one raises instead of corrupting the lookups.
    """

    __slots__ = ("_hash",)

    def __init__(self, base: StyleArray) -> None:
        self._hash = hash(tuple(base))

    def __new__(cls, base: StyleArray) -> SharedStyle:
        return super().__new__(cls, list(base))  # type: ignore[no-any-return]

    def __hash__(self) -> int:
        return self._hash

    def __setitem__(self, index: Any, value: Any) -> None:
        raise TypeError("a shared report style is read-only")


class StyledCell(Cell):  # type: ignore[misc]
    """A styled cell for a write-only sheet. Appending a row, openpyxl first tries each value
    as a plain one and builds an error message with the cell's repr before it takes the value
    as a cell: keep that repr cheap (the default one computes the coordinate)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<StyledCell>"


class FormulaCell(StyledCell):
    """A formula with the value it gives cached beside it, so a viewer that does not recalculate
    (a phone, a preview pane) shows the figure and an accountant who clicks it sees where it
    comes from. openpyxl writes formulas with an empty <v>: `keep_cached_values` writes these."""

    __slots__ = ("cached",)

    def __repr__(self) -> str:
        return "<FormulaCell>"


def keep_cached_values(ws: WriteOnlyWorksheet) -> None:
    """Let `ws` write FormulaCells with their cached value. Call it after the sheet's widths and
    freeze panes are set (it starts the sheet's XML) and before the first append.

    It replaces the sheet writer's `write_row` (openpyxl 3.1, pinned by the workbook tests):
    only the few small sheets that hold formulas pay for the check, never 明细 or 时间线.
    """
    ws._get_writer()
    writer = ws._writer

    def write_row(xf: Any, row: Iterable[Any], row_idx: int) -> None:
        # `row` is a generator that reuses one cell for plain values: write each as it comes.
        attrs = {"r": f"{row_idx}"}
        attrs.update(ws.row_dimensions.get(row_idx, {}))  # a RowDimension iterates as (name, value)
        with xf.element("row", attrs):
            for cell in row:
                if type(cell) is FormulaCell:
                    xf.write(_formula_element(cell))
                elif cell._value is not None or cell.has_style:
                    write_cell(xf, ws, cell, cell.has_style)

    writer.write_row = write_row


def _formula_element(cell: FormulaCell) -> Any:
    attrs = {"r": cell.coordinate}
    if cell.has_style:
        attrs["s"] = f"{cell.style_id}"
    cached = cell.cached
    if isinstance(cached, str):
        attrs["t"] = "str"
    el = Element("c", attrs)
    SubElement(el, "f").text = str(cell._value)[1:]
    if cached is not None:
        SubElement(el, "v").text = safe_string(cached)
    return el


@dataclass(frozen=True)
class Styles:
    """The StyleArrays of one workbook (styles are registered per workbook)."""

    money: StyleArray
    date: StyleArray
    percent: StyleArray
    hours: StyleArray
    integer: StyleArray
    text_quoted: StyleArray
    header: StyleArray
    title: StyleArray
    wrap: StyleArray


def make_styles(ws: WriteOnlyWorksheet) -> Styles:
    def style(**attrs: Any) -> StyleArray:
        cell = WriteOnlyCell(ws)
        for name, value in attrs.items():
            setattr(cell, name, value)
        assert cell._style is not None
        return SharedStyle(cell._style)

    return Styles(
        money=style(number_format=MONEY_FORMAT),
        date=style(number_format=DATE_FORMAT),
        percent=style(number_format=PERCENT_FORMAT),
        hours=style(number_format=HOURS_FORMAT),
        integer=style(number_format=INT_FORMAT),
        text_quoted=style(quotePrefix=True),
        header=style(
            font=Font(bold=True, color="FFFFFF"),
            fill=PatternFill("solid", fgColor="305496"),
            alignment=Alignment(vertical="center", wrap_text=True),
        ),
        title=style(font=Font(bold=True, size=14)),
        # bottom, like every other cell: a label stays level with the last line of its text
        wrap=style(alignment=Alignment(wrap_text=True, vertical="bottom")),
    )


class CellMaker:
    """Turns plain values into cells: every str made safe, numbers and times formatted."""

    def __init__(self, ws: WriteOnlyWorksheet, styles: Styles) -> None:
        self.ws = ws
        self.s = styles

    def text(self, value: str) -> Any:
        if not value:
            return None
        v = clean_text(value)
        if v and v[0] in FORMULA_PREFIXES:
            cell = StyledCell(self.ws, 1, 1, v)
            cell.data_type = "s"  # openpyxl made '=…' a formula; it is text from a buyer
            cell._style = self.s.text_quoted
            return cell
        return v

    def styled(self, value: Any, style: StyleArray) -> Any:
        if value is None:
            return None
        cell = StyledCell(self.ws, 1, 1, value)
        cell._style = style
        return cell

    def formula(self, text: str, cached: Decimal | int | str | None, style: StyleArray | None = None) -> Any:
        """A live formula (`text` starts with '=', built by us, never from buyer text) and its value."""
        cell = FormulaCell(self.ws, 1, 1, text)
        cell.cached = cached
        if style is not None:
            cell._style = style
        return cell

    def money(self, value: Decimal | None) -> Any:
        return self.styled(value, self.s.money)

    def when(self, value: datetime | None) -> Any:
        return None if value is None else beijing_naive(value)  # openpyxl applies DATE_FORMAT

    def percent(self, value: Decimal | None) -> Any:
        return self.styled(value, self.s.percent)

    def hours(self, value: float | None) -> Any:
        return None if value is None else self.styled(round(value, 2), self.s.hours)

    def header(self, values: Sequence[str]) -> list[Any]:
        out = []
        for v in values:
            cell = WriteOnlyCell(self.ws, clean_text(v))
            cell.data_type = "s"
            cell._style = self.s.header
            out.append(cell)
        return out

    def title(self, value: str) -> Any:
        cell = WriteOnlyCell(self.ws, clean_text(value))
        cell.data_type = "s"
        cell._style = self.s.title
        return cell

    def wrap(self, value: str) -> Any:
        cell = WriteOnlyCell(self.ws, clean_text(value))
        cell.data_type = "s"
        cell._style = self.s.wrap
        return cell


def set_widths(ws: WriteOnlyWorksheet, widths: Sequence[float]) -> None:
    """Before the first append (write-only drops them afterwards)."""
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


def print_fit_width(ws: WriteOnlyWorksheet) -> None:
    """Landscape, one page wide: an accountant prints these sheets."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


def text_lines(text: str, width: float) -> int:
    """How many lines `text` takes wrapped in a column `width` characters wide (a CJK character
    is about 1.7 of them, measured in LibreOffice's rendering): the row height a wrapped cell
    needs, since Excel does not grow rows it did not lay out and LibreOffice keeps the height
    the file says."""
    lines = 0
    room = max(width - 1.0, 1.0)
    for para in text.split("\n"):
        w = sum(1.7 if ord(ch) >= 0x2E80 else 1.0 for ch in para)
        lines += max(1, int(-(-w // room)))
    return lines


LINE_HEIGHT = 15.0  # points per line at the default 11 pt


def fit_rows(ws: WriteOnlyWorksheet, row: int, cells: Sequence[tuple[str | None, float]]) -> None:
    """Give `row` the height its tallest wrapped cell needs: (text, column width) of each."""
    lines = max((text_lines(text, w) for text, w in cells if text), default=1)
    if lines > 1:
        ws.row_dimensions[row].height = LINE_HEIGHT * lines + 2


def print_header_rows(ws: WriteOnlyWorksheet) -> None:
    """明细 and 时间线 print landscape, one page wide, the header row on every page."""
    print_fit_width(ws)
    ws.print_title_rows = "1:1"


def table_ref(first_row: int, last_row: int, columns: int) -> str:
    return f"A{first_row}:{get_column_letter(columns)}{max(first_row, last_row)}"
