"""The start screen, shown when no project is open: new project, open a folder, recent projects, the sample."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from annotations import APP_NAME

from ..io.bidi_paths import display_path
from .recent import recent_projects

PathRole = Qt.ItemDataRole.UserRole + 1


class StartScreen(QWidget):
    """A small window of its own; the session opens what the user picks.

    Signals:
        new_requested(): File → New project.
        open_requested(): choose a project folder.
        project_chosen(str): a recent project was picked.
        sample_requested(): open the default project (created with the sample article if missing).
    """

    new_requested = Signal()
    open_requested = Signal()
    project_chosen = Signal(str)
    sample_requested = Signal()

    def __init__(self, default_project: str, message: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_screen")
        self.setWindowTitle(APP_NAME)
        heading = QLabel(f"<h2>{APP_NAME}</h2>", self)
        self.message = QLabel(message, self)
        self.message.setObjectName("start_message")
        self.message.setWordWrap(True)
        self.message.setVisible(bool(message))
        self.new_button = QPushButton(self.tr("&New project…"), self)
        self.open_button = QPushButton(self.tr("&Open project…"), self)
        self.sample_button = QPushButton(self.tr("Open the &sample project"), self)
        self.sample_button.setToolTip(default_project)
        self.recent_list = QListWidget(self)
        self.recent_list.setObjectName("recent_projects")
        for path in recent_projects():
            item = QListWidgetItem(display_path(path))
            item.setData(PathRole, path)
            item.setToolTip(path)
            self.recent_list.addItem(item)
        recent_label = QLabel(self.tr("Recent projects:") if self.recent_list.count()
                              else self.tr("No recent projects."), self)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.message)
        for button in (self.new_button, self.open_button, self.sample_button):
            layout.addWidget(button)
        layout.addWidget(recent_label)
        layout.addWidget(self.recent_list, 1)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        self.recent_list.itemActivated.connect(lambda item: self.project_chosen.emit(item.data(PathRole)))
        self.resize(520, 460)

    def save_settings(self) -> None:
        """Nothing to keep (the session calls this on whatever window it has)."""

    def detach(self) -> None:
        """Nothing to unsubscribe (the session calls this on whatever window it has)."""
