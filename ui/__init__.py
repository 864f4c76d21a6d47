"""PySide6 user interface of the annotator: thin widgets and adapters over the Qt-free ``annotations`` core."""
