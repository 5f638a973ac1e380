"""Render resources/icons/app.svg to the icon files the bundles need: .png, .ico (Windows), .icns (macOS).

Qt draws the SVG and writes every format (its ico and icns image plugins ship with
PySide6), so no image library is needed:

    python packaging/make_icons.py build/icons
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app.svg"
SIZES = {"png": 512, "ico": 256, "icns": 512}


def render(out_dir: Path) -> dict[str, Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for fmt, size in SIZES.items():
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"app.{fmt}"
        if not image.save(str(path), fmt):
            raise SystemExit(f"Qt could not write {path} (is the {fmt} image plugin installed?)")
        written[fmt] = path
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons"
    for path in render(target).values():
        print(path)
