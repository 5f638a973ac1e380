"""Issue 17 item 3: no import file crashes, hangs or exhausts memory.

Over FILES seeded damaged files (import_fuzz.py) plus the files the issue named and the
crashers kept in tests/data/imports/fuzz/: every `python -m app import FILE` ends with exit 0
(stdout says what it did) or 1 (one `error:` line on stderr, no traceback), within
10 s per MB (2 s at least: the app's own start), and under 300 MB for a file under 10 MB.
Each file runs in a forked worker of one fork server (fuzz_child.py): one interpreter start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.import_fuzz import DATA, crafted, fuzz_files

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the fuzz runner forks (POSIX only)")

FILES = 320
SEED = 17
KEPT = DATA / "fuzz"  # files that crashed or hung the importer once: each stays a regression case
CHILD = Path(__file__).resolve().parent / "fuzz_child.py"
PEAK_MB = 300


def run_files(files: list[Path], tmp_path: Path) -> list[dict[str, object]]:
    listing, results = tmp_path / "files.json", tmp_path / "results.json"
    listing.write_text(json.dumps([str(f) for f in files]), encoding="utf-8")
    subprocess.run([sys.executable, str(CHILD), str(listing), str(results)], check=True, timeout=600)
    return list(json.loads(results.read_text(encoding="utf-8")))


def verdict(r: dict[str, object]) -> str | None:
    """What is wrong with one run; None when it ended as it must."""
    size_mb = Path(str(r["file"])).stat().st_size / 2**20
    err, out = str(r["stderr"]), str(r["stdout"])
    if r["exit"] not in (0, 1):
        return f"exit {r['exit']}: {err[-600:]}"
    if "Traceback" in err:
        return f"a traceback: {err[-600:]}"
    if r["exit"] == 1 and not err.strip().startswith("error: "):
        return f"exit 1 without a message: {err[-300:]!r}"
    if r["exit"] == 0 and " · errors " not in out:
        return f"exit 0 without counts: {out[-300:]!r}"
    if float(str(r["seconds"])) > max(2.0, 10 * size_mb):
        return f"{r['seconds']} s for {size_mb:.2f} MB"
    if size_mb < 10 and float(str(r["peak_mb"])) > PEAK_MB:
        return f"{r['peak_mb']} MB of memory"
    return None


@pytest.mark.slow
def test_no_import_file_crashes_hangs_or_exhausts_memory(tmp_path: Path) -> None:
    made = tmp_path / "files"
    made.mkdir()
    kept = sorted(f for f in KEPT.iterdir() if f.suffix in (".csv", ".xlsx", ".xls"))
    files = fuzz_files(FILES, SEED, made) + crafted(made) + kept
    results = run_files(files, tmp_path)
    bad = {str(r["file"]): why for r in results if (why := verdict(r)) is not None}
    slowest = max(results, key=lambda r: float(str(r["seconds"])))
    heaviest = max(results, key=lambda r: float(str(r["peak_mb"])))
    print(
        f"\n{len(results)} files: {sum(r['exit'] == 0 for r in results)} imported, "
        f"{sum(r['exit'] == 1 for r in results)} refused with a message, {len(bad)} wrong; "
        f"slowest {slowest['seconds']} s ({Path(str(slowest['file'])).name}); "
        f"peak {heaviest['peak_mb']} MB ({Path(str(heaviest['file'])).name}); "
        f"median peak {sorted(float(str(r['peak_mb'])) for r in results)[len(results) // 2]} MB"
    )
    assert len(files) >= 300
    assert not bad, "\n".join(f"{Path(f).name}: {why}" for f, why in bad.items())
