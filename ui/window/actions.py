"""Every QAction of the main window in one place: text (translatable), shortcuts, check state, groups."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

from annotations import Schema

# Latin key -> the letter the same key types on the standard Arabic (101) layout, so label keys work
# without switching the keyboard back to Latin.
ARABIC_LAYOUT = dict(zip("qwertyuiopasdfghjklzxcvnm", "ضصثقفغعهخحشسيبلاتنمئءؤرىة", strict=True))


class Actions(QObject):
    """The window's actions. Slots are connected by the main window; label actions follow the schema.

    Attributes:
        labels: one action per entity type, shortcut = its schema key, active while the reader has focus.
    """

    def __init__(self, window: QWidget, reader: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._reader = reader
        SK = QKeySequence.StandardKey

        def make(text: str, shortcut: QKeySequence | str | SK | None = None, checkable: bool = False,
                 tip: str = "") -> QAction:
            # QAction(parent) + setText, not QAction(text, parent): matching that overload makes PySide
            # create the QIcon class and its enums (~1 ms of start-up) for nothing.
            action = QAction(window)
            action.setText(text)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.setCheckable(checkable)
            if tip:
                action.setStatusTip(tip)
            window.addAction(action)  # shortcuts work whatever has focus
            return action

        self.new_project = make(self.tr("&New project…"), SK.New)
        self.open_project = make(self.tr("&Open project…"), SK.Open)
        self.close_project = make(self.tr("&Close project"), SK.Close)
        self.quit = make(self.tr("&Quit"), SK.Quit)
        self.undo = make(self.tr("&Undo"), SK.Undo)
        self.redo = make(self.tr("&Redo"), SK.Redo)
        self.find = make(self.tr("&Find in document"), SK.Find)
        self.find_corpus = make(self.tr("Find in &all documents"), "Ctrl+Shift+F")
        self.zoom_in = make(self.tr("Zoom &in"), SK.ZoomIn)
        self.zoom_out = make(self.tr("Zoom &out"), SK.ZoomOut)
        self.zoom_reset = make(self.tr("&Actual size"), "Ctrl+0")
        self.more_spacing = make(self.tr("More line spacing"), "Ctrl+Alt+=")
        self.less_spacing = make(self.tr("Less line spacing"), "Ctrl+Alt+-")
        self.dark_theme = make(self.tr("&Dark theme"), "Ctrl+Shift+D", checkable=True)
        self.show_marks = make(self.tr("Show &invisible characters"), "Ctrl+Shift+I", checkable=True,
                               tip=self.tr("Bidi controls, zero-width characters and NBSP as small marks"))
        self.show_removed = make(self.tr("Show lines &removed at import"), "Ctrl+Shift+R", checkable=True)
        self.direction_group = QActionGroup(window)
        self.dir_auto = make(self.tr("Direction: &automatic"), checkable=True)
        self.dir_rtl = make(self.tr("Direction: right-to-left"), checkable=True)
        self.dir_ltr = make(self.tr("Direction: left-to-right"), checkable=True)
        for a in (self.dir_auto, self.dir_rtl, self.dir_ltr):
            self.direction_group.addAction(a)
        self.dir_auto.setChecked(True)
        self.mark_done = make(self.tr("Mark &done"), "Ctrl+Return")
        self.mark_in_progress = make(self.tr("Mark in &progress"))
        self.mark_skipped = make(self.tr("Mark &skipped"))
        self.mark_new = make(self.tr("Mark &new"))
        self.next_unannotated = make(self.tr("&Next unannotated document"), "Ctrl+Shift+N")
        self.delete_span = make(self.tr("&Delete span"), SK.Delete)
        self.snap_words = make(self.tr("Snap selection to &words"), checkable=True)
        self.snap_words.setChecked(True)
        self.clitic_snap = make(self.tr("Strip &clitics when labelling"), checkable=True,
                                tip=self.tr("و ف ب ك ل before a word are left out of the span"))
        self.strip_article = make(self.tr("Also strip the article ال"), checkable=True)
        self.accept_clitic = make(self.tr("Select without clitics"), "Alt+C")
        self.language_group = QActionGroup(window)
        self.lang_system = make(self.tr("Language: follow the system"), checkable=True)
        self.lang_en = make("English", checkable=True)
        self.lang_ar = make("العربية", checkable=True)
        for a in (self.lang_system, self.lang_en, self.lang_ar):
            self.language_group.addAction(a)
        self.shortcuts = make(self.tr("&Keyboard shortcuts"), SK.HelpContents)
        self.user_guide = make(self.tr("&User guide"))
        self.about = make(self.tr("&About Qalam Annotator"))
        self.labels: dict[str, QAction] = {}

    def set_labels(self, schema: Schema) -> None:
        """One action per entity type with its single-key shortcut, scoped to the reader."""
        for action in self.labels.values():
            self._reader.removeAction(action)
            action.deleteLater()
        self.labels = {}
        for etype in schema.entity_types:
            action = QAction(self._reader)  # (parent) + setText: see make()
            action.setText(self.tr("Label as %1").replace("%1", etype.name))
            if etype.key:
                keys = [QKeySequence(etype.key)]
                arabic = ARABIC_LAYOUT.get(etype.key.lower())
                if arabic:  # the same physical key on the standard Arabic keyboard layout
                    keys.append(QKeySequence(arabic))
                action.setShortcuts(keys)
                # A bare letter must not fire while typing in the find box: only while the reader has focus.
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self._reader.addAction(action)
            self.labels[etype.name] = action
