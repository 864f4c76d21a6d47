"""The core's ``Progress`` shown as a ``QProgressDialog`` whose Cancel button cancels the operation.

Long core operations (import, export) run on the GUI thread: ``annotations.Project`` is not thread-safe,
and the main window mirrors every core change synchronously. The dialog is window-modal, so while the
operation runs the user can only watch and cancel, and events are processed between units of work
(throttled) to keep the window painted and the Cancel button live.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotations.progress import Progress

from .bidi_paths import display_path, looks_like_path

# Events are processed at most this often (seconds): often enough for a live Cancel button, rarely
# enough that thousands of tiny articles are not slowed down by repainting.
PUMP_INTERVAL = 0.05
# The label shows the current file; long paths are elided in the middle to this width (pixels).
LABEL_WIDTH = 420


class QtProgress(QObject, Progress):
    """A ``Progress`` that drives a window-modal ``QProgressDialog``.

    Signals:
        advanced(int, int): after each step, ``(done, total)``; emitted before events are processed,
            so a slot may cancel the operation at an exact step.

    Attributes:
        dialog: the progress dialog (hidden until the operation has run for a moment).
    """

    advanced = Signal(int, int)

    def __init__(self, parent: QWidget | None, title: str, min_duration_ms: int = 300) -> None:
        QObject.__init__(self, parent)
        Progress.__init__(self)
        self.dialog = QProgressDialog(parent)
        self.dialog.setObjectName("io_progress")
        self.dialog.setWindowTitle(title)
        self.dialog.setCancelButtonText(self.tr("Cancel"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(min_duration_ms)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumWidth(LABEL_WIDTH + 60)
        self.dialog.canceled.connect(self._on_canceled)
        self._last_pump = 0.0
        self._pending_label: str | None = None
        self._titles: dict[str, str] = {}

    def set_stage_titles(self, titles: dict[str, str]) -> None:
        """Translated texts for the core's stage labels (``"importing articles"`` → a ``tr`` string)."""
        self._titles = dict(titles)

    def _on_canceled(self) -> None:
        if not self.cancelled:
            self.cancel()
            self.dialog.setLabelText(self.tr("Cancelling after the current item…"))

    def start(self, total: int, label: str = "") -> None:
        super().start(total, label)
        # A range of 0..0 makes Qt show a busy indicator: right for "nothing counted yet".
        self.dialog.setRange(0, max(total, 0))
        self.dialog.setValue(0)
        self._set_label(self._titles.get(label, label))
        self._pump(force=True)

    def advance(self, n: int = 1, label: str | None = None) -> None:
        super().advance(n, label)
        if label is not None and not self.cancelled:
            self._pending_label = label  # shown at the next pump: eliding every label costs more than the step
        if n:
            self.advanced.emit(self.done, self.total)
        self._pump()

    def finish(self) -> None:
        super().finish()
        self.dialog.setValue(self.dialog.maximum())

    def close(self) -> None:
        """Hide the dialog for good (the operation is over)."""
        self.dialog.canceled.disconnect(self._on_canceled)
        self.dialog.reset()  # stops the timer that would show the dialog after min_duration_ms
        self.dialog.hide()
        self.dialog.deleteLater()

    def _set_label(self, text: str) -> None:
        metrics = QFontMetrics(self.dialog.font())
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, LABEL_WIDTH)
        self.dialog.setLabelText(display_path(shown) if looks_like_path(shown) else shown)

    def _pump(self, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._last_pump >= PUMP_INTERVAL:
            self._last_pump = now
            if self._pending_label is not None and not self.cancelled:
                self._set_label(self._pending_label)
            self._pending_label = None
            # setValue also shows the dialog once the operation has lasted min_duration_ms (and, once
            # shown, processes events itself); it is called here only, so both are throttled.
            self.dialog.setValue(min(self.done, self.dialog.maximum()))
            # User input reaches only the modal progress dialog (its Cancel button); the window repaints.
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
