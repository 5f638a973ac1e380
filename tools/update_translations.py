"""Regenerate the UI catalogues: lupdate (keeps existing translations) then lrelease.

    python tools/update_translations.py          # update .ts from the sources, build .qm
    python tools/update_translations.py --check  # exit 1 if a zh_CN string is untranslated

Source strings are English; zh_CN is the primary UI language and must be complete.
The English catalogue is empty on purpose: untranslated strings show their (English) source.
Translate new strings in resources/translations/sentinel_zh_CN.ts (Qt Linguist or an editor).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")


def tool(name: str) -> str:
    """pyside6-<name> from PATH, or the binary inside the PySide6 package."""
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    path = Path(PySide6.__file__).parent / name
    if not path.exists():
        sys.exit(f"cannot find pyside6-{name}: install PySide6-Essentials")
    return str(path)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app" / "ui").rglob("*.py"))


def untranslated(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    out = []
    for message in root.iter("message"):
        tr = message.find("translation")
        if tr is not None and tr.get("type") == "obsolete":
            continue
        if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip():
            out.append(message.findtext("source") or "")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that zh_CN is complete")
    args = parser.parse_args()
    zh = OUT / "sentinel_zh_CN.ts"
    if not args.check:
        for lang in LANGUAGES:
            ts = OUT / f"sentinel_{lang}.ts"
            subprocess.run(
                [
                    tool("lupdate"),
                    *sources(),
                    "-no-obsolete",
                    "-locations",
                    "none",  # line numbers would make every source edit a catalogue diff
                    "-source-language",
                    "en",
                    "-target-language",
                    lang,
                    "-ts",
                    str(ts),
                ],
                cwd=ROOT,
                check=True,
            )
            subprocess.run(
                [tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True
            )
    missing = untranslated(zh)
    if missing:
        print(f"{len(missing)} zh_CN string(s) untranslated, e.g.: {missing[:5]}", file=sys.stderr)
        return 1 if args.check else 0
    print("zh_CN catalogue complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
