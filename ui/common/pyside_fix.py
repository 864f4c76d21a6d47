"""Work around PySide6 6.12.0 on Python 3.11 dropping a reference to ``None`` on every void Qt call.

Measured here: each call of a Qt method that returns nothing (``QWidget.resize``, ``QTextCursor.insertText``,
``QObject.setObjectName``...) lowers ``sys.getrefcount(None)`` by one, so after a few thousand calls
CPython aborts with "Fatal Python error: none_dealloc: deallocating None". Python 3.12+ makes ``None``
immortal, which hides the bug; on 3.11 we do the same by giving ``None`` a huge reference count, once,
and only when the bug is detected. Remove this module when PySide6 is fixed.
"""

from __future__ import annotations

import sys

_PIN = 1 << 40  # a decrement per void call: a trillion calls before it could matter


def none_refcount_leak() -> int:
    """How many references to ``None`` eight void Qt calls lose (0 on a healthy PySide6)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None)


def pin_none() -> bool:
    """Make ``None`` effectively immortal when the leak is present; returns whether it was applied."""
    if sys.version_info >= (3, 12) or none_refcount_leak() <= 0:
        return False
    import ctypes  # only when the leak is present (it is not on the pinned PySide6 6.11)

    # ob_refcnt is the first field of every object in release builds of CPython 3.11.
    ctypes.c_ssize_t.from_address(id(None)).value += _PIN
    return True


APPLIED = pin_none()
