"""The preview of "Label all occurrences": the count and a list of the occurrences, each with a tick box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from annotations.assist.label_all import LabelAllPlan, Occurrence


class LabelAllDialog(QDialog):
    """Shows a ``LabelAllPlan``; ``kept()`` is what the user left ticked. Nothing is written here."""

    def __init__(self, plan: LabelAllPlan, titles: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("label_all_dialog")
        self.plan = plan
        self.setWindowTitle(self.tr("Label all occurrences as %1").replace("%1", plan.label))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.list = QListWidget(self)
        self.list.setObjectName("occurrences")
        for m in plan.matches:
            where = titles.get(m.doc) or m.doc
            item = QListWidgetItem(f"{where}: …{m.before}[{m.text}]{m.after}…", self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.itemChanged.connect(lambda _item: self._update())
        self._update()
        self.resize(640, 420)

    def kept(self) -> list[Occurrence]:
        return [m for i, m in enumerate(self.plan.matches)
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def _update(self) -> None:
        n = len(self.kept())
        self.summary.setText(
            self.tr("%1 of %2 occurrence(s) of “%3” will be labelled %4; %5 skipped (already %4).")
            .replace("%1", str(n)).replace("%2", str(len(self.plan.matches))).replace("%3", self.plan.term)
            .replace("%4", self.plan.label).replace("%5", str(len(self.plan.skipped))))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(n > 0)
