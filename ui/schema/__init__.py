"""The schema editor: labels, event types and roles of a project."""
