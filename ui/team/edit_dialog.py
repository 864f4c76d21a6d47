"""The curator's own gold span for a disagreement: extent (code points inside the cluster) and label."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from annotations.team.disagreements import Cluster

from ..common.dialog_parts import ok_cancel


class EditDialog(QDialog):
    """Start, end and label of one gold span, within ``cluster``; prefilled from its first candidate.

    Attributes:
        start_spin, end_spin, label_combo, preview: the form (preview shows the text chosen).
    """

    def __init__(self, cluster: Cluster, text: str, labels: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("curation_edit_dialog")
        self.setWindowTitle(self.tr("Edit the gold span"))
        self._text = text
        first = next((s for spans in cluster.candidates.values() for s in spans), None)
        self.start_spin = QSpinBox(self)
        self.end_spin = QSpinBox(self)
        for spin in (self.start_spin, self.end_spin):
            spin.setRange(cluster.start, cluster.end)
        self.start_spin.setValue(first.start if first else cluster.start)
        self.end_spin.setValue(first.end if first else cluster.end)
        self.label_combo = QComboBox(self)
        self.label_combo.addItems(list(labels))
        if first is not None and first.label in labels:
            self.label_combo.setCurrentText(first.label)
        self.preview = QLabel(self)
        self.preview.setObjectName("curation_edit_preview")
        form = QFormLayout()
        form.addRow(self.tr("Start:"), self.start_spin)
        form.addRow(self.tr("End:"), self.end_spin)
        form.addRow(self.tr("Label:"), self.label_combo)
        form.addRow(self.tr("Text:"), self.preview)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self))
        self.start_spin.valueChanged.connect(self._update_preview)
        self.end_spin.valueChanged.connect(self._update_preview)
        self._update_preview()

    def _update_preview(self) -> None:
        # the stored text, sliced by code points (never text read back from a widget)
        self.preview.setText(self._text[self.start_spin.value():self.end_spin.value()])

    def span(self) -> tuple[int, int, str]:
        return self.start_spin.value(), self.end_spin.value(), self.label_combo.currentText()
