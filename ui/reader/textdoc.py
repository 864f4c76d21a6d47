"""Build the reader's QTextDocument: title and metadata header, body paragraphs with direction, removed lines.

The body is inserted character for character (one Qt position per BMP character), so the code-point
offsets of the stored text map to Qt positions through ``ui.reader.positions.PositionMap`` alone. The header
comes before the body (``positions.base`` is where the body starts) and the removed lines after it, so
neither shifts body offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from annotations.direction import RTL, document_direction, paragraph_direction
from annotations.headline import headline_length

from ..common.style import THEMES, Theme, reader_font
from .positions import PositionMap

# Characters that are invisible or look like a space but are stored: shown as marks on demand.
INVISIBLES: dict[str, str] = {
    "\u200e": "LRM", "\u200f": "RLM", "\u061c": "ALM",
    "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
    "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
    "\u200b": "ZWSP", "\u200c": "ZWNJ", "\u200d": "ZWJ", "\u2060": "WJ", "\ufeff": "BOM",
    "\u00a0": "NBSP", "\u202f": "NNBSP", "\u00ad": "SHY",
}
_INVISIBLE_RE = re.compile("[" + "".join(INVISIBLES) + "]")


def display_text(text: str) -> str:
    """The body as given to Qt: same length, with the characters Qt would merge or drop replaced 1:1.

    ``\\r\\n`` would become one block break (one position fewer), so the ``\\r`` becomes a zero-width
    space; a lone ``\\r`` and U+2029 (which Qt turns into paragraph breaks) become ``\\n``, so that the
    body's paragraphs are exactly its ``\\n``-separated lines.
    """
    if "\u2029" in text:
        text = text.replace("\u2029", "\n")
    if "\r" not in text:
        return text
    return re.sub("\r(?!\n)", "\n", text.replace("\r\n", "\u200b\n"))


@dataclass
class ReaderOptions:
    """How the reader lays out a document.

    Attributes:
        font_size: base size in points before zoom.
        zoom: scale factor applied to all text.
        line_gap: extra room above each line, in font heights; label chips are drawn there.
        direction_override: "rtl"/"ltr" forces every paragraph; ``None`` applies the dir=auto rule.
        show_removed: append the lines removed at ingestion (``meta["removed"]``) after the body.
        theme: colours.
    """

    font_size: float = 14.0
    zoom: float = 1.0
    line_gap: float = 0.45
    direction_override: str | None = None
    show_removed: bool = False
    theme: Theme = field(default_factory=lambda: THEMES["light"])


def removed_lines(meta: Mapping[str, Any]) -> list[str]:
    """The lines removed at ingestion from ``meta["removed"]``: a list of strings or of dicts with "text"."""
    raw = meta.get("removed") or []
    out = []
    for item in raw if isinstance(raw, (list, tuple)) else [raw]:
        if isinstance(item, Mapping):
            line = item.get("line")
            prefix = f"{line}: " if isinstance(line, int) else ""
            out.append(prefix + str(item.get("text", "")))
        else:
            out.append(str(item))
    return out


class ReaderDocument:
    """A QTextDocument laid out for reading one stored document.

    Attributes:
        text: the exact stored body text.
        qdoc: the QTextDocument.
        positions: body code points ↔ Qt positions.
        document_dir: "rtl" or "ltr", settles neutral and mixed lines.
        directions: the direction chosen for each body paragraph.
        first_body_block, last_body_block: block numbers of the body.
        gap: room above each line in pixels (for label chips).
        invisibles: ``(qt_position, name)`` of stored invisible characters in the body.
    """

    def __init__(self, text: str, title: str | None = None, meta: Mapping[str, Any] | None = None,
                 options: ReaderOptions | None = None) -> None:
        self.text = text
        self.title = title
        self.meta: Mapping[str, Any] = meta or {}
        self.options = options or ReaderOptions()
        self.qdoc = QTextDocument()
        self.qdoc.setUndoRedoEnabled(False)
        self.document_dir = document_direction(text, self.meta)
        self.directions: list[str] = []
        self._build()

    # -- building --------------------------------------------------------------------------------------
    def _block_format(self, direction: str, top: float, gap: float) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        rtl = direction == RTL
        fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        # Absolute alignment: plain AlignRight would be mirrored in an RTL block (see RTL.md).
        fmt.setAlignment((Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
                         | Qt.AlignmentFlag.AlignAbsolute)
        fmt.setTopMargin(top)
        fmt.setLineHeight(gap, QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value)
        return fmt

    def _build(self) -> None:
        opts = self.options
        size = opts.font_size * opts.zoom
        font = reader_font(size)
        self.font = font
        self.qdoc.setDefaultFont(font)
        self.qdoc.setDocumentMargin(max(8.0, 12 * opts.zoom))
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.qdoc.setDefaultTextOption(option)
        height = QFontMetricsF(font).height()
        self.gap = round(height * opts.line_gap, 1)
        doc_dir = opts.direction_override if opts.direction_override in ("rtl", "ltr") else self.document_dir

        cursor = QTextCursor(self.qdoc)
        cursor.beginEditBlock()
        first = True

        def block(line: str, char_fmt: QTextCharFormat, top: float, direction: str | None = None) -> None:
            nonlocal first
            direction = direction or paragraph_direction(line, doc_dir, opts.direction_override)
            fmt = self._block_format(direction, top, self.gap)
            if first:
                cursor.setBlockFormat(fmt)
                cursor.setBlockCharFormat(char_fmt)
                first = False
            else:
                cursor.insertBlock(fmt, char_fmt)
            cursor.insertText(line, char_fmt)

        plain = QTextCharFormat()
        muted = QTextCharFormat()
        muted.setForeground(QColor(opts.theme.muted))
        muted.setFontPointSize(size * 0.85)
        title_fmt = QTextCharFormat()
        title_fmt.setFontPointSize(size * 1.35)
        title_fmt.setFontWeight(QFont.Weight.Bold)
        # A headline kept as the text's first paragraph (annotations.headline) is shown there, in bold;
        # only a title the text does not hold gets a header line of its own.
        headline = headline_length(self.meta)
        shown_title = self.title if self.title and not headline else None
        if shown_title:
            block(shown_title.replace("\n", " "), title_fmt, self.gap)
        header = self.header_line()
        if header:
            block(header, muted, self.gap * 0.3)
        if shown_title or header:
            # An empty spacer paragraph keeps the body's first line clear of the header.
            block("", muted, 0, doc_dir)

        body_base = 0
        body = display_text(self.text)
        lines = body.split("\n")
        self.directions = []
        self.line_starts: list[int] = []  # body offset where each paragraph starts
        pos = 0
        for line in lines:
            self.line_starts.append(pos)
            pos += len(line) + 1
        for i, line in enumerate(lines):
            direction = paragraph_direction(line, doc_dir, opts.direction_override)
            self.directions.append(direction)
            block(line, title_fmt if i == 0 and headline else plain, self.gap, direction)
            if i == 0:
                body_base = cursor.block().position()
                self.first_body_block = cursor.block().blockNumber()
        self.last_body_block = self.qdoc.blockCount() - 1
        if opts.show_removed:
            removed = removed_lines(self.meta)
            if removed:
                heading = QCoreApplication.translate("ReaderDocument", "Lines removed at ingestion:")
                block(heading, muted, self.gap * 2, doc_dir)
                for line in removed:
                    block(line.replace("\n", " "), muted, self.gap * 0.3)
        cursor.endEditBlock()
        self.positions = PositionMap(self.text, body_base)
        expected = body_base + self.positions.qt_length
        if self.body_end_qt() != expected:  # pragma: no cover - would mean Qt changed the text
            raise RuntimeError(f"reader document lost characters: body ends at {self.body_end_qt()}, "
                               f"expected {expected}")
        self.invisibles = [(self.positions.to_qt(m.start()), INVISIBLES[m.group()])
                           for m in _INVISIBLE_RE.finditer(self.text)]

    def header_line(self) -> str:
        """Metadata shown under the title: publication date, source and address."""
        parts = [str(self.meta[k]) for k in ("published", "date", "source", "url") if self.meta.get(k)]
        return "  ·  ".join(dict.fromkeys(parts))

    # -- queries ---------------------------------------------------------------------------------------
    def body_end_qt(self) -> int:
        last = self.qdoc.findBlockByNumber(self.last_body_block)
        return last.position() + last.length() - 1

    def body_blocks(self) -> range:
        return range(self.first_body_block, self.last_body_block + 1)

    def block_of(self, offset: int) -> QTextBlock:
        """The block holding body code-point ``offset``."""
        return self.qdoc.findBlock(self.positions.to_qt(offset))

    def block_number_of(self, offset: int) -> int:
        """Block number of the paragraph holding body code-point ``offset`` (no Qt call)."""
        return self.first_body_block + bisect_right(self.line_starts, offset) - 1

    def set_width(self, width: float) -> None:
        """Lay the document out for ``width`` pixels (line breaks and geometry are ready afterwards)."""
        self.qdoc.setTextWidth(width)
        self.qdoc.documentLayout().documentSize()
