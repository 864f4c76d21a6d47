"""The main window: document list, reader, label palette, annotation panel, find panel and status bar.

Widgets only mirror the core: every edit is one ``Project`` call run through ``UndoRunner`` (saved at
once, undoable), and the window redraws from the ``Change`` the core reports, touching only what changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QWidget,
)

from annotations import Change, Document, Project, Span
from annotations.clitics import snap_selection, suggest_span
from annotations.model import kind_of

from .actions import Actions
from .annotation_panel import AnnotationPanel
from .document_list import DocumentList

if TYPE_CHECKING:
    from ..reader.find import FindPanel
from ..common.style import THEMES
from ..reader.reader import ReaderView
from ..reader.span_painter import SpanItem, span_item, span_items
from .palette import LabelPalette
from .project_signals import ProjectSignals
from .undo import UndoRunner

OPEN_STATUSES = ("new", "in progress")


class MainWindow(QMainWindow):
    """The annotator's window over one open project.

    Attributes:
        project, reader, undo_stack, current_doc_id: what other controllers (events) build on.

    Signals:
        document_changed(str): another document is shown.
        language_requested(str): the user picked an interface language ("system", "en", "ar").
        project_requested(str): the user asked to open another project folder.
        new_project_requested(): File → New project.
        close_project_requested(): File → Close project (the session shows the start screen).
    """

    document_changed = Signal(str)
    language_requested = Signal(str)
    project_requested = Signal(str)
    new_project_requested = Signal()
    close_project_requested = Signal()

    def __init__(self, project: Project, parent: QWidget | None = None, with_events: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.project = project
        self.current_doc_id: str | None = None
        self._events: Any = None  # the events controller (ui.events.events_controller), once installed
        self._with_events = with_events
        self.io: Any = None  # import/export (ui.io.io_controller), installed right after the first show
        self.assist: Any = None  # label all and suggestions (ui.assist.controller), installed with io
        self._doc: Document | None = None
        self.undo_stack = QUndoStack(self)
        self.runner = UndoRunner(project, self.undo_stack, self.show_error)
        self.signals = ProjectSignals(project, self)

        self.reader = ReaderView(self)
        self.doc_list = DocumentList(self)
        self.palette_widget = LabelPalette(self)
        self.annotation_panel = AnnotationPanel(self)
        self._find_panel: FindPanel | None = None  # built when the find dock is first shown
        self.actions = Actions(self, self.reader)
        self._build_layout()
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self._apply_schema()
        self.doc_list.set_project(project)
        self._restore_settings()
        self._update_progress()
        from ..io.bidi_paths import display_path

        # The path is isolated left to right: in an Arabic title its slashes stay where they are.
        where = display_path(str(project.path)) if project.path else self.tr("in memory")
        self.setWindowTitle(self.tr("Qalam Annotator") + " — " + where)
        first = self._last_document()
        if first:
            self.open_document(first)
        # The events tools (a dock behind the labels dock) and import/export (which pull in the
        # ingest and format libraries, ~50 ms) are built right after the window first paints, so it
        # appears sooner; the events controller is also built on first use.
        self._tools_pending = True
        # A signal from the reader's own paintEvent rather than an event filter on its viewport: a filter
        # hands every viewport event to Python, and PySide then loads all of QtGui's event classes to
        # find the type of Qt's private ones (UpdateLater, PolishRequest...) before the first paint.
        self.reader.first_painted.connect(self._on_first_paint)

    def _on_first_paint(self) -> None:
        if self._tools_pending:
            QTimer.singleShot(0, self, self._install_tools)  # cancelled if the window goes first

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._tools_pending:  # in case no paint reaches the reader (covered, or no screen)
            QTimer.singleShot(300, self, self._install_tools)

    def _install_tools(self) -> None:
        if not self._tools_pending:
            return
        self._tools_pending = False
        _ = self.events
        from ..assist.controller import install_assist
        from ..io.io_controller import install_io
        from ..team.team_controller import install_team

        self.io = install_io(self)
        self.team = install_team(self)  # Team menu, the annotator's name in the status bar
        self.assist = install_assist(self)  # label all, suggestions, the recommender
        # The tools add their menus at the end of the bar: Help stays last.
        self.menuBar().removeAction(self.help_menu.menuAction())
        self.menuBar().addAction(self.help_menu.menuAction())

    def show_help(self, which: str) -> QWidget:
        """Open a Help dialog: "shortcuts" (generated from the actions), "guide" or "about"."""
        from .help import HELP_DIALOGS  # on first use: keeps the dialogs' classes off start-up

        self._install_tools()  # every action exists before the shortcut list is read from them
        dialog = HELP_DIALOGS[which](self)
        self.help_dialog = dialog
        dialog.show()
        return dialog

    @property
    def events(self) -> Any:
        """The events controller, installed on first use (None when this window has no events)."""
        if self._events is None and self._with_events:
            self._with_events = False  # install once, even if installing fails
            from ..events.events_controller import install_events

            self._events = install_events(self)
        return self._events

    # -- construction ----------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.setCentralWidget(self.reader)
        # Dock areas are absolute in Qt: mirror them ourselves for a right-to-left interface.
        start, end = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        # The direction this window was built for: the app's can change under it (a language switch), and
        # its layout must still be saved under its own direction's key.
        self._rtl = self.isRightToLeft()
        if self._rtl:
            start, end = end, start
        self._side_areas = (start, end)
        self.list_dock = self._dock(self.tr("Documents"), "documents_dock", self.doc_list, start)
        side = QSplitter(Qt.Orientation.Vertical, self)
        side.addWidget(self.palette_widget)
        side.addWidget(self.annotation_panel)
        side.setStretchFactor(1, 1)
        self.labels_dock = self._dock(self.tr("Labels and annotations"), "annotations_dock", side, end)
        self.find_dock = self._dock(self.tr("Find"), "find_dock", None, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.find_dock.hide()
        # The find panel is hidden at start: it is built when its dock is first shown (or used).
        self.find_dock.visibilityChanged.connect(self._on_find_dock_visible)

    def _dock(self, title: str, name: str, widget: QWidget | None, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        if widget is not None:
            dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        a = self.actions
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([a.new_project, a.open_project])
        self.recent_menu = file_menu.addMenu(self.tr("&Recent projects"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addActions([a.close_project])
        file_menu.addSeparator()
        file_menu.addActions([a.quit])
        edit = bar.addMenu(self.tr("&Edit"))
        a.undo.triggered.connect(self.undo_stack.undo)
        a.redo.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(a.undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(a.redo.setEnabled)
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        edit.addActions([a.undo, a.redo])
        edit.addSeparator()
        edit.addActions([a.find, a.find_corpus])
        edit.addSeparator()
        edit.addActions([a.delete_span, a.snap_words, a.clitic_snap, a.strip_article, a.accept_clitic])
        view = bar.addMenu(self.tr("&View"))
        view.addActions([a.zoom_in, a.zoom_out, a.zoom_reset, a.more_spacing, a.less_spacing])
        view.addSeparator()
        view.addActions([a.dark_theme, a.show_marks, a.show_removed])
        view.addSeparator()
        view.addActions([a.dir_auto, a.dir_rtl, a.dir_ltr])
        doc = bar.addMenu(self.tr("&Document"))
        doc.addActions([a.mark_done, a.mark_in_progress, a.mark_skipped, a.mark_new])
        doc.addSeparator()
        doc.addAction(a.next_unannotated)
        self.labels_menu = bar.addMenu(self.tr("&Labels"))
        settings = bar.addMenu(self.tr("&Settings"))
        settings.addActions([a.lang_system, a.lang_en, a.lang_ar])
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addActions([a.shortcuts, a.user_guide])
        self.help_menu.addSeparator()
        self.help_menu.addAction(a.about)
        self.help_dialog: QWidget | None = None

    def _build_status_bar(self) -> None:
        self.progress_label = QLabel(self)
        self.saved_label = QLabel(self)
        self.offset_label = QLabel(self)
        bar = self.statusBar()
        bar.addPermanentWidget(self.offset_label)
        bar.addPermanentWidget(self.saved_label)
        bar.addPermanentWidget(self.progress_label)
        self.saved_label.setText(self.tr("All changes saved"))

    def _connect(self) -> None:
        a = self.actions
        r = self.reader
        a.quit.triggered.connect(self.close)
        a.open_project.triggered.connect(self._on_open_project)
        a.new_project.triggered.connect(self.new_project_requested)
        a.shortcuts.triggered.connect(lambda: self.show_help("shortcuts"))
        a.user_guide.triggered.connect(lambda: self.show_help("guide"))
        a.about.triggered.connect(lambda: self.show_help("about"))
        a.close_project.triggered.connect(self.close_project_requested)
        a.find.triggered.connect(lambda: self.show_find(self.find_panel.DOCUMENT))
        a.find_corpus.triggered.connect(lambda: self.show_find(self.find_panel.CORPUS))
        a.zoom_in.triggered.connect(r.zoom_in)
        a.zoom_out.triggered.connect(r.zoom_out)
        a.zoom_reset.triggered.connect(r.zoom_reset)
        a.more_spacing.triggered.connect(lambda: r.set_line_gap(r.options.line_gap + 0.15))
        a.less_spacing.triggered.connect(lambda: r.set_line_gap(r.options.line_gap - 0.15))
        a.dark_theme.toggled.connect(self.set_theme)
        a.show_marks.toggled.connect(r.set_show_marks)
        a.show_removed.toggled.connect(r.set_show_removed)
        a.dir_auto.triggered.connect(lambda: self.set_direction_override(None))
        a.dir_rtl.triggered.connect(lambda: self.set_direction_override("rtl"))
        a.dir_ltr.triggered.connect(lambda: self.set_direction_override("ltr"))
        a.mark_done.triggered.connect(lambda: self.set_status("done"))
        a.mark_in_progress.triggered.connect(lambda: self.set_status("in progress"))
        a.mark_skipped.triggered.connect(lambda: self.set_status("skipped"))
        a.mark_new.triggered.connect(lambda: self.set_status("new"))
        a.next_unannotated.triggered.connect(self.go_next_unannotated)
        a.delete_span.triggered.connect(self.delete_selected_span)
        a.accept_clitic.triggered.connect(self.accept_clitic_offer)
        r.range_rule = self.stored_range
        for option in (a.snap_words, a.clitic_snap, a.strip_article):
            option.toggled.connect(lambda _on: r.refresh_preview())
        a.lang_system.triggered.connect(lambda: self.language_requested.emit("system"))
        a.lang_en.triggered.connect(lambda: self.language_requested.emit("en"))
        a.lang_ar.triggered.connect(lambda: self.language_requested.emit("ar"))
        r.span_selected.connect(self._on_span_clicked)
        r.cursor_offset_changed.connect(self._on_cursor_offset)
        r.selection_changed_range.connect(self._on_selection)
        self.doc_list.document_requested.connect(self.open_document)
        self.palette_widget.label_requested.connect(self.annotate)
        self.annotation_panel.span_activated.connect(self.jump_to_span)
        self.annotation_panel.label_change_requested.connect(self.change_label)
        self.annotation_panel.details_change_requested.connect(self.change_details)
        self.annotation_panel.delete_requested.connect(self.delete_span)
        self.annotation_panel.error_occurred.connect(self.show_error)
        self.signals.changed.connect(self._on_change)
        self.undo_stack.indexChanged.connect(lambda _i: self._mark_saved())

    def _apply_schema(self) -> None:
        schema = self.project.schema
        self.palette_widget.set_schema(schema)
        self.annotation_panel.set_schema(schema)
        self.actions.set_labels(schema)
        self.labels_menu.clear()
        for name, action in self.actions.labels.items():
            action.triggered.connect(lambda _=False, label=name: self.annotate(label))
            self.labels_menu.addAction(action)

    # -- documents -------------------------------------------------------------------------------------
    def open_document(self, doc_id: str) -> None:
        """Show a document in the reader with its spans."""
        doc = self.project.document(doc_id)
        self.current_doc_id = doc_id
        self._doc = doc
        override = doc.meta.get("direction_override")
        self.reader.options.direction_override = override if override in ("rtl", "ltr") else None
        {"rtl": self.actions.dir_rtl, "ltr": self.actions.dir_ltr}.get(
            str(override), self.actions.dir_auto).setChecked(True)
        self.reader.set_document(doc.text, doc.title, doc.meta, self._span_items())
        self.annotation_panel.set_spans(self.project.spans(doc_id))
        self.doc_list.select(doc_id)
        if self.project.path is not None:
            QSettings().setValue(self._last_document_key(), doc_id)
        self.reader.setFocus()
        self.document_changed.emit(doc_id)

    def _span_item(self, span_id: str, rec: Mapping[str, Any]) -> SpanItem:
        return span_item(self.project.schema, span_id, rec["start"], rec["end"], rec["label"])

    def _span_items(self) -> list[SpanItem]:
        if self.current_doc_id is None:
            return []
        return span_items(self.project, self.current_doc_id)

    def set_status(self, status: str) -> None:
        if self.current_doc_id:
            self.runner.run(self.tr("Mark document %1").replace("%1", status), self.project.set_status,
                            self.current_doc_id, status)

    def go_next_unannotated(self) -> str | None:
        """Open the next document (in list order, wrapping) whose status is new or in progress."""
        model, proxy = self.doc_list.model, self.doc_list.proxy
        rows = [proxy.mapToSource(proxy.index(i, 0)).row() for i in range(proxy.rowCount())]
        ids = [model.doc_id(r) for r in rows]
        if not ids:
            return None
        start = ids.index(self.current_doc_id) + 1 if self.current_doc_id in ids else 0
        for doc_id in ids[start:] + ids[:start]:
            if doc_id != self.current_doc_id and model.info(model.row_of(doc_id)).status in OPEN_STATUSES:
                self.open_document(doc_id)
                return doc_id
        self.statusBar().showMessage(self.tr("No unannotated document left"), 5000)
        return None

    def set_theme(self, dark: bool) -> None:
        """Light or dark: the reader's page and the whole interface palette."""
        name = "dark" if dark else "light"
        self.reader.set_theme(name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(THEMES[name].app_palette(app.style().standardPalette()))

    def set_direction_override(self, direction: str | None) -> None:
        """Force a direction on the current document (stored in its metadata, undoable)."""
        if self._doc is None:
            return
        meta = dict(self._doc.meta)
        if direction:
            meta["direction_override"] = direction
        else:
            meta.pop("direction_override", None)
        if meta != dict(self._doc.meta):
            self.runner.run(self.tr("Change text direction"), self.project.update_document,
                            self._doc.id, meta=meta)

    # -- annotating ------------------------------------------------------------------------------------
    def target_range(self) -> tuple[int, int] | None:
        """The range a span made from the reader's selection stores (the reader outlines it beforehand)."""
        return self.reader.target_range()

    def stored_range(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The one rule for every span made from a selection (entity, trigger, argument): the reader's rule.

        Word snapping (on by default) widens an edge inside a word to the word's edge unless it falls on a
        clitic boundary (``annotations.clitics.snap_selection``); "strip clitics" then drops proclitics.
        """
        if self.actions.snap_words.isChecked():
            start, end = snap_selection(text, start, end)
        if self.actions.clitic_snap.isChecked():
            offer = suggest_span(text, start, end, self.actions.strip_article.isChecked())
            if offer:
                start, end = offer
        return (start, end) if start < end else None

    def annotate(self, label: str) -> str | None:
        """Label key or palette: create a span on the selection, or relabel the selected span."""
        if self.current_doc_id is None:
            return None
        rng = self.target_range()
        if rng is None:
            selected = self.reader.selected_span()
            if selected:
                self.change_label(selected, label)
                return selected
            self.statusBar().showMessage(self.tr("Select some text first, then press a label key"), 5000)
            return None
        span_id = self.runner.run(self.tr("Add %1 span").replace("%1", label), self.project.add_span,
                                  self.current_doc_id, rng[0], rng[1], label)
        if span_id:
            self.reader.clear_selection()
            self.reader.select_span(span_id, scroll=False)
            self.annotation_panel.select_span(span_id)
        return span_id

    def change_label(self, span_id: str, label: str) -> None:
        self.runner.run(self.tr("Change label to %1").replace("%1", label), self.project.update_span,
                        span_id, label=label)

    def change_details(self, span_id: str, attributes: dict, note: str | None) -> None:
        self.runner.run(self.tr("Edit span details"), self.project.update_span, span_id,
                        attributes=attributes, note=note)

    def delete_span(self, span_id: str) -> None:
        if self.events is not None and self.project.usage_of(span_id):
            self.events.delete_span(span_id)  # events/relations use it: ask, then cascade as one undo step
            return
        self.runner.run(self.tr("Delete span"), self.project.remove_span, span_id)

    def delete_selected_span(self) -> None:
        span_id = self.reader.selected_span() or self.annotation_panel.current_span()
        if span_id:
            self.delete_span(span_id)

    def accept_clitic_offer(self) -> None:
        """Narrow the selection to the span without its proclitics (the offer shown in the status bar)."""
        rng = self.reader.selected_range()
        if rng is None:
            return
        text = self.reader.text()
        start, end = snap_selection(text, *rng) if self.actions.snap_words.isChecked() else rng
        offer = suggest_span(text, start, end, self.actions.strip_article.isChecked())
        if offer:  # its start is a clitic boundary, which the rule keeps: the offer is stored as shown
            self.reader.select_range(*offer, scroll=False)

    def jump_to_span(self, span_id: str) -> None:
        if self.reader.painter.item(span_id):
            self.reader.select_span(span_id)

    # -- find ------------------------------------------------------------------------------------------
    @property
    def find_panel(self) -> FindPanel:
        """The find panel, built (and put in its dock) on first use."""
        if self._find_panel is None:
            from ..reader.find import FindPanel

            panel = FindPanel(self)
            panel.set_sources(lambda: self._doc, lambda: self.project.iter_documents())
            panel.hit_activated.connect(self._on_hit)
            panel.hits_changed.connect(self._on_hits)
            self._find_panel = panel
            self.find_dock.setWidget(panel)
        return self._find_panel

    def _on_find_dock_visible(self, visible: bool) -> None:
        if visible:
            _ = self.find_panel  # e.g. shown by a restored window state

    def show_find(self, scope: int) -> None:
        self.find_dock.show()
        self.find_dock.raise_()
        self.find_panel.focus_query(scope)

    def _on_hit(self, doc_id: str, start: int, end: int) -> None:
        if doc_id != self.current_doc_id:
            self.open_document(doc_id)
            self._on_hits(doc_id, [(h.start, h.end) for h in self.find_panel.hits if h.doc_id == doc_id])
        hits = [(h.start, h.end) for h in self.find_panel.hits if h.doc_id == doc_id]
        current = hits.index((start, end)) if (start, end) in hits else -1
        self.reader.set_hits(hits, current)
        self.reader.select_range(start, end)

    def _on_hits(self, doc_id: str, ranges: list[tuple[int, int]]) -> None:
        if doc_id == self.current_doc_id:
            self.reader.set_hits(ranges)

    # -- reacting to the core --------------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        """Mirror one core change: only the spans and rows it touched are redrawn."""
        for doc_id in change.doc_ids:
            if doc_id in change.after and change.after[doc_id].get("doc") is None:
                self.doc_list.model.refresh()  # a document was removed
                break
            self.doc_list.model.update_document(doc_id)
        doc_id = self.current_doc_id
        if doc_id and doc_id in change.doc_ids:
            before, after = change.before.get(doc_id, {}), change.after.get(doc_id, {})
            text = self.reader.text()
            for rid in set(before) | set(after):
                if kind_of(rid) != "span":
                    continue
                rec = after.get(rid)
                if rec is None:
                    self.reader.remove_span(rid)
                    self.annotation_panel.remove(rid)
                else:
                    self.reader.update_span(self._span_item(rid, rec))
                    self.annotation_panel.upsert(Span.from_record({**rec, "id": rid}, text))
            doc_after = after.get("doc")
            if doc_after is not None:
                old_meta = dict(self._doc.meta) if self._doc else {}
                self._doc = self.project.document(doc_id)
                if dict(self._doc.meta) != old_meta:
                    self._reload_layout()
            if self.reader.selected_span() and self.reader.painter.item(self.reader.selected_span()) is None:
                self.reader.select_span(None)
        if change.schema_after is not None:
            self._apply_schema()
            self.reader.set_spans(self._span_items())
        self._update_progress()
        self._mark_saved()

    def _reload_layout(self) -> None:
        """Re-lay the current document out after its metadata (direction) changed; spans are kept."""
        doc = self._doc
        if doc is None:
            return
        override = doc.meta.get("direction_override")
        self.reader.options.direction_override = override if override in ("rtl", "ltr") else None
        {"rtl": self.actions.dir_rtl, "ltr": self.actions.dir_ltr}.get(
            str(override), self.actions.dir_auto).setChecked(True)
        self.reader.set_document(doc.text, doc.title, doc.meta, self._span_items())

    def _update_progress(self) -> None:
        docs = self.project.documents()
        done = sum(1 for d in docs if d.status in ("done", "skipped"))
        text = self.tr("Done %1/%2").replace("%1", str(done)).replace("%2", str(len(docs)))
        self.progress_label.setText(text)

    def _mark_saved(self) -> None:
        # Every core call is durable when it returns: the indicator says so after each edit.
        self.saved_label.setText(self.tr("All changes saved"))

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    # -- reader feedback -------------------------------------------------------------------------------
    def _on_span_clicked(self, span_id: str) -> None:
        self.annotation_panel.select_span(span_id or None)

    def _on_cursor_offset(self, offset: int) -> None:
        self.offset_label.setText(self.tr("Offset %1").replace("%1", str(offset)) if offset >= 0 else "")

    def _on_selection(self, start: int, end: int) -> None:
        if start == end:
            return
        text = self.reader.text()
        if self.actions.snap_words.isChecked():
            start, end = snap_selection(text, start, end)
        offer = suggest_span(text, start, end, self.actions.strip_article.isChecked())
        if offer and not self.actions.clitic_snap.isChecked():
            self.statusBar().showMessage(
                self.tr("Alt+C selects «%1» without the clitics «%2»")
                .replace("%1", text[offer[0]:offer[1]]).replace("%2", text[start:offer[0]]), 8000)

    def _fill_recent_menu(self) -> None:
        from ..io.bidi_paths import display_path
        from .recent import recent_projects

        self.recent_menu.clear()
        mine = str(self.project.path.resolve()) if self.project.path else None
        for path in recent_projects():
            if path == mine:
                continue
            action = self.recent_menu.addAction(display_path(path))
            action.setData(path)
            action.triggered.connect(lambda _=False, p=path: self.project_requested.emit(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("No other recent project")).setEnabled(False)

    def _on_open_project(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # only when asked: keeps its class and enums off start-up

        path = QFileDialog.getExistingDirectory(self, self.tr("Open project folder"))
        if path:
            self.project_requested.emit(path)

    def _last_document_key(self) -> str:
        import hashlib  # a settings key per project folder (a path is not a valid key)

        digest = hashlib.sha1(str(self.project.path).encode("utf-8")).hexdigest()[:16]
        return f"last-document/{digest}"

    def _last_document(self) -> str | None:
        """The document last shown for this project folder, else the first one stored."""
        model = self.doc_list.model
        if self.project.path is not None:
            last = QSettings().value(self._last_document_key())
            if last and model.row_of(str(last)) >= 0:
                return str(last)
        return model.doc_id(0) if model.rowCount() else None

    # -- settings: window geometry and view state only (never data) ------------------------------------
    STATE_VERSION = 2  # window states saved since the direction is fixed at construction

    def _state_key(self) -> str:
        # Dock positions are mirrored in a right-to-left interface: keep one layout per direction.
        return "window/state-rtl" if self._rtl else "window/state-ltr"

    def _mirror_side_docks(self) -> None:
        """Documents at the start side, labels at the end side (right and left in Arabic)."""
        start, end = self._side_areas
        for dock, area in ((self.list_dock, start), (self.labels_dock, end)):
            if self.dockWidgetArea(dock) != area and not dock.isFloating():
                self.addDockWidget(area, dock)

    def _restore_settings(self) -> None:
        s = QSettings()
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self._first_run_geometry()
        state = s.value(self._state_key())
        if state is not None:
            self.restoreState(state)
            if s.value(self._state_key() + "-version") != str(self.STATE_VERSION):
                # Saved by an older version, which could store a left-to-right layout under the
                # right-to-left key after a language switch: put the side docks where they belong.
                self._mirror_side_docks()
        zoom = s.value("reader/zoom")
        if zoom is not None:
            self.reader.set_zoom(float(zoom))
        if s.value("reader/theme") == "dark":
            self.actions.dark_theme.setChecked(True)
        language = s.value("ui/language", "system")
        {"en": self.actions.lang_en, "ar": self.actions.lang_ar}.get(
            str(language), self.actions.lang_system).setChecked(True)

    FIRST_RUN_SHARE = 0.85  # of the available screen, on first run
    SIDE_DOCK_SHARE = 0.2  # of the window width, for each side dock: the reader keeps the rest (≥ half)

    def _first_run_geometry(self) -> None:
        """No saved geometry: about 85% of the available screen, centred, the reader at least half wide."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        width, height = int(area.width() * self.FIRST_RUN_SHARE), int(area.height() * self.FIRST_RUN_SHARE)
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)
        side = int(width * self.SIDE_DOCK_SHARE)
        self.resizeDocks([self.list_dock, self.labels_dock], [side, side], Qt.Orientation.Horizontal)

    def save_settings(self) -> None:
        s = QSettings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue(self._state_key(), self.saveState())
        s.setValue(self._state_key() + "-version", str(self.STATE_VERSION))
        s.setValue("reader/zoom", self.reader.options.zoom)
        s.setValue("reader/theme", self.reader.options.theme.name)

    def detach(self) -> None:
        """Stop following the project (before this window is dropped): no callbacks into deleted widgets."""
        self.signals.detach()
        events = self._events
        if events is None:
            return
        if hasattr(events, "detach"):
            events.detach()
        elif getattr(events, "_subscribed", None) is not None:
            # The events controller has no public detach yet (requested); undo its subscription here.
            events._subscribed.unsubscribe(events._on_change)
            events._subscribed = None

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.save_settings()
        self.detach()
        super().closeEvent(event)
