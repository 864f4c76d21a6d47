"""Ask before deleting a span that events or relations use: remove those uses too, or cancel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from annotations.model import kind_of
from annotations.project import Project

from .event_picker import quoted


def describe_uses(project: Project, span_id: str) -> list[str]:
    """One line per event/relation that refers to ``span_id``, saying what deleting it does there."""
    lines = []
    for uid in project.usage_of(span_id):
        if kind_of(uid) == "event":
            ev = project.event(uid)
            if ev.trigger == span_id:
                lines.append(QCoreApplication.translate(
                    "CascadePrompt", "event %1 %2: the whole event goes (this span is its trigger)")
                             .replace("%1", ev.type).replace("%2", quoted(ev.text)))
            roles = [role for role, target in ev.arguments if target == span_id]
            if roles:
                lines.append(QCoreApplication.translate("CascadePrompt", "event %1 %2: argument %3 is removed")
                             .replace("%1", ev.type).replace("%2", quoted(ev.text)).replace("%3", ", ".join(roles)))
        elif kind_of(uid) == "relation":
            rel = project.relation(uid)
            lines.append(QCoreApplication.translate("CascadePrompt", "relation %1 (%2 → %3) is removed")
                         .replace("%1", rel.type).replace("%2", rel.arg1).replace("%3", rel.arg2))
    return lines


class CascadePrompt(QDialog):
    """Lists what uses a span and offers "Remove with its uses" or "Cancel" (the default).

    Cancel leaves everything as it is; the other button lets the caller remove the span with
    ``cascade=True`` so no event or relation is left pointing at nothing.

    Attributes:
        uses: the lines shown.
        remove_button: removes the span and its uses when clicked.
        cancel_button: keeps everything.
    """

    def __init__(self, project: Project, span_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cascade_prompt")
        self.setWindowTitle(self.tr("Span in use"))
        span = project.span(span_id)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("%1 (%2) is used by:").replace("%1", quoted(span.text)).replace("%2", span.label))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.uses = describe_uses(project, span_id)
        listing = QListWidget()
        listing.addItems(self.uses)
        layout.addWidget(listing)
        layout.addWidget(QLabel(self.tr("Delete the span and these uses? Undo brings all of them back.")))
        buttons = QDialogButtonBox()
        self.remove_button = QPushButton(self.tr("Remove span and argument(s)"))
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.remove_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self.cancel_button.setDefault(True)  # Enter must not destroy annotations
        self.cancel_button.setFocus()
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, project: Project, span_id: str, parent: QWidget | None = None) -> bool:
        """Show the prompt modally; True when the user chose to remove the span with its uses."""
        dialog = cls(project, span_id, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
