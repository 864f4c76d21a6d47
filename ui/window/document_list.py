"""The document list: a table model over ``project.documents()`` with status/text filtering and sorting."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from annotations import DocumentInfo, Project
from annotations.model import STATUSES

Index = QModelIndex | QPersistentModelIndex


class DocumentTableModel(QAbstractTableModel):
    """Rows are documents; columns: title, date, status, number of annotations, document id."""

    TITLE, DATE, STATUS, COUNT, ID = range(5)
    N_COLUMNS = 5
    DocIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, project: Project | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._docs: list[DocumentInfo] = []
        self.project = project
        self.refresh()

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.refresh()

    def refresh(self) -> None:
        """Reload the rows from the project index (cheap: no document text is read)."""
        self.beginResetModel()
        self._docs = list(self.project.documents()) if self.project is not None else []
        self.endResetModel()

    def update_document(self, doc_id: str) -> None:
        """Refresh one row after its status or annotations changed."""
        if self.project is None:
            return
        for row, info in enumerate(self._docs):
            if info.id == doc_id:
                self._docs[row] = self.project.document_info(doc_id)
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
                return
        self.refresh()

    def doc_id(self, row: int) -> str:
        return self._docs[row].id

    def info(self, row: int) -> DocumentInfo:
        return self._docs[row]

    def row_of(self, doc_id: str) -> int:
        return next((i for i, d in enumerate(self._docs) if d.id == doc_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._docs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else self.N_COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < self.N_COLUMNS:
            return (self.tr("Title"), self.tr("Date"), self.tr("Status"), self.tr("Annotations"),
                    self.tr("Id"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._docs)):
            return None
        info = self._docs[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.TITLE:
                return info.title or self.tr("(untitled {0})").replace("{0}", info.id)
            if col == self.DATE:  # the article's date; an undated article shows none (not the import date)
                return str(info.meta.get("published") or "")
            if col == self.STATUS:
                return status_label(info.status)
            if col == self.COUNT:
                return info.n_annotations
            if col == self.ID:
                return info.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Document id: %1 (Ctrl+C copies it)").replace("%1", info.id)
        if role == Qt.ItemDataRole.EditRole:  # sort keys
            return (info.title or "", str(info.meta.get("published") or ""), info.status,
                    info.n_annotations, info.id)[col]
        if role == self.DocIdRole:
            return info.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COUNT:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def status_label(status: str) -> str:
    """Translated display name of a document status."""
    from PySide6.QtCore import QCoreApplication

    names = {
        "new": QCoreApplication.translate("DocumentList", "new"),
        "in progress": QCoreApplication.translate("DocumentList", "in progress"),
        "done": QCoreApplication.translate("DocumentList", "done"),
        "skipped": QCoreApplication.translate("DocumentList", "skipped"),
    }
    return names.get(status, status)


class DocumentFilter(QSortFilterProxyModel):
    """Filters rows by status and by Arabic-normalised text in the title; sorts on the EditRole keys."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.status: str | None = None
        self.text = ""
        self.setSortRole(Qt.ItemDataRole.EditRole)

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()  # Qt 6.10+: replaces the deprecated invalidateFilter()
        self.status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        from annotations.search import normalize  # first needed here: keeps the search module off start-up

        self.beginFilterChange()
        self.text = normalize(text.strip())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802 (Qt API)
        model = self.sourceModel()
        if not isinstance(model, DocumentTableModel):
            return True
        info = model.info(row)
        if self.status and info.status != self.status:
            return False
        if not self.text:
            return True
        from annotations.search import normalize  # imported by set_text, which set self.text

        return self.text in normalize(info.title or "")


class DocumentTable(QTableView):
    """The table; Ctrl+C copies the selected document's id (what ``main.py render`` needs), not its title."""

    copy_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.matches(QKeySequence.StandardKey.Copy):  # the view takes Copy before any shortcut
            self.copy_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class DocumentList(QWidget):
    """Filter box, status selector and the sortable table of documents.

    Signals:
        document_requested(str): the user activated a document.
    """

    document_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentTableModel(parent=self)
        self.proxy = DocumentFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter titles"))
        self.status_box = QComboBox(self)
        self.status_box.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.status_box.addItem(status_label(status), status)
        self.view = DocumentTable(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for col in range(self.model.N_COLUMNS):  # every column fits its content; the title takes the rest
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DocumentTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        # Copy the id of the selected document (what ``main.py render`` needs): Ctrl+C or the context menu.
        self.copy_id_action = QAction(self.view)  # (parent) + setText: see Actions.make
        self.copy_id_action.setText(self.tr("&Copy document id"))
        self.copy_id_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_id_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_id_action.triggered.connect(self.copy_id)
        self.view.addAction(self.copy_id_action)
        self.view.copy_requested.connect(self.copy_id)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.status_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.filter_edit.textChanged.connect(self._enable_clear_button)
        self.status_box.currentIndexChanged.connect(self._on_status_changed)
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)

    def _enable_clear_button(self, text: str) -> None:
        # The clear button only shows while there is text, so it is created with the first text: this keeps
        # loading its icon (and scanning Qt's icon and image plugins) off the start-up path.
        if text and not self.filter_edit.isClearButtonEnabled():
            self.filter_edit.setClearButtonEnabled(True)

    def set_project(self, project: Project | None) -> None:
        self.model.set_project(project)

    def select(self, doc_id: str) -> None:
        """Highlight a document's row without emitting ``document_requested``."""
        row = self.model.row_of(doc_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.view.selectRow(index.row())
            self.view.scrollTo(index)

    def current_id(self) -> str | None:
        """The id of the selected document, if any."""
        index = self.proxy.mapToSource(self.view.currentIndex())
        return self.model.doc_id(index.row()) if index.isValid() else None

    def copy_id(self) -> str | None:
        """Put the selected document's id on the clipboard; returns it."""
        doc_id = self.current_id()
        if doc_id:
            QGuiApplication.clipboard().setText(doc_id)
        return doc_id

    def _on_status_changed(self, _index: int) -> None:
        self.proxy.set_status(self.status_box.currentData())

    def _on_activated(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if source.isValid():
            self.document_requested.emit(self.model.doc_id(source.row()))
