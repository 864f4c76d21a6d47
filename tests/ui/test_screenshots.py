"""Screenshots of the sample article with spans in both interface languages and both themes.

They are written to /tmp/shots/ for review by eye; the assertions check what can be checked by code:
the Arabic interface is mirrored, the theme colours the page, and each span's boxes carry its colour.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from annotations import Project
from ui.window.app import install_language, seed_sample
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
SHOTS = Path("/tmp/shots")
SPANS = [("إسطنبول", "GPE", 1), ("تركيا", "GPE", 0), ("وزير الخارجية التركي هاكان فيدان", "PER", 0),
         ("هاكان فيدان", "PER", 0), ("Hakan Fidan", "PER", 0), ("17 سبتمبر/أيلول 2023", "TIME", 0),
         ("الأمم المتحدة", "ORG", 0), ("اجتماعاً", "Contact.Meet", 0), ("250 مليون دولار", "VALUE", 0)]


@pytest.fixture
def annotated():
    project = Project.memory()
    doc = seed_sample(project)
    text = project.document(doc).text
    for part, label, occurrence in SPANS:
        i = -1
        for _ in range(occurrence + 1):
            i = text.index(part, i + 1)
        project.add_span(doc, i, i + len(part), label)
    yield project, doc
    project.close()
    install_language("en")
    app = QApplication.instance()
    app.setPalette(app.style().standardPalette())


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshot(qtbot, annotated, language, theme):
    project, doc = annotated
    install_language(language)
    win = MainWindow(project)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.actions.dark_theme.setChecked(theme == "dark")
    win.open_document(doc)
    QApplication.processEvents()  # palette change events; the events dock is built after the first show
    QApplication.processEvents()  # ...and its tab laid out
    nested = next(s.id for s in project.spans(doc) if s.text == "هاكان فيدان")
    win.reader.select_span(nested)
    win.reader.viewport().repaint()
    SHOTS.mkdir(parents=True, exist_ok=True)
    image = win.grab().toImage()
    assert image.save(str(SHOTS / f"sample_{language}_{theme}.png"))

    reader_x = win.reader.mapTo(win, QPoint(0, 0)).x()
    list_x = win.doc_list.mapTo(win, QPoint(0, 0)).x()
    assert (list_x > reader_x) == (language == "ar"), "the Arabic interface must be mirrored"
    page = QColor(win.reader.viewport().grab().toImage().pixel(5, 5))
    assert (page.lightness() < 80) == (theme == "dark")
    assert (win.palette().color(win.backgroundRole()).lightness() < 80) == (theme == "dark")
    viewport = win.reader.viewport().grab().toImage()
    scroll = win.reader.verticalScrollBar().value()
    for span in project.spans(doc):
        color = QColor(project.schema.color_of(span.label))
        for box in win.reader.painter.rects(span.id):
            # sample just below the box's top edge, between glyphs' ascenders: the fill shows there
            x, y = int(box.rect.center().x()), int(box.rect.top() + 2 - scroll)
            if not (0 <= y < viewport.height()):
                continue
            px = QColor(viewport.pixel(x, y))
            hue_match = abs(px.hslHue() - color.hslHue()) < 25 or color.hslSaturation() < 40
            assert hue_match and px != page, (span.text, span.label, px.name(), color.name())
