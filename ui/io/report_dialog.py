"""The report shown after an import or export: translated counts, then the core's report line by line."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from .bidi_paths import isolate_paths


class ReportDialog(QDialog):
    """A report: an icon and a headline, a table of counts and the full report text.

    The report text comes from the core (``ImportReport.lines()``/``ExportReport.lines()``) so the
    GUI shows exactly what the CLI prints; each line is its own paragraph, laid out by its own first
    strong character, and the file paths named in ``paths`` are shown isolated (``ui.io.bidi_paths``) so a
    line naming Arabic folders and files keeps them in order. Copy gives the report without the isolates.

    Attributes:
        headline: the one-sentence outcome.
        counts: ``(label, value)`` rows shown under the headline.
        lines: the report lines as the core wrote them.
        details: the report lines as shown (read-only).
        ok: False when something failed or the operation was cancelled (warning icon).
    """

    def __init__(self, title: str, headline: str, counts: Sequence[tuple[str, str]], lines: Sequence[str],
                 ok: bool, parent: QWidget | None = None, paths: Iterable[str] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("io_report")
        self.setWindowTitle(title)
        self.ok = ok
        icon = QLabel(self)
        pixmap = QStyle.StandardPixmap.SP_MessageBoxInformation if ok else QStyle.StandardPixmap.SP_MessageBoxWarning
        icon.setPixmap(self.style().standardIcon(pixmap).pixmap(32, 32))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.headline = QLabel(headline, self)
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        form = QFormLayout()
        # Keep each count beside its label, not pushed to the far edge of the dialog.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.counts = list(counts)
        for label, value in self.counts:
            value_label = QLabel(value, self)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value_label)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("io_report_details")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.lines = list(lines)
        self.details.setPlainText(isolate_paths("\n".join(self.lines), paths))
        self.details.setVisible(bool(lines))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(self.tr("Copy report"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self._copy)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(icon)
        head = QVBoxLayout()
        head.addWidget(self.headline)
        head.addLayout(form)
        top.addLayout(head, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 420 if lines else 180)

    def text(self) -> str:
        """The whole report as plain text (what Copy puts on the clipboard)."""
        rows = [self.headline.text()] + [f"{label} {value}" for label, value in self.counts]
        return "\n".join(rows + self.lines)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
