"""Reader rendering tests: visual order vs the Unicode Bidi Algorithm, shaping, span boxes, offsets."""

from __future__ import annotations

import unicodedata

import bidi
import bidi.algorithm as uba
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextLine

from ui.reader.reader import ReaderView
from ui.reader.span_painter import SpanItem, SpanPainter
from ui.reader.textdoc import ReaderDocument, ReaderOptions

TRICKY = [
    'قال وزير الخارجية التركي هاكان فيدان (Hakan Fidan) إن "التعاون هو الطريق".',
    "عقد الاجتماع يوم 17 سبتمبر/أيلول 2023، بحضور 12 وزيراً.",
    "- ℃ 11 تركيا",
    "- 17.09.2023, 14:30",
    "CNN Türk: نقلت القناة عن مصدر أن الاتفاق بقيمة 250 مليون دولار.",
    "«قال» الكرملين (Kremlin) إن العدد ١٢٣ أو ۴۵۶ شخصاً في 4 أكتوبر/تشرين الأول.",
    "در سال ۱۴۰۲ و ۲۰۲۳ میلادی (Tehran) گفت.",
    'قال: "مرحباً (Hello world) ثم" غادر [UN-2023].',
    "Boğaziçi University (UN) 2023 «جامعة»",
]
ISOLATED = "قال \u2066Hakan Fidan, 2023 (v2)\u2069 أمس."


def _skip(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in ("Mn", "Cf")


def qt_visual_order(rdoc: ReaderDocument, line_no: int) -> list[int]:
    """Indices of a body line's characters sorted by their x centre in Qt's layout."""
    block = rdoc.qdoc.findBlockByNumber(rdoc.first_body_block + line_no)
    layout = block.layout()
    assert layout.lineCount() == 1, "test lines must not wrap"
    line = layout.lineAt(0)
    text = rdoc.text.split("\n")[line_no]
    line_start = sum(len(t) + 1 for t in rdoc.text.split("\n")[:line_no])
    centres = []
    for i, ch in enumerate(text):
        if _skip(ch):
            continue
        q = rdoc.positions.to_qt(line_start + i) - block.position()
        # The glyph's own box orders characters; the caret edges break ties inside a ligature (lam-alef),
        # where Qt spreads the characters over the one glyph.
        runs = line.glyphRuns(q, 1)
        xs = [p.x() for run in runs for p in run.positions()]
        lead = line.cursorToX(q, QTextLine.Edge.Leading)[0]
        trail = line.cursorToX(q, QTextLine.Edge.Trailing)[0]
        glyph = round(sum(xs) / len(xs), 1) if xs else (lead + trail) / 2
        centres.append((glyph, (lead + trail) / 2, i))
    return [i for _, _, i in sorted(centres)]


def uba_visual_order(text: str, base: str) -> list[int]:
    """Reference left-to-right order from python-bidi's pure-Python UBA (levels, then rule L2)."""
    storage = uba.get_empty_storage()
    storage["base_level"] = uba.PARAGRAPH_LEVELS[base]
    storage["base_dir"] = base
    uba.get_embedding_levels(text, storage)
    for i, ch in enumerate(storage["chars"]):
        ch["idx"] = i
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    return [c["idx"] for c in storage["chars"] if not _skip(text[c["idx"]])]


def _wide_doc(text: str) -> ReaderDocument:
    rdoc = ReaderDocument(text, meta={"direction": "rtl"}, options=ReaderOptions())
    rdoc.set_width(4000)
    return rdoc


def test_visual_order_matches_the_unicode_bidi_algorithm(qapp):
    rdoc = _wide_doc("\n".join(TRICKY))
    for n, line in enumerate(TRICKY):
        base = "R" if rdoc.directions[n] == "rtl" else "L"
        assert qt_visual_order(rdoc, n) == uba_visual_order(line, base), line
    # sensitivity: with the wrong base direction the reference order differs from what Qt shows
    assert qt_visual_order(rdoc, 0) != uba_visual_order(TRICKY[0], "L")
    assert qt_visual_order(rdoc, 4) != uba_visual_order(TRICKY[4], "L")


def test_isolate_line_matches_the_rust_reference(qapp):
    rdoc = _wide_doc(ISOLATED)
    order = qt_visual_order(rdoc, 0)
    qt_string = "".join(ISOLATED[i] for i in order)
    # rust unicode-bidi implements isolates; it does not mirror brackets, and neither does this comparison.
    reference = bidi.get_display(ISOLATED, base_dir="R")
    assert qt_string == "".join(c for c in reference if not _skip(c))


def test_directions_and_alignment_per_paragraph(qapp):
    rdoc = _wide_doc("\n".join(TRICKY))
    assert rdoc.directions[3] == "rtl"  # neutral-led line takes the document direction
    assert rdoc.directions[4] == "rtl"  # Latin-led line in an Arabic article
    assert rdoc.directions[8] == "rtl"  # mixed, settled by the document
    for n, direction in enumerate(rdoc.directions):
        block = rdoc.qdoc.findBlockByNumber(rdoc.first_body_block + n)
        line = block.layout().lineAt(0)
        rect = line.naturalTextRect()
        if direction == "rtl":  # right-aligned: the text ends at the right margin
            assert rect.right() == pytest.approx(line.width(), abs=1.0)
            assert block.textDirection() == Qt.LayoutDirection.RightToLeft
        else:
            assert rect.left() == pytest.approx(0, abs=1.0)
    english = ReaderDocument("Intro line\n- 17.09.2023\nقال الكرملين", meta={"direction": "ltr"})
    assert english.directions == ["ltr", "ltr", "rtl"]
    forced = ReaderDocument("Hakan Fidan\nقال", options=ReaderOptions(direction_override="ltr"))
    assert forced.directions == ["ltr", "ltr"]


def _glyphs(rdoc: ReaderDocument):
    """Glyph ids and positions of the first body paragraph, run by run."""
    layout = rdoc.qdoc.findBlockByNumber(rdoc.first_body_block).layout()
    out = []
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        for run in line.glyphRuns(line.textStart(), line.textLength()):
            positions = [(round(p.x(), 2), round(p.y(), 2)) for p in run.positions()]
            out.append((list(run.glyphIndexes()), positions))
    assert out, "no glyphs laid out"
    return out


def test_span_inside_a_word_does_not_change_shaping(qtbot):
    text = "اجتمعوا بإسطنبول أمس"
    start = text.index("إسطنبول")
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.set_document(text)
    view.show()
    view.viewport().repaint()
    before = _glyphs(view.rdoc)
    view.add_span(SpanItem("d:T1", start, start + 7, "GPE", "#a5d6a7"))
    view.viewport().repaint()
    image_with = view.viewport().grab().toImage()
    assert _glyphs(view.rdoc) == before
    assert view.rdoc.qdoc.toPlainText() == text
    view.remove_span("d:T1")
    view.viewport().repaint()
    assert _glyphs(view.rdoc) == before
    assert image_with != view.viewport().grab().toImage()  # the span was really painted

    # The check is sensitive: the naive way (a character format on part of the word) changes the glyphs.
    naive = ReaderDocument(text)
    naive.set_width(600)
    plain = _glyphs(naive)
    cursor = QTextCursor(naive.qdoc)
    cursor.setPosition(naive.positions.to_qt(start))
    cursor.setPosition(naive.positions.to_qt(start + 7), QTextCursor.MoveMode.KeepAnchor)
    fmt = QTextCharFormat()
    fmt.setForeground(QColor("#ff0000"))
    cursor.mergeCharFormat(fmt)
    naive.set_width(601)
    assert _glyphs(naive) != plain


def test_span_box_covers_only_its_glyphs(qapp):
    text = "اجتمعوا بإسطنبول أمس"
    rdoc = _wide_doc(text)
    painter = SpanPainter(rdoc)
    w = text.index("بإسطنبول")
    painter.set_spans([SpanItem("s", w + 1, w + 8, "GPE", "#00ff00"),
                       SpanItem("w", w, w + 8, "X", "#ff0000")])
    (inner,) = painter.rects("s")
    (whole,) = painter.rects("w")
    # RTL: the word's first letter ب is at the right; the span without it ends left of the word's edge.
    assert inner.rect.left() == pytest.approx(whole.rect.left(), abs=0.5)
    assert inner.rect.right() < whole.rect.right() - 3
    assert painter.level("w") == 0 and painter.level("s") == 1
    assert painter.span_at(inner.rect.center()) == "s"  # innermost wins
    assert painter.span_at(QPointF(whole.rect.right() - 1, whole.rect.center().y())) == "w"


def test_span_across_a_direction_boundary_paints_several_boxes(qapp):
    text = "قال Hakan Fidan اليوم"
    rdoc = _wide_doc(text)
    painter = SpanPainter(rdoc)
    painter.set_spans([SpanItem("x", 0, text.index(" Fidan"), "PER", "#ffd54f"),
                       SpanItem("f", text.index("Fidan"), text.index(" اليوم"), "PER", "#ffd54f"),
                       SpanItem("q", 0, 3, "PER", "#ffd54f")])
    boxes = sorted((r.rect for r in painter.rects("x")), key=lambda r: r.left())
    fidan = painter.rects("f")[0].rect
    qal = painter.rects("q")[0].rect
    assert len(boxes) == 2
    hakan, arabic = boxes
    # the Arabic box holds "قال" and the space after it (resolved right-to-left, so to its left)
    assert arabic.right() == pytest.approx(qal.right()) and arabic.left() < qal.left()
    assert hakan.right() <= fidan.left() + 0.5  # "Hakan" is left of "Fidan"; the box skips Fidan
    assert fidan.right() <= arabic.left() + 0.5


def test_offsets_with_non_bmp_and_crlf(qtbot):
    text = "😀 قال\r\nبإسطنبول 𝐀 ok"
    view = ReaderView()
    qtbot.addWidget(view)
    view.set_document(text, title="عنوان", meta={"published": "2023-09-17"})
    start = text.index("إسطنبول")
    view.select_range(start, start + 7)
    assert view.selected_range() == (start, start + 7)
    assert view.textCursor().selectedText() == "إسطنبول"
    end = text.index("ok") + 2
    view.select_range(text.index("𝐀"), end)
    assert view.selected_range() == (text.index("𝐀"), end)


def test_odd_separators_keep_offsets_and_paragraph_index(qtbot):
    text = "قال\u2029ثم\rمضى\u2028سطر\x0bx\nإسطنبول"
    view = ReaderView()
    qtbot.addWidget(view)
    view.set_document(text, title="ع")
    start = text.index("إسطنبول")
    view.select_range(start, start + 7)
    assert view.textCursor().selectedText() == "إسطنبول"
    assert view.selected_range() == (start, start + 7)
    view.add_span(SpanItem("t", start, start + 7, "GPE", "#a5d6a7"))
    block = view.rdoc.block_of(start)
    assert view.rdoc.block_number_of(start) == block.blockNumber()
    assert view.painter.rects("t")[0].block == block.blockNumber()


def test_invisible_characters_get_marks_without_changing_offsets(qtbot):
    text = "قال\u200f \u2066Fidan\u2069\u00a0أمس"
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(500, 200)
    view.set_document(text)
    names = [name for _, name in view.rdoc.invisibles]
    assert names == ["RLM", "LRI", "PDI", "NBSP"]
    view.show()
    plain = view.viewport().grab().toImage()
    view.set_show_marks(True)
    assert view.viewport().grab().toImage() != plain
    s = text.index("Fidan")
    view.select_range(s, s + 5)
    assert view.selected_range() == (s, s + 5)


def test_removed_lines_on_demand_keep_body_offsets(qtbot):
    view = ReaderView()
    qtbot.addWidget(view)
    removed = ["- تم نسخ الرابط", {"line": 9, "text": "إعلان"}]
    view.set_document("نص المقال", title="عنوان", meta={"removed": removed})
    base = view.rdoc.positions.base
    assert "تم نسخ" not in view.rdoc.qdoc.toPlainText()
    view.set_show_removed(True)
    assert "تم نسخ الرابط" in view.rdoc.qdoc.toPlainText() and "9: إعلان" in view.rdoc.qdoc.toPlainText()
    assert view.rdoc.positions.base == base
    view.select_range(3, 9)
    assert view.selected_range() == (3, 9)


def test_zoom_theme_and_line_gap_keep_spans(qtbot):
    view = ReaderView()
    qtbot.addWidget(view)
    view.set_document("شهدت إسطنبول اجتماعاً", spans=[SpanItem("a", 5, 12, "GPE", "#a5d6a7")])
    h = view.rdoc.qdoc.size().height()
    with qtbot.waitSignal(view.zoom_changed):
        view.zoom_in()
    assert view.rdoc.qdoc.size().height() > h
    view.set_theme("dark")
    view.set_line_gap(1.0)
    assert view.painter.item("a") is not None
    assert view.viewport().palette().color(view.viewport().backgroundRole()).lightness() < 80
