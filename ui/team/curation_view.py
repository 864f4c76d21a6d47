"""The curation view: one disagreement at a time, each annotator's candidates side by side in their
colour, and the keys that decide it (the work is ``annotations.team.adjudication``'s).

Keys: A / B (or 1-9) take that annotator's candidates, T takes all (both), R rejects all, E edits,
N goes to the next open disagreement (Shift+N: the previous one), G accepts every agreed span.
Every decision is one core change run through the window's ``UndoRunner``, so Ctrl+Z / Ctrl+Shift+Z
(here and in the main window) undo and redo it; the view redraws from the project after each change.
Texts are shown whole (a candidate's text, the sentence around it): no format covers part of a word.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotations.direction import document_direction
from annotations.team.adjudication import Adjudication
from annotations.team.disagreements import Cluster

from .colors import annotator_color
from .edit_dialog import EditDialog

CONTEXT = 60  # characters shown on each side of a disagreement
KIND_TEXT = {"missing": "one annotator has a span another lacks", "label": "same extent, different labels",
             "extent": "overlapping extents"}


class CurationView(QWidget):
    """Adjudication of a curation project, one disagreement at a time.

    Attributes:
        adjudication: the core object (reads the project on every call).
        current: the disagreement shown, or None when none is left.
        progress_label, context_label, gold_label, columns: what is shown (columns: annotator -> frame).
        actions: name -> QAction (take_a, take_b, take_all, reject, edit, next, previous, accept_agreed,
            undo, redo, and take_1..take_9).
        edit_dialog: the open edit dialog, if any.

    Signals:
        cluster_changed(object): another disagreement (a ``Cluster``, or None) is shown.
    """

    cluster_changed = Signal(object)

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("curation_view")
        self.setWindowTitle(self.tr("Curation"))
        self.window_ = window
        self.project = window.project
        self.runner = window.runner
        self.adjudication = Adjudication(self.project)
        self.current: Cluster | None = None
        self.edit_dialog: EditDialog | None = None
        self.columns: dict[str, QFrame] = {}
        self._build()
        self._make_actions()
        window.signals.changed.connect(self._on_change)
        self.show_cluster(self.adjudication.next_disagreement())

    # -- construction ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("curation_progress")
        self.title_label = QLabel(self)
        self.kind_label = QLabel(self)
        self.context_label = QLabel(self)
        self.context_label.setObjectName("curation_context")
        self.context_label.setWordWrap(True)
        self.context_label.setTextFormat(Qt.TextFormat.PlainText)
        self.row = QHBoxLayout()
        self.gold_label = QLabel(self)
        self.gold_label.setObjectName("curation_gold")
        self.gold_label.setTextFormat(Qt.TextFormat.PlainText)
        self.accept_button = QPushButton(self.tr("Accept all agreed spans (G)"), self)
        self.accept_button.setObjectName("curation_accept_agreed")
        self.accept_button.clicked.connect(self.accept_agreed)
        help_label = QLabel(self.tr("A / B: take that annotator's · T: take all · R: reject all · E: edit · "
                                    "N: next · Ctrl+Z: undo"), self)
        layout = QVBoxLayout(self)
        for w in (self.progress_label, self.title_label, self.kind_label, self.context_label):
            layout.addWidget(w)
        layout.addLayout(self.row)
        layout.addWidget(self.gold_label)
        layout.addWidget(self.accept_button)
        layout.addWidget(help_label)

    def _make_actions(self) -> None:
        self.actions: dict[str, QAction] = {}
        specs = [
            ("take_a", "A", lambda: self.take_nth(0)), ("take_b", "B", lambda: self.take_nth(1)),
            ("take_all", "T", self.take_all), ("reject", "R", self.reject), ("edit", "E", self.edit),
            ("next", "N", self.go_next), ("previous", "Shift+N", self.go_previous),
            ("accept_agreed", "G", self.accept_agreed),
            ("undo", QKeySequence.StandardKey.Undo, self.runner.stack.undo),
            ("redo", QKeySequence.StandardKey.Redo, self.runner.stack.redo),
        ]
        specs += [(f"take_{n}", str(n), lambda n=n: self.take_nth(n - 1)) for n in range(1, 10)]
        # Keys are read in keyPressEvent rather than as shortcuts: the bare letters must reach this
        # view whichever window is active (and not fire while typing in the main window).
        self._keys: dict[QKeySequence, QAction] = {}
        for name, key, slot in specs:
            action = QAction(self)
            action.setObjectName(f"curation_{name}")
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.actions[name] = action
            for seq in QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) \
                    else [QKeySequence(key)]:
                self._keys[seq] = action
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _action_for(self, event: QKeyEvent) -> QAction | None:
        mods = event.modifiers() & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
                                    | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier)
        return self._keys.get(QKeySequence(event.key() | mods.value))

    def event(self, event: QEvent) -> bool:
        # our keys win over the main window's shortcuts (its label keys, its undo) while we have focus
        if event.type() == QEvent.Type.ShortcutOverride and self._action_for(event) is not None:  # type: ignore[arg-type]
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        action = self._action_for(event)
        if action is None:
            super().keyPressEvent(event)
            return
        event.accept()
        action.trigger()

    # -- showing ---------------------------------------------------------------------------------------
    def show_cluster(self, cluster: Cluster | None) -> None:
        """Show ``cluster`` (or that nothing is left to decide)."""
        self.current = cluster
        self._refresh()
        self.cluster_changed.emit(cluster)

    def _refresh(self) -> None:
        progress = self.adjudication.progress()
        agreed_left = self._agreed_left()
        self.progress_label.setText(self.tr("%1 of %2 resolved").replace("%1", str(progress.resolved))
                                    .replace("%2", str(progress.total)))
        self.accept_button.setEnabled(agreed_left > 0)
        self.accept_button.setText(self.tr("Accept all agreed spans (G): %1 left").replace("%1", str(agreed_left)))
        while self.row.count():
            item = self.row.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self.columns = {}
        c = self.current
        if c is None:
            self.title_label.setText(self.tr("No disagreement is left open."))
            self.kind_label.setText("")
            self.context_label.setText("")
            self.gold_label.setText("")
            return
        # the cluster may have been re-read after a change: take the fresh one at the same place
        doc = self.project.document(c.doc)
        text = doc.text
        rtl = document_direction(text, doc.meta) == "rtl"
        for w in (self.context_label, self.title_label):
            w.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
            w.setAlignment(Qt.AlignmentFlag.AlignLeading)
        self.title_label.setText(doc.title or doc.id)
        decision = self.adjudication.decision(c)
        kind = self.tr(KIND_TEXT.get(c.kind, c.kind))
        self.kind_label.setText(f"{kind} [{c.start}, {c.end})" + (f" — {decision}" if decision else ""))
        lo, hi = max(0, c.start - CONTEXT), min(len(text), c.end + CONTEXT)
        self.context_label.setText(("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else ""))
        names = list(c.candidates)
        for i, name in enumerate(names):
            frame = QFrame(self)
            frame.setObjectName(f"curation_candidate_{name}")
            frame.setStyleSheet(f"QFrame#curation_candidate_{name} {{ background: {annotator_color(name, names)}; "
                                "border-radius: 4px; }")
            box = QVBoxLayout(frame)
            key = "AB"[i] if i < 2 else str(i + 1)
            head = QLabel(f"{name} ({key})", frame)
            box.addWidget(head)
            spans = c.candidates[name]
            for s in spans:
                line = QLabel(f"{s.text}  {s.label}  [{s.start}, {s.end})", frame)
                line.setTextFormat(Qt.TextFormat.PlainText)
                line.setObjectName("curation_candidate_span")
                box.addWidget(line)
            if not spans:
                box.addWidget(QLabel(self.tr("(no span)"), frame))
            self.row.addWidget(frame)
            self.columns[name] = frame
        gold = self.adjudication.gold(c)
        self.gold_label.setText(self.tr("Gold: ") + (", ".join(f"{s.text} {s.label}" for s in gold) or "—"))

    def _agreed_left(self) -> int:
        n = 0
        for d in self.adjudication.documents():
            decided = set((self.project.document(d).meta.get("curation") or {}).get("resolved") or {})
            n += sum(1 for c in self.adjudication.clusters(d) if c.agreed and c.key not in decided)
        return n

    def _on_change(self, _change: Any) -> None:
        c = self.current
        if c is not None:  # the same place, re-read (its candidates may have changed)
            still = c.doc in self.adjudication.documents()
            fresh = [x for x in self.adjudication.clusters(c.doc) if x.key == c.key] if still else []
            self.current = fresh[0] if fresh else self.adjudication.next_disagreement(c)
        self._refresh()

    # -- deciding --------------------------------------------------------------------------------------
    def _run(self, text: str, call: Any, *args: Any) -> None:
        if self.current is None:
            return
        before = self.current
        self.runner.run(text, call, *args)
        if self.adjudication.decision(before) is not None:  # decided (not refused): on to the next open one
            self.show_cluster(self.adjudication.next_disagreement(before))

    def take_nth(self, i: int) -> None:
        if self.current is None or i >= len(self.current.candidates):
            return
        name = list(self.current.candidates)[i]
        self._run(self.tr("take %1").replace("%1", name), self.adjudication.take, self.current, [name])

    def take_all(self) -> None:
        self._run(self.tr("take all"), self.adjudication.take_all, self.current)

    def reject(self) -> None:
        self._run(self.tr("reject all"), self.adjudication.reject, self.current)

    def edit(self) -> None:
        if self.current is None:
            return
        labels = [t.name for t in self.project.schema.entity_types] + [t.name for t in self.project.schema.event_types]
        text = self.project.document(self.current.doc).text
        self.edit_dialog = EditDialog(self.current, text, labels, self)
        self.edit_dialog.accepted.connect(self._on_edit_accepted)
        self.edit_dialog.open()

    def _on_edit_accepted(self) -> None:
        dialog = self.edit_dialog
        if dialog is None or self.current is None:
            return
        self._run(self.tr("edit gold span"), self.adjudication.edit, self.current, [dialog.span()])

    def accept_agreed(self) -> None:
        """Every document's agreed spans, as one undo step (one change per document, grouped)."""
        text = self.tr("accept agreed spans")
        with self.runner.group(text):
            for d in self.adjudication.documents():
                self.runner.run(text, self.adjudication.accept_agreed, d)
        self._refresh()

    def go_next(self) -> None:
        self.show_cluster(self.adjudication.next_disagreement(self.current, unresolved=False))

    def go_previous(self) -> None:
        items = self.adjudication.disagreements()
        if not items:
            self.show_cluster(None)
            return
        keys = [(c.doc, c.key) for c in items]
        here = (self.current.doc, self.current.key) if self.current else None
        i = keys.index(here) if here in keys else 0
        self.show_cluster(items[i - 1])


def open_curation_view(window: Any) -> CurationView:
    """A curation view window for the main window's project (kept on ``window``, not modal)."""
    dialog = QDialog(window)
    dialog.setObjectName("curation_window")
    dialog.setWindowTitle(dialog.tr("Curation"))
    view = CurationView(window, dialog)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    dialog.resize(900, 420)
    dialog.show()
    view.setFocus()
    return view
