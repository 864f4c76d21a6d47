"""The suggestions panel: the project's running acceptance rate (and this session's), the last
training's cross-validated F1, what the recommender is doing, and buttons for the suggestion keys."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from annotations.assist.tally import rate


class SuggestionsPanel(QWidget):
    """Mirrors the assist controller's state; its buttons emit intent signals.

    Signals:
        accept_requested, reject_requested, next_requested, accept_all_requested, train_requested.
    """

    accept_requested = Signal()
    reject_requested = Signal()
    next_requested = Signal()
    accept_all_requested = Signal()
    train_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestions_panel")
        grid = QGridLayout(self)
        self.open_label = QLabel(self)
        self.rate_label = QLabel(self)
        self.f1_label = QLabel(self)
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        for row, w in enumerate((self.open_label, self.rate_label, self.f1_label, self.state_label)):
            grid.addWidget(w, row, 0, 1, 2)
        buttons = [(self.tr("Accept"), self.accept_requested), (self.tr("Reject"), self.reject_requested),
                   (self.tr("Next"), self.next_requested), (self.tr("Accept all"), self.accept_all_requested),
                   (self.tr("Train now"), self.train_requested)]
        self.buttons: dict[str, QPushButton] = {}
        for i, (text, signal) in enumerate(buttons):
            b = QPushButton(text, self)
            b.clicked.connect(signal.emit)
            grid.addWidget(b, 4 + i // 2, i % 2)
            self.buttons[text] = b
        grid.setRowStretch(8, 1)
        self.set_counts(0, None)
        self.set_f1(None)
        self.set_state(self.tr("No model yet"))

    def set_counts(self, open_here: int, project: tuple[int, int] | None,
                   session: tuple[int, int] = (0, 0)) -> None:
        """Show the open suggestions of this document and the acceptance rates: ``project`` is
        ``(accepted, rejected)`` over the whole project (``None`` while it is being counted),
        ``session`` the same for this session."""
        self.open_label.setText(self.tr("Suggestions in this document: %1").replace("%1", str(open_here)))
        if project is None:
            text = self.tr("Acceptance rate in this project: counting…")
        else:
            text = self._rate(self.tr("Acceptance rate in this project: %1 (%2 of %3)"), *project)
        if sum(session):
            text += "\n" + self._rate(self.tr("This session: %1 (%2 of %3)"), *session)
        self.rate_label.setText(text)

    @staticmethod
    def _rate(template: str, accepted: int, rejected: int) -> str:
        value = rate(accepted, rejected)
        shown = "—" if value is None else f"{100 * value:.0f}%"
        return template.replace("%1", shown).replace("%2", str(accepted)).replace("%3", str(accepted + rejected))

    def set_f1(self, f1: float | None) -> None:
        self.f1_label.setText(self.tr("Cross-validated F1 of the last training: %1")
                              .replace("%1", "—" if f1 is None else f"{f1:.3f}"))

    def set_state(self, text: str) -> None:
        self.state_label.setText(text)
