"""Render ``assets/icons/qalam-annotator.svg`` to the PNG (Linux), ICO (Windows) and ICNS (macOS) icons.

Run from the repository root after editing the SVG: ``QT_QPA_PLATFORM=offscreen python packaging/make_icons.py``.
The results are committed, so a build never needs this script.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "assets" / "icons"
NAME = "qalam-annotator"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The SVG drawn on a transparent ``size`` x ``size`` image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv)  # noqa: F841 - image plugins need an application object
    renderer = QSvgRenderer(str(ICONS / f"{NAME}.svg"))
    if not renderer.isValid():
        print(f"error: {ICONS / f'{NAME}.svg'} is not a valid SVG", file=sys.stderr)
        return 2
    big = render(renderer, 256)
    for path, fmt in ((ICONS / f"{NAME}.png", "PNG"), (ICONS / f"{NAME}.ico", "ICO"), (ICONS / f"{NAME}.icns", "ICNS")):
        if not big.save(str(path), fmt):
            print(f"error: Qt could not write {path} (is the {fmt} image plugin installed?)", file=sys.stderr)
            return 2
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
