"""Adapter that re-emits the core's plain change callbacks as a Qt signal (the core stays Qt-free)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from annotations import Change, Project


class ProjectSignals(QObject):
    """Subscribes to a project and emits ``changed(Change)`` after every core change (undo/redo included).

    Signals:
        changed(object): the ``annotations.Change`` just made.
    """

    changed = Signal(object)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        project.subscribe(self._on_change)
        self._attached = True

    def _on_change(self, change: Change) -> None:
        self.changed.emit(change)

    def detach(self) -> None:
        """Unsubscribe (safe to call twice)."""
        if self._attached:
            self._attached = False
            self.project.unsubscribe(self._on_change)
