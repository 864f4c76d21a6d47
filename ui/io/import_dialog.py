"""The Import dialog: files and folders to import, and the same options as ``python main.py import``."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotations.ingest import ANNOTATED_FORMATS, FILE_DIALOG_FILTERS, PLAIN_FORMATS, ImportOptions
from annotations.ingest.decode import DEFAULT_MAX_SIZE
from annotations.ingest.tabular import Fields
from annotations.model import STATUSES

from ..common.dialog_parts import action_buttons, error_label
from ..window.document_list import status_label
from .bidi_paths import display_path

MB = 1024 * 1024
# Encodings offered in the (editable) encoding box; "" means "detect".
ENCODINGS = ("", "utf-8", "cp1256", "iso-8859-6", "utf-16")


class ImportDialog(QDialog):
    """Choose what to import and how; ``options()`` gives the ``ImportOptions`` the CLI would build.

    Plain articles and annotated files are imported from the same dialog: picking an annotated format
    (or leaving "detect from the extension" on ``.ann``/``.conll``/... files) hands them to
    ``annotations.formats.import_annotated`` through ``import_paths``.

    Signals:
        paths_changed(): files or folders were added or removed.

    Attributes:
        path_list: the chosen files and folders.
        format_combo, encoding_combo, status_combo, cleanup_check, max_size_spin: the common options.
        field_edits: JSONL/CSV field names by ``Fields`` attribute.
        unknown_combo, scheme_combo: annotated-format options.
        error_label: why the dialog cannot be accepted yet.
    """

    paths_changed = Signal()

    def __init__(self, parent: QWidget | None = None, annotated: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import annotations") if annotated else self.tr("Import articles"))
        self.path_list = QListWidget(self)
        self.path_list.setObjectName("import_paths")
        self.path_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.path_list.setMinimumHeight(110)
        add_files = QPushButton(self.tr("Add files…"), self)
        add_folder = QPushButton(self.tr("Add folder…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        add_files.clicked.connect(self._on_add_files)
        add_folder.clicked.connect(self._on_add_folder)
        self.remove_button.clicked.connect(self._on_remove)
        buttons_col = QVBoxLayout()
        for b in (add_files, add_folder, self.remove_button):
            buttons_col.addWidget(b)
        buttons_col.addStretch(1)
        paths_row = QHBoxLayout()
        paths_row.addWidget(self.path_list, 1)
        paths_row.addLayout(buttons_col)

        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("import_format")
        self._add_formats(annotated)
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.setEditable(True)
        for enc in ENCODINGS:
            self.encoding_combo.addItem(enc or self.tr("Detect automatically"), enc)
        self.status_combo = QComboBox(self)
        for status in STATUSES:
            self.status_combo.addItem(status_label(status), status)
        common = QFormLayout()
        common.addRow(self.tr("Format:"), self.format_combo)
        common.addRow(self.tr("Encoding:"), self.encoding_combo)
        common.addRow(self.tr("Status of new documents:"), self.status_combo)

        self.articles_box = QGroupBox(self.tr("Articles"), self)
        self.cleanup_check = QCheckBox(self.tr("Clean up scraped news (title, date, boilerplate, captions)"), self)
        self.cleanup_check.setChecked(True)
        self.max_size_spin = QSpinBox(self)
        self.max_size_spin.setRange(1, 4096)
        self.max_size_spin.setValue(DEFAULT_MAX_SIZE // MB)
        self.max_size_spin.setSuffix(self.tr(" MB"))
        self.field_edits: dict[str, QLineEdit] = {}
        fields_grid = QGridLayout()
        names = {"text": self.tr("text"), "title": self.tr("title"), "date": self.tr("date"),
                 "url": self.tr("URL"), "source": self.tr("source"), "id": self.tr("id")}
        defaults = Fields()
        for k, (attr, shown) in enumerate(names.items()):
            edit = QLineEdit(getattr(defaults, attr), self)
            edit.setObjectName(f"import_field_{attr}")
            self.field_edits[attr] = edit
            row, col = k % 3, 2 * (k // 3)
            fields_grid.addWidget(QLabel(shown, self), row, col)
            fields_grid.addWidget(edit, row, col + 1)
        articles = QFormLayout(self.articles_box)
        articles.addRow(self.cleanup_check)
        articles.addRow(self.tr("Refuse files larger than:"), self.max_size_spin)
        articles.addRow(QLabel(self.tr("JSONL fields / CSV columns:"), self))
        articles.addRow(fields_grid)

        self.annotated_box = QGroupBox(self.tr("Annotated files"), self)
        self.unknown_combo = QComboBox(self)
        self.unknown_combo.addItem(self.tr("Add them while the project has no annotations"), "auto")
        self.unknown_combo.addItem(self.tr("Refuse the file"), "refuse")
        self.unknown_combo.addItem(self.tr("Add them to the schema"), "add")
        self.scheme_combo = QComboBox(self)
        self.scheme_combo.addItem(self.tr("Detect"), "auto")
        self.scheme_combo.addItem("IOB2", "iob2")
        self.scheme_combo.addItem("BIOES", "bioes")
        annotated_form = QFormLayout(self.annotated_box)
        annotated_form.addRow(self.tr("Labels not in the schema:"), self.unknown_combo)
        annotated_form.addRow(self.tr("CoNLL tag scheme:"), self.scheme_combo)

        self.error_label = error_label(self, "import_error")
        self.buttons, self.import_button = action_buttons(self, self.tr("Import"), "import_button")

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Files and folders (folders are read with their subfolders):"), self))
        layout.addLayout(paths_row)
        layout.addLayout(common)
        layout.addWidget(self.articles_box)
        layout.addWidget(self.annotated_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.format_combo.currentIndexChanged.connect(self._update_groups)
        self.path_list.itemSelectionChanged.connect(self._update_buttons)
        self.paths_changed.connect(self._update_buttons)
        # "Import annotations…" offers annotated formats only: the article options would be noise there.
        self.articles_box.setVisible(not annotated)
        self._update_groups()
        self._update_buttons()

    def _add_formats(self, annotated: bool) -> None:
        self.format_combo.addItem(self.tr("Detect from the file extension"), "auto")
        plain = {
            "txt": self.tr("Plain text (.txt)"),
            "html": self.tr("Web pages (.html)"),
            "articles-jsonl": self.tr("JSON lines of articles (.jsonl)"),
            "csv": self.tr("CSV or TSV table (.csv, .tsv)"),
            "zip": self.tr("ZIP archive of articles (.zip)"),
        }
        marked = {
            "jsonl": self.tr("Annotated: this app's JSONL"),
            "brat": self.tr("Annotated: brat standoff (.ann + .txt)"),
            "conll": self.tr("Annotated: CoNLL, IOB2 or BIOES"),
            "spacy": self.tr("Annotated: spaCy DocBin (.spacy)"),
            "labelstudio": self.tr("Annotated: Label Studio JSON"),
            "doccano": self.tr("Annotated: doccano JSONL"),
        }
        if not annotated:
            for name in PLAIN_FORMATS:
                self.format_combo.addItem(plain.get(name, name), name)
            self.format_combo.insertSeparator(self.format_combo.count())
        for name in ANNOTATED_FORMATS:
            self.format_combo.addItem(marked.get(name, name), name)

    # -- state -----------------------------------------------------------------------------------------
    def paths(self) -> list[str]:
        return [self.path_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.path_list.count())]

    def add_paths(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        """Add files or folders (each once)."""
        known = set(self.paths())
        for p in paths:
            path = str(p)
            if path in known:
                continue
            known.add(path)
            self.path_list.addItem(display_path(path))
            item = self.path_list.item(self.path_list.count() - 1)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
        self.error_label.hide()
        self.paths_changed.emit()

    def set_format(self, name: str) -> None:
        index = self.format_combo.findData(name)
        if index < 0:
            raise ValueError(f"unknown import format {name!r}")
        self.format_combo.setCurrentIndex(index)

    def format(self) -> str:
        return str(self.format_combo.currentData())

    def encoding(self) -> str | None:
        """The forced encoding, or None to detect; a name typed by hand is taken as typed."""
        text = self.encoding_combo.currentText().strip()
        index = self.encoding_combo.findText(text)
        if index >= 0:
            return self.encoding_combo.itemData(index) or None
        return text or None

    def options(self) -> ImportOptions:
        """The options for ``annotations.ingest.import_paths`` (same meaning as the CLI flags)."""
        fields = Fields(**{attr: edit.text().strip() or getattr(Fields(), attr)
                           for attr, edit in self.field_edits.items()})
        return ImportOptions(
            encoding=self.encoding(),
            cleanup=self.cleanup_check.isChecked(),
            fields=fields,
            max_size=self.max_size_spin.value() * MB,
            format=self.format(),
            status=str(self.status_combo.currentData()),
            annotated={"unknown_labels": self.unknown_combo.currentData(), "scheme": self.scheme_combo.currentData()},
        )

    def problem(self) -> str | None:
        """Why the dialog cannot be accepted as it is (translated), or None."""
        if not self.paths():
            return self.tr("Add at least one file or folder to import.")
        enc = self.encoding()
        if enc:
            try:
                codecs.lookup(enc)
            except LookupError:
                return self.tr("Unknown encoding “%1”; pick one from the list or leave it on "
                               "Detect automatically.").replace("%1", enc)
        return None

    # -- slots -----------------------------------------------------------------------------------------
    def _update_groups(self) -> None:
        fmt = self.format()
        self.articles_box.setEnabled(fmt == "auto" or fmt in PLAIN_FORMATS)
        self.annotated_box.setEnabled(fmt == "auto" or fmt in ANNOTATED_FORMATS)
        self.scheme_combo.setEnabled(fmt in ("auto", "conll"))

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.path_list.selectedItems()))
        self.import_button.setEnabled(self.path_list.count() > 0)

    def _on_accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        self.accept()

    def _on_add_files(self) -> None:
        shown = {"Articles": self.tr("Articles"), "Annotated files": self.tr("Annotated files")}
        filters = [f"{shown.get(name, name)} ({' '.join(globs)})" for name, globs in FILE_DIALOG_FILTERS]
        filters.append(self.tr("All files (*)"))
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose files to import"), self._start_dir(),
                                                ";;".join(filters))
        self.add_paths(files)

    def _on_add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder to import"), self._start_dir())
        if folder:
            self.add_paths([folder])

    def _on_remove(self) -> None:
        for item in self.path_list.selectedItems():
            self.path_list.takeItem(self.path_list.row(item))
        self.paths_changed.emit()

    def _start_dir(self) -> str:
        paths = self.paths()
        return str(Path(paths[-1]).parent) if paths else ""
