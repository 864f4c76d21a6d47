"""Selection → span with real mouse drags: what the reader outlines before the key press is what is stored.

Each flow presses, moves and releases the mouse on the reader's viewport at the caret positions of the
laid-out text (``cursorRect`` of the first and last boundary), never by setting the selection, then presses
the key and checks the stored ``text[start:end]``.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from annotations import Project
from ui.events.event_picker import EventTypePicker
from ui.events.role_picker import RolePicker
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

DOC = ("قال الوزير إن الوفد زار بإسطنبول وموسكو فأنقرة كدمشق لبيروت وسيزور القاهرة سيقول والكرملين "
       "للمدينة كتابهم إن ممثلي الاتحاد الأوروبي عقدوا اجتماعاً مع Hakan Fidan أمس.")


@pytest.fixture
def window(qtbot, tmp_path):
    project = Project.open(tmp_path / "proj", create=True)
    doc = project.add_document(DOC, title="وفد")
    win = MainWindow(project)
    qtbot.addWidget(win)
    win.resize(1100, 700)
    win.show()
    qtbot.waitExposed(win)
    win.open_document(doc)
    win.activateWindow()
    win.reader.setFocus()
    yield win
    if win.events is not None:
        win.events.finish_event()
    project.close()


def _boundary_point(win: MainWindow, offset: int) -> QPoint:
    """Viewport point of the caret boundary before character ``offset`` (``cursorRect`` of the layout).

    Qt's hit test rounds a point on the boundary to either side, so the pixel nearest the boundary that the
    reader resolves to ``offset`` is taken: the press lands exactly where the user aims.
    """
    reader = win.reader
    cursor = QTextCursor(reader.rdoc.qdoc)
    cursor.setPosition(reader.rdoc.positions.to_qt(offset))
    rect = reader.cursorRect(cursor)
    for dx in sorted(range(-8, 9), key=abs):
        point = QPoint(rect.x() + dx, rect.center().y())
        if reader.offset_at(QPointF(point)) == offset:
            return point
    raise AssertionError(f"no pixel near the caret x of offset {offset} hits it")


def drag(qtbot, win: MainWindow, start: int, end: int) -> None:
    """Press at the boundary before ``start``, move, release at the boundary before ``end``."""
    viewport = win.reader.viewport()
    a, b = _boundary_point(win, start), _boundary_point(win, end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, 5):
        QTest.mouseMove(viewport, a + (b - a) * (i / 4))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    qtbot.wait(1)


def at(part: str, inside: str | None = None) -> tuple[int, int]:
    """Offsets of ``part`` (inside the word ``inside`` when given)."""
    base = DOC.index(inside) if inside else 0
    i = DOC.index(part, base)
    return i, i + len(part)


def label_drag(qtbot, win: MainWindow, start: int, end: int) -> str:
    """Drag, check the outlined preview, press the GPE key; the text of the one new span."""
    project, doc = win.project, win.current_doc_id
    before = {s.id for s in project.spans(doc)}
    drag(qtbot, win, start, end)
    assert win.reader.selected_range() == (start, end), "the drag did not select the intended characters"
    preview = win.reader.painter.preview
    assert preview == win.target_range()
    win.reader.setFocus()
    qtbot.keyClick(win.reader, "g")
    (new,) = [s for s in project.spans(doc) if s.id not in before]
    assert (new.start, new.end) == preview, "what was outlined is not what was stored"
    return DOC[new.start:new.end]


@pytest.mark.parametrize("stem, word", [
    ("إسطنبول", "بإسطنبول"),  # ب
    ("موسكو", "وموسكو"),  # و
    ("أنقرة", "فأنقرة"),  # ف
    ("دمشق", "كدمشق"),  # ك
    ("بيروت", "لبيروت"),  # ل
    ("يزور", "وسيزور"),  # و + س
    ("يقول", "سيقول"),  # س
    ("كرملين", "والكرملين"),  # و + ال
    ("مدينة", "للمدينة"),  # لل
    ("كتاب", "كتابهم"),  # enclitic هم
    ("ممثل", "ممثلي"),  # enclitic ي
])
def test_a_drag_that_leaves_out_a_clitic_is_stored_exactly(qtbot, window, stem, word):
    assert label_drag(qtbot, window, *at(stem, word)) == stem


def test_a_drag_over_part_of_a_word_stores_the_whole_word(qtbot, window):
    start, end = at("جتماعاً")
    assert label_drag(qtbot, window, start, end) == "اجتماعاً"
    start, end = at("لأورو")
    assert label_drag(qtbot, window, start, end) == "الأوروبي"


def test_a_drag_across_a_latin_run(qtbot, window):
    start = DOC.index("تماعاً")
    end = DOC.index("Fidan") + 3
    assert label_drag(qtbot, window, start, end) == "اجتماعاً مع Hakan Fidan"


def test_snapping_off_stores_the_drag_as_it_is(qtbot, window):
    window.actions.snap_words.setChecked(False)
    start, end = at("جتماعاً")
    assert label_drag(qtbot, window, start, end) == "جتماعاً"


def _pick_meeting(self):
    """Answer the event-type picker: Contact.Meet."""
    self.filter_edit.setText("contact meet")
    self.accept()
    return self.result()


def test_a_trigger_gets_the_same_rule(qtbot, window, monkeypatch):
    monkeypatch.setattr(EventTypePicker, "exec", _pick_meeting)
    start, end = at("جتماعاً")  # one letter short, as a drag often is
    drag(qtbot, window, start, end)
    assert window.reader.painter.preview == at("اجتماعاً")
    qtbot.keyClick(window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    (event,) = window.project.events(window.current_doc_id)
    trigger = window.project.span(event.trigger)
    assert DOC[trigger.start:trigger.end] == "اجتماعاً"


def test_an_argument_gets_the_same_rule(qtbot, window, monkeypatch):
    def role(self):
        rows = [self.role_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.role_list.count())]
        self.role_list.setCurrentRow(rows.index("Place"))
        self.label_combo.setCurrentText("GPE")
        self.accept()
        return self.result()

    monkeypatch.setattr(EventTypePicker, "exec", _pick_meeting)
    monkeypatch.setattr(RolePicker, "exec", role)
    drag(qtbot, window, *at("اجتماعاً"))
    qtbot.keyClick(window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    drag(qtbot, window, *at("إسطنبول", "بإسطنبول"))  # the ب left out on purpose
    assert window.reader.painter.preview == at("إسطنبول", "بإسطنبول")
    qtbot.keyClick(window.reader, Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    (event,) = window.project.events(window.current_doc_id)
    ((role_name, target),) = event.arguments
    span = window.project.span(target)
    assert role_name == "Place" and DOC[span.start:span.end] == "إسطنبول"


def test_the_preview_is_painted_and_follows_the_rule(qtbot, window):
    reader = window.reader
    start, end = at("جتماعاً")
    drag(qtbot, window, start, end)
    assert reader.painter.preview == at("اجتماعاً")
    reader.viewport().repaint()
    with_preview = reader.viewport().grab().toImage()
    window.actions.snap_words.setChecked(False)  # the outline follows the option at once
    assert reader.painter.preview == (start, end)
    reader.clear_selection()
    assert reader.painter.preview is None
    reader.viewport().repaint()
    assert reader.viewport().grab().toImage() != with_preview
