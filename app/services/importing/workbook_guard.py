"""Before calamine loads a sheet: will it fit in memory, and will it end?

calamine keeps a sheet as one dense rectangle from its top-left to its bottom-right
filled cell, and when that allocation fails Rust aborts the process (measured: an
8 KB .xlsx with one filled cell at XFD1048576 asks for 512 GB and kills the app).
A declared `<dimension>` alone is harmless (calamine caps what it reserves from it),
and so are styled empty cells (`<c r="XFD9" s="1"/>`): only cells with content count.

So the parts calamine reads (the first sheet, shared strings, styles) are unpacked
here first, in 1 MB pieces, and

- their unpacked size is bounded (zip bombs: a 1 MB file of compressed whitespace
  unpacks to a gigabyte; real exports unpack to about 10× their size);
- the sheet's filled cells are located (`<c r="B7" …>…</c>`), and a rectangle of more
  than MAX_CELLS cells is refused with a message saying how to fix the file.

Measured on bench/importer.py's 50,000-row .xlsx (47 MB of sheet XML): 0.2 s, against
0.7 s for calamine reading it.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from posixpath import join, normpath

from app.services.importing.sheets import ImportFileError
from app.services.importing.xls_guard import XlsDamaged, sheet_span, workbook_stream
from app.services.text.messages import Template

MAX_CELLS = 3_000_000  # ≈ 190 MB at the peak of reading (measured: 63 bytes a cell); a 10 MB export of 50 columns has 2 M
MAX_UNPACKED = 256 * 2**20
MIN_ALLOWANCE = 32 * 2**20  # however small the file, this much unpacked XML is fine
MAX_RATIO = 60  # unpacked XML per byte of file beyond that (real exports: 10)
PIECE = 2**20
CARRY_LIMIT = 8 * 2**20  # a piece with no row end is cut at a tag end beyond this

NOT_A_WORKBOOK = Template(
    en="{name} is not a readable Excel file ({error})", zh="{name} 不是可读取的 Excel 文件（{error}）"
)
TOO_MUCH_XML = Template(
    en="{name} unpacks to more than {mb} MB: it is damaged or not an export; save it again from Excel or as .csv",
    zh="{name} 解压后超过 {mb} MB：文件已损坏或不是导出文件；请用 Excel 重新保存，或另存为 .csv",
)
TOO_WIDE = Template(
    en="{name}: the sheet's cells span {span} ({cells} cells, more than {limit}): "
    "delete the stray cells far below or to the right of the data, or save it as .csv",
    zh="{name}：工作表的单元格范围是 {span}（{cells} 个单元格，超过 {limit}）："
    "请删除数据下方或右侧远处的零散单元格，或另存为 .csv",
)

# A filled cell whose first attribute is its reference (what Excel, WPS and openpyxl write).
_CELL = re.compile(rb'<(?:\w+:)?c r="([A-Z]{1,3})([0-9]{1,7})"[^>]*(?<!/)>')
# Any opening cell tag with content, for the files that write attributes in another order.
_ANY_CELL = re.compile(rb"<(?:\w+:)?c(\s[^>]*)?(?<!/)>")
_REF = re.compile(rb'\br="([A-Za-z]{1,3})([0-9]{1,7})"')
_FIRST_SHEET = re.compile(rb'<(?:\w+:)?sheet\s[^>]*?\b(?:\w+:)?id="([^"]+)"')
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\s[^>]*>")
_ATTR = re.compile(rb'(\w+)="([^"]*)"')


def check_workbook(path: Path, kind: str) -> None:
    """ImportFileError when calamine could not read `path` without blowing up; None when it can."""
    if kind == "xlsx":
        _check_xlsx(path)
    elif kind == "xls":
        _check_xls(path)


def _check_xls(path: Path) -> None:
    try:
        span = sheet_span(workbook_stream(path.read_bytes()))
    except (XlsDamaged, struct.error, IndexError, OSError) as e:
        raise ImportFileError(NOT_A_WORKBOOK(name=path.name, error=str(e)[:200] or type(e).__name__)) from None
    if span is None:
        return
    first_row, last_row, first_col, last_col = span
    cells = (last_row - first_row + 1) * (last_col - first_col + 1)
    if cells > MAX_CELLS:
        where = f"{_letters(first_col + 1)}{first_row + 1}:{_letters(last_col + 1)}{last_row + 1}"
        raise ImportFileError(TOO_WIDE(name=path.name, span=where, cells=cells, limit=MAX_CELLS))


def _check_xlsx(path: Path) -> None:
    try:
        size = path.stat().st_size
        allowance = min(MAX_UNPACKED, max(MIN_ALLOWANCE, MAX_RATIO * size))
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            sheets = _first_sheet(z, names)
            extra = [n for n in names if n.lower().endswith(("sharedstrings.xml", "styles.xml"))]
            used = 0
            for part in [*sheets, *extra]:
                span = _Span() if part in sheets else None
                with z.open(part) as f:
                    while piece := f.read(PIECE):
                        used += len(piece)
                        if used > allowance:
                            raise ImportFileError(TOO_MUCH_XML(name=path.name, mb=allowance // 2**20))
                        if span is not None:
                            span.feed(piece)
                if span is not None:
                    span.check(path.name)
    except ImportFileError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, NotImplementedError, RuntimeError) as e:
        raise ImportFileError(NOT_A_WORKBOOK(name=path.name, error=str(e)[:200] or type(e).__name__)) from None


def _first_sheet(z: zipfile.ZipFile, names: set[str]) -> list[str]:
    """The part of the workbook's first sheet, as calamine finds it; every sheet part when unsure."""
    every = sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml"))
    if "xl/workbook.xml" not in names:
        raise zipfile.BadZipFile("no xl/workbook.xml in it")
    book = z.read("xl/workbook.xml") if z.getinfo("xl/workbook.xml").file_size < PIECE else b""
    rels = z.read("xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in names else b""
    first = _FIRST_SHEET.search(book)
    if first is None or len(rels) > PIECE:
        return every
    for tag in _RELATIONSHIP.findall(rels):
        attrs = dict(_ATTR.findall(tag))
        if attrs.get(b"Id") == first.group(1):
            target = attrs.get(b"Target", b"").decode("utf-8", "replace")
            part = target.lstrip("/") if target.startswith("/") else normpath(join("xl", target))
            return [part] if part in names else every
    return every


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


class _Span:
    """The rectangle of a sheet's filled cells, from its XML fed piece by piece."""

    def __init__(self) -> None:
        self.rows: set[int] = set()  # the lowest and highest row seen so far
        self.cols: set[bytes] = set()
        self.unplaced = 0  # filled cells without a reference: calamine places them one after another
        self._carry = b""

    def feed(self, piece: bytes) -> None:
        data = self._carry + piece
        cut = data.rfind(b"</row>")
        if cut < 0 and len(data) > CARRY_LIMIT:
            cut = data.rfind(b">")
        if cut < 0:
            self._carry = data
            return
        cut = data.index(b">", cut) + 1
        self._scan(data[:cut])
        self._carry = data[cut:]

    def _scan(self, data: bytes) -> None:
        found = _CELL.findall(data)
        closed = data.count(b"</c>") + data.count(b":c>")
        if len(found) == closed:  # every filled cell starts with its reference: the fast way
            self.cols.update({c for c, _ in found})
            self._rows(int(r) for r in {r for _, r in found})
            return
        for attrs in _ANY_CELL.findall(data):
            ref = _REF.search(attrs)
            if ref is None:
                self.unplaced += 1
            else:
                self.cols.add(ref.group(1).upper())
                self._rows([int(ref.group(2))])

    def _rows(self, rows: Iterable[int]) -> None:
        seen = [*self.rows, *rows]
        self.rows = {min(seen), max(seen)} if seen else set()

    def check(self, name: str) -> None:
        self._scan(self._carry)
        if not self.rows and not self.unplaced:
            return
        cols = [_column(c) for c in self.cols] or [1]
        rows = sorted(self.rows) or [1]
        height = rows[-1] - rows[0] + 1 + self.unplaced
        width = max(cols) - min(cols) + 1 + self.unplaced
        if height * width > MAX_CELLS:
            span = f"{_letters(min(cols))}{rows[0]}:{_letters(max(cols))}{rows[-1]}"
            raise ImportFileError(TOO_WIDE(name=name, span=span, cells=height * width, limit=MAX_CELLS))


def _letters(col: int) -> str:
    out = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


__all__ = ["MAX_CELLS", "NOT_A_WORKBOOK", "check_workbook"]
