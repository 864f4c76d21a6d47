"""Import and export: the dialogs, the controller that runs them, progress and the result report."""
