"""Read an export (.xlsx, .xls or .csv) into rows of cells and find its header row.

CSV bytes are decoded as DESIGN.md's pitfalls say: UTF-8 (with or without BOM,
strict) → GB18030 (strict; GBK is a subset) → charset-normalizer restricted to
those → or the encoding the user picked. The header is the row among the first
ones with the most known header words; title rows above it and a totals row at
the bottom are set aside, empty rows and columns dropped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.services.importing.headers import normalise_header
from app.services.importing.parsing import Cell, cell_text, is_blank
from app.services.importing.progress import READ_STEP, READING, Progress
from app.services.importing.sheets import ImportFileError, RawSheet
from app.services.importing.workbook import read_workbook
from app.services.importing.workbook_guard import NOT_A_WORKBOOK
from app.services.text.messages import Template

HEADER_SCAN_ROWS = 30
TOTALS_WORDS = ("合计", "总计", "汇总", "小计", "共计")
# A CSV cell that starts with ' then one of these was made formula-safe by an export (ours too).
CSV_ESCAPED = ("'=", "'+", "'-", "'@", "'\t", "'\r", "''")
ENCODING_CHOICES = ("utf-8-sig", "gb18030", "gbk", "utf-8")


UNKNOWN_ENCODING = Template(
    en="unknown encoding {encoding!r} (try utf-8-sig or gb18030)",
    zh="未知的编码「{encoding}」（可试 utf-8-sig 或 gb18030）",
)
ENCODING_UNCLEAR = Template(
    en="cannot tell the file's encoding (not UTF-8 nor GBK/GB18030): pick one with --encoding",
    zh="无法判断文件的编码（既不是 UTF-8，也不是 GBK/GB18030）：请手动选择编码",
)
CANNOT_READ = Template(en="cannot read {name}: {error}", zh="无法读取 {name}：{error}")
NOT_CSV = Template(
    en="{name} is not a readable CSV file: {error}", zh="{name} 不是可读取的 CSV 文件：{error}"
)
NOT_AN_EXPORT = Template(
    en="{name}: expected a .xlsx, .xls or .csv file", zh="{name}：请选择 .xlsx、.xls 或 .csv 文件"
)
HTML_AS_XLS = Template(
    en="{name} is a web page saved under an Excel name: open it in Excel and save it as .xlsx",
    zh="{name} 是以 Excel 文件名保存的网页：请用 Excel 打开并另存为 .xlsx",
)
NO_HEADER = Template(
    en="{name}: no header row found (expected columns such as 售后单号, 订单号, 售后状态)",
    zh="{name}：找不到表头行（应有 售后单号、订单号、售后状态 等列）",
)


@dataclass(frozen=True)
class Table:
    """The rows under the header; `headers[i]` names column i."""

    sheet: RawSheet
    header_line: int
    headers: list[str]
    rows: list[tuple[int, list[Cell]]]
    title_lines: list[str]  # text of the rows above the header (often names the platform)
    skipped_lines: list[int]  # totals rows


# ---- decoding ---------------------------------------------------------------------------


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used). `encoding` forces one; otherwise UTF-8 → GB18030 → restricted detection."""
    if encoding:
        # The merchant's choice, checked on the preview: stray bad bytes show as U+FFFD, not an error.
        try:
            return data.decode(encoding, errors="replace"), encoding
        except LookupError:
            raise ImportFileError(UNKNOWN_ENCODING(encoding=encoding)) from None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    for name in ("utf-8", "gb18030"):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["utf_8", "gb18030", "gbk"]).best()
    if best is not None:
        return str(best), str(best.encoding)
    # A few bad bytes in an otherwise good file: the encoding that loses fewest. The cells
    # holding them (U+FFFD) are row errors; the rest of the file imports.
    lossy = [(data.decode(name, errors="replace"), name) for name in ("utf-8", "gb18030")]
    text, name = min(lossy, key=lambda t: t[0].count("\ufffd"))
    if text.count("\ufffd") > max(16, len(text) // 100):  # not text in either: no file we read
        raise ImportFileError(ENCODING_UNCLEAR())
    return text, name


def _sniff_delimiter(text: str) -> str:
    sample = text[:8192].splitlines()[:40]
    counts = {d: sum(line.count(d) for line in sample) for d in (",", "\t", ";")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _trim(cells: Sequence[Cell]) -> list[Cell]:
    out = list(cells)
    while out and is_blank(out[-1]):
        out.pop()
    return out


def read_csv(path: Path, encoding: str | None = None, progress: Progress | None = None) -> RawSheet:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ImportFileError(CANNOT_READ(name=path.name, error=e.strerror)) from None
    text, used = decode_bytes(data, encoding)
    # The csv module refuses a cell over 128 KB, and with it the whole file: a cell that long
    # is a row error (records.py), so let the reader take any cell the file can hold.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    rows: list[tuple[int, list[Cell]]] = []
    total = text.count("\n") + (not text.endswith("\n")) if progress is not None else 0
    try:
        for line, cells in enumerate(reader, 1):
            kept = _trim([c[1:] if c.startswith(CSV_ESCAPED) else c for c in cells])
            if kept:
                rows.append((line, kept))
            if progress is not None and line % READ_STEP == 0:
                progress(line, max(total, line), READING)
    except csv.Error as e:
        raise ImportFileError(NOT_CSV(name=path.name, error=e)) from None
    return RawSheet(path.name, "csv", used, rows)


ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # a compound file: Excel 97–2003 (.xls)
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")


def read_sheet(path: Path, encoding: str | None = None, progress: Progress | None = None) -> RawSheet:
    """The file's rows, read by what its first bytes say it is rather than by its name.

    Back ends name their downloads loosely: 淘宝's 退款报表.xls is often a GBK csv, and a
    workbook renamed .csv is still a workbook.
    """
    suffix = path.suffix.lower()
    if suffix not in WORKBOOK_SUFFIXES + TEXT_SUFFIXES:
        raise ImportFileError(NOT_AN_EXPORT(name=path.name))
    try:
        with path.open("rb") as f:
            head = f.read(512)
    except OSError as e:
        raise ImportFileError(CANNOT_READ(name=path.name, error=e.strerror)) from None
    if head.startswith(ZIP_MAGIC):
        return read_workbook(path, "xlsx", progress)
    if head.startswith(OLE_MAGIC):
        return read_workbook(path, "xls", progress)
    if suffix in (".xlsx", ".xlsm"):
        raise ImportFileError(NOT_A_WORKBOOK(name=path.name, error="not a zip file"))
    if suffix == ".xls" and head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
        raise ImportFileError(HTML_AS_XLS(name=path.name))
    return read_csv(path, encoding, progress)


# ---- the header row ---------------------------------------------------------------------


def _is_totals(cells: Sequence[Cell]) -> bool:
    first = next((cell_text(c) for c in cells if not is_blank(c)), "")
    return first.replace(" ", "").startswith(TOTALS_WORDS)


def locate_header(sheet: RawSheet, is_known: Callable[[str], bool]) -> Table:
    """Pick the header row and split the sheet into title rows, header and data rows."""
    best_i, best_score = -1, 0
    for i, (_line, cells) in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        score = sum(1 for c in cells if isinstance(c, str) and is_known(normalise_header(c)))
        if score > best_score:
            best_i, best_score = i, score
    if best_score < 2:
        raise ImportFileError(NO_HEADER(name=sheet.name))
    line, cells = sheet.rows[best_i]
    headers = [normalise_header(cell_text(c)) for c in cells]
    if best_i > 0:
        headers = _merge_group_row(headers, sheet.rows[best_i - 1][1])
    title_lines = [" ".join(cell_text(c) for c in cs if not is_blank(c)) for _, cs in sheet.rows[:best_i]]
    data: list[tuple[int, list[Cell]]] = []
    skipped: list[int] = []
    for row_line, row in sheet.rows[best_i + 1 :]:
        if _is_totals(row):
            skipped.append(row_line)
        else:
            data.append((row_line, row))
    return Table(sheet, line, headers, data, title_lines, skipped)


def _merge_group_row(headers: list[str], above: Sequence[Cell]) -> list[str]:
    """Two-row headers with merged cells: a blank header cell takes the text above it.

    A merged cell keeps its text in its first cell only, so a column whose header
    was merged down from the group row is blank in the header row.
    """
    filled = [c for c in above if not is_blank(c)]
    if len(filled) < 2:  # a title row, not a group row
        return headers
    out = list(headers)
    for i, h in enumerate(out):
        if not h and i < len(above) and not is_blank(above[i]):
            out[i] = normalise_header(cell_text(above[i]))
    return out


def iter_records(table: Table) -> Iterator[tuple[int, dict[str, Cell]]]:
    """(line, {header: cell}) for each data row; columns without a header are dropped."""
    named = [(i, h) for i, h in enumerate(table.headers) if h]
    for line, cells in table.rows:
        yield line, {h: (cells[i] if i < len(cells) else None) for i, h in named}


__all__ = [
    "ENCODING_CHOICES",
    "ImportFileError",
    "RawSheet",
    "Table",
    "decode_bytes",
    "iter_records",
    "locate_header",
    "normalise_header",
    "read_sheet",
]
