"""The Agreement window: the report of ``annotations.team.agreement`` as tables, with the token
confusion matrix drawn as a heatmap, and a button that saves the HTML report."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotations.team.agreement import KEYS, agreement
from annotations.team.report_html import report_html

PAIR_KEYS = ("f1_exact", "f1_overlap", "cohen_kappa", "triggers_f1", "arguments_f1", "relations_f1")


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _table(parent: QWidget, name: str, columns: Sequence[str], rows: Sequence[Sequence[str]],
           row_names: Sequence[str] | None = None) -> QTableWidget:
    table = QTableWidget(len(rows), len(columns), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(columns))
    if row_names is not None:
        table.setVerticalHeaderLabels(list(row_names))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.resizeColumnsToContents()
    return table


class AgreementWindow(QDialog):
    """Agreement between the annotators of a project.

    Attributes:
        report: the ``agreement()`` dict shown.
        summary, pairs_table, scores_table, confusion_table, save_button: its parts.
        save_path: where ``save_html`` writes (asked with a file dialog when None).
    """

    def __init__(self, project: Any, parent: QWidget | None = None, report: Mapping[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreement_window")
        self.setWindowTitle(self.tr("Agreement"))
        self.project = project
        self.report = dict(report) if report is not None else agreement(project)
        r = self.report
        self.summary = QLabel(self)
        self.summary.setObjectName("agreement_summary")
        self.summary.setWordWrap(True)
        d = r["disagreements"]
        self.summary.setText(
            self.tr("%1 annotators (%2), %3 documents, %4 tokens; %5 disagreements")
            .replace("%1", str(len(r["annotators"]))).replace("%2", ", ".join(r["annotators"]))
            .replace("%3", str(r["documents"])).replace("%4", str(r["tokens"])).replace("%5", str(d["count"])))
        tabs = QTabWidget(self)
        self.pairs_table = _table(self, "agreement_pairs", ["a", "b", *PAIR_KEYS],
                                  [[p["a"], p["b"], *(_num(p[k]) for k in PAIR_KEYS)] for p in r["pairs"]])
        rows = [("overall", r["overall"]), *r["labels"].items()]
        self.scores_table = _table(self, "agreement_scores", list(KEYS),
                                   [[_num(v[k]) for k in KEYS] for _, v in rows], [n for n, _ in rows])
        self.confusion_table = self._confusion()
        tabs.addTab(self.scores_table, self.tr("Overall and per label"))
        tabs.addTab(self.pairs_table, self.tr("Pairs"))
        tabs.addTab(self.confusion_table, self.tr("Confusion matrix"))
        self.save_button = QPushButton(self.tr("Save HTML report…"), self)
        self.save_button.setObjectName("agreement_save_html")
        self.save_button.clicked.connect(lambda: self.save_html())
        self.save_path: str | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(tabs)
        layout.addWidget(self.save_button)
        self.resize(820, 480)

    def _confusion(self) -> QTableWidget:
        cats = self.report["confusion"]["categories"]
        matrix = self.report["confusion"]["matrix"]
        table = _table(self, "agreement_confusion", cats, [[str(n) for n in row] for row in matrix], cats)
        top = max((max(row) for row in matrix), default=0) or 1
        for i, row in enumerate(matrix):
            for j, n in enumerate(row):
                share = n / top
                color = QColor(int(255 - 180 * share), int(255 - 120 * share), 255) if i == j else \
                    QColor(255, int(255 - 200 * share), int(255 - 200 * share))
                item = table.item(i, j)
                if item is not None:
                    item.setBackground(color)
                    item.setForeground(QColor("#000000"))
        return table

    def save_html(self, path: str | None = None) -> str | None:
        """Write the HTML report to ``path`` (or ``save_path``, or one asked for); returns the path."""
        path = path or self.save_path
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the agreement report"), "agreement.html",
                                                  self.tr("HTML (*.html)"))
            if not path:
                return None
        from pathlib import Path

        from annotations.store.files import atomic_write_bytes

        atomic_write_bytes(Path(path), report_html(self.report).encode("utf-8"))
        return path
