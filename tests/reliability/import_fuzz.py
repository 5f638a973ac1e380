"""Damaged and hostile import files, made from the golden files by a seeded generator.

`fuzz_files(n, seed, out)` writes n files: byte flips and cuts of every kind of file, csv
cells replaced by values that crashed the importer (issue 17 item 3), .xlsx parts damaged
inside a valid zip (sheet XML, shared strings, styles, the workbook, its relations), cells
moved to the sheet's far corner, and .xls records flipped. `crafted(out)` writes the files
the issue named, whatever the seed.
"""

from __future__ import annotations

import csv
import io
import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"

BAD_VALUES = [
    "1e309",
    "-1e309",
    "9" * 400,
    "6.92E+18",
    "0001-01-01",
    "0001-01-01 00:00",
    "2026-11-01T10:00:00+25:00",
    "9999-12-31 23:59:59",
    "NaN",
    "inf",
    "-inf",
    "1e-999999",
    "99999999999999999999999",
    "99999999999999天",
    "2026-02-30 10:00",
    "=cmd|' /C calc'!A0",
    "\x00\x01\x02",
    "\ufffd",
    "１２３",
    "(((",
    '"',
    "-",
    "",
    "x" * 140_000,
]


def seeds(kind: str) -> list[Path]:
    return sorted([*DATA.glob(f"*.{kind}"), *(DATA / "real").glob(f"*.{kind}")])


def _flip(data: bytes, rng: random.Random, start: int = 0) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 24)):
        i = rng.randrange(min(start, len(b) - 1), len(b))
        b[i] = rng.randrange(256)
    return bytes(b)


def _cut(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def _csv_rows(path: Path) -> tuple[list[list[str]], str]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    return list(csv.reader(io.StringIO(text, newline=""))), encoding


def _write_csv(rows: list[list[str]], encoding: str) -> bytes:
    buf = io.StringIO(newline="")
    csv.writer(buf).writerows(rows)
    return buf.getvalue().encode(encoding, errors="replace")


def _csv_values(path: Path, rng: random.Random) -> bytes:
    rows, encoding = _csv_rows(path)
    for _ in range(rng.randint(1, 6)):
        r = rng.randrange(1, len(rows)) if len(rows) > 1 else 0
        if rows[r]:
            rows[r][rng.randrange(len(rows[r]))] = rng.choice(BAD_VALUES)
    return _write_csv(rows, encoding)


def _csv_shape(path: Path, rng: random.Random) -> bytes:
    rows, encoding = _csv_rows(path)
    how = rng.randrange(5)
    if how == 0:  # no header row
        rows = rows[1:]
    elif how == 1:  # columns shuffled, some dropped
        order = rng.sample(range(len(rows[0])), k=max(1, len(rows[0]) - rng.randrange(3)))
        rows = [[r[i] if i < len(r) else "" for i in order] for r in rows]
    elif how == 2:  # ragged rows
        rows = [r[: rng.randrange(len(r) + 1)] + ["extra"] * rng.randrange(3) for r in rows]
    elif how == 3:  # another delimiter and an unbalanced quote
        text = _write_csv(rows, encoding).replace(b",", b";")
        return text + b'\n"never closed'
    else:  # the header row twice, totals rows inside
        rows = [rows[0], *rows, ["合计", "", "999"], rows[0]]
    return _write_csv(rows, encoding)


XLSX_PARTS = ("worksheets/sheet", "sharedStrings", "styles", "workbook.xml", "_rels", "Content_Types")


def _xlsx_part(path: Path, rng: random.Random) -> bytes:
    """A valid zip whose XML parts are damaged: what calamine's parser sees."""
    target = rng.choice(XLSX_PARTS)
    out = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if target in info.filename:
                how = rng.randrange(6)
                if how == 0:
                    data = _cut(data, rng)
                elif how == 1:
                    data = _flip(data, rng)
                elif how == 2:
                    continue  # the part is missing
                elif how == 3:  # a value that crashed the importer
                    data = re.sub(
                        rb"<v>[^<]*</v>",
                        lambda _m: b"<v>" + rng.choice(BAD_VALUES[:14]).encode() + b"</v>",
                        data,
                        count=rng.randint(1, 5),
                    )
                elif how == 4:  # a cell at the far corner, or a huge shared-string index
                    data = data.replace(
                        b"</sheetData>",
                        b'<row r="1048576"><c r="XFD1048576" t="s"><v>99999999</v></c></row></sheetData>',
                    )
                else:  # tags dropped
                    data = re.sub(rb"</?(?:row|c|si|xf|sheet)\b", b"", data, count=rng.randint(1, 9))
            zout.writestr(info.filename, data)
    return out.getvalue()


def _xls_records(path: Path, rng: random.Random) -> bytes:
    data = bytearray(path.read_bytes())
    if rng.random() < 0.5:  # a cell record moved to a far row and column
        at = data.find(b"\xfd\x00\x0a\x00")
        if at > 0:
            data[at + 4 : at + 8] = rng.randrange(65536).to_bytes(2, "little") + rng.randrange(65536).to_bytes(
                2, "little"
            )
            return bytes(data)
    return _flip(bytes(data), rng, start=512)


MUTATIONS: dict[str, list[Callable[[Path, random.Random], bytes]]] = {
    "csv": [
        lambda p, r: _flip(p.read_bytes(), r),
        lambda p, r: _cut(p.read_bytes(), r),
        _csv_values,
        _csv_values,
        _csv_shape,
    ],
    "xlsx": [lambda p, r: _flip(p.read_bytes(), r), lambda p, r: _cut(p.read_bytes(), r), _xlsx_part, _xlsx_part],
    "xls": [lambda p, r: _flip(p.read_bytes(), r, 512), lambda p, r: _cut(p.read_bytes(), r), _xls_records],
}


def fuzz_files(n: int, seed: int, out: Path) -> list[Path]:
    rng = random.Random(seed)
    kinds = ["csv"] * 5 + ["xlsx"] * 4 + ["xls"] * 2
    files = []
    for i in range(n):
        kind = rng.choice(kinds)
        src = rng.choice(seeds(kind))
        data = rng.choice(MUTATIONS[kind])(src, rng)
        path = out / f"f{i:03d}.{kind}"
        path.write_bytes(data)
        files.append(path)
    return files


def crafted(out: Path) -> list[Path]:
    """The files issue 17 named: a whitespace zip bomb, 10,000 columns (the rest are kept in
    tests/data/imports/fuzz/, too small to make again)."""
    bomb = out / "whitespace_bomb.xlsx"
    src = DATA / "kuaishou.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if "worksheets/sheet" in info.filename:
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * (1000 * 2**20))
            zout.writestr(info.filename, data)
    wide = out / "10000_columns.csv"
    header = "售后单号,订单号,申请时间,退款金额," + ",".join(f"列{i}" for i in range(10_000))
    row = "KS1,1001,2026-11-01 10:00,9.00," + ",".join("v" for _ in range(10_000))
    wide.write_text("\n".join([header] + [row.replace("KS1", f"KS{i}") for i in range(40)]), encoding="utf-8")
    return [bomb, wide]


__all__ = ["BAD_VALUES", "crafted", "fuzz_files"]
