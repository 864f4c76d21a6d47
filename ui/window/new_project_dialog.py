"""File → New project: a folder for the project and its schema (a built-in one or a schema file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotations import AnnotationError
from annotations.schema import PRESETS, Schema

from ..common.dialog_parts import action_buttons, error_label


class NewProjectDialog(QDialog):
    """Asks for a new (or empty) folder and a schema; ``result_project()`` gives them once accepted.

    Attributes:
        folder_edit, schema_box, schema_file_edit: the form (tests fill it as a user would).
    """

    FROM_FILE = "file"

    def __init__(self, parent: QWidget | None = None, start_folder: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("new_project_dialog")
        self.setWindowTitle(self.tr("New project"))
        self.schema: Schema | None = None
        self.folder: Path | None = None
        self.folder_edit = QLineEdit(start_folder, self)
        self.folder_edit.setPlaceholderText(self.tr("A new or empty folder"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse_folder)
        self.schema_box = QComboBox(self)
        for name in PRESETS:
            self.schema_box.addItem(name, name)
        self.schema_box.addItem(self.tr("From a schema file…"), self.FROM_FILE)
        self.schema_file_edit = QLineEdit(self)
        self.schema_file_edit.setPlaceholderText(self.tr("schema.json"))
        self.schema_browse = QPushButton(self.tr("Browse…"), self)
        self.schema_browse.clicked.connect(self._browse_schema)
        self.schema_box.currentIndexChanged.connect(self._on_schema_kind)
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Folder:"), row)
        form.addRow(self.tr("Schema:"), self.schema_box)
        file_row = QHBoxLayout()
        file_row.addWidget(self.schema_file_edit, 1)
        file_row.addWidget(self.schema_browse)
        form.addRow(self.tr("Schema file:"), file_row)
        self.error = error_label(self, "new_project_error")
        buttons, self.create_button = action_buttons(self, self.tr("&Create"), "create_project")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._on_schema_kind()
        self.resize(560, self.sizeHint().height())

    def _on_schema_kind(self, _index: int = 0) -> None:
        from_file = self.schema_box.currentData() == self.FROM_FILE
        self.schema_file_edit.setEnabled(from_file)
        self.schema_browse.setEnabled(from_file)

    def _browse_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder for the new project"))
        if path:
            self.folder_edit.setText(path)

    def _browse_schema(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Schema file"), "", self.tr("Schema (*.json)"))
        if path:
            self.schema_file_edit.setText(path)

    def _problem(self) -> str | None:
        """Why the form cannot be accepted yet (None when it can); fills ``folder`` and ``schema``."""
        text = self.folder_edit.text().strip()
        if not text:
            return self.tr("Choose a folder for the project.")
        folder = Path(text).expanduser()
        if (folder / "project.json").exists():
            return self.tr("%1 is already a project: open it with File → Open project.").replace("%1", str(folder))
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            return self.tr("%1 is not an empty folder: choose a new or empty one.").replace("%1", str(folder))
        kind = self.schema_box.currentData()
        if kind == self.FROM_FILE:
            name = self.schema_file_edit.text().strip()
            if not name:
                return self.tr("Choose the schema file.")
            try:
                schema = Schema.load(name)
            except (AnnotationError, OSError) as exc:
                return str(exc)
        else:
            schema = PRESETS[str(kind)]()
        self.folder, self.schema = folder, schema
        return None

    def _on_accept(self) -> None:
        problem = self._problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.accept()

    def result_project(self) -> tuple[Path, Schema] | None:
        """The folder and schema chosen (after the dialog was accepted)."""
        if self.folder is None or self.schema is None:
            return None
        return self.folder, self.schema
