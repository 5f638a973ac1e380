"""The product's own docs stay true: the clock table is what the presets say, and the README
links only to files a clone has."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import clock_docs  # noqa: E402


def test_the_clock_table_is_what_the_presets_say() -> None:
    assert (ROOT / "docs" / "platform-clocks.md").read_text(encoding="utf-8") == clock_docs.render(), (
        "run python tools/clock_docs.py"
    )


def test_the_readme_links_only_to_files_in_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)#]+)\)", readme)
    outside = [link for link in links if not link.startswith("http") and not (ROOT / link).exists()]
    assert outside == []
    assert "../shared" not in readme
