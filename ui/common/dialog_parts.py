"""Pieces shared by the dialogs: the inline error line and the button rows."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton


def error_label(dialog: QDialog, name: str) -> QLabel:
    """A hidden, wrapping, red line where a dialog explains why it cannot go on yet."""
    label = QLabel(dialog)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b3261e")
    label.hide()
    return label


def action_buttons(dialog: QDialog, text: str, name: str) -> tuple[QDialogButtonBox, QPushButton]:
    """Cancel plus one accepting button labelled ``text`` (already translated by the dialog).

    The accept signal goes to ``dialog._on_accept``, which checks the form before closing."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, dialog)
    button = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
    button.setObjectName(name)
    buttons.accepted.connect(dialog._on_accept)  # type: ignore[attr-defined]
    buttons.rejected.connect(dialog.reject)
    return buttons, button


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
