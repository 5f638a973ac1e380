"""The span of an Excel 97–2003 (.xls) sheet's cells, found before calamine loads it.

calamine keeps a sheet as one dense rectangle; in a .xls a cell record may name any row up
to 65,535 and any column up to 65,535, and one such record (a 6 KB file) makes calamine ask
for 34 GB and Rust abort the process. So the first worksheet's cell records are located
here: the compound file (OLE2/CFB: header, FAT, directory, the `Workbook` stream, in big or
mini sectors) is followed far enough to read the BIFF records of that sheet.

Raises `XlsDamaged` for anything that does not add up (a loop in a sector chain, a sector
past the end); the caller turns it into the file's one-line message.
"""

from __future__ import annotations

import struct

FREE_OR_END = 0xFFFFFFFA  # sector ids from here up: end of chain, free, FAT, DIFAT
# BIFF8 records that hold one cell: row (u16) and column (u16) open their data.
CELL_RECORDS = frozenset({0x0006, 0x0203, 0x0204, 0x00FD, 0x027E, 0x0205, 0x00D6})
MULRK = 0x00BD  # row, first column, …, last column
BOUNDSHEET, BOF, EOF = 0x0085, 0x0809, 0x000A


class XlsDamaged(ValueError):
    pass


def _u16(data: bytes, at: int) -> int:
    return int(struct.unpack_from("<H", data, at)[0])


def _u32(data: bytes, at: int) -> int:
    return int(struct.unpack_from("<I", data, at)[0])


def _chain(table: list[int], start: int, limit: int) -> list[int]:
    out: list[int] = []
    seen: set[int] = set()
    sector = start
    while sector < FREE_OR_END:
        if sector in seen or sector >= len(table) or len(out) > limit:
            raise XlsDamaged(f"broken sector chain at {sector}")
        seen.add(sector)
        out.append(sector)
        sector = table[sector]
    return out


def workbook_stream(data: bytes) -> bytes:
    """The `Workbook` (or BIFF5 `Book`) stream of a compound file."""
    if len(data) < 512 or data[:8] != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise XlsDamaged("not a compound file")
    shift, mini_shift = _u16(data, 0x1E), _u16(data, 0x20)
    if shift not in (9, 12) or mini_shift != 6:
        raise XlsDamaged("unknown sector size")
    size = 1 << shift
    limit = len(data) // size + 1

    def sector(n: int) -> bytes:
        at = (n + 1) * size
        if at >= len(data):
            raise XlsDamaged(f"sector {n} past the end")
        return data[at : at + size]

    fat_ids = [_u32(data, 0x4C + 4 * i) for i in range(109)]
    difat = _u32(data, 0x44)
    seen: set[int] = set()
    while difat < FREE_OR_END:
        if difat in seen or len(seen) > limit:
            raise XlsDamaged("broken DIFAT chain")
        seen.add(difat)
        block = sector(difat)
        fat_ids += [_u32(block, 4 * i) for i in range(size // 4 - 1)]
        difat = _u32(block, size - 4)
    fat: list[int] = []
    for fid in fat_ids[: _u32(data, 0x2C)]:
        if fid >= FREE_OR_END:
            continue
        block = sector(fid)
        fat += [_u32(block, 4 * i) for i in range(size // 4)]

    def read(start: int, length: int) -> bytes:
        return b"".join(sector(n) for n in _chain(fat, start, limit))[:length]

    directory = read(_u32(data, 0x30), 1 << 30)
    entries = [directory[i : i + 128] for i in range(0, len(directory) - 127, 128)]
    if not entries:
        raise XlsDamaged("no directory")
    root = entries[0]
    for entry in entries:
        name_len = min(_u16(entry, 64), 64)
        name = entry[: max(0, name_len - 2)].decode("utf-16-le", "replace")
        if entry[66] == 2 and name in ("Workbook", "Book"):
            start, length = _u32(entry, 116), _u32(entry, 120)
            if length >= _u32(data, 0x38):  # at or over the mini stream cutoff: big sectors
                return read(start, length)
            mini_fat_raw = read(_u32(data, 0x3C), 1 << 30) if _u32(data, 0x40) else b""
            mini_fat = [_u32(mini_fat_raw, 4 * i) for i in range(len(mini_fat_raw) // 4)]
            mini_stream = read(_u32(root, 116), _u32(root, 120))
            chunks = [mini_stream[n * 64 : n * 64 + 64] for n in _chain(mini_fat, start, len(mini_stream) // 64 + 1)]
            return b"".join(chunks)[:length]
    raise XlsDamaged("no Workbook stream")


def _ends(seen: set[int], value: int) -> set[int]:
    if not seen:
        return {value}
    low, high = min(seen), max(seen)
    return {min(low, value), max(high, value)}


def sheet_span(stream: bytes) -> tuple[int, int, int, int] | None:
    """(first row, last row, first column, last column) of the first worksheet's cells; None if empty."""
    start = 0
    at = 0
    while at + 4 <= len(stream):  # the workbook globals: where the first worksheet starts
        kind, length = _u16(stream, at), _u16(stream, at + 2)
        if kind == BOUNDSHEET and length >= 6 and stream[at + 4 + 5] == 0:
            start = _u32(stream, at + 4)
            break
        if kind == EOF:
            break
        at += 4 + length
    rows: set[int] = set()  # the lowest and highest seen so far
    cols: set[int] = set()
    at = start
    depth = 0
    while at + 4 <= len(stream):
        kind, length = _u16(stream, at), _u16(stream, at + 2)
        body = stream[at + 4 : at + 4 + length]
        if kind == BOF:
            depth += 1
        elif kind == EOF:
            depth -= 1
            if depth <= 0 and start:
                break
        elif kind in CELL_RECORDS and len(body) >= 4:
            rows = _ends(rows, _u16(body, 0))
            cols = _ends(cols, _u16(body, 2))
        elif kind == MULRK and len(body) >= 6:
            rows = _ends(rows, _u16(body, 0))
            cols = _ends(_ends(cols, _u16(body, 2)), _u16(body, len(body) - 2))
        at += 4 + length
    if not rows:
        return None
    return min(rows), max(rows), min(cols), max(cols)


__all__ = ["XlsDamaged", "sheet_span", "workbook_stream"]
