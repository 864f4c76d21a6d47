"""Fonts and colour themes of the reader: registers the bundled Arabic font; light and dark palettes."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette

from annotations.assets import FONT_FILES, asset_path

log = logging.getLogger(__name__)

ARABIC_FAMILY = "Noto Sans Arabic"
# Latin, digits and symbols the Arabic font lacks come from a general sans font.
FALLBACK_FAMILIES = ("DejaVu Sans", "Noto Sans", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif")

_registered: list[str] = []


def register_fonts() -> list[str]:
    """Register the bundled fonts with Qt once per process; return their family names.

    Raises:
        RuntimeError: when a bundled font file is missing or Qt cannot load it (names the file).
    """
    if _registered:
        return list(_registered)
    for rel in FONT_FILES:
        path = asset_path(rel)
        if not path.is_file():
            raise RuntimeError(f"bundled font {path} is missing; reinstall the app or restore assets/{rel}")
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id == -1:
            raise RuntimeError(f"Qt could not load the bundled font {path}; the file may be damaged")
        _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_registered)


def reader_font(point_size: float = 14.0, bold: bool = False) -> QFont:
    """The reading font: the bundled Arabic font first, then general fallbacks for other scripts."""
    font = QFont()
    font.setFamilies([ARABIC_FAMILY, *FALLBACK_FAMILIES])
    font.setPointSizeF(point_size)
    font.setBold(bold)
    # Kerning and Arabic shaping are on by default; make sure no style strategy disables shaping.
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


@dataclass(frozen=True)
class Theme:
    """Colours for one theme.

    Attributes:
        name: "light" or "dark".
        background, text, muted: page colours (muted = metadata, removed lines).
        fill_alpha: opacity (0–255) of span fills over the text.
        chip_text: colour of text on label chips.
        selected: outline of the selected span.
        find_hit, find_current: outlines of find results.
        marks: colour of visible-control marks.
    """

    name: str
    background: str
    text: str
    muted: str
    fill_alpha: int
    chip_text: str
    selected: str
    find_hit: str
    find_current: str
    marks: str
    selection: str
    selection_text: str

    def palette(self, base: QPalette | None = None) -> QPalette:
        """A QPalette for the reader viewport in this theme."""
        pal = QPalette(base) if base is not None else QPalette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
            pal.setColor(group, QPalette.ColorRole.Base, QColor(self.background))
            pal.setColor(group, QPalette.ColorRole.Window, QColor(self.background))
            pal.setColor(group, QPalette.ColorRole.Text, QColor(self.text))
            pal.setColor(group, QPalette.ColorRole.WindowText, QColor(self.text))
            pal.setColor(group, QPalette.ColorRole.Highlight, QColor(self.selection))
            pal.setColor(group, QPalette.ColorRole.HighlightedText, QColor(self.selection_text))
        return pal


    def app_palette(self, standard: QPalette) -> QPalette:
        """The interface palette: the style's own for light, a dark palette for dark."""
        if self.name != "dark":
            return QPalette(standard)
        pal = QPalette(standard)
        roles = QPalette.ColorRole
        colors = {
            roles.Window: "#2b2d30", roles.WindowText: "#e6e6e6", roles.Base: "#1e1f22",
            roles.AlternateBase: "#26282b", roles.Text: "#e6e6e6", roles.Button: "#3a3d41",
            roles.ButtonText: "#e6e6e6", roles.ToolTipBase: "#3a3d41", roles.ToolTipText: "#e6e6e6",
            roles.Highlight: self.selection, roles.HighlightedText: self.selection_text,
            roles.PlaceholderText: "#8a8a8a", roles.Link: "#8ab4f8", roles.BrightText: "#ff8a80",
            roles.Light: "#4a4d52", roles.Midlight: "#3f4246", roles.Mid: "#2f3236", roles.Dark: "#1a1b1e",
            roles.Shadow: "#000000",
        }
        for role, color in colors.items():
            pal.setColor(QPalette.ColorGroup.Active, role, QColor(color))
            pal.setColor(QPalette.ColorGroup.Inactive, role, QColor(color))
            disabled = QColor(color).darker(140) if role in (roles.WindowText, roles.Text,
                                                             roles.ButtonText) else QColor(color)
            pal.setColor(QPalette.ColorGroup.Disabled, role, disabled)
        return pal


THEMES = {
    "light": Theme("light", "#fdfcf8", "#1b1b1b", "#6b6b6b", 90, "#1b1b1b", "#d32f2f", "#f9a825",
                   "#e65100", "#c2185b", "#b3d4fc", "#000000"),
    "dark": Theme("dark", "#1e1f22", "#e6e6e6", "#9a9a9a", 110, "#111111", "#ff8a80", "#fdd835",
                  "#ffab40", "#f48fb1", "#35577d", "#ffffff"),
}
