"""The find panel: Arabic-normalised search in the current document or across the corpus, with results."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotations import Document
from annotations.search import Hit, hits_in, search_documents

MAX_HITS = 2000
TYPING_DELAY_MS = 250  # search this long after the last key press (Enter searches at once)


class FindPanel(QWidget):
    """Query box, scope (this document / all documents) and a list of hits; activating a hit jumps to it.

    Signals:
        hit_activated(str, int, int): document id, start, end (code points).
        hits_changed(str, object): document id and its ``[(start, end)]`` hits to outline in the reader.
    """

    hit_activated = Signal(str, int, int)
    hits_changed = Signal(str, object)

    DOCUMENT, CORPUS = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current_doc: Callable[[], Document | None] = lambda: None
        self._corpus: Callable[[], Iterable[Document]] = lambda: ()
        self.hits: list[Hit] = []
        self.query_edit = QLineEdit(self)
        self.query_edit.setPlaceholderText(self.tr("Find (diacritics, tatweel and letter variants ignored)"))
        self.query_edit.setClearButtonEnabled(True)
        self.scope_box = QComboBox(self)
        self.scope_box.addItem(self.tr("This document"))
        self.scope_box.addItem(self.tr("All documents"))
        self.whole_word = QCheckBox(self.tr("Whole word"), self)
        self.results = QListWidget(self)
        self.count_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.query_edit, 1)
        top.addWidget(self.scope_box)
        top.addWidget(self.whole_word)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.count_label)
        layout.addWidget(self.results, 1)
        self.typing_timer = QTimer(self)
        self.typing_timer.setSingleShot(True)
        self.typing_timer.setInterval(TYPING_DELAY_MS)
        self.typing_timer.timeout.connect(self.run)
        self.query_edit.textEdited.connect(lambda _t: self.typing_timer.start())  # as you type, debounced
        self.query_edit.returnPressed.connect(self.run)
        self.scope_box.currentIndexChanged.connect(lambda _i: self.run())
        self.whole_word.toggled.connect(lambda _b: self.run())
        self.results.itemActivated.connect(self._on_item)
        self.results.itemClicked.connect(self._on_item)

    def set_sources(self, current_doc: Callable[[], Document | None],
                    corpus: Callable[[], Iterable[Document]]) -> None:
        """Where to search: a callable giving the open document, one giving all documents."""
        self._current_doc, self._corpus = current_doc, corpus

    def focus_query(self, scope: int) -> None:
        self.scope_box.setCurrentIndex(scope)
        self.query_edit.setFocus()
        self.query_edit.selectAll()

    def run(self) -> list[Hit]:
        """Search now and fill the results list."""
        self.typing_timer.stop()
        query = self.query_edit.text()
        self.results.clear()
        self.hits = []
        doc = self._current_doc()
        if query.strip():
            whole = self.whole_word.isChecked()
            if self.scope_box.currentIndex() == self.DOCUMENT:
                if doc is not None:
                    self.hits = hits_in(doc.id, doc.title, doc.text, query, whole_word=whole)[:MAX_HITS]
            else:
                self.hits = list(search_documents(self._corpus(), query, whole_word=whole, limit=MAX_HITS))
        # Documents that share a title (the same story from several feeds) are told apart by their id.
        ids_per_title: defaultdict[str, set[str]] = defaultdict(set)
        for hit in self.hits:
            ids_per_title[hit.title or ""].add(hit.doc_id)
        for hit in self.hits:
            title = hit.title or hit.doc_id
            if len(ids_per_title[hit.title or ""]) > 1 and hit.title:
                title = f"{title} [{hit.doc_id}]"
            where = f"{title} · " if self.scope_box.currentIndex() == self.CORPUS else ""
            item = QListWidgetItem(f"{where}{hit.before}【{hit.match}】{hit.after}")
            item.setData(Qt.ItemDataRole.UserRole, (hit.doc_id, hit.start, hit.end))
            item.setToolTip(f"{hit.title or ''} [{hit.doc_id}] {hit.start}–{hit.end}")
            self.results.addItem(item)
        self.count_label.setText(self.tr("%n match(es)", "", len(self.hits)))
        if doc is not None:
            self.hits_changed.emit(doc.id, [(h.start, h.end) for h in self.hits if h.doc_id == doc.id])
        return self.hits

    def activate(self, row: int) -> None:
        item = self.results.item(row)
        if item is not None:
            self.results.setCurrentRow(row)
            self._on_item(item)

    def _on_item(self, item: QListWidgetItem) -> None:
        doc_id, start, end = item.data(Qt.ItemDataRole.UserRole)
        self.hit_activated.emit(doc_id, start, end)
