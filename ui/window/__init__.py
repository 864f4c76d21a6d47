"""The main window and what it owns: actions, document list, annotation panel, palette, undo, start-up, crash dialog."""
