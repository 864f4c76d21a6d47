"""Import and export in the main window: File-menu actions, drag-and-drop of files, progress and reports.

``install_io(main_window)`` is the one entry point. It uses only public things of the main window:
``project``, ``reader`` (its viewport takes drops), ``doc_list`` (refreshed after an import),
``current_doc_id``/``open_document`` (the first imported document is shown when none was open),
``actions.open_project`` (to find the File menu) and ``menuBar()``. The work itself is the core's:
``annotations.ingest.import_paths`` (the same call as ``main.py import``, for the menu and for drops)
and ``annotations.formats.export`` (as ``main.py export``). Both run on the GUI thread under a
window-modal progress dialog (``ui.io.progress.QtProgress``): the project is not thread-safe and the
window mirrors each change as it is made, so nothing else may touch the project meanwhile.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from annotations.errors import AnnotationError
from annotations.formats import ExportReport, export
from annotations.ingest import ImportOptions, ImportReport, accepts, import_paths

from .export_dialog import ExportDialog
from .import_dialog import ImportDialog
from .progress import QtProgress
from .report_dialog import ReportDialog

SHORTCUTS = {
    "import_articles": "Ctrl+I",
    "import_annotations": "Ctrl+Shift+A",
    "export": "Ctrl+Shift+S",
}


def dropped_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[str]:
    """Local files and folders in a drag that ``import_paths`` takes (other URLs are left out)."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    paths = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p and accepts(p)]


class IOController(QObject):
    """Import (menu and drops) and export for one main window.

    Signals:
        import_finished(object): the ``ImportReport`` of an import just done (also after a cancel).
        export_finished(object): the ``ExportReport`` of an export (``cancelled`` when nothing was written).

    Attributes:
        actions: name → QAction (``import_articles``, ``import_annotations``, ``export``), in the File menu.
        busy: an import or export is running (menu items are disabled and drops refused meanwhile).
        dialog: the open import or export dialog, if any.
        report_dialog: the last report shown.
        progress: the progress of the running operation, if any.
    """

    import_finished = Signal(object)
    export_finished = Signal(object)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.busy = False
        self.dialog: ImportDialog | ExportDialog | None = None
        self.report_dialog: ReportDialog | None = None
        self.progress: QtProgress | None = None
        self.actions: dict[str, QAction] = {}
        self._make_actions()
        self._add_to_file_menu()
        self._drop_targets: list[QWidget] = [window]
        viewport = getattr(getattr(window, "reader", None), "viewport", None)
        if callable(viewport):
            self._drop_targets.append(viewport())
        for target in self._drop_targets:
            target.setAcceptDrops(True)
            target.installEventFilter(self)

    # -- the host window -------------------------------------------------------------------------------
    @property
    def project(self) -> Any:
        return getattr(self.window, "project", None)

    # -- actions ---------------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        specs = [
            ("import_articles", self.tr("&Import articles…"),
             self.tr("Import .txt, .html, .jsonl, .csv files, folders or .zip archives of news"),
             lambda: self.open_import_dialog(annotated=False)),
            ("import_annotations", self.tr("Import &annotations…"),
             self.tr("Import annotated files: brat, CoNLL, spaCy, Label Studio, doccano or this app's JSONL"),
             lambda: self.open_import_dialog(annotated=True)),
            ("export", self.tr("&Export…"),
             self.tr("Export the annotations as training data (JSONL, brat, CoNLL, spaCy, Hugging Face…)"),
             self.open_export_dialog),
        ]
        for name, text, tip, slot in specs:
            action = QAction(text, self.window)
            action.setObjectName(f"action_{name}")
            action.setShortcut(QKeySequence(SHORTCUTS[name]))
            action.setStatusTip(tip)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.window.addAction(action)  # the shortcut works whatever has focus
            self.actions[name] = action

    def _file_menu(self) -> QMenu | None:
        """The window's File menu: the menu holding the Open project action (else the first menu)."""
        if not isinstance(self.window, QMainWindow):
            return None
        open_project = getattr(getattr(self.window, "actions", None), "open_project", None)
        menus = [m for a in self.window.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
        for menu in menus:
            if open_project is not None and open_project in menu.actions():
                return menu
        return menus[0] if menus else self.window.menuBar().addMenu(self.tr("&File"))

    def _add_to_file_menu(self) -> None:
        menu = self._file_menu()
        if menu is None:
            return
        actions = getattr(self.window, "actions", None)
        # Right after the project entries (… "Close project", else "Open project…"), before Quit.
        anchor = getattr(actions, "close_project", None) or getattr(actions, "open_project", None)
        existing = menu.actions()
        after = existing.index(anchor) + 1 if anchor in existing else len(existing)
        before = existing[after] if after < len(existing) else None
        if before is None:
            menu.addSeparator()
            menu.addActions(list(self.actions.values()))
            return
        menu.insertSeparator(before)
        menu.insertActions(before, list(self.actions.values()))
        menu.insertSeparator(before)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for action in self.actions.values():
            action.setEnabled(not busy)

    # -- import ----------------------------------------------------------------------------------------
    def open_import_dialog(self, annotated: bool = False, paths: Iterable[str] = ()) -> ImportDialog | None:
        """Show the import dialog (window-modal, not blocking); accepting it runs the import."""
        if self.busy or self.project is None:
            return None
        dialog = ImportDialog(self.window, annotated=annotated)
        dialog.add_paths(paths)
        dialog.accepted.connect(lambda: self._start_import(dialog.paths(), dialog.options()))
        dialog.finished.connect(lambda _r: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _start_import(self, paths: Sequence[str], options: ImportOptions) -> None:
        # After the dialog has closed: the progress dialog then belongs to the window alone.
        QTimer.singleShot(0, lambda: self.import_paths(paths, options))

    def import_paths(self, paths: Sequence[str | os.PathLike[str]],
                     options: ImportOptions | None = None) -> ImportReport | None:
        """Import files and folders with a progress dialog, then refresh the list and show the report.

        Returns:
            The report, or None when another operation is running.
        """
        project = self.project
        if self.busy or project is None:
            return None
        self._set_busy(True)
        progress = QtProgress(self.window, self.tr("Importing"))
        progress.set_stage_titles({"importing articles": self.tr("Importing articles…"),
                                   "import": self.tr("Importing annotated files…")})
        self.progress = progress
        try:
            # import_paths reports every bad file itself; it does not raise for bad input.
            with self._window_mirroring_paused(project):
                report = import_paths(project, [os.fspath(p) for p in paths], options or ImportOptions(), progress)
        finally:
            self.progress = None
            progress.close()
            self._set_busy(False)
        self._after_import(report)
        self.show_import_report(report)
        self.import_finished.emit(report)
        return report

    @contextlib.contextmanager
    def _window_mirroring_paused(self, project: Any) -> Iterator[None]:
        """Hold back the window's per-change redraws during a bulk import, then replay what matters.

        The main window mirrors each core change as it comes (``window.signals.changed``); for a new
        document that reloads the whole document list, which makes a large import quadratic. Meanwhile
        the changes are collected; afterwards the schema changes (labels added by an annotated import)
        and the last change are re-emitted, so the window updates once, through its own code.
        """
        signals = getattr(self.window, "signals", None)
        if not isinstance(signals, QObject) or not hasattr(signals, "changed"):
            yield
            return
        seen: list[Any] = []

        def collect(change: Any) -> None:
            seen.append(change)

        project.subscribe(collect)
        was_blocked = signals.blockSignals(True)
        try:
            yield
        finally:
            signals.blockSignals(was_blocked)
            project.unsubscribe(collect)
            last = len(seen) - 1
            for k, change in enumerate(seen):
                if k == last or getattr(change, "schema_after", None) is not None:
                    signals.changed.emit(change)

    def _after_import(self, report: ImportReport) -> None:
        """Show the new documents: refresh the list, open the first one if nothing was open."""
        doc_list = getattr(self.window, "doc_list", None)
        model = getattr(doc_list, "model", None)
        if model is not None and hasattr(model, "refresh"):
            model.refresh()
        new_ids = imported_ids(report)
        if new_ids and getattr(self.window, "current_doc_id", None) is None:
            open_document = getattr(self.window, "open_document", None)
            if callable(open_document):
                open_document(new_ids[0])

    def show_import_report(self, report: ImportReport) -> ReportDialog:
        n_imported = len(imported_ids(report))
        if report.cancelled:
            headline = self.tr("Import cancelled. The documents imported before the cancel are kept.")
        elif not report.ok:
            headline = self.tr("Import finished; some files could not be imported (see below).")
        elif n_imported == 0:
            headline = self.tr("Nothing new was imported.")
        else:
            headline = self.tr("Import finished.")
        counts = [
            (self.tr("Imported:"), str(n_imported)),
            (self.tr("Skipped (already in the project):"), str(len(report.skipped))),
            (self.tr("Failed:"), str(report.n_failed)),
        ]
        if report.warnings:
            counts.append((self.tr("Imported with warnings:"), str(len(report.warnings))))
        if report.not_reached:
            counts.append((self.tr("Not attempted:"), str(report.not_reached)))
        ok = report.ok and not report.cancelled
        paths = [src for src, _ in report.imported]
        paths += [r.source for r in (*report.skipped, *report.failed, *report.warnings)]
        for ext in report.external:
            paths += [p.file for p in (*getattr(ext, "failed", ()), *getattr(ext, "problems", ()))]
        return self._show_report(self.tr("Import report"), headline, counts, report.lines(), ok, paths)

    # -- export ----------------------------------------------------------------------------------------
    def open_export_dialog(self) -> ExportDialog | None:
        """Show the export dialog (window-modal, not blocking); accepting it runs the export."""
        project = self.project
        if self.busy or project is None:
            return None
        path = Path(project.path) if getattr(project, "path", None) else None
        dialog = ExportDialog(project.schema, path, self.window)
        dialog.accepted.connect(lambda: self._start_export(dialog.format(), dialog.out_path(), dialog.options()))
        dialog.finished.connect(lambda _r: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _start_export(self, fmt: str, out: str, options: dict[str, Any]) -> None:
        QTimer.singleShot(0, lambda: self.export(fmt, out, options))

    def export(self, fmt: str, out: str | os.PathLike[str], options: dict[str, Any]) -> ExportReport | None:
        """Export with a progress dialog and show the report.

        Returns:
            The report (``cancelled`` when the user cancelled: nothing was written), or None when the
            export could not start (the reason is shown) or another operation is running.
        """
        project = self.project
        if self.busy or project is None:
            return None
        self._set_busy(True)
        progress = QtProgress(self.window, self.tr("Exporting"))
        progress.set_stage_titles({f"export {fmt}": self.tr("Exporting documents…")})
        self.progress = progress
        error: str | None = None
        report: ExportReport | None = None
        try:
            report = export(project, fmt, out, options, progress)
        except AnnotationError as e:  # FormatError: bad option, output exists, missing library...
            error = str(e)
        except OSError as e:
            error = self.tr("Cannot write %1: %2").replace("%1", str(e.filename or out)) \
                .replace("%2", str(e.strerror or e))
        finally:
            self.progress = None
            progress.close()
            self._set_busy(False)
        if report is None:
            self._show_report(self.tr("Export report"), self.tr("The export could not be done."), [],
                              [error or ""], ok=False, paths=[str(out)])
            return None
        self.show_export_report(report)
        self.export_finished.emit(report)
        return report

    def show_export_report(self, report: ExportReport) -> ReportDialog:
        if report.cancelled:
            headline = self.tr("Export cancelled. Nothing was written.")
        elif report.total == 0:
            headline = self.tr("No document matched the selection; check the statuses to export.")
        else:
            headline = self.tr("Exported %1 of %n document(s).", "", report.total).replace("%1", str(report.documents))
        left = sum(report.left_out.values())
        if left and not report.cancelled:
            from ..window.document_list import status_label

            per = self.tr(", ").join(f"{status_label(s)}: {n}" for s, n in sorted(report.left_out.items()))
            headline += "\n" + self.tr("%n document(s) not exported (status %1).", "", left).replace("%1", per)
        counts = [(self.tr("Documents:"), str(report.documents))]
        if not report.cancelled:
            counts += [
                (self.tr("Spans:"), str(sum(report.spans.values()))),
                (self.tr("Events:"), str(sum(report.events.values()))),
                (self.tr("Relations:"), str(sum(report.relations.values()))),
                (self.tr("Not carried by the format:"),
                 str(sum(int(v.get("count", 0)) for v in report.not_carried.values()))),
            ]
            edges = report.token_edges
            if edges:  # what the token scheme cost: spans with an edge inside a token
                counts += [
                    (self.tr("Spans widened to whole tokens (%1):").replace("%1", str(edges["scheme"])),
                     str(edges["widened"])),
                    (self.tr("Spans kept with the clitic split out (%1):").replace("%1", str(edges["scheme"])),
                     str(edges["split_out"])),
                ]
        ok = not report.cancelled and report.total > 0
        paths = [report.out, report.report_path or ""]
        return self._show_report(self.tr("Export report"), headline, counts, report.lines(), ok, paths)

    # -- reports ---------------------------------------------------------------------------------------
    def _show_report(self, title: str, headline: str, counts: Sequence[tuple[str, str]],
                     lines: Sequence[str], ok: bool, paths: Iterable[str] = ()) -> ReportDialog:
        if self.report_dialog is not None:
            self.report_dialog.close()
            self.report_dialog.deleteLater()
        dialog = ReportDialog(title, headline, counts, lines, ok, self.window, paths=[str(p) for p in paths])
        self.report_dialog = dialog
        dialog.open()  # window-modal, not blocking: the caller returns at once
        return dialog

    # -- drag and drop ---------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
                event, (QDragEnterEvent, QDragMoveEvent)):
            if not self.busy and self.project is not None and dropped_paths(event):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                return True
            return False
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            paths = dropped_paths(event)
            if not paths or self.busy or self.project is None:
                return False
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            # Leave the drop handler first: the drag source must not wait for the whole import.
            QTimer.singleShot(0, lambda: self.import_paths(paths))
            return True
        return super().eventFilter(watched, event)


def imported_ids(report: ImportReport) -> list[str]:
    """Ids of the documents an import stored: articles, then those of annotated formats."""
    ids = [doc_id for _source, doc_id in report.imported]
    for ext in report.external:
        ids += list(getattr(ext, "documents", []))
    return ids


def install_io(main_window: QWidget) -> IOController:
    """Add import/export to ``main_window`` (File menu, shortcuts, drag-and-drop).

    The controller is a child of the window, which keeps it alive; keep the result to drive it.
    Calling it again returns the controller already installed.
    """
    existing = main_window.findChild(IOController)
    return existing if existing is not None else IOController(main_window)
