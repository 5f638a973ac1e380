"""What every reader gives: the rows of a sheet, and the error for a file that cannot be read."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.importing.parsing import Cell


class ImportFileError(Exception):
    """The file as a whole cannot be imported: one line (a `messages.Text`) saying why and what to do."""


@dataclass(frozen=True)
class RawSheet:
    """Every non-empty row of a file, numbered as a spreadsheet shows it (1-based)."""

    name: str
    kind: str  # "xlsx", "xls" or "csv"
    encoding: str | None  # csv only
    rows: list[tuple[int, list[Cell]]]


__all__ = ["ImportFileError", "RawSheet"]
