"""Highlights never change what a word looks like: no glyph pixel is painted over, boxes sit on real glyphs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from ui.reader.span_painter import SpanItem, SpanPainter, paint_document
from ui.reader.textdoc import ReaderDocument, ReaderOptions

# Words with dots (and a tail) below the baseline: ي ب ج پ
WORDS = ["ممثلي", "الأوروبي", "ديمتري", "بجپ", "جيب"]
TEXT = "قال " + " ".join(WORDS) + " أمس."
COLORS = ["#ef9a9a", "#90caf9", "#a5d6a7", "#ffe082", "#ce93d8"]


def _image(rdoc: ReaderDocument, painter: SpanPainter) -> QImage:
    size = rdoc.qdoc.size()
    img = QImage(int(size.width()), int(size.height()) + 20, QImage.Format.Format_ARGB32)
    p = QPainter(img)
    paint_document(p, rdoc, painter, QRectF(0, 0, img.width(), img.height()))
    p.end()
    return img


def _dark(c: QColor) -> bool:
    return c.lightness() < 90


def _lost_ink(plain: QImage, marked: QImage, box: QRectF) -> tuple[int, int, int]:
    """(ink pixels in the box, of those the ones no longer ink-coloured, pixels changed at all)."""
    ink = lost = changed = 0
    for y in range(int(box.top()), int(box.bottom()) + 1):
        for x in range(int(box.left()), int(box.right()) + 1):
            before, after = QColor(plain.pixel(x, y)), QColor(marked.pixel(x, y))
            changed += before != after
            if _dark(before):
                ink += 1
                diff = max(abs(before.red() - after.red()), abs(before.green() - after.green()),
                           abs(before.blue() - after.blue()))
                lost += diff > 40
    return ink, lost, changed


@pytest.mark.parametrize("zoom", [1.0, 1.6])
@pytest.mark.parametrize("kind", ["entity", "trigger"])
def test_span_lines_never_paint_over_the_dots_below(qapp, zoom, kind):
    rdoc = ReaderDocument(TEXT, meta={"direction": "rtl"}, options=ReaderOptions(zoom=zoom))
    rdoc.set_width(2000)
    plain = _image(rdoc, SpanPainter(rdoc))
    painter = SpanPainter(rdoc)
    items = []
    for i, (word, color) in enumerate(zip(WORDS, COLORS, strict=True)):
        start = TEXT.index(word)
        items.append(SpanItem(f"w{i}", start, start + len(word), "X", color, kind))
    # two outer spans stack nesting rows under the words; one span is selected, one range previewed
    first, last = TEXT.index(WORDS[0]), TEXT.index(WORDS[-1]) + len(WORDS[-1])
    items += [SpanItem("outer", first, last, "Y", "#80cbc4"), SpanItem("outer2", first, last, "Z", "#bcaaa4")]
    painter.set_spans(items)
    painter.set_selected("w1")
    painter.set_preview((TEXT.index(WORDS[2]), TEXT.index(WORDS[2]) + len(WORDS[2])))
    marked = _image(rdoc, painter)
    for i, word in enumerate(WORDS):
        (box,) = painter.rects(f"w{i}")
        ink, lost, changed = _lost_ink(plain, marked, box.rect)
        assert ink > 20, f"{word}: no glyph found in its box"
        assert changed > 0, f"{word}: the span was not painted"
        assert lost == 0, f"{word} ({kind}, zoom {zoom}): {lost} of {ink} glyph pixels painted over"


def test_the_ink_check_sees_a_line_through_the_dots(qapp):
    """The check above can fail: a bar at the old underline height (0.45 descent) does cover dots."""
    rdoc = ReaderDocument(TEXT, meta={"direction": "rtl"}, options=ReaderOptions())
    rdoc.set_width(2000)
    painter = SpanPainter(rdoc)
    plain = _image(rdoc, painter)
    start = TEXT.index("ممثلي")
    painter.set_spans([SpanItem("w", start, start + 5, "X", "#ef9a9a")])
    (box,) = painter.rects("w")
    line = rdoc.qdoc.findBlockByNumber(box.block).layout().lineAt(box.line)
    marked = plain.copy()
    p = QPainter(marked)
    y = box.rect.top() + line.ascent() + line.descent() * 0.45
    p.fillRect(QRectF(round(box.rect.left() + 1), round(y), round(box.rect.width() - 2), 2), QColor("#ef9a9a"))
    p.end()
    assert _lost_ink(plain, marked, box.rect)[1] > 0


def _span(rdoc: ReaderDocument, text: str, start: int, end: int) -> list[QRectF]:
    painter = SpanPainter(rdoc)
    painter.set_spans([SpanItem("s", start, end, "PER", "#ffd54f")])
    return sorted((r.rect for r in painter.rects("s")), key=lambda r: r.left())


@pytest.mark.parametrize("text, visible", [
    ("قال \u2066Hakan Fidan (2023)\u2069 إن الاجتماع", "Hakan Fidan (2023)"),
    ("قال \u2067هاكان فيدان\u2069 إن", "هاكان فيدان"),
    ("قال \u200fHakan\u200f إن", "Hakan"),
    ("قال \u200bالرئيس\u200b إن", "الرئيس"),
    ("قال \u200e\u2066Hakan Fidan\u2069\u200e، إن", "Hakan Fidan"),
    ("قال \ufeffالرئيس\u2060 إن", "الرئيس"),
])
def test_invisible_characters_at_a_span_edge_add_no_width(qapp, text, visible):
    rdoc = ReaderDocument(text, meta={"direction": "rtl"}, options=ReaderOptions())
    rdoc.set_width(2000)
    v = text.index(visible)
    start = v
    while text[start - 1] != " ":
        start -= 1
    end = v + len(visible)
    while text[end] not in " ،":
        end += 1
    with_controls = _span(rdoc, text, start, end)
    glyphs_only = _span(rdoc, text, v, v + len(visible))
    assert len(with_controls) == len(glyphs_only)
    for a, b in zip(with_controls, glyphs_only, strict=True):
        assert a.left() == pytest.approx(b.left(), abs=0.5) and a.right() == pytest.approx(b.right(), abs=0.5)
    # and the box reaches over no neighbouring glyph: قال before it, the word after it
    qal = _span(rdoc, text, 0, 3)
    after = text.rindex(" ") + 1
    neighbour = _span(rdoc, text, after, len(text))
    for box in with_controls:
        for other in qal + neighbour:
            assert box.right() <= other.left() + 0.5 or other.right() <= box.left() + 0.5


def test_the_chip_of_an_isolated_name_sits_on_the_name(qapp):
    text = "وقال وزير الخارجية \u2066Hakan Fidan (2023)\u2069 إن"
    rdoc = ReaderDocument(text, meta={"direction": "rtl"}, options=ReaderOptions())
    rdoc.set_width(2000)
    painter = SpanPainter(rdoc)
    s, e = text.index("\u2066"), text.index("\u2069") + 1
    painter.set_spans([SpanItem("s", s, e, "PER", "#ffd54f"), SpanItem("q", 0, 4, "X", "#ef9a9a")])
    (name,) = painter.rects("s")
    chip = painter.chip_rect("s")
    assert chip is not None
    assert name.rect.left() - 0.5 <= chip.left() and chip.right() <= name.rect.right() + 0.5
    (qal,) = painter.rects("q")
    assert chip.right() <= qal.rect.left() or chip.left() >= qal.rect.right()


def test_a_span_of_invisible_characters_only_has_no_width(qapp):
    text = "قال \u2066\u2069 إن"
    rdoc = ReaderDocument(text, meta={"direction": "rtl"}, options=ReaderOptions())
    rdoc.set_width(2000)
    (box,) = _span(rdoc, text, 4, 6)
    assert box.width() <= 1.0


def test_render_output_keeps_the_dots_under_the_span_lines(qapp, tmp_path):
    """``main.py render`` (PNG at scale 2) loses no glyph pixel of ي-words to span lines either."""
    from annotations import Project
    from ui.reader.render import render_document

    images = {}
    for name, with_spans in (("plain", False), ("spans", True)):
        project = Project.memory()
        doc = project.add_document(TEXT, title="ي", meta={"direction": "rtl"})
        if with_spans:
            for word in WORDS:
                start = TEXT.index(word)
                project.add_span(doc, start, start + len(word), "PER")
            project.add_span(doc, TEXT.index(WORDS[0]), TEXT.index(WORDS[2]) + len(WORDS[2]), "ORG")
        render_document(project, doc, tmp_path / f"{name}.png", width=1400, scale=2.0)
        images[name] = QImage(str(tmp_path / f"{name}.png"))
        project.close()
    rdoc = ReaderDocument(TEXT, "ي", {"direction": "rtl"}, ReaderOptions())  # the render's layout
    rdoc.set_width(1400)
    painter = SpanPainter(rdoc)
    for word in WORDS:
        start = TEXT.index(word)
        painter.add(SpanItem(word, start, start + len(word), "PER", "#ffd54f"))
    boxes = {word: painter.rects(word)[0].rect for word in WORDS}
    for word, box in boxes.items():
        scaled = QRectF(box.left() * 2, box.top() * 2, box.width() * 2, box.height() * 2)
        ink, lost, changed = _lost_ink(images["plain"], images["spans"], scaled)
        assert ink > 40 and changed > 0
        assert lost == 0, f"{word}: {lost} of {ink} glyph pixels painted over in the render"
