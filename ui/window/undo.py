"""Undo/redo for the GUI: QUndoCommands over the core's ``Change`` records (``project.revert``/``apply``).

A GUI edit runs one core call; the core applies and saves it at once and records what changed in
``project.last_change``. ``UndoRunner.run`` pushes that change as a command whose first ``redo`` (called by
``QUndoStack.push``) does nothing. ``UndoRunner.group`` makes a bulk edit one undo step.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from PySide6.QtGui import QUndoCommand, QUndoStack

from annotations import AnnotationError, Change, Project

T = TypeVar("T")


class ChangeCommand(QUndoCommand):
    """One core change that is already applied when pushed; undo reverts it, redo applies it again."""

    def __init__(self, project: Project, change: Change, text: str,
                 on_error: Callable[[str], None] | None = None) -> None:
        super().__init__(text)
        self.project = project
        self.change = change
        self._on_error = on_error
        self._fresh = True

    def redo(self) -> None:
        if self._fresh:  # QUndoStack.push calls redo(); the core call already did it
            self._fresh = False
            return
        self._guard(self.project.apply, self.change)

    def undo(self) -> None:
        self._guard(self.project.revert, self.change)

    def _guard(self, fn: Callable[[Change], Any], change: Change) -> None:
        try:
            fn(change)
        except AnnotationError as exc:
            if self._on_error is None:
                raise
            self._on_error(str(exc))


class UndoRunner:
    """Runs core edits and records them on a QUndoStack.

    Attributes:
        project: the open project.
        stack: the window's undo stack.
        on_error: receives the message of an edit the core refused (nothing is stored then).
    """

    def __init__(self, project: Project, stack: QUndoStack, on_error: Callable[[str], None]) -> None:
        self.project = project
        self.stack = stack
        self.on_error = on_error

    def run(self, text: str, call: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Run ``call(*args, **kwargs)`` (a mutating core call) and push its change; ``None`` if refused."""
        before = self.project.last_change
        try:
            result = call(*args, **kwargs)
        except AnnotationError as exc:
            self.on_error(str(exc))
            return None
        change = self.project.last_change
        if change is not None and change is not before:
            self.stack.push(ChangeCommand(self.project, change, text, self.on_error))
        return result

    @contextlib.contextmanager
    def group(self, text: str) -> Iterator[None]:
        """Everything run inside is one undo step (a QUndoStack macro)."""
        self.stack.beginMacro(text)
        try:
            yield
        finally:
            self.stack.endMacro()
