"""Tests for ui.reader.positions: code points ↔ Qt UTF-16 positions, checked against a real QTextDocument."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from ui.reader.positions import PositionMap, qt_length

MIXED = "إسطنبول 😀 𝐀𝐁 ok"  # emoji and U+1D400, U+1D401


def test_non_bmp_characters_take_two_qt_positions():
    pm = PositionMap(MIXED)
    assert qt_length(MIXED) == len(MIXED) + 3
    assert pm.to_qt(8) == 8 and pm.to_qt(9) == 10  # after the emoji
    assert pm.to_qt(11) == 13 and pm.to_qt(len(MIXED)) == len(MIXED) + 3
    assert pm.to_offset(9) == 8  # inside the emoji's surrogate pair: rounds down
    assert pm.to_offset(10) == 9
    assert pm.range_to_offsets(9, 12) == (8, 11)


def test_base_offset_for_a_header():
    pm = PositionMap("😀ب", base=5)
    assert pm.to_qt(0) == 5 and pm.to_qt(1) == 7 and pm.to_offset(7) == 1 and pm.to_offset(0) == 0
    assert pm.contains_qt(8) and not pm.contains_qt(4)


def test_matches_qt_cursor_selection(qapp):
    doc = QTextDocument()
    doc.setPlainText(MIXED)
    pm = PositionMap(MIXED)
    start, end = MIXED.index("𝐀"), MIXED.index("𝐁") + 1
    cursor = QTextCursor(doc)
    cursor.setPosition(pm.to_qt(start))
    cursor.setPosition(pm.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == MIXED[start:end]
    assert pm.range_to_offsets(cursor.selectionStart(), cursor.selectionEnd()) == (start, end)


@given(st.text(alphabet=st.sampled_from(list("بس a") + ["😀", "\U0001d400", "\U0010fffd"]), max_size=30))
def test_round_trip(text):
    pm = PositionMap(text)
    utf16 = text.encode("utf-16-le")
    for i in range(len(text) + 1):
        q = pm.to_qt(i)
        assert utf16[: 2 * q].decode("utf-16-le") == text[:i]
        assert pm.to_offset(q) == i
    for q in range(pm.qt_length + 1):
        assert pm.to_qt(pm.to_offset(q)) <= q
