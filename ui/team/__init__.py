"""Team work in the GUI: the curation view, the agreement window, bundle export/import and the
annotator's name (``team_controller.install_team`` wires them into the main window)."""
