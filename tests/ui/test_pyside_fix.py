"""The PySide6 None-refcount workaround keeps long GUI sessions alive."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget

from ui.common import pyside_fix


def test_many_void_calls_do_not_exhaust_none(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    for i in range(30_000):  # None starts with ~5,000 references: this aborted the process before the fix
        widget.resize(10 + i % 3, 10)
    assert sys.getrefcount(None) > 0
    if sys.version_info < (3, 12) and pyside_fix.none_refcount_leak() > 0:
        assert pyside_fix.APPLIED
