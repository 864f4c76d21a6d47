"""Wire assisted annotation into the main window: actions and keys, the Assist menu, the suggestion layer
in the reader, the suggestions panel and the background trainer.

``install_assist(main_window)`` is the one entry point. It uses public things of the main window only:
``project``, ``reader``, ``runner`` (``UndoRunner``: every user edit is one undo step), ``signals``
(``ProjectSignals``), ``current_doc_id``, ``document_changed``, ``find_panel`` and ``labels_dock``.
Suggestions written by the recommender are not undo steps (the user did not make them); accepting,
rejecting and label all are.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDockWidget, QFileDialog, QInputDialog, QWidget

from annotations import AnnotationError, Change, ProjectError
from annotations.assist.crf import MIN_DOCS, ModelVersionError, Recommender
from annotations.assist.gazetteer import Gazetteer, load_gazetteer, starter_gazetteer
from annotations.assist.suggest import MODEL_NAME, training_docs
from annotations.assist.tally import AcceptanceTally
from annotations.model import kind_of

from .label_all_dialog import LabelAllDialog
from .suggestion_layer import SuggestionLayer
from .suggestions_panel import SuggestionsPanel
from .trainer import BackgroundTrainer, Job

RETRAIN_EVERY = 3  # new spans before the recommender retrains
RETRAIN_DELAY_MS = 800  # wait for a pause in annotating before retraining
COUNT_SLICE = 100  # documents whose stored decisions are counted per idle turn of the event loop
KEYS = {
    "accept": "Alt+A",
    "reject": "Alt+X",
    "next": "Alt+N",
    "accept_all": "Alt+Shift+A",
    "label_all_doc": "Ctrl+Alt+L",
    "label_all_corpus": "Ctrl+Alt+Shift+L",
}


class AssistController(QObject):
    """The assisted-annotation tools of one main window (see the module docstring).

    Attributes:
        layer: the open document's suggestions as drawn in the reader.
        panel: the suggestions panel; trainer: the background trainer.
        tally: suggestions accepted and rejected in the project and in this session (the acceptance rates),
            counted from the stored records a slice at a time, then followed change by change.
    """

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.project = window.project
        self.gazetteers = [starter_gazetteer()]
        colors = {t.name: t.color for t in self.project.schema.entity_types}
        self.layer = SuggestionLayer(colors)
        window.reader.painter.overlays.append(self.layer.paint)
        self.panel = SuggestionsPanel(window)
        self.dock = QDockWidget(self.tr("Suggestions"), window)
        self.dock.setObjectName("suggestions_dock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(window.dockWidgetArea(window.labels_dock), self.dock)
        self.trainer = BackgroundTrainer(self.gazetteers, self)
        self.gazetteers = self.trainer.worker.gazetteers  # one list: loading a gazetteer reaches the worker
        self.trainer.finished.connect(self._on_result)
        self.trainer.busy_changed.connect(self._on_busy)
        self.tally = AcceptanceTally(self.project)
        self._counting = QTimer(self)  # counts the stored decisions between events: no freeze on a big project
        self._counting.setInterval(0)
        self._counting.timeout.connect(self._count_some)
        self._new_spans = 0
        self._generation = 0
        self._retrain = QTimer(self)
        self._retrain.setSingleShot(True)
        self._retrain.setInterval(RETRAIN_DELAY_MS)
        self._retrain.timeout.connect(self.train)
        self.actions = self._make_actions()
        self._connect()
        self._load_model()
        if window.current_doc_id:
            self._on_document(window.current_doc_id)
        self._counting.start()

    # -- construction ----------------------------------------------------------------------------------
    def _make_actions(self) -> dict[str, QAction]:
        w = self.window
        texts = {
            "accept": self.tr("&Accept suggestion"),
            "reject": self.tr("&Reject suggestion"),
            "next": self.tr("&Next suggestion"),
            "accept_all": self.tr("Accept all suggestions in the &document"),
            "label_all_doc": self.tr("&Label all occurrences in the document…"),
            "label_all_corpus": self.tr("Label all occurrences in &all documents…"),
        }
        actions = {}
        menu = w.menuBar().addMenu(self.tr("Ass&ist"))  # Alt+A is the accept key
        for name, text in texts.items():
            action = QAction(text, w)
            action.setObjectName(f"assist_{name}")
            action.setShortcut(QKeySequence(KEYS[name]))
            w.addAction(action)  # shortcuts work whatever has focus
            menu.addAction(action)
            actions[name] = action
        menu.addSeparator()
        for name, text in (("train", self.tr("&Train the recommender now")),
                           ("load_gazetteer", self.tr("Load a &gazetteer…"))):
            action = QAction(text, w)
            action.setObjectName(f"assist_{name}")
            menu.addAction(action)
            actions[name] = action
        return actions

    def _connect(self) -> None:
        a, p = self.actions, self.panel
        a["accept"].triggered.connect(self.accept)
        a["reject"].triggered.connect(self.reject)
        a["next"].triggered.connect(self.next)
        a["accept_all"].triggered.connect(self.accept_all)
        a["label_all_doc"].triggered.connect(lambda: self.label_all(corpus=False))
        a["label_all_corpus"].triggered.connect(lambda: self.label_all(corpus=True))
        a["train"].triggered.connect(self.train)
        a["load_gazetteer"].triggered.connect(lambda: self.load_gazetteer())
        p.accept_requested.connect(self.accept)
        p.reject_requested.connect(self.reject)
        p.next_requested.connect(self.next)
        p.accept_all_requested.connect(self.accept_all)
        p.train_requested.connect(self.train)
        self.window.document_changed.connect(self._on_document)
        self.window.signals.changed.connect(self._on_change)
        self.window.installEventFilter(self)  # the worker thread ends when the window closes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.window and event.type() == QEvent.Type.Close:
            self._retrain.stop()
            self._counting.stop()
            self.trainer.stop()
        return False

    def _model_path(self) -> Any:
        return self.project.path / MODEL_NAME if self.project.path is not None else None

    def _load_model(self) -> None:
        path = self._model_path()
        if path is None or not path.with_suffix(".json").exists():
            return
        try:
            model = Recommender.load(path, self.gazetteers)
        except ModelVersionError as exc:
            self.panel.set_state(str(exc))
            QTimer.singleShot(0, self, self.train)  # another version's model: retrain, do not load it
            return
        self.trainer.set_model(model)
        self.panel.set_f1(model.info.get("cv_f1"))
        self.panel.set_state(self.tr("Model loaded (%1 documents)").replace("%1", str(model.info.get("documents"))))

    # -- the recommender -------------------------------------------------------------------------------
    def _alive(self) -> bool:
        """False once the project is closed (a timer may still fire while the window goes)."""
        try:
            self.project.documents()
        except ProjectError:
            return False
        return True

    def train(self) -> None:
        """Retrain on every document with spans (on the worker), then suggest for the open document."""
        self._retrain.stop()
        if not self._alive():
            return
        self._new_spans = 0
        self._generation += 1
        doc_id = self.window.current_doc_id
        text = self.project.document(doc_id).text if doc_id else None
        if self.project.path is not None:  # the worker reads the documents from a read-only snapshot
            self.trainer.request(Job(self._generation, None, doc_id, text, self._model_path(),
                                     project_path=self.project.path))
        else:
            docs = tuple(training_docs(self.project, None))
            self.trainer.request(Job(self._generation, docs, doc_id, text, self._model_path()))

    def _suggest_for(self, doc_id: str) -> None:
        self._generation += 1
        self.trainer.request(Job(self._generation, None, doc_id, self.project.document(doc_id).text))

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self.panel.set_state(self.tr("Training or suggesting in the background…"))

    def _on_result(self, result: dict[str, Any]) -> None:
        if result["error"]:
            self.panel.set_state(result["error"])
        model = result["model"]
        if model is not None:
            self.panel.set_f1(model.info.get("cv_f1"))
            self.panel.set_state(self.tr("Trained on %1 documents (%2 tokens) in %3 s")
                                 .replace("%1", str(model.info["documents"])).replace("%2", str(model.info["tokens"]))
                                 .replace("%3", f"{model.info['seconds']:.1f}"))
        doc_id = result["doc_id"]
        if doc_id is None or not self._alive() or self.project.readonly \
                or doc_id not in {d.id for d in self.project.documents()}:
            return
        if result["items"] is not None:
            self.project.replace_suggestions({doc_id: result["items"]}, "model")
        for name, items in result["gazetteers"].items():
            if name != self.gazetteers[0].name:  # the starter list is a feature; loaded lists suggest
                self.project.replace_suggestions({doc_id: items}, f"gazetteer:{name}")
        self._refresh(doc_id)

    # -- mirroring the project -------------------------------------------------------------------------
    def _on_document(self, doc_id: str) -> None:
        if not self._alive():
            return
        self.layer.current = -1
        self._refresh(doc_id)
        if self.project.readonly:
            return
        if self.trainer.model is not None or self.trainer.worker.gazetteers[1:]:
            self._suggest_for(doc_id)  # within 2 s of opening
        if self.trainer.model is None and not self.trainer.busy and self._trainable():
            self._retrain.start()  # no model yet, but enough to learn from

    def _trainable(self) -> bool:
        return sum(1 for d in self.project.documents() if d.n_spans) >= MIN_DOCS

    def load_gazetteer(self, path: str | None = None) -> Gazetteer | None:
        """Load a gazetteer file (asks for one without ``path``); its matches are suggested from now on."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Load a gazetteer"), "",
                                                  self.tr("Term lists (*.txt *.tsv *.csv *.json)"))
            if not path:
                return None
        labels = [t.name for _, t in self.project.schema.all_types() if self.project.schema.is_span_label(t.name)]
        try:
            gaz = load_gazetteer(path, labels=labels)
        except AnnotationError as exc:
            self.window.show_error(str(exc))
            return None
        self.trainer.worker.gazetteers.append(gaz)
        note = self.tr("Gazetteer %1: %2 term(s) loaded").replace("%1", gaz.name).replace("%2", str(len(gaz)))
        if gaz.problems:
            note += "; " + self.tr("%1 line(s) skipped:").replace("%1", str(len(gaz.problems))) + "\n"
            note += "\n".join(gaz.problems[:10])
            self.window.show_error(note)
        self.panel.set_state(note)
        if self.window.current_doc_id:
            self._suggest_for(self.window.current_doc_id)
        return gaz

    def _count_some(self) -> None:
        if not self._alive():
            self._counting.stop()
            return
        if self.tally.count_some(COUNT_SLICE):
            self._counting.stop()
            self._show_counts()

    def _show_counts(self) -> None:
        session = self.tally.session
        project = (self.tally.project["accepted"], self.tally.project["rejected"]) if self.tally.done else None
        self.panel.set_counts(len(self.layer.items), project, (session["accepted"], session["rejected"]))

    def _on_change(self, change: Change) -> None:
        doc_id = self.window.current_doc_id
        if self.tally.apply(change):
            self._show_counts()
        new = sum(1 for d in change.after for rid, rec in change.after[d].items()
                  if kind_of(rid) == "span" and rec is not None and change.before.get(d, {}).get(rid) is None)
        if new and not change.description.startswith("undo"):
            self._new_spans += new
            if self._new_spans >= RETRAIN_EVERY:
                self._retrain.start()
        touched = set(change.after.get(doc_id, {})) | set(change.before.get(doc_id, {})) if doc_id else set()
        if any(kind_of(rid) == "suggestion" for rid in touched):
            self._refresh(doc_id)

    def _refresh(self, doc_id: str | None) -> None:
        if doc_id is None or doc_id != self.window.current_doc_id:
            return
        current = self.layer.current_item()
        self.layer.set_items(self.project.suggestions(doc_id), current.id if current else None)
        self._show_counts()
        for name in ("accept", "reject", "next", "accept_all"):
            self.actions[name].setEnabled(bool(self.layer.items))
        self.window.reader.viewport().update()

    # -- the keys ----------------------------------------------------------------------------------------
    def _target(self) -> Any:
        s = self.layer.current_item()
        if s is None and self.layer.items:
            s = self.next()
        return s

    def accept(self) -> str | None:
        s = self._target()
        if s is None:
            return None
        span_id = self.window.runner.run(self.tr("Accept suggestion"), self.project.accept_suggestion, s.id)
        if span_id is not None:
            self._after_decision(s.start)
        return span_id  # type: ignore[no-any-return]

    def reject(self) -> None:
        s = self._target()
        if s is None:
            return
        before = self.project.last_change
        self.window.runner.run(self.tr("Reject suggestion"), self.project.reject_suggestion, s.id)
        if self.project.last_change is not before:
            self._after_decision(s.start)

    def _after_decision(self, at: int) -> None:
        self.layer.step(at - 1)
        self._show_current()
        self._show_counts()

    def next(self) -> Any:
        current = self.layer.current_item()
        at = current.start if current is not None else self.window.reader.textCursor().position() - 1
        s = self.layer.step(at)
        self._show_current()
        return s

    def _show_current(self) -> None:
        s = self.layer.current_item()
        if s is not None:
            self.window.reader.scroll_to(s.start, s.end)
        self.window.reader.viewport().update()

    def accept_all(self) -> list[str]:
        doc_id = self.window.current_doc_id
        if not doc_id:
            return []
        ids = self.window.runner.run(self.tr("Accept all suggestions"), self.project.accept_all_suggestions, doc_id)
        self._refresh(doc_id)
        return ids or []

    # -- label all ---------------------------------------------------------------------------------------
    def choose_label(self, term: str) -> str | None:
        """Ask which label to give ``term`` (patched in tests)."""
        names = [t.name for t in self.project.schema.entity_types]
        label, ok = QInputDialog.getItem(self.window, self.tr("Label all occurrences"),
                                         self.tr("Label for “%1”:").replace("%1", term), names, 0, False)
        return label if ok else None

    def confirm(self, dialog: LabelAllDialog) -> bool:
        """Show the preview; True when the user applies it (patched in tests)."""
        return bool(dialog.exec() == QDialog.DialogCode.Accepted)

    def _term_and_label(self) -> tuple[str, str | None] | None:
        w = self.window
        doc_id = w.current_doc_id
        span_id = w.reader.selected_span()
        if span_id:
            span = self.project.span(span_id)
            return span.text, span.label
        rng = w.reader.selected_range()
        if rng and doc_id:
            return self.project.document(doc_id).text[rng[0]:rng[1]], None
        panel = getattr(w, "_find_panel", None)
        query = panel.query_edit.text().strip() if panel is not None else ""
        return (query, None) if query else None

    def label_all(self, corpus: bool = False) -> list[str]:
        """Label all occurrences of the selected span (or selection, or the Find query): preview, then one step."""
        w = self.window
        found = self._term_and_label()
        if found is None or not found[0].strip():
            w.show_error(self.tr("Select a span, some text, or search for a term first"))
            return []
        term, label = found
        label = label or self.choose_label(term)
        if not label:
            return []
        scope = None if corpus else ([w.current_doc_id] if w.current_doc_id else [])
        plan = self.project.plan_label_all(term, label, scope)
        if not plan.matches:
            w.statusBar().showMessage(plan.summary(), 8000)
            return []
        titles = {d.id: d.title or d.id for d in self.project.documents()} if corpus else {}
        dialog = LabelAllDialog(plan, titles, w)
        try:
            if not self.confirm(dialog):
                return []
            kept = dialog.kept()
        finally:
            dialog.deleteLater()
        ids = w.runner.run(self.tr("Label all: %1 × %2").replace("%1", str(len(kept))).replace("%2", label),
                           self.project.label_all, kept, label)
        w.statusBar().showMessage(self.tr("%1 span(s) added").replace("%1", str(len(ids or []))), 8000)
        return ids or []


def install_assist(main_window: QWidget) -> AssistController:
    """Add assisted annotation to a main window (see the module docstring for what it needs)."""
    return AssistController(main_window)

