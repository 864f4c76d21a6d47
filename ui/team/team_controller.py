"""Team work in the main window: a Team menu (export bundle, import bundles, agreement, curation view)
and the annotator's name, kept in the settings, shown in the status bar and recorded on every edit.

``install_team(main_window)`` is the one entry point; it uses the window's ``project``, ``runner``,
``signals``, ``doc_list``, ``menuBar()`` and ``statusBar()``. The work is the core's
(``annotations.team``); file choices go through ``ask_save_path``/``ask_open_paths`` (tests replace them).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QPushButton, QWidget

from annotations import AnnotationError
from annotations.records import default_annotator
from annotations.team import merge, write_bundle

SETTINGS_KEY = "team/annotator"


def ask_save_path(parent: QWidget, title: str, name: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, name, "Qalam bundle (*.qalam)")
    return path


def ask_open_paths(parent: QWidget, title: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, "", "Qalam bundle (*.qalam)")
    return paths


def saved_annotator() -> str | None:
    value = QSettings().value(SETTINGS_KEY)
    return str(value) if value else None


class TeamController(QObject):
    """The Team menu and the annotator's name of one main window.

    Attributes:
        actions: name -> QAction (export_bundle, import_bundle, agreement, curation, annotator).
        annotator_button: the status-bar button showing the name (click to change it).
        name_dialog: the open "your name" dialog, if any.
        curation, agreement: the open curation view and agreement window, if any.
        message: the last message box shown (reports and errors).
    """

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.name_dialog: QInputDialog | None = None
        self.curation: Any = None
        self.agreement: Any = None
        self.message: QMessageBox | None = None
        self.actions: dict[str, QAction] = {}
        specs = [
            ("export_bundle", self.tr("Export &bundle…"), self.export_bundle),
            ("import_bundle", self.tr("&Import bundles into this project…"), self.import_bundles),
            ("agreement", self.tr("&Agreement…"), self.open_agreement),
            ("curation", self.tr("&Curation view…"), self.open_curation),
            ("annotator", self.tr("Your &name…"), self.ask_name),
        ]
        menu = window.menuBar().addMenu(self.tr("&Team"))
        for name, text, slot in specs:
            action = QAction(text, window)
            action.setObjectName(f"action_{name}")
            action.triggered.connect(lambda _checked=False, s=slot: s())
            menu.addAction(action)
            self.actions[name] = action
        self._add_to_file_menu([self.actions["export_bundle"], self.actions["import_bundle"]])
        self.annotator_button = QPushButton(window)
        self.annotator_button.setObjectName("annotator_button")
        self.annotator_button.setFlat(True)
        self.annotator_button.clicked.connect(self.ask_name)
        window.statusBar().addPermanentWidget(self.annotator_button)
        self.set_annotator(saved_annotator() or window.project.annotator or default_annotator() or "")

    def _add_to_file_menu(self, actions: list[QAction]) -> None:
        """File → Export bundle / Import bundles, before Quit (the issue's place for them)."""
        quit_action = getattr(getattr(self.window, "actions", None), "quit", None)
        for entry in self.window.menuBar().actions():
            menu = entry.menu()
            if isinstance(menu, QMenu) and quit_action in menu.actions():
                menu.insertSeparator(quit_action)
                menu.insertActions(quit_action, actions)
                menu.insertSeparator(quit_action)
                return

    # -- the annotator ---------------------------------------------------------------------------------
    def set_annotator(self, name: str, save: bool = False) -> None:
        """Record ``name`` on the edits from now on (and keep it in the settings with ``save``)."""
        name = name.strip()
        if not name:
            return
        self.window.project.annotator = name
        self.annotator_button.setText(self.tr("Annotator: %1").replace("%1", name))
        if save:
            QSettings().setValue(SETTINGS_KEY, name)

    def ask_name(self) -> None:
        """Ask for the annotator's name (window-modal, not blocking); the default is the OS user."""
        dialog = QInputDialog(self.window)
        dialog.setObjectName("annotator_name_dialog")
        dialog.setWindowTitle(self.tr("Your name"))
        dialog.setLabelText(self.tr("The name recorded on your annotations and bundles:"))
        dialog.setTextValue(self.window.project.annotator or default_annotator() or "")
        dialog.textValueSelected.connect(lambda text: self.set_annotator(text, save=True))
        self.name_dialog = dialog
        dialog.open()

    def _needs_name(self) -> bool:
        """Ask once: the first bundle asks for the name when the settings hold none yet."""
        if saved_annotator() is None:
            self.ask_name()
            return True
        return False

    # -- bundles ---------------------------------------------------------------------------------------
    def export_bundle(self) -> str | None:
        if self._needs_name():
            return None
        project, name = self.window.project, self.window.project.annotator
        path = ask_save_path(self.window, self.tr("Export bundle"), f"{name}.qalam")
        if not path:
            return None
        try:
            manifest = write_bundle(project, path, annotator=name, overwrite=True)
        except (AnnotationError, OSError) as exc:
            self._show(self.tr("Export bundle"), str(exc), error=True)
            return None
        self._show(self.tr("Export bundle"), self.tr("%1 documents written to %2 as %3's work")
                   .replace("%1", str(manifest["documents"])).replace("%2", path).replace("%3", name))
        return path

    def import_bundles(self) -> Any:
        paths = ask_open_paths(self.window, self.tr("Import bundles"))
        if not paths:
            return None
        try:
            report = merge(self.window.project, paths)
        except (AnnotationError, OSError) as exc:
            self._show(self.tr("Import bundles"), str(exc), error=True)
            return None
        self.window.doc_list.set_project(self.window.project)
        self.window.runner.stack.clear()  # a merge is many changes: not undone from the window
        self._show(self.tr("Import bundles"), "\n".join(report.lines()), error=not report.ok)
        return report

    # -- windows ---------------------------------------------------------------------------------------
    def open_agreement(self) -> Any:
        from .agreement_window import AgreementWindow

        self.agreement = AgreementWindow(self.window.project, self.window)
        self.agreement.show()
        return self.agreement

    def open_curation(self) -> Any:
        from .curation_view import open_curation_view

        self.curation = open_curation_view(self.window)
        return self.curation

    def _show(self, title: str, text: str, error: bool = False) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("team_message")
        self.message = box
        box.open()


def install_team(window: Any) -> TeamController:
    return TeamController(window)
