"""A minimal main window for the events tests, built only from the reader's public API.

It offers what ``install_events`` needs (``reader``, ``project``, ``current_doc_id``, ``undo_stack``,
``document_changed``) and mirrors the project's spans into the reader the way the real main window
must, so the events tests do not depend on the main window being finished.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from annotations import Project
from ui.reader.reader import ReaderView
from ui.reader.span_painter import SpanItem

MEETING = ('شهدت إسطنبول اجتماعاً بين ممثلي الاتحاد الأوروبي والولايات المتحدة وروسيا بشأن صراع منطقة '
           '"قره باغ" الأذربيجانية في سبتمبر/أيلول 2023')


def rng(text: str, part: str, start: int = 0) -> tuple[int, int]:
    """Offsets of ``part`` in ``text`` (code points)."""
    i = text.index(part, start)
    return i, i + len(part)


class HostWindow(QMainWindow):
    document_changed = Signal(str)

    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.reader = ReaderView()
        self.setCentralWidget(self.reader)
        self.undo_stack = QUndoStack(self)
        self.current_doc_id: str | None = None
        project.subscribe(lambda _change: self.show_spans())

    def open_document(self, doc_id: str) -> None:
        doc = self.project.document(doc_id)
        self.current_doc_id = doc_id
        self.reader.set_document(doc.text, doc.title, doc.meta)
        self.show_spans()
        self.document_changed.emit(doc_id)

    def show_spans(self) -> None:
        if self.current_doc_id is None or self.current_doc_id not in {d.id for d in self.project.documents()}:
            return
        schema = self.project.schema
        items = [SpanItem(s.id, s.start, s.end, s.label, schema.color_of(s.label),
                          "trigger" if schema.event(s.label) else "entity")
                 for s in self.project.spans(self.current_doc_id)]
        self.reader.set_spans(items)
