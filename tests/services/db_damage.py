"""Ways to damage a database file on purpose (shared by the integrity and backup tests)."""

from __future__ import annotations

from pathlib import Path

PAGE = 4096


def corrupt_middle(db: Path, pages: int = 3) -> None:
    """Overwrite whole pages in the middle of a database file with garbage."""
    data = bytearray(db.read_bytes())
    middle = (len(data) // PAGE // 2) * PAGE
    data[middle : middle + pages * PAGE] = b"\xa5" * (pages * PAGE)
    db.write_bytes(bytes(data))
